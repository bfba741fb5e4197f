import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { langOf, t } from './i18n/messages.js';
import { stableStringify } from './stable-json.js';
import { GENESIS, hashEvent } from './audit/audit.js';
import { z } from 'zod';
import type { DomainError } from '../../domain/shared/errors.js';
import { problemOf } from './errors.js';
import { inputIssues, parseInput } from './write.js';

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

describe('problems met mid-stream', () => {
  it('a database refusal is the same 4xx as outside a stream, never an internal error', () => {
    const unique = Object.assign(new Error('duplicate key'), {
      code: '23505',
      constraint: 'it_systems_name_unique',
    });
    const wrapped = Object.assign(new Error('query failed'), { cause: unique });
    const problem = problemOf(wrapped, 'sv', '/api/systems/import');
    expect(problem).toMatchObject({ status: 409, type: 'urn:styrbord:problem:conflict' });
    // In words a person reads, without the database's names.
    expect(problem.detail).toContain('samma värde');
    expect(problem.detail).not.toContain('it_systems');
    expect(problemOf(new Error('boom'), 'sv', '/x')).toMatchObject({ status: 500 });
  });
});

describe('the one write path’s schema check', () => {
  const schema = z.object({ name: z.string().max(5) }).strict();
  it('refuses with the words a route gives, and places the fields under a prefix', () => {
    const err = (() => {
      try {
        parseInput(schema, { name: 'för långt namn', extra: 1 }, 'sv', 'rad 4');
      } catch (e) {
        return e as DomainError;
      }
      return null;
    })();
    expect(err?.kind).toBe('invalid');
    const fields = err!.fields.map((f) => ({ path: f.path, text: t('sv', f.key, f.params) }));
    expect(fields).toEqual([
      { path: 'rad 4.name', text: expect.stringMatching(/5/) as string },
      { path: 'rad 4', text: 'Fältet extra finns inte.' },
    ]);
    expect(inputIssues(schema, { name: 'ok' }, 'en')).toEqual([]);
    expect(parseInput(schema, { name: 'ok' }, 'en')).toEqual({ name: 'ok' });
  });
});
