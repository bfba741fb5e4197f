import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createPerson } from '../../server/modules/organization/people.service.js';
import { createUnit } from '../../server/modules/organization/units.service.js';
import { createDecision } from '../../server/modules/organization/decisions.service.js';
import {
  anE2eTenant,
  E2E_PASSWORD,
  expectAccessible,
  logIn,
  saveDialog,
  startStack,
} from './browser.js';

const PASSWORD = E2E_PASSWORD;
let stack: Awaited<ReturnType<typeof startStack>>;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  const {
    t,
    ctx,
    page: p,
  } = await anE2eTenant(stack, {
    name: 'Region Revision',
    slug: 'e2e-rev',
    adminName: 'Rut Admin',
    adminEmail: 'rev@e2e.example',
  });
  const hsn = await createUnit(stack.db, ctx, {
    parentId: t.rootUnitId,
    kind: 'board',
    name: 'Hälso- och sjukvårdsnämnden',
    shortName: 'HSN',
  });
  await createUnit(stack.db, ctx, {
    parentId: t.rootUnitId,
    kind: 'board',
    name: 'Kollektivtrafiknämnden',
    shortName: 'KTN',
  });
  await createPerson(stack.db, ctx, {
    name: 'Hanna Handläggare',
    email: 'hanna@e2e.example',
    canLogIn: false,
  });
  await createDecision(stack.db, ctx, {
    kind: 'decision',
    bodyUnitId: hsn.id,
    decidedOn: '2026-05-20',
    paragraph: '44',
    caseNumber: 'HSN 2026/12',
    level: 'board',
    outcome: 'approved',
    title: 'Yttrande över granskningen av digitalisering',
  });
  page = p;
  await logIn(page, stack.baseUrl, 'rev@e2e.example', PASSWORD);
});
afterAll(() => stack?.close());

const dialog = () => page.getByRole('dialog');
const save = () => saveDialog(page);

