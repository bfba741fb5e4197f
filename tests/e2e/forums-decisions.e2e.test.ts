import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUnit } from '../../server/modules/organization/units.service.js';
import { createDecision } from '../../server/modules/organization/decisions.service.js';
import { createForum } from '../../server/modules/organization/forums.service.js';
import { anE2eTenant, expectAccessible, E2E_PASSWORD, logIn, startStack } from './browser.js';

/*
 * A forum's life from planned to discontinued, listed apart and flagged where a user looks; and
 * the decision kinds: an advisory council refused a beslut (said before and after submit), an
 * executive decision without paragraph, a month-precise date.
 */

let stack: Awaited<ReturnType<typeof startStack>>;
let page: Page;
let setUpId = '';
let endId = '';
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  stack = await startStack();
  const {
    t,
    ctx,
    page: p,
  } = await anE2eTenant(stack, {
    name: 'Region Forum',
    slug: 'e2e-forum',
    adminName: 'Fia Admin',
    adminEmail: 'forum@e2e.example',
  });
  const rs = await createUnit(stack.db, ctx, {
    parentId: t.rootUnitId,
    kind: 'regional_board',
    name: 'Regionstyrelsen',
    shortName: 'RS',
  });
  setUpId = (
    await createDecision(stack.db, ctx, {
      bodyUnitId: rs.id,
      level: 'board',
      outcome: 'approved',
      decidedOn: '2026-01-20',
      paragraph: '12',
      title: 'Inrättande av portföljråd',
    })
  ).id;
  endId = (
    await createDecision(stack.db, ctx, {
      bodyUnitId: rs.id,
      level: 'board',
      outcome: 'approved',
      decidedOn: '2026-02-17',
      paragraph: '30',
      title: 'Avveckling av portföljrådet',
    })
  ).id;
  await createForum(stack.db, ctx, {
    parentUnitId: rs.id,
    name: 'Digitaliseringsrådet',
    kind: 'digitalisation_council',
    mandate: 'advises',
    level: 'official',
  });
  page = p;
  await logIn(page, stack.baseUrl, 'forum@e2e.example', E2E_PASSWORD);
}, 120_000);
afterAll(() => stack?.close());

/** A status or flag badge on the page (its icon is hidden from readers). */
const badge = (text: string) => page.locator('main .badge').filter({ hasText: text }).first();

const openEdit = async () => {
  await page.getByRole('button', { name: 'Redigera' }).click();
  const dialog = page.getByRole('dialog', { name: 'Redigera forum' });
  await dialog.waitFor();
  return dialog;
};

describe('a forum’s life', () => {
  it('planned → under establishment → active → discontinued, each stage saying what it needs', async () => {
    await page.getByRole('link', { name: 'Forum', exact: true }).click();
    await page.getByRole('button', { name: 'Nytt forum' }).click();
    const create = page.getByRole('dialog', { name: 'Nytt forum' });
    await create.getByLabel('Namn').fill('Portföljrådet');
    await create.getByLabel('Hör till enhet').selectOption({ label: 'Regionstyrelsen' });
    await create.getByLabel('Nivå').selectOption('mixed');
    await create.getByLabel('Läge').selectOption('planned');
    await expectAccessible(page, 'forum dialog with stage');
    await create.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { name: 'Portföljrådet', level: 1 }).waitFor();
    await badge('Planerat').waitFor();
    await page.getByText('Mandat saknas').first().waitFor();

    let dialog = await openEdit();
    await dialog.getByLabel('Läge').selectOption('under_establishment');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toContain('Ett forum under uppbyggnad har ett beslut om inrättande');
    await expectAccessible(page, 'forum dialog refusing a stage');
    await dialog.getByLabel('Beslut om inrättande').selectOption(setUpId);
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await badge('Under uppbyggnad').waitFor();

    dialog = await openEdit();
    await dialog.getByLabel('Läge').selectOption('active');
    await dialog.getByLabel('Mandat', { exact: true }).selectOption('prepares');
    await dialog.getByLabel('Sammanträden per år').fill('4');
    await dialog.getByLabel('Inrättat').fill('2026-02-01');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await badge('Aktivt').waitFor();
    await page.getByText('Medlemmar saknas').first().waitFor();
    await page.getByText(/planerade möten 2026/).waitFor();
    await expectAccessible(page, 'active forum with flags');

    dialog = await openEdit();
    await dialog.getByLabel('Läge').selectOption('discontinued');
    await dialog.getByLabel('Avvecklat', { exact: true }).fill(today);
    await dialog.getByLabel('Beslut om avveckling').selectOption(endId);
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await badge('Avvecklat').waitFor();
    await expect(page.getByText('Medlemmar saknas').count()).resolves.toBe(0);
  });

  it('lists discontinued forums apart, and the flag filter names every flag in words', async () => {
    await page.getByRole('link', { name: 'Forum', exact: true }).click();
    const apart = page.getByRole('region', { name: 'Avvecklade forum' });
    await apart.getByRole('link', { name: 'Portföljrådet' }).waitFor();
    const table = page.getByRole('table');
    await table.getByRole('link', { name: 'Digitaliseringsrådet' }).waitFor();
    await expect(table.getByRole('link', { name: 'Portföljrådet' }).count()).resolves.toBe(0);
    const options = await page.getByLabel('Flaggor').locator('option').allTextContents();
    expect(options).toEqual([
      'Alla',
      'Mandat saknas',
      'Medlemmar saknas',
      'Färre möten än planerat',
    ]);
    await page.getByLabel('Flaggor').selectOption('no_members');
    await table.getByRole('link', { name: 'Digitaliseringsrådet' }).waitFor();
    await expectAccessible(page, 'forum list with the discontinued apart');
  });

  it('the overview counts flagged forums, and each count opens its forums', async () => {
    await page.getByRole('link', { name: 'Översikt', exact: true }).click();
    const count = page.getByText('forum: medlemmar saknas');
    await count.waitFor();
    await count.click();
    await page.getByRole('link', { name: 'Digitaliseringsrådet' }).first().waitFor();
    await expectAccessible(page, 'overview with flag counts');
  });
});

