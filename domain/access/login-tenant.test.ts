import { describe, expect, it } from 'vitest';
import { chooseLogin, EMAIL_DOMAIN } from './login-tenant.js';

const a = { tenantSlug: 'lund', emailDomains: ['lund.se'], tenantDisabled: false };
const b = { tenantSlug: 'eslov', emailDomains: ['eslov.se'], tenantDisabled: false };
const plain = { tenantSlug: 'region', emailDomains: [], tenantDisabled: false };

describe('chooseLogin', () => {
  it('an e-mail in one tenant logs in to it, whatever its domain', () => {
    expect(chooseLogin([plain], 'anna@lund.se')).toEqual({ kind: 'one', login: plain });
  });
  it('an e-mail in two tenants is told apart by the tenants’ e-mail domains', () => {
    expect(chooseLogin([a, b], 'anna@eslov.se')).toEqual({ kind: 'one', login: b });
  });
  it('without a matching domain or a slug, an e-mail in two tenants is ambiguous', () => {
    expect(chooseLogin([a, b], 'anna@skane.se').kind).toBe('ambiguous');
  });
  it('a slug names the tenant, even against the domain', () => {
    expect(chooseLogin([a, b], 'anna@eslov.se', 'lund')).toEqual({ kind: 'one', login: a });
    expect(chooseLogin([a, b], 'anna@eslov.se', 'nowhere')).toEqual({ kind: 'none' });
  });
  it('a disabled tenant is chosen only when nothing else fits', () => {
    const off = { ...a, tenantDisabled: true };
    expect(chooseLogin([off, plain], 'anna@lund.se')).toEqual({ kind: 'one', login: plain });
    expect(chooseLogin([off], 'anna@lund.se')).toEqual({ kind: 'one', login: off });
  });
  it('an e-mail domain is lower case with a dot', () => {
    expect(EMAIL_DOMAIN.test('kommun.se')).toBe(true);
    expect(EMAIL_DOMAIN.test('Kommun.se')).toBe(false);
    expect(EMAIL_DOMAIN.test('@kommun.se')).toBe(false);
    expect(EMAIL_DOMAIN.test('kommun')).toBe(false);
  });
});
