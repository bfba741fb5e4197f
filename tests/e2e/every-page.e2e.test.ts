import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadDemo, DEMO_PASSWORD } from '../../server/demo/demo.js';
import { expectAccessible, logIn, startStack } from './browser.js';

/** The demo region, as a new user sees it: every page and its main dialog, checked by axe. */
let stack: Awaited<ReturnType<typeof startStack>>;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  await loadDemo(stack.db);
  page = await (
    await stack.browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage();
  await logIn(page, stack.baseUrl, 'admin@norrsund.example', DEMO_PASSWORD);
}, 120_000);
afterAll(() => stack?.close());

const pages: [string, string, string | null][] = [
  ['/', 'Översikt', null],
  ['/organisation', 'Organisation', 'Redigera: Regionstyrelsen'],
  ['/organisation/import', 'Importera organisation och personer', null],
  ['/forum', 'Forum', 'Nytt forum'],
  ['/beslut', 'Beslut', 'Registrera beslut'],
  ['/mal', 'Mål och indikatorer', 'Nytt mål'],
  ['/uppfoljning', 'Uppföljning', null],
  ['/styrdokument', 'Styrdokument', 'Nytt styrdokument'],
  ['/it-system', 'IT-system', 'Nytt IT-system'],
  ['/it-system/oversikt', 'IT-system: översikt', null],
  ['/it-system/agarskap', 'Ägarskapsluckor', null],
  ['/it-system/import', 'Importera från Excel', null],
  ['/tjanster', 'Digitala tjänster', 'Nytt samordningsområde'],
  ['/forvaltningsobjekt', 'Förvaltningsobjekt', 'Nytt förvaltningsobjekt'],
  ['/portfolj', 'Portfölj', 'Nytt initiativ'],
  ['/portfolj/prioritering', 'Prioritering', null],
  ['/portfolj/fardplaner', 'Färdplaner', 'Spara ny version'],
  ['/portfolj/viktigaste', 'De viktigaste initiativen', 'Registrera uppföljning'],
  ['/portfolj/effekter', 'Effekthemtagning', null],
  ['/revision', 'Granskningar', 'Ny granskning'],
  ['/revision/rekommendationer', 'Öppna rekommendationer', null],
  ['/revision/uppdrag', 'Uppdrag', 'Nytt uppdrag'],
  ['/revision/tidpunkter', 'Tidpunkter', null],
  ['/personer', 'Personer och roller', 'Ny person'],
  ['/granskningslogg', 'Granskningslogg', null],
  ['/installningar', 'Inställningar', null],
];

describe('every page of the demo region is accessible', () => {
  for (const [path, heading, dialogButton] of pages) {
    it(`${path}${dialogButton ? ` and its dialog "${dialogButton}"` : ''}`, async () => {
      await page.goto(`${stack.baseUrl}${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, path);
      if (dialogButton) {
        await page.getByRole('button', { name: dialogButton, exact: true }).first().click();
        await page.getByRole('dialog').waitFor();
        await expectAccessible(page, `${path} dialog`);
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'hidden' });
      }
    });
  }

  it('detail pages: a unit, a forum, a decision, a goal, a document, a system, a service, a management object, an audit, an initiative', async () => {
    for (const [list, heading] of [
      ['/organisation', 'Organisation'],
      ['/forum', 'Forum'],
      ['/beslut', 'Beslut'],
      ['/mal', 'Mål och indikatorer'],
      ['/styrdokument', 'Styrdokument'],
      ['/it-system', 'IT-system'],
      ['/tjanster', 'Digitala tjänster'],
      ['/forvaltningsobjekt', 'Förvaltningsobjekt'],
      ['/revision', 'Granskningar'],
      ['/portfolj', 'Portfölj'],
    ] as const) {
      await page.goto(`${stack.baseUrl}${list}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.locator('main table a, main .tree a').first().click();
      await page.waitForLoadState('networkidle');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectAccessible(page, `a detail page from ${list}`);
    }
  });

  it('an audit’s dialogs: remittance, question, action update, follow-up finding', async () => {
    const openDialog = async (name: RegExp | string, label: string) => {
      await page.getByRole('button', { name }).first().click();
      await page.getByRole('dialog').waitFor();
      await expectAccessible(page, label);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
    };
    await page.goto(`${stack.baseUrl}/revision`);
    await page
      .getByRole('link', { name: 'Granskning av styrning och uppföljning av digitaliseringen' })
      .click();
    await page.getByRole('heading', { name: 'Revisionsfrågor och bedömningar' }).waitFor();
    await openDialog('Lägg till remiss', 'remittance dialog');
    await openDialog(/^Redigera fråga 1$/, 'question dialog');
    await openDialog(/^Uppdatera åtgärd: /, 'action dialog');
    await page.getByRole('button', { name: 'Fyll i bedömningar' }).click();
    await expectAccessible(page, 'matrix edit mode (demo)');
    await page.goto(`${stack.baseUrl}/revision`);
    await page
      .getByRole('link', { name: 'Uppföljande granskning av styrningen av digitaliseringen' })
      .click();
    await page.getByRole('heading', { name: 'Uppföljning av tidigare rekommendationer' }).waitFor();
    await openDialog('Redigera iakttagelse', 'finding dialog');
  });

  it('the portfolio as a board by phase, a prioritisation proposal, and an initiative’s move dialog', async () => {
    await page.goto(`${stack.baseUrl}/portfolj`);
    await page.getByLabel('Tavla per fas').check();
    await page.getByRole('heading', { name: /^Pågående/ }).waitFor();
    await expectAccessible(page, 'portfolio board');
    await page.getByLabel('Tidslinje').check();
    await page.getByRole('heading', { name: /^Senare/ }).waitFor();
    await expectAccessible(page, 'portfolio timeline');
    await page.goto(`${stack.baseUrl}/portfolj/prioritering`);
    await page.getByRole('button', { name: 'Föreslå' }).click();
    await page.getByText(/^Förslaget: /).waitFor();
    await expectAccessible(page, 'prioritisation proposal');
    await page.getByRole('button', { name: 'Ny prioriteringsomgång' }).click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'round dialog');
    await page.keyboard.press('Escape');
    await page.goto(`${stack.baseUrl}/portfolj`);
    await page.getByLabel('Fas', { exact: true }).selectOption({ label: 'Idé' });
    await expect
      .poll(() => page.locator('main table tbody tr').first().textContent())
      .toContain('Idé');
    await page.locator('main table a').first().click();
    await page.getByRole('button', { name: 'Flytta till Beredning' }).click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'move dialog');
    await page.keyboard.press('Escape');
  });

  it('a system’s classification and integration dialogs, a management plan dialog', async () => {
    await page.goto(`${stack.baseUrl}/it-system`);
    await page.locator('main table a').first().click();
    await page.getByRole('button', { name: 'Klassa' }).click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'classify dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Ny integration' }).click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'integration dialog');
    await page.keyboard.press('Escape');
    await page.goto(`${stack.baseUrl}/forvaltningsobjekt`);
    await page.locator('main table a').first().click();
    await page.getByRole('button', { name: 'Ny förvaltningsplan' }).click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'plan dialog');
    await page.keyboard.press('Escape');
  });
});