describe('decision kinds', () => {
  it('an advisory council is refused a beslut, told before and after submit, and records a recommendation', async () => {
    await page.getByRole('link', { name: 'Beslut', exact: true }).click();
    await page.getByRole('button', { name: 'Registrera beslut' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrera beslut' });
    await dialog.getByLabel('Slag', { exact: true }).selectOption('decision');
    await dialog.getByLabel('Rubrik').fill('Gemensam e-tjänsteplattform');
    await dialog
      .getByLabel('Forum', { exact: true })
      .selectOption({ label: 'Digitaliseringsrådet' });
    const rule =
      'Digitaliseringsrådet är rådgivande och kan inte fatta beslut. Registrera en rekommendation eller ett förslag, eller ett informationsärende.';
    await dialog.getByRole('status').filter({ hasText: rule }).waitFor();
    await dialog.getByLabel('Beslutsnivå').selectOption('delegated');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain(rule);
    await expectAccessible(page, 'decision dialog refusing a beslut');
    await dialog.getByLabel('Slag', { exact: true }).selectOption('recommendation');
    // The notice before submit goes as soon as the kind fits the mandate.
    await expect(dialog.getByRole('status').filter({ hasText: rule }).count()).resolves.toBe(0);
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { name: 'Gemensam e-tjänsteplattform', level: 1 }).waitFor();
    await page.getByText('Rekommendation/förslag').first().waitFor();
  });

  it('an executive decision by the regional director needs no paragraph or body', async () => {
    await page.getByRole('link', { name: 'Beslut', exact: true }).click();
    await page.getByRole('button', { name: 'Registrera beslut' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrera beslut' });
    await dialog.getByLabel('Slag', { exact: true }).selectOption('executive');
    await dialog.getByLabel('Rubrik').fill('Beslut och beredning för digitalisering');
    await dialog.getByLabel('Befattning som beslutade').fill('Regiondirektör');
    await dialog.getByLabel('Beslutsdatum').fill('2022-12-06');
    await expectAccessible(page, 'executive decision dialog');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page
      .getByRole('heading', { name: 'Beslut och beredning för digitalisering', level: 1 })
      .waitFor();
    await page.getByText('Regiondirektör 2022-12-06').waitFor();
  });

  it('a month-precise date is shown as the month', async () => {
    await page.getByRole('link', { name: 'Beslut', exact: true }).click();
    await page.getByRole('button', { name: 'Registrera beslut' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrera beslut' });
    await dialog.getByLabel('Rubrik').fill('Handlingsplan för digital kompetens');
    await dialog.getByLabel('Organ', { exact: true }).selectOption({ label: 'Regionstyrelsen' });
    await dialog.getByLabel('Datum anges som').selectOption('month');
    await dialog.getByLabel('Beslutsmånad').fill('2024-08');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page
      .getByRole('heading', { name: 'Handlingsplan för digital kompetens', level: 1 })
      .waitFor();
    await page.getByText('augusti 2024', { exact: true }).waitFor();
    await expectAccessible(page, 'decision with a month-precise date');
  });
});
