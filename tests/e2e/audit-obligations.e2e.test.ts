import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUnit } from '../../server/modules/organization/units.service.js';
import {
  anE2eTenant,
  E2E_PASSWORD,
  expectAccessible,
  logIn,
  saveDialog,
  startStack,
} from './browser.js';

let stack: Awaited<ReturnType<typeof startStack>>;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  const {
    t,
    ctx,
    page: p,
  } = await anE2eTenant(stack, {
    name: 'Region Yttranden',
    slug: 'e2e-obl',
    adminName: 'Olle Admin',
    adminEmail: 'obl@e2e.example',
  });
  await createUnit(stack.db, ctx, {
    parentId: t.rootUnitId,
    kind: 'board',
    name: 'Hälso- och sjukvårdsnämnden',
    shortName: 'HSN',
  });
  await createUnit(stack.db, ctx, {
    parentId: t.rootUnitId,
    kind: 'board',
    name: 'Kulturnämnden',
    shortName: 'KN',
  });
  page = p;
  await logIn(page, stack.baseUrl, 'obl@e2e.example', E2E_PASSWORD);
});
afterAll(() => stack?.close());

const dialog = () => page.getByRole('dialog');
const HSN = 'Hälso- och sjukvårdsnämnden';

describe('reply obligations on the audit page', () => {
  it('shows one recommendation answered, two overdue and an unanswered question', async () => {
    await page.getByRole('link', { name: 'Revision', exact: true }).click();
    await page.getByRole('heading', { name: 'Granskningar', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Ny granskning' }).click();
    await dialog()
      .getByRole('textbox', { name: /^Titel/ })
      .fill('Granskning av vårdens digitala tjänster');
    await dialog().getByLabel('Rapportdatum').fill('2025-01-15');
    await dialog().getByLabel('Uppdraget gavs').fill('2024-09-01');
    await dialog().getByLabel('Missivets datum').fill('2025-01-20');
    await dialog().getByLabel('Presidierna fick sakgranska').selectOption({ label: 'Ja' });
    await dialog().getByLabel(HSN).check();
    await saveDialog(page);
    await page
      .getByRole('heading', { name: 'Granskning av vårdens digitala tjänster', level: 1 })
      .waitFor();
    const facts = page.locator('dl.facts').first();
    await expect.poll(() => facts.textContent()).toContain('2024-09-01');
    expect(await facts.textContent()).toContain('2025-01-20');

    await page.getByRole('button', { name: 'Lägg till rekommendationer' }).click();
    await dialog()
      .getByLabel(/^Rekommendationer, en per rad/)
      .fill(
        '1. Inför en samlad plan för digitala tjänster.\n2. Följ upp tjänsternas nytta.\n3. Säkerställ informationssäkerheten.',
      );
    await dialog().getByLabel(HSN).check();
    await saveDialog(page);
    await page.getByRole('heading', { name: 'Rekommendation 3' }).waitFor();

    // The report goes to HSN for a reply with a past deadline and two numbered questions.
    await page.getByRole('button', { name: 'Lägg till remiss' }).click();
    await dialog().getByLabel(/^För/).selectOption({ label: 'Yttrande' });
    await dialog()
      .getByLabel(/^Organ/)
      .selectOption({ label: HSN });
    await dialog().getByLabel('Revisionsgrupp').fill('Revisionsgrupp 2');
    await dialog().getByLabel('Sista dag').fill('2025-02-28');
    await dialog()
      .getByLabel(/^Revisorernas frågor/)
      .fill('1. Hur följer nämnden upp nyttan?\n2. När är planen klar?');
    await expectAccessible(page, 'remittance dialog (date)');
    await dialog().getByLabel('Ett sammanträde').check();
    await dialog().getByLabel('Månad för sammanträdet').waitFor();
    await expectAccessible(page, 'remittance dialog (meeting)');
    await dialog().getByLabel('Ett datum').check();
    await dialog().getByLabel('Sista dag').fill('2025-02-28');
    // For information, every body of the region may be chosen, and it may be marked concerned.
    await dialog().getByLabel(/^För/).selectOption({ label: 'Kännedom' });
    await dialog().getByLabel('Berörd', { exact: false }).waitFor();
    await expectAccessible(page, 'remittance dialog (information)');
    await dialog().getByLabel(/^För/).selectOption({ label: 'Yttrande' });
    await dialog()
      .getByLabel(/^Organ/)
      .selectOption({ label: HSN });
    await saveDialog(page);

    const body = page.getByRole('article', { name: HSN });
    await expect.poll(() => body.textContent()).toContain('0 av 3 besvarade, 3 försenade');
    expect(await body.textContent()).toContain('Revisionsgrupp 2');

    // A reply answering recommendation 1 and question 1, before the deadline.
    await page.getByRole('button', { name: `Registrera yttrande: ${HSN}` }).click();
    await dialog().getByLabel('Inkom').fill('2025-02-20');
    await dialog().getByLabel('Yttrandets text').fill('Nämnden instämmer i rekommendation 1.');
    await dialog().getByLabel('Besvarar rekommendation 1').check();
    await dialog()
      .getByLabel('Ställningstagande till rekommendation 1')
      .selectOption({ label: 'Instämmer' });
    await dialog().getByLabel('Besvarar fråga 1:').check();
    await expectAccessible(page, 'reply dialog');
    await saveDialog(page);

    await expect.poll(() => body.textContent()).toContain('1 av 3 besvarade, 2 försenade');
    const questions = body.getByRole('listitem').filter({ hasText: 'När är planen klar?' });
    expect(await questions.textContent()).toContain('Obesvarad fråga');
    expect(
      await body
        .getByRole('listitem')
        .filter({ hasText: 'Hur följer nämnden upp nyttan?' })
        .textContent(),
    ).toContain('Besvarad');

    const rec = (n: number) => page.getByRole('article', { name: `Rekommendation ${n}` });
    await expect.poll(() => rec(1).textContent()).toContain('Besvarat 2025-02-20');
    expect(await rec(1).textContent()).toContain('Instämmer');
    for (const n of [2, 3]) {
      const text = (await rec(n).textContent()) ?? '';
      expect(text).toContain('Försenat sedan 2025-02-28');
      expect(text).not.toContain('Besvarat');
    }
    expect(await rec(1).textContent()).toContain('av 1 mottagare åtgärdade');
    await expectAccessible(page, 'audit page with obligations');

    // A second reply of the same body is allowed, and the first stays editable.
    await page.getByRole('button', { name: `Redigera yttrande från ${HSN}, 2025-02-20` }).click();
    expect(await dialog().getByLabel('Besvarar rekommendation 1').isChecked()).toBe(true);
    await expectAccessible(page, 'edit reply dialog');
    await dialog().getByRole('button', { name: 'Avbryt' }).click();
  });

  it('shows the matrix with totals, Ej tillämpligt as ET, and the downloads', async () => {
    await page.getByRole('button', { name: 'Lägg till frågor' }).click();
    await dialog()
      .getByLabel(/^Frågor, en per rad/)
      .fill('1. Finns en plan?\n2. Följs nyttan upp?');
    await saveDialog(page);
    await page.getByRole('button', { name: 'Fyll i bedömningar' }).click();
    await page.getByLabel(`Fråga 1, ${HSN}`).selectOption({ label: 'Ja' });
    await page.getByLabel(`Fråga 2, ${HSN}`).selectOption({ label: 'Ej tillämpligt (ET)' });
    await page.getByRole('button', { name: 'Spara bedömningar' }).click();
    await page.getByRole('button', { name: 'Fyll i bedömningar' }).waitFor();
    const row2 = page.getByRole('row', { name: /2\. Följs nyttan upp/ });
    await expect.poll(() => row2.textContent()).toContain('ET');
    const totals = page.getByRole('row', { name: /Summa per organ/ });
    await expect.poll(() => totals.textContent()).toContain('Ja 1');
    expect(await totals.textContent()).toContain('ET 1');
    expect(
      await page.getByRole('link', { name: 'Exportera bedömningar (Excel)' }).getAttribute('href'),
    ).toMatch(/\/matrix\?format=xlsx$/);
    expect(
      await page.getByRole('link', { name: 'Ladda ned som PDF' }).first().getAttribute('href'),
    ).toMatch(/\/report\.pdf$/);
    await expectAccessible(page, 'matrix with totals');
  });
  it('sends the report for information to a body not audited, concerned, due at its meeting', async () => {
    await page.getByRole('button', { name: 'Lägg till remiss' }).click();
    await dialog().getByLabel(/^För/).selectOption({ label: 'Kännedom' });
    await dialog()
      .getByLabel(/^Organ/)
      .first()
      .selectOption({ label: 'Kulturnämnden' });
    await dialog().getByLabel('Berörd', { exact: false }).check();
    await dialog().getByLabel('Ett sammanträde').check();
    await dialog().getByLabel('Organets sammanträde').selectOption({ label: 'Kulturnämnden' });
    await dialog().getByLabel('Månad för sammanträdet').fill('2027-03');
    await saveDialog(page);
    const kn = page.getByRole('article', { name: 'Kulturnämnden' });
    await expect.poll(() => kn.textContent()).toContain('För kännedom');
    const text = (await kn.textContent()) ?? '';
    expect(text).toContain('Berörd');
    expect(text).toContain('vid Kulturnämndens sammanträde mars 2027 (datum ännu okänt)');
    // HSN's reply remittance is kept as it was.
    expect(await page.getByRole('article', { name: HSN }).textContent()).toContain(
      '1 av 3 besvarade, 2 försenade',
    );
    await expectAccessible(page, 'obligations with a concerned body');
  });

  it('links a follow-up question to the earlier recommendation it checks, both ways', async () => {
    await page.getByRole('link', { name: 'Granskningar' }).click();
    await page.getByRole('button', { name: 'Ny granskning' }).click();
    await dialog()
      .getByRole('textbox', { name: /^Titel/ })
      .fill('Uppföljning av vårdens digitala tjänster');
    await dialog().getByLabel(/^Slag/).selectOption({ label: 'Uppföljande granskning' });
    await dialog().getByLabel(HSN).check();
    await dialog()
      .getByLabel('Följer upp')
      .selectOption({ label: 'Granskning av vårdens digitala tjänster (2025-01-15)' });
    await saveDialog(page);
    await page.getByRole('heading', { name: 'Uppföljning av tidigare rekommendationer' }).waitFor();
    await page.getByRole('button', { name: 'Lägg till frågor' }).click();
    await dialog()
      .getByLabel(/^Frågor, en per rad/)
      .fill('1. Har nyttan följts upp?');
    await saveDialog(page);
    await page.getByRole('button', { name: 'Redigera fråga 1' }).click();
    await dialog().getByLabel('Rekommendation 2 i Granskning av vårdens digitala tjänster').check();
    await expectAccessible(page, 'follow-up question dialog');
    await saveDialog(page);
    const row = page.getByRole('row', { name: /1\. Har nyttan följts upp/ });
    await expect.poll(() => row.textContent()).toContain('Kontrollerar rekommendation 2 i');
    await row.getByRole('link', { name: 'Granskning av vårdens digitala tjänster' }).click();
    await page
      .getByRole('heading', { name: 'Granskning av vårdens digitala tjänster', level: 1 })
      .waitFor();
    const rec2 = page.getByRole('article', { name: 'Rekommendation 2' });
    await expect.poll(() => rec2.textContent()).toContain('Kontrolleras av fråga 1 i');
    await rec2.getByRole('link', { name: 'Uppföljning av vårdens digitala tjänster' }).waitFor();
    await expectAccessible(page, 'earlier audit with its checking question');
  });
});