describe('the audit cycle', () => {
  it('registers an audit and types in its questions and assessment matrix', async () => {
    await page.getByRole('link', { name: 'Revision', exact: true }).click();
    await page.getByRole('heading', { name: 'Granskningar', level: 1 }).waitFor();
    await page.getByText('Inga granskningar ännu', { exact: false }).waitFor();
    await expectAccessible(page, 'audits (empty)');
    await page.getByRole('button', { name: 'Ny granskning' }).click();
    await dialog()
      .getByRole('textbox', { name: /^Titel/ })
      .fill('Granskning av digitaliseringen');
    await dialog().getByLabel('Granskningsföretag').fill('Revisionsbyrån AB');
    await dialog().getByLabel('Rapportdatum').fill('2026-03-01');
    await dialog().getByLabel('Hälso- och sjukvårdsnämnden').check();
    await dialog().getByLabel('Kollektivtrafiknämnden').check();
    await expectAccessible(page, 'audit dialog');
    await save();
    await page.getByRole('heading', { name: 'Granskning av digitaliseringen', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Lägg till frågor' }).click();
    await dialog()
      .getByLabel(/^Frågor, en per rad/)
      .fill('1. Finns mål för digitaliseringen?\n2. Följs målen upp?');
    await save();
    await page.getByRole('button', { name: 'Fyll i bedömningar' }).click();
    await page.getByLabel('Fråga 1, Hälso- och sjukvårdsnämnden').selectOption({ label: 'Ja' });
    await page.getByLabel('Fråga 1, Kollektivtrafiknämnden').selectOption({ label: 'Nej' });
    await page.getByLabel('Fråga 2, Hälso- och sjukvårdsnämnden').selectOption({ label: 'Delvis' });
    await expectAccessible(page, 'matrix in edit mode');
    await page.getByRole('button', { name: 'Spara bedömningar' }).click();
    // In edit mode the row's text holds every option, so wait until the saved values are shown.
    await page.getByRole('button', { name: 'Fyll i bedömningar' }).waitFor();
    const row1 = page.getByRole('row', { name: /1\. Finns mål/ });
    expect(await row1.textContent()).toContain('Ja');
    expect(await row1.textContent()).toContain('Nej');
    // Question 2 does not apply to KTN: the cell goes grey and can hold no value.
    await page.getByRole('button', { name: 'Redigera fråga 2' }).click();
    await dialog().getByLabel('Kollektivtrafiknämnden').uncheck();
    await save();
    await expect
      .poll(() => page.getByRole('row', { name: /2\. Följs målen upp/ }).textContent())
      .toContain('ET');
    await expectAccessible(page, 'audit page with matrix');
  });

  it('records recommendations, a reply and actions, and closes an action with evidence', async () => {
    await page.getByRole('button', { name: 'Lägg till rekommendationer' }).click();
    await dialog()
      .getByLabel(/^Rekommendationer, en per rad/)
      .fill('1. Fastställ mätbara mål och följ upp dem.');
    await dialog().getByLabel('Till en grupp').selectOption({ label: 'Alla nämnder' });
    await save();
    await page.getByRole('heading', { name: 'Rekommendation 1' }).waitFor();

    await page.getByRole('button', { name: 'Lägg till remiss' }).click();
    await dialog()
      .getByLabel(/^Organ/)
      .selectOption({ label: 'Hälso- och sjukvårdsnämnden' });
    await dialog().getByLabel(/^För/).selectOption({ label: 'Yttrande' });
    await dialog().getByLabel('Sista dag').fill('2026-06-30');
    await save();
    await page
      .getByRole('button', { name: 'Registrera yttrande: Hälso- och sjukvårdsnämnden' })
      .click();
    await dialog().getByLabel('Inkom').fill('2026-05-21');
    await dialog().getByLabel('Beslut som fastställde yttrandet').selectOption({ index: 1 });
    await dialog().getByLabel('Yttrandets text').fill('Nämnden delar bedömningen.');
    await expectAccessible(page, 'reply dialog');
    await save();
    await page.getByText('Inkommet 2026-05-21').waitFor();

    await page.getByRole('button', { name: 'Ny åtgärd: 1, Hälso- och sjukvårdsnämnden' }).click();
    await dialog()
      .getByRole('textbox', { name: /^Åtgärd/ })
      .fill('Mätbara mål i verksamhetsplanen');
    await dialog().getByLabel('Ansvarig person').selectOption({ label: 'Hanna Handläggare' });
    await dialog().getByLabel('Klart senast').fill('2026-12-31');
    await expectAccessible(page, 'action dialog');
    await save();
    await page.getByText('Mätbara mål i verksamhetsplanen').waitFor();

    await page
      .getByRole('button', { name: 'Uppdatera åtgärd: Mätbara mål i verksamhetsplanen' })
      .click();
    await dialog().getByLabel('Status').selectOption({ label: 'Klar' });
    await dialog().getByRole('button', { name: 'Spara' }).click();
    await dialog().getByText('En klar åtgärd behöver underlag', { exact: false }).first().waitFor();
    await dialog().getByLabel('Beskrivning av underlaget').fill('HSN § 44');
    await dialog().getByLabel('Beslut', { exact: true }).selectOption({ index: 1 });
    await dialog().getByLabel('Anteckning om läget').fill('Målen är beslutade.');
    await save();
    const addressee = page.locator('.addressee', { hasText: 'Hälso- och sjukvårdsnämnden' });
    await expect.poll(() => addressee.textContent()).toContain('Klar');
    expect(await addressee.textContent()).toContain('HSN § 44');
    await expectAccessible(page, 'audit page with actions');

    await page.getByRole('link', { name: 'Öppna rekommendationer' }).click();
    await page.getByRole('heading', { name: 'Öppna rekommendationer', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Kollektivtrafiknämnden' }).waitFor();
    expect(await page.getByRole('region', { name: 'Hälso- och sjukvårdsnämnden' }).count()).toBe(0); // its action is done
    await expectAccessible(page, 'open recommendations');
  });

  it('runs a follow-up audit: the evidence is pre-filled and the finding recorded', async () => {
    await page.getByRole('link', { name: 'Granskningar' }).click();
    await page.getByRole('button', { name: 'Ny granskning' }).click();
    await dialog()
      .getByRole('textbox', { name: /^Titel/ })
      .fill('Uppföljande granskning av digitaliseringen');
    await dialog().getByLabel(/^Slag/).selectOption({ label: 'Uppföljande granskning' });
    await dialog().getByLabel('Hälso- och sjukvårdsnämnden').check();
    await dialog().getByLabel('Kollektivtrafiknämnden').check();
    await dialog()
      .getByLabel('Följer upp')
      .selectOption({ label: 'Granskning av digitaliseringen (2026-03-01)' });
    await save();
    await page.getByRole('heading', { name: 'Uppföljning av tidigare rekommendationer' }).waitFor();
    const item = page.getByRole('article', { name: /Fastställ mätbara mål/ });
    await expect.poll(() => item.textContent()).toContain('föreslaget: Åtgärdad');
    expect(await item.textContent()).toContain('HSN § 44');
    await item.getByRole('button', { name: 'Registrera iakttagelse' }).click();
    await dialog()
      .getByLabel(/^Revisorernas iakttagelse/)
      .fill('HSN har mätbara mål; KTN har inte påbörjat arbetet.');
    expect(
      await dialog()
        .getByLabel(/Status för Hälso- och sjukvårdsnämnden/)
        .inputValue(),
    ).toBe('resolved');
    await expectAccessible(page, 'finding dialog');
    await save();
    await expect.poll(() => item.textContent()).toContain('HSN har mätbara mål');
    await expectAccessible(page, 'follow-up audit');
  });
});
