import { describe, expect, it } from 'vitest';
import { loginUrlFor, tenantSlugOf } from './tenant-slug.js';

describe('the tenant a login is for', () => {
  it('comes from /t/<slug> or ?tenant=, else from nowhere', () => {
    expect(tenantSlugOf({ pathname: '/t/eslov', search: '' })).toBe('eslov');
    expect(tenantSlugOf({ pathname: '/t/eslov/', search: '' })).toBe('eslov');
    expect(tenantSlugOf({ pathname: '/', search: '?tenant=lund' })).toBe('lund');
    expect(tenantSlugOf({ pathname: '/', search: '?tenant=../x' })).toBeNull();
    expect(tenantSlugOf({ pathname: '/units', search: '' })).toBeNull();
  });
  it('is sent with the login', () => {
    expect(loginUrlFor({ pathname: '/t/eslov', search: '' })).toBe('/api/auth/login?tenant=eslov');
    expect(loginUrlFor({ pathname: '/', search: '' })).toBe('/api/auth/login');
  });
});
