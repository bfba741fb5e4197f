import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addSuccession, createUnit } from '../../server/modules/organization/units.service.js';
import { createDocument } from '../../server/modules/documents/documents.service.js';
import {
  anE2eTenant,
  E2E_PASSWORD,
  expectAccessible,
  logIn,
  saveDialog,
  startStack,
} from './browser.js';

/*
 * Steering documents (issue 16): a strategy past its validity that does not say how it is
 * followed up shows both flags in words, with the date; the per-body count of politically
 * adopted, current strategies opens its strategies, one adopted by a predecessor body among them.
 */

let stack: Awaited<ReturnType<typeof startStack>>;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  const seeded = await anE2eTenant(stack, {
    name: 'Region Styrdokument',
    slug: 'e2e-documents',
    adminName: 'Dora Admin',
    adminEmail: 'documents@e2e.example',
  });
  const { t, ctx } = seeded;
  page = seeded.page;
  const rs = await createUnit(stack.db, ctx, {
    parentId: t.rootUnitId,
    kind: 'regional_board',
    name: 'Regionstyrelsen',
  });
  const ls = await createUnit(stack.db, ctx, {
    parentId: t.rootUnitId,
    kind: 'regional_board',
    name: 'Landstingsstyrelsen',
    startsOn: '1999-01-01',
    endsOn: '2018-12-31',
  });
  await addSuccession(stack.db, ctx, ls.id, { successorId: rs.id, onDate: '2019-01-01' });
  await createDocument(stack.db, ctx, {
    title: 'IT-strategi 2016–2020',
    type: 'strategi',
    state: 'adopted',
    ownerUnitId: rs.id,
    adoptedByUnitId: rs.id,
    adoptionLevel: 'board',
    adoptedOn: '2016-05-24',
    validFrom: '2016-06-01',
    validTo: '2020-12-31',
    goalIds: [],
  });
  await createDocument(stack.db, ctx, {
    title: 'Strategi för digital utveckling',
    type: 'strategi',
    state: 'adopted',
    ownerUnitId: rs.id,
    adoptedByUnitId: ls.id,
    adoptionLevel: 'board',
    adoptedOn: '2018-05-22',
    validFrom: '2018-06-01',
    followUpText: 'Följs upp i årsredovisningen.',
    followUpsPerYear: 1,
    goalIds: [],
  });
  await logIn(page, stack.baseUrl, 'documents@e2e.example', E2E_PASSWORD);
}, 120_000);
afterAll(() => stack?.close());

describe('steering documents', () => {
  it('a strategy past its validity without a follow-up specification shows both flags in words', async () => {
    await page.getByRole('link', { name: 'Styrdokument', exact: true }).click();
    await page.getByRole('heading', { name: 'Styrdokument', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: /IT-strategi 2016–2020/ });
    await expect.poll(() => row.textContent()).toContain('Giltighetstid passerad 2020-12-31');
    expect(await row.textContent()).toContain('Saknar uppgift om hur och när den följs upp');
    // The flag filter finds it, and only documents that raise the flag.
    await page
      .getByLabel('Flaggor', { exact: true })
      .selectOption({ label: 'Giltighetstid passerad' });
    await expect.poll(() => page.getByRole('row').count()).toBe(2); // the header and the one strategy
    await expectAccessible(page, 'documents register with flags');
    await page.getByLabel('Flaggor', { exact: true }).selectOption({ label: 'Alla' });
  });

  it('the per-body count opens its strategies, one adopted by the predecessor body', async () => {
    await page.goto(`${stack.baseUrl}/styrdokument`);
    const count = page.getByText('strategier: Regionstyrelsen');
    await count.click();
    const link = page.getByRole('link', { name: 'Strategi för digital utveckling' }).first();
    await link.waitFor();
    // The strategy past its validity is not counted.
    const region = page.locator('details', { hasText: 'strategier: Regionstyrelsen' });
    expect(await region.textContent()).not.toContain('IT-strategi 2016–2020');
    expect(await region.textContent()).toContain('antagen av föregångaren Landstingsstyrelsen');
    await expectAccessible(page, 'strategy count opened');
    await link.click();
    await page
      .getByRole('heading', { name: 'Strategi för digital utveckling', level: 1 })
      .waitFor();
    await expect
      .poll(() => page.locator('dl.facts').textContent())
      .toContain('Landstingsstyrelsen (föregångare till Regionstyrelsen)');
    await expectAccessible(page, 'inherited strategy');
  });

  it('saying how and when the strategy is followed up clears its flag', async () => {
    await page.goto(`${stack.baseUrl}/styrdokument`);
    await page.getByRole('link', { name: 'IT-strategi 2016–2020' }).click();
    await page.getByRole('heading', { name: 'IT-strategi 2016–2020', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Redigera' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Hur strategin följs upp').fill('Mot effektmålen i årsredovisningen.');
    await dialog.getByLabel('Uppföljningar per år').fill('2');
    await expectAccessible(page, 'document dialog with follow-up');
    await saveDialog(page);
    await expect.poll(() => page.locator('dl.facts').textContent()).toContain('2 gånger per år');
    const flags = await page.getByLabel('Flaggor').textContent();
    expect(flags).toContain('Giltighetstid passerad 2020-12-31');
    expect(flags).not.toContain('Saknar uppgift om hur och när den följs upp');
  });
});
