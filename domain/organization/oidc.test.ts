import { describe, expect, it } from 'vitest';
import { canTurnOffLocalPasswords, grantsFromGroups, isOidcConfigured } from './oidc.js';

const root = '00000000-0000-4000-8000-000000000001';
const unit = '00000000-0000-4000-8000-000000000002';
const mapping = [
  { group: 'styrbord-admin', role: 'administrator' as const, unitId: root },
  { group: 'it-redaktorer', role: 'editor' as const, unitId: unit },
  { group: 'alla', role: 'reader' as const, unitId: root },
];

describe('single sign-on rules', () => {
  it('maps the groups a person has to one grant per role and unit', () => {
    expect(grantsFromGroups(['it-redaktorer', 'alla', 'okänd'], mapping)).toEqual([
      { role: 'editor', unitId: unit },
      { role: 'reader', unitId: root },
    ]);
    expect(grantsFromGroups([...mapping.map((m) => m.group), 'alla'], mapping)).toHaveLength(3);
  });

  it('gives nothing for no groups or a claim that is not a list of names', () => {
    expect(grantsFromGroups(undefined, mapping)).toEqual([]);
    expect(grantsFromGroups([1, null, {}], mapping)).toEqual([]);
    expect(grantsFromGroups('alla', mapping)).toEqual([{ role: 'reader', unitId: root }]);
  });

  it('needs an issuer, a client and its secret', () => {
    const c = { issuer: 'https://idp', clientId: 'styrbord', hasSecret: true, groupRoles: [] };
    expect(isOidcConfigured(c)).toBe(true);
    expect(isOidcConfigured({ ...c, hasSecret: false })).toBe(false);
    expect(isOidcConfigured({ ...c, issuer: null })).toBe(false);
  });

  it('turns local passwords off only when a group administers the whole tenant', () => {
    const c = { issuer: 'https://idp', clientId: 'styrbord', hasSecret: true, groupRoles: mapping };
    expect(canTurnOffLocalPasswords(c, [root])).toBe(true);
    expect(canTurnOffLocalPasswords({ ...c, groupRoles: mapping.slice(1) }, [root])).toBe(false);
    expect(canTurnOffLocalPasswords({ ...c, clientId: null }, [root])).toBe(false);
  });
});
