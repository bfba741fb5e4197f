import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { settingsSections } from '../../server/modules/registry.js';
import { updateSettings } from '../../server/platform/tenant-routes.js';
import { startOidcProvider, TEST_CLIENT } from '../../server/test/oidc-provider.js';
import { anE2eTenant, expectAccessible, startStack } from './browser.js';

/**
 * Logging in through the region's own OpenID Connect provider (oidc-provider on 127.0.0.1) in
 * Chromium: the login page offers only the organisation's account once local passwords are off,
 * the provider's login page sends the person back logged in, and logging out logs out there too.
 */
let stack: Awaited<ReturnType<typeof startStack>>;
let provider: Awaited<ReturnType<typeof startOidcProvider>>;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  provider = await startOidcProvider({
    accounts: {
      alva: { email: 'alva@region-sso.example', name: 'Alva Berg', groups: ['styrbord-admin'] },
    },
    redirectUris: [`${stack.baseUrl}/api/auth/oidc/callback`],
    postLogoutRedirectUris: [`${stack.baseUrl}/`],
  });
  const tenant = await anE2eTenant(stack, {
    name: 'Region SSO',
    slug: 'region-sso',
    adminName: 'Anna Admin',
    adminEmail: 'anna@region-sso.example',
  });
  page = tenant.page;
  await updateSettings(stack.db, tenant.ctx, settingsSections, {
    version: 1,
    oidcIssuer: provider.issuer,
    oidcClientId: TEST_CLIENT.id,
    oidcClientSecret: TEST_CLIENT.secret,
    oidcGroupRoles: [
      { group: 'styrbord-admin', role: 'administrator', unitId: tenant.t.rootUnitId },
    ],
    localPasswords: false,
  });
}, 120_000);
afterAll(async () => {
  await provider?.close();
  await stack?.close();
});

describe('single sign-on in the browser', () => {
  it('logs in with the organisation’s account and out again at the provider', async () => {
    await page.goto(`${stack.baseUrl}/`);
    const button = page.getByRole('link', { name: 'Logga in med organisationens konto' });
    await button.waitFor();
    expect(await page.getByLabel('Lösenord').count()).toBe(0);
    await expectAccessible(page, 'the login page with single sign-on only');

    await button.click();
    await page.waitForURL(`${provider.issuer}/**`);
    await page.locator('input[name="login"]').fill('alva');
    await page.locator('input[name="password"]').fill('vad-som-helst');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Översikt', level: 1 }).waitFor();
    expect(page.url()).toBe(`${stack.baseUrl}/`);
    await page.getByText('Alva Berg').first().waitFor();

    // The administrator the group made sees the provider and the mapping in Settings.
    await page.goto(`${stack.baseUrl}/installningar`);
    await page.getByLabel('Grupp 1').waitFor();
    expect(await page.getByLabel('Grupp 1').inputValue()).toBe('styrbord-admin');
    expect(await page.getByLabel('Utfärdare (issuer URL)').inputValue()).toBe(provider.issuer);
    expect(await page.getByLabel('Klienthemlighet').inputValue()).toBe('');
    await page.getByText('En hemlighet är sparad.').waitFor();
    await expectAccessible(page, 'the settings page with single sign-on');

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.waitForURL(`${provider.issuer}/**`);
    // The provider asks whether to log out there too; yes, and it sends the browser back.
    await page.getByRole('button', { name: /yes/i }).click();
    await page.getByRole('link', { name: 'Logga in med organisationens konto' }).waitFor();
    expect(page.url()).toBe(`${stack.baseUrl}/`);
  });
});
