import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionTenant } from '../../server/modules/organization/provision.js';
import { createPerson } from '../../server/modules/organization/people.service.js';
import { createUnit } from '../../server/modules/organization/units.service.js';
import { expectAccessible, logIn, startStack } from './browser.js';

const PASSWORD = 'e2e-password-123';
let stack: Awaited<ReturnType<typeof startStack>>;
let page: Page;
let registerFile: string;

beforeAll(async () => {
  stack = await startStack();
  const now = new Date();
  const t = await provisionTenant(stack.db, { name: 'Region System', slug: 'e2e-sys', rootName: 'Regionfullmäktige', admin: { name: 'Sara Admin', email: 'sys@e2e.example', password: PASSWORD }, now });
  const ctx = { tenantId: t.tenantId, lang: 'sv' as const, now, actor: { personId: t.adminId, name: 'Sara Admin', grants: [{ role: 'administrator' as const, unitId: t.rootUnitId, unitPath: [t.rootUnitId] }] } };
  await createUnit(stack.db, ctx, { parentId: t.rootUnitId, kind: 'administration', name: 'Regionservice', shortName: 'RSE' });
  await createPerson(stack.db, ctx, { name: 'Olle Objektägare', email: 'olle@e2e.example', canLogIn: false });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Systemförteckning');
  ws.addRow(['Systemnamn', 'Förvaltning', 'Status', 'Kategori', 'Leverantör', 'Förmågor']);
  ws.addRow(['Ekonomisystemet', 'RSE', 'i drift', 'verksamhetsstödjande', 'Ekonomihuset AB', 'redovisning']);
  ws.addRow(['Intranätet', 'RSE', 'i drift', 'verksamhetsstödjande', 'Webbyrån', 'kommunikation']);
  registerFile = join(mkdtempSync(join(tmpdir(), 'styrbord-e2e-')), 'systemforteckning.xlsx');
  writeFileSync(registerFile, Buffer.from(await wb.xlsx.writeBuffer()));
  page = await (await stack.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await logIn(page, stack.baseUrl, 'sys@e2e.example', PASSWORD);
});
afterAll(() => stack?.close());

describe('the IT-system register', () => {
  it('imports the region’s spreadsheet: check first, then import', async () => {
    await page.getByRole('link', { name: 'IT-system', exact: true }).click();
    await page.getByRole('link', { name: 'Importera från Excel' }).click();
    await page.getByRole('heading', { name: 'Importera från Excel', level: 1 }).waitFor();
    await expectAccessible(page, 'system import');
    await page.getByLabel('Systemförteckning (.xlsx)').setInputFiles(registerFile);
    await page.getByRole('button', { name: 'Kontrollera' }).click();
    await page.getByText('2 rader: 2 nya, 0 ändrade, 0 oförändrade.').waitFor();
    await page.getByRole('heading', { name: 'Inget är sparat ännu.' }).waitFor();
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('heading', { name: 'Importen är klar.' }).waitFor();
    await expectAccessible(page, 'system import result');
  });

  it('fixes an ownership gap and classifies a system, and the flags disappear', async () => {
    await page.getByRole('link', { name: 'IT-system', exact: true }).click();
    const row = page.getByRole('row', { name: /Ekonomisystemet/ });
    await expect.poll(() => row.textContent()).toContain('Saknar ägare');
    expect(await row.textContent()).toContain('Ej klassat');
    await expectAccessible(page, 'system register');
    await page.getByRole('link', { name: 'Ekonomisystemet' }).click();
    await page.getByRole('heading', { name: 'Ekonomisystemet', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Redigera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Redigera IT-system' });
    await dialog.getByLabel('Systemägare').selectOption({ label: 'Olle Objektägare' });
    await dialog.getByLabel('Objektledare').selectOption({ label: 'Olle Objektägare' });
    await dialog.getByLabel('Konfidentialitet (0–4)').fill('2');
    await dialog.getByLabel('Riktighet (0–4)').fill('3');
    await dialog.getByLabel('Tillgänglighet (0–4)').fill('2');
    await expectAccessible(page, 'system dialog');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByText(/2 \/ 3 \/ 2 \(Klassad/).waitFor();
    expect(await page.getByText('Saknar ägare').count()).toBe(0);
    expect(await page.getByText('Ej klassat').count()).toBe(0);
    await expectAccessible(page, 'system page');
    await page.getByRole('link', { name: 'IT-system', exact: true }).click();
    await expect.poll(() => page.getByRole('row', { name: /Ekonomisystemet/ }).textContent()).not.toContain('Saknar ägare');
  });
});
