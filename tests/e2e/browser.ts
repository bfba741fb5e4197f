import { provisionTenant } from '../../server/modules/organization/provision.js';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { buildApp } from '../../server/app.js';
import { testDatabase } from '../../server/test/helper.js';
import type { SetupGate } from '../../server/platform/setup-token.js';

export const WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * The real app on a free port with its own database, and Debian's Chromium. `setup` opens the
 * first run's setup gate; `browserArgs` adds Chromium switches (a host name mapped to loopback).
 */
export async function startStack(opts: { setup?: SetupGate; browserArgs?: string[] } = {}) {
  if (!existsSync(`${WEB_DIR}/index.html`))
    throw new Error('web/dist is missing: run `npm run build:web` first (npm test does).');
  const database = await testDatabase();
  const app = await buildApp({ db: database.db, webDir: WEB_DIR, setup: opts.setup ?? null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
      ...(opts.browserArgs ?? []),
    ],
  });
  return {
    app,
    db: database.db,
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** WCAG 2.1 A and AA, checked by axe on what the page shows now. */
export async function expectAccessible(page: Page, label: string) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} → ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
  expect(violations, `axe on ${label}`).toEqual([]);
}

export async function logIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { name: 'Översikt', level: 1 }).waitFor();
}

export const E2E_PASSWORD = 'e2e-password-123';

/** A fresh tenant for one e2e file, its administrator, and a context to seed it through the services. */
export async function anE2eTenant(
  stack: Awaited<ReturnType<typeof startStack>>,
  o: { name: string; slug: string; adminName: string; adminEmail: string },
) {
  const now = new Date();
  const t = await provisionTenant(stack.db, {
    name: o.name,
    slug: o.slug,
    rootName: 'Regionfullmäktige',
    admin: { name: o.adminName, email: o.adminEmail, password: E2E_PASSWORD },
    now,
  });
  const ctx = {
    tenantId: t.tenantId,
    lang: 'sv' as const,
    now,
    actor: {
      personId: t.adminId,
      name: o.adminName,
      grants: [{ role: 'administrator' as const, unitId: t.rootUnitId, unitPath: [t.rootUnitId] }],
    },
  };
  const page = await (
    await stack.browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage();
  return { t, ctx, page };
}

/** Press the open dialog's Spara and wait until it has closed (a refusal keeps it open, and the wait fails). */
export async function saveDialog(page: Page) {
  await page.getByRole('dialog').getByRole('button', { name: 'Spara' }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}
