import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPerson } from '../../server/modules/organization/people.service.js';
import { createUnit } from '../../server/modules/organization/units.service.js';
import { messyRegister, type MessyFacts } from '../../server/test/messy-register.js';
import { anE2eTenant, E2E_PASSWORD, expectAccessible, logIn, startStack } from './browser.js';

/*
 * Issue 14 in the browser: a region's messy register is uploaded as it is; the user confirms how
 * the columns and the administrations are read, imports what can be read, fixes one unread value
 * on the system's page and sees the count of open problems fall.
 */
let stack: Awaited<ReturnType<typeof startStack>>;
let page: Page;
let file: string;
let facts: MessyFacts;
const units = [
  { name: 'Hälso- och sjukvårdsförvaltningen', shortName: 'HSF' },
  { name: 'Regionservice', shortName: 'RS' },
  { name: 'Kollektivtrafikförvaltningen', shortName: null },
];
const people = [
  { name: 'Anna Berg', email: 'anna.berg@e2e.example' },
  { name: 'Per Ek', email: 'per.ek@e2e.example' },
];

beforeAll(async () => {
  stack = await startStack();
  const {
    t,
    ctx,
    page: p,
  } = await anE2eTenant(stack, {
    name: 'Region Rörig',
    slug: 'e2e-messy',
    adminName: 'Rut Admin',
    adminEmail: 'messy@e2e.example',
  });
  for (const u of units)
    await createUnit(stack.db, ctx, {
      parentId: t.rootUnitId,
      kind: 'administration',
      name: u.name,
      shortName: u.shortName,
    });
  for (const x of people) await createPerson(stack.db, ctx, { ...x, canLogIn: false });
  const today = new Date().toISOString().slice(0, 10);
  const made = await messyRegister({ rows: 80, seed: 7, units, people, today });
  facts = made.facts;
  file = join(mkdtempSync(join(tmpdir(), 'styrbord-e2e-')), 'systemforteckning 2026.xlsx');
  writeFileSync(file, made.file);
  page = p;
  await logIn(page, stack.baseUrl, 'messy@e2e.example', E2E_PASSWORD);
}, 120_000);
afterAll(() => stack?.close());

const openProblems = async () => {
  await page.getByRole('link', { name: 'Att åtgärda från importer' }).first().click();
  await page.getByRole('heading', { name: 'Att åtgärda från importer', level: 1 }).waitFor();
  const text = await page.getByRole('navigation', { name: /^Visar / }).textContent();
  return Number((/av ([\d\s\u00a0]+)/.exec(text ?? '')?.[1] ?? '').replace(/\D/g, ''));
};

describe('a messy register in the browser', () => {
  it('shows how the file is read, takes the choices, and imports what can be read', async () => {
    await page.goto(`${stack.baseUrl}/it-system/import`);
    await page.getByRole('heading', { name: 'Importera från Excel', level: 1 }).waitFor();
    await page.getByLabel('Systemförteckning (.xlsx eller CSV)').setInputFiles(file);
    await page.getByRole('heading', { name: 'Kolumner' }).waitFor();
    await page.getByText(`${facts.rows} rader med system`, { exact: false }).waitFor();
    expect(await page.getByLabel('Systemnamn').inputValue()).toBe('name');
    // The administrations as written: each read as a unit; the user confirms one by choosing it.
    await page.getByRole('heading', { name: 'Förvaltningar och enheter' }).waitFor();
    const first = page.locator('select[id^="unit-"]').first();
    const chosen = await first.inputValue();
    expect(chosen).not.toBe('');
    await first.selectOption(chosen);
    await page.getByRole('heading', { name: /^Problem \(/ }).waitFor();
    await expectAccessible(page, 'register import check');
    await page.getByRole('button', { name: 'Kontrollera igen' }).click();
    await page.getByText(new RegExp(`^Nya system: ${facts.systems} ·`)).waitFor();
    await page.getByRole('button', { name: 'Importera det som går att läsa' }).click();
    await page.getByRole('heading', { name: 'Importen är klar.' }).waitFor();
    await page.getByText(new RegExp(`^Nya: ${facts.systems} ·`)).waitFor();
    await expectAccessible(page, 'register import result');
  });

  it('fixing an unread category on the system page makes the count fall', async () => {
    const before = await openProblems();
    expect(before).toBeGreaterThan(0);
    await expectAccessible(page, 'review list');
    await page.getByLabel('Fält').selectOption({ label: 'Kategori' });
    // Wait for the filtered page: every row's column is the category's.
    const headings = page.locator('tbody tr td:nth-child(2)');
    await expect
      .poll(async () => new Set(await headings.allTextContents()))
      .toEqual(new Set(['Kategori']));
    const link = page.getByRole('table').getByRole('link').first();
    const name = (await link.textContent())!;
    await link.click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByRole('heading', { name: /^Att åtgärda från import \(/ }).waitFor();
    await expectAccessible(page, 'system with problems');
    await page.getByRole('button', { name: 'Redigera', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Redigera IT-system' });
    await dialog.getByLabel('Kategori').selectOption({ label: 'Verksamhetsstödjande' });
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(openProblems).toBe(before - 1);
  });
});
