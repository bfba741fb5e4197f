import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
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

  it('creates the region and logs the administrator in', async () => {
    await page.getByLabel('Lösenord (minst 10 tecken)').fill('ett långt lösenord');
    await page.getByLabel('Samma lösenord igen').fill('ett långt lösenord');
    await page.getByRole('button', { name: 'Skapa regionen' }).click();
    await page.getByRole('heading', { name: 'Översikt', level: 1 }).waitFor();
  });

  it('imports its organisation and people from the HR export', async () => {
    const wb = new ExcelJS.Workbook();
    const units = wb.addWorksheet('Enheter');
    units.addRow(['HR-export, november']);
    units.addRow(['Enhetskod', 'Namn', 'Överordnad kod', 'Typ']);
    units.addRow(['200', 'Regionstyrelsen', '', 'regionstyrelse']);
    units.addRow(['210', 'Regionkontoret', '200', 'förvaltning']);
    units.addRow(['211', 'Digitaliseringsenheten', '210', 'enhet']);
    const people = wb.addWorksheet('Personer');
    people.addRow(['Namn', 'E-post', 'Enhetskod', 'Befattning']);
    people.addRow(['Dana Digital', 'dana@intranat.example', '211', 'Enhetschef']);
    const file = join(dataDir, 'hr-export.xlsx');
    await wb.xlsx.writeFile(file);

    await page.getByRole('link', { name: 'Organisation', exact: true }).first().click();
    await page.getByRole('link', { name: 'Importera från HR-systemet' }).click();
    await page.getByRole('heading', { name: 'Importera organisation och personer' }).waitFor();
    await page.getByLabel('Fil (Excel .xlsx eller CSV)').setInputFiles(file);
    await page.getByRole('button', { name: 'Kontrollera' }).click();
    await page.getByRole('heading', { name: 'Kontrollerad: inget är sparat ännu' }).waitFor();
    expect(await page.getByText('3 rader: 3 nya, 0 ändrade, 0 oförändrade.').count()).toBe(1);
    await expectAccessible(page, 'organisation import preview');
    await page.getByRole('button', { name: 'Importera' }).click();
    await page.getByRole('heading', { name: 'Importen är sparad' }).waitFor();
    await page.getByRole('link', { name: '← Organisation' }).click();
    await page.getByRole('link', { name: 'Digitaliseringsenheten' }).waitFor();
  });

  it('later visits get the login page with the region’s name', async () => {
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { name: 'Logga in i Styrbord' }).waitFor();
    expect(await page.locator('.login__region').textContent()).toBe('Region Intranät');
    expect(await page.getByText('Demoregionen').count()).toBe(0);
    await page.goto(`${origin}/setup?token=${gate.token}`);
    await page.getByRole('heading', { name: 'Logga in i Styrbord' }).waitFor();
  });
});
