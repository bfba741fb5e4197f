import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { provisionTenant } from '../../server/modules/organization/provision.js';
import { createUnit } from '../../server/modules/organization/units.service.js';
import { createGoal } from '../../server/modules/goals/goals.service.js';
import { createIndicator } from '../../server/modules/goals/followup.service.js';
import { expectAccessible, logIn, startStack } from './browser.js';

const PASSWORD = 'e2e-password-123';
let stack: Awaited<ReturnType<typeof startStack>>;
let page: Page;
const lastYear = new Date().getFullYear() - 1;

beforeAll(async () => {
  stack = await startStack();
  const now = new Date();
  const t = await provisionTenant(stack.db, {
    name: 'Region Mål',
    slug: 'e2e-goals',
    rootName: 'Regionfullmäktige',
    admin: { name: 'Gun Admin', email: 'goals@e2e.example', password: PASSWORD },
    now,
  });
  const ctx = {
    tenantId: t.tenantId,
    lang: 'sv' as const,
    now,
    actor: {
      personId: t.adminId,
      name: 'Gun Admin',
      grants: [{ role: 'administrator' as const, unitId: t.rootUnitId, unitPath: [t.rootUnitId] }],
    },
  };
  const board = await createUnit(stack.db, ctx, {
    parentId: t.rootUnitId,
    kind: 'board',
    name: 'Trafiknämnden',
  });
  const goal = await createGoal(stack.db, ctx, {
    level: 'result',
    form: 'goal',
    ownerUnitId: board.id,
    title: 'Resenärerna köper biljetten digitalt',
    validFrom: `${lastYear}-01-01`,
    tags: ['digitalisering'],
    parentGoalIds: [],
  });
  await createIndicator(stack.db, ctx, {
    goalId: goal.id,
    name: 'Andel biljetter i appen',
    kind: 'quantitative',
    unit: '%',
    direction: 'higher',
    baseline: 50,
    targets: [{ year: lastYear, value: 70 }],
    scale: [],
    dataSource: 'statistics',
    measuresDigitalisation: true,
  });
  // Digitalisation as a focus area beside the goal (DOMAIN.md: auditors then judge "Delvis").
  await createGoal(stack.db, ctx, {
    level: 'result',
    form: 'focus_area',
    ownerUnitId: board.id,
    title: 'Fokusområde digitalisering',
    validFrom: `${lastYear}-01-01`,
    tags: ['digitalisering'],
    parentGoalIds: [],
  });
  const second = await createGoal(stack.db, ctx, {
    level: 'result',
    form: 'goal',
    ownerUnitId: board.id,
    title: 'Fler resor planeras i appen',
    validFrom: `${lastYear}-01-01`,
    tags: ['digitalisering'],
    parentGoalIds: [],
  });
  await createIndicator(stack.db, ctx, {
    goalId: second.id,
    name: 'Antal reseplaneringar i appen',
    kind: 'quantitative',
    unit: 'st',
    targets: [{ year: lastYear, value: 1000 }],
    scale: [],
    dataSourceText: 'Appens statistik',
  });
  page = await (
    await stack.browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    })
  ).newPage();
  await logIn(page, stack.baseUrl, 'goals@e2e.example', PASSWORD);
});
afterAll(() => stack?.close());

