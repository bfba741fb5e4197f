import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openSetupGate, type SetupGate } from '../../server/platform/setup-token.js';
import { expectAccessible, startStack } from './browser.js';

// A region adopting Styrbord on an intranet server over plain HTTP. The browser reaches the app by
// a host name, as people do, not as localhost (which Chromium treats as a secure origin and never
// upgrades to https); the name is mapped to the loopback address, so no traffic leaves the machine.
const HOST = 'styrbord.intranet.test';
let stack: Awaited<ReturnType<typeof startStack>>;
let page: Page;
let gate: SetupGate;
let dataDir: string;
let origin: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'styrbord-e2e-setup-'));
  gate = openSetupGate(dataDir);
  stack = await startStack({
    setup: gate,
    browserArgs: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
  });
  origin = stack.baseUrl.replace('127.0.0.1', HOST);
  page = await (
    await stack.browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage();
});
afterAll(async () => {
  await stack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a region sets itself up on an intranet server over plain HTTP', () => {
  it('the first visit shows the setup page, with the code from the link filled in', async () => {
    await page.goto(`${origin}/setup?token=${gate.token}`);
    await page.getByRole('heading', { name: 'Införa Styrbord', level: 1 }).waitFor();
    expect(await page.getByLabel('Engångskod').inputValue()).toBe(gate.token);
    await expectAccessible(page, 'setup page');
  });

  it('says what is wrong without losing what was typed', async () => {
    await page.getByLabel('Regionens eller kommunens namn').fill('Region Intranät');
    await page.getByLabel('Administratörens namn').fill('Ingrid IT');
    await page.getByLabel('Administratörens e-postadress').fill('ingrid@intranat.example');
    await page.getByLabel('Lösenord (minst 10 tecken)').fill('kort');
    await page.getByLabel('Samma lösenord igen').fill('kort');
    await page.getByRole('button', { name: 'Skapa regionen' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('10');
    expect(await page.getByLabel('Regionens eller kommunens namn').inputValue()).toBe(
      'Region Intranät',
    );
    await expectAccessible(page, 'setup page with errors');
  });

  it('creates the region and logs the administrator in; later visits get the login page', async () => {
    await page.getByLabel('Lösenord (minst 10 tecken)').fill('ett långt lösenord');
    await page.getByLabel('Samma lösenord igen').fill('ett långt lösenord');
    await page.getByRole('button', { name: 'Skapa regionen' }).click();
    await page.getByRole('heading', { name: 'Översikt', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { name: 'Logga in i Styrbord' }).waitFor();
    expect(await page.locator('.login__region').textContent()).toBe('Region Intranät');
    expect(await page.getByText('Demoregionen').count()).toBe(0);
    await page.goto(`${origin}/setup?token=${gate.token}`);
    await page.getByRole('heading', { name: 'Logga in i Styrbord' }).waitFor();
  });
});
