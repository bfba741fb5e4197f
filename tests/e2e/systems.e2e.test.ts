import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPerson } from '../../server/modules/organization/people.service.js';
import { createUnit } from '../../server/modules/organization/units.service.js';
import { anE2eTenant, E2E_PASSWORD, expectAccessible, logIn, startStack } from './browser.js';

const PASSWORD = E2E_PASSWORD;
let stack: Awaited<ReturnType<typeof startStack>>;
let page: Page;
let registerFile: string;

beforeAll(async () => {
  stack = await startStack();
  const {
    t,
    ctx,
    page: p,
  } = await anE2eTenant(stack, {
    name: 'Region System',
    slug: 'e2e-sys',
    adminName: 'Sara Admin',
    adminEmail: 'sys@e2e.example',
  });
  await createUnit(stack.db, ctx, {
    parentId: t.rootUnitId,
    kind: 'administration',
    name: 'Regionservice',
    shortName: 'RSE',
  });
  await createPerson(stack.db, ctx, {
    name: 'Olle Objektägare',
    email: 'olle@e2e.example',
    canLogIn: false,
  });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Systemförteckning');
  ws.addRow([
    'Systemnamn',
    'Förvaltning',
    'Status',
    'Kategori',
    'Leverantör',
    'Förmågor',
    'Applikationsansvarig',
    'Kommentar',
  ]);
  ws.addRow([
    'Ekonomisystemet',
    'RSE',
    'i drift',
    'verksamhetsstödjande',
    'Ekonomihuset AB',
    'redovisning',
    '',
    'Byts 2027',
  ]);
  ws.addRow([
    'Intranätet',
    'RSE',
    'i drift',
    'verksamhetsstödjande',
    'Webbyrån',
    'kommunikation',
    'olle@e2e.example',
    '',
  ]);
  registerFile = join(mkdtempSync(join(tmpdir(), 'styrbord-e2e-')), 'systemforteckning.xlsx');
  writeFileSync(registerFile, Buffer.from(await wb.xlsx.writeBuffer()));
  page = p;
  await logIn(page, stack.baseUrl, 'sys@e2e.example', PASSWORD);
});
afterAll(() => stack?.close());