describe('following up a board’s digitalisation goal', () => {
  it('the follow-up table shows the annual report as overdue before anything is entered', async () => {
    await page.getByRole('link', { name: 'Uppföljning', exact: true }).click();
    await page.getByRole('heading', { name: 'Uppföljning', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: /Resenärerna köper biljetten digitalt/ });
    await expect.poll(() => row.textContent()).toContain('Försenad');
    await expectAccessible(page, 'follow-up table');
  });

  it('enters the period’s outcome, sees the chart, and assesses the goal from the suggestion', async () => {
    await page.getByRole('link', { name: 'Resenärerna köper biljetten digitalt' }).click();
    await page
      .getByRole('heading', { name: 'Resenärerna köper biljetten digitalt', level: 1 })
      .waitFor();
    const outcome = page.getByRole('form', { name: 'Registrera utfall' });
    await outcome.getByLabel('Period').selectOption(`${lastYear}-Å`);
    await outcome.getByLabel('Värde').fill('65');
    await outcome.getByLabel('Kommentar').fill('Enligt försäljningsstatistiken');
    await outcome.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('cell', { name: 'Enligt försäljningsstatistiken' }).waitFor();
    await page.getByRole('img', { name: /Utfall mot mål över tid/ }).waitFor();

    const assess = page.getByRole('form', { name: 'Bedöm målet' });
    await assess.getByLabel('Period').selectOption(`${lastYear}-Å`);
    await assess.getByText('Förslag utifrån indikatorerna: Delvis uppnått').waitFor();
    // Overriding the suggestion without a reason is refused with a clear message.
    await assess.getByLabel(/^Bedömning/).selectOption('met');
    await assess
      .getByLabel('Motivering')
      .fill('Appen lanserades sent men målet är i praktiken nått.');
    await assess.getByRole('button', { name: 'Spara' }).click();
    await expect
      .poll(() => assess.getByRole('alert').textContent())
      .toContain('Bedömningen avviker från förslaget');
    await expectAccessible(page, 'goal page with an error');
    await assess.getByLabel(/^Bedömning/).selectOption('partly');
    await assess.getByRole('button', { name: 'Spara' }).click();
    await page
      .getByRole('cell', { name: 'Appen lanserades sent men målet är i praktiken nått.' })
      .waitFor();
    await expectAccessible(page, 'goal page');
  });

  it('the follow-up table changes, and downloads as Excel and as the board’s PDF report', async () => {
    await page.getByRole('link', { name: 'Uppföljning', exact: true }).click();
    const row = page.getByRole('row', { name: /Resenärerna köper biljetten digitalt/ });
    await expect.poll(() => row.textContent()).toContain('Delvis uppnått');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Excel', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^uppfoljning-${lastYear}-.*\\.xlsx$`));
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const values = wb.worksheets[0]!.getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string');
    expect(values).toContain('Delvis uppnått');
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Rapport (PDF) för Trafiknämnden' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe(`uppfoljning-Trafiknamnden-${lastYear}-A.pdf`);
    const { readFile } = await import('node:fs/promises');
    expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(page, 'follow-up table with report links');
  });

  it('shows the goal chain, with result goals not linked to an impact goal apart', async () => {
    await page.getByRole('link', { name: 'Mål', exact: true }).click();
    await page.getByRole('button', { name: 'Som målkedja' }).click();
    await page
      .getByRole('heading', { name: 'Resultatmål som inte är kopplade till något effektmål' })
      .waitFor();
    await page.getByRole('link', { name: 'Resenärerna köper biljetten digitalt' }).waitFor();
    await expectAccessible(page, 'goal chain');
  });

  it('the region follows up by tertial too, set on the settings page', async () => {
    await page.getByRole('link', { name: 'Inställningar', exact: true }).click();
    await page.getByRole('heading', { name: 'Inställningar', level: 1 }).waitFor();
    await expectAccessible(page, 'settings');
    await page.getByRole('checkbox', { name: 'Tertial' }).check();
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();
    await page.getByRole('link', { name: 'Uppföljning', exact: true }).click();
    await page.getByRole('columnheader', { name: `Tertial 1 ${lastYear}` }).waitFor();
  });

  it('registers a steering document adopted by an official and sees it flagged', async () => {
    await page.getByRole('link', { name: 'Styrdokument', exact: true }).click();
    await page.getByRole('button', { name: 'Nytt styrdokument' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt styrdokument' });
    await dialog.getByLabel('Rubrik').fill('Strategi för e-tjänster');
    await dialog.getByLabel('Status').selectOption('adopted');
    await dialog.getByLabel('Ägande enhet').selectOption({ label: '\u00a0\u00a0Trafiknämnden' });
    await dialog.getByLabel('Beslutsnivå').selectOption('official');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { name: 'Strategi för e-tjänster', level: 1 }).waitFor();
    await page.getByText('Inte politiskt antagen').waitFor();
    await expectAccessible(page, 'document page');
  });
});

describe('goals as regions keep them', () => {
  it('shows the focus area with the board’s goals but never counts it as a goal', async () => {
    await page.getByRole('link', { name: 'Uppföljning', exact: true }).click();
    await page.getByRole('heading', { name: 'Uppföljning', level: 1 }).waitFor();
    const focusRow = page.getByRole('row', { name: /Fokusområde digitalisering/ });
    await expect.poll(() => focusRow.textContent()).toContain('räknas inte som mål');
    await page.getByRole('heading', { name: `Mål per nämnd ${lastYear}` }).waitFor();
    const counts = page.getByRole('row', { name: /^Trafiknämnden/ });
    await expect
      .poll(() =>
        counts
          .getByText(/\d+ mål$/)
          .first()
          .textContent(),
      )
      .toBe('2 mål');
    const focus = counts.getByText('1 fokusområden');
    await focus.click();
    await counts.getByRole('link', { name: 'Fokusområde digitalisering' }).waitFor();
    await expectAccessible(page, 'follow-up with goal counts');
  });

  it('saves a draft assessment without a comment, shown as a draft', async () => {
    await page.getByRole('link', { name: 'Fler resor planeras i appen' }).first().click();
    await page.getByRole('heading', { name: 'Fler resor planeras i appen', level: 1 }).waitFor();
    const assess = page.getByRole('form', { name: 'Bedöm målet' });
    await assess.getByLabel('Period').selectOption(`${lastYear}-D`);
    await assess.getByLabel(/^Bedömning/).selectOption('partly');
    await assess.getByLabel('Status').selectOption('draft');
    await assess.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Utkast: Delvis uppnått').waitFor();
    await expectAccessible(page, 'goal page with a draft assessment');
  });

  it('refuses a quantitative indicator without a unit, and says what is missing', async () => {
    await page.getByRole('button', { name: 'Ny indikator' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny indikator' });
    await dialog.getByRole('textbox', { name: /^Indikator/ }).fill('Andel digitala biljetter');
    await dialog.getByLabel('Datakälla', { exact: true }).selectOption('statistics');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').first().textContent())
      .toContain('En kvantitativ indikator behöver en enhet');
    await expectAccessible(page, 'indicator dialog with an error');
    await dialog.getByLabel('Enhet (t.ex. %)').fill('%');
    await dialog.getByLabel('Indikatorn mäter digitalisering').check();
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page
      .getByRole('heading', { name: /Andel digitala biljetter\s+Mäter digitalisering/, level: 3 })
      .waitFor();
  });
});
