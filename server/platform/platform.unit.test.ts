import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { langOf, t } from './i18n/messages.js';
import { stableStringify } from './stable-json.js';
import { GENESIS, hashEvent } from './audit/audit.js';

describe('language', () => {
  it('is Swedish unless English is preferred', () => {
    expect(langOf(undefined)).toBe('sv');
    expect(langOf('en-GB,en;q=0.9')).toBe('en');
    expect(langOf('sv-SE,en;q=0.5')).toBe('sv');
    expect(langOf('de-DE')).toBe('sv');
    expect(langOf('sv;q=0.4,en;q=0.8')).toBe('en');
  });
  it('every message exists in both languages', () => {
    expect(t('en', 'errors.forbidden')).toBe('You are not allowed to do this.');
    expect(t('sv', 'errors.notFound', { entity: 'entity.unit' })).toContain('organisationsenheten');
  });
});

describe('stable JSON for hashing', () => {
  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(stableStringify(reversed)).toBe(stableStringify(obj));
      }),
    );
  });
});

describe('audit hash', () => {
  const e = {
    tenantId: 't',
    seq: 1,
    occurredAt: new Date('2026-01-01T00:00:00Z'),
    actorId: null,
    actorName: null,
    entityType: 'unit',
    entityId: null,
    action: 'create',
    before: null,
    after: { name: 'A' },
  };
  it('changes when any content or the previous hash changes', () => {
    const h = hashEvent(GENESIS, e);
    expect(hashEvent(GENESIS, { ...e, after: { name: 'B' } })).not.toBe(h);
    expect(hashEvent('f'.repeat(64), e)).not.toBe(h);
    expect(hashEvent(GENESIS, { ...e, seq: 2 })).not.toBe(h);
  });
  it('ignores fields that are not content (a row read back carries id and hashes)', () => {
    expect(hashEvent(GENESIS, { ...e, id: 'x', hash: 'y', prevHash: 'z' } as typeof e)).toBe(
      hashEvent(GENESIS, e),
    );
  });
});