describe('the IT-system register', () => {
  it('imports the region’s spreadsheet: check first, then import', async () => {
    await page.getByRole('link', { name: 'IT-system', exact: true }).click();
    await page.getByRole('link', { name: 'Importera från Excel' }).click();
    await page.getByRole('heading', { name: 'Importera från Excel', level: 1 }).waitFor();
    await expectAccessible(page, 'system import');
    await page.getByLabel('Systemförteckning (.xlsx eller CSV)').setInputFiles(registerFile);
    // Recognised headings are mapped already; the region's own heading is mapped by hand.
    await page.getByRole('heading', { name: 'Kolumner' }).waitFor();
    expect(await page.getByLabel('Systemnamn').inputValue()).toBe('name');
    expect(await page.getByLabel('Kommentar').inputValue()).toBe('comment');
    await page.getByLabel('Applikationsansvarig').selectOption({ label: 'Objektledare' });
    await expectAccessible(page, 'system import mapping');
    await page.getByRole('button', { name: 'Kontrollera igen' }).click();
    await page.getByText(/^Nya system: 2 · ändras: 0/).waitFor();
    await page.getByRole('button', { name: 'Importera allt eller inget' }).click();
    await page.getByRole('heading', { name: 'Importen är klar.' }).waitFor();
    await expectAccessible(page, 'system import result');
  });

  it('fixes an ownership gap from the gap list and classifies a system, and the flags disappear', async () => {
    await page.getByRole('link', { name: 'IT-system', exact: true }).click();
    const row = page.getByRole('row', { name: /Ekonomisystemet/ });
    await expect.poll(() => row.textContent()).toContain('Saknar ägare');
    expect(await row.textContent()).toContain('Ej klassat');
    expect(await page.getByRole('row', { name: /Intranätet/ }).textContent()).not.toContain(
      'Saknar objektledare',
    ); // the mapped column was read
    await expectAccessible(page, 'system register');
    await page.getByRole('link', { name: 'Ägarskapsluckor' }).click();
    await page.getByRole('heading', { name: 'Ägarskapsluckor', level: 1 }).waitFor();
    await page.getByRole('row', { name: /Ekonomisystemet/ }).waitFor();
    await expectAccessible(page, 'ownership gaps');
    await page.getByRole('link', { name: 'Ekonomisystemet' }).click();
    await page.getByRole('heading', { name: 'Ekonomisystemet', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Redigera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Redigera IT-system' });
    await dialog
      .getByLabel('Systemägare', { exact: true })
      .selectOption({ label: 'Olle Objektägare' });
    await dialog
      .getByLabel('Objektledare', { exact: true })
      .selectOption({ label: 'Olle Objektägare' });
    await dialog.getByLabel('Systemägaren utsedd av').selectOption({ label: 'Sara Admin' });
    await expectAccessible(page, 'system dialog');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByText('Saknar ägare').count()).toBe(0);
    await page.getByText('Ej klassat').waitFor();
    await page.getByRole('button', { name: 'Klassa' }).click();
    const classify = page.getByRole('dialog', { name: /Informationsklassning/ });
    await classify.getByLabel('Konfidentialitet (0–4)').selectOption('2');
    await classify.getByLabel('Riktighet (0–4)').selectOption('3');
    await classify.getByLabel('Tillgänglighet (0–4)').selectOption('2');
    await expectAccessible(page, 'classify dialog');
    await classify.getByRole('button', { name: 'Spara' }).click();
    await page.getByText(/2 \/ 3 \/ 2 \(Klassad/).waitFor();
    expect(await page.getByText('Ej klassat').count()).toBe(0);
    await expectAccessible(page, 'system page');
    await page.getByRole('link', { name: 'Ägarskapsluckor' }).click();
    await page.getByRole('heading', { name: 'Ägarskapsluckor', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Ekonomisystemet/ }).count()).toBe(0);
  });

  it('builds the service tree, links the system to a service and shows its escalation path', async () => {
    await page.getByRole('link', { name: 'Digitala tjänster' }).first().click();
    await page.getByRole('heading', { name: 'Digitala tjänster', level: 1 }).waitFor();
    await page.getByText('Inga samordningsområden ännu', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Nytt samordningsområde' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Namn/ }).fill('Gemensam administration');
    await dialog
      .getByLabel(/^Ägande nämnd eller styrelse/)
      .selectOption({ label: 'Regionfullmäktige' });
    await dialog
      .getByLabel('Ägare av samordningsområdet')
      .selectOption({ label: 'Olle Objektägare' });
    await expectAccessible(page, 'node dialog');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('button', { name: /Tjänsteområde – Ny under Gemensam administration/ })
      .click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Namn/ }).fill('Ekonomi');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: /Digital tjänst – Ny under Ekonomi/ }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Namn/ }).fill('Redovisning');
    await dialog
      .getByLabel(/^Ägande nämnd eller styrelse/)
      .selectOption({ label: 'Regionfullmäktige' });
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.tree__row', { hasText: 'Redovisning' }).waitFor();
    expect(await page.locator('.tree__row', { hasText: 'Redovisning' }).textContent()).toContain(
      'Ansvarig saknas',
    );
    await expectAccessible(page, 'service tree');
    await page.getByRole('link', { name: 'Redovisning' }).click();
    await page.getByRole('heading', { name: 'Redovisning', level: 1 }).waitFor();
    await page.getByLabel('Sök system att koppla').fill('Ekonomi');
    await page.getByRole('button', { name: 'Koppla Ekonomisystemet' }).click();
    await page.getByRole('link', { name: 'Ekonomisystemet' }).waitFor();
    await expectAccessible(page, 'service page');
    await page.getByRole('link', { name: 'Ekonomisystemet' }).click();
    await page.getByRole('heading', { name: 'Ekonomisystemet', level: 1 }).waitFor();
    const path = page.getByRole('region', { name: 'Eskaleringsväg' });
    await expect
      .poll(() => path.textContent())
      .toContain('Ägare av samordningsområdet (Gemensam administration): Olle Objektägare');
    expect(await path.textContent()).toMatch(/Tjänsteansvarig \(Redovisning\): \W*Vakant/);
  });
});
