import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eq, sql } from 'drizzle-orm';
import { tenants } from '../../server/platform/tables.js';
import { createPerson } from '../../server/modules/organization/people.service.js';
import { createUnit } from '../../server/modules/organization/units.service.js';
import { createDecision } from '../../server/modules/organization/decisions.service.js';
import { createForum } from '../../server/modules/organization/forums.service.js';
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
    name: 'Region Portfölj',
    slug: 'e2e-pf',
    adminName: 'Pia Admin',
    adminEmail: 'pf@e2e.example',
  });
  const rs = await createUnit(stack.db, ctx, {
    parentId: t.rootUnitId,
    kind: 'regional_board',
    name: 'Regionstyrelsen',
    shortName: 'RS',
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
    name: 'Kollektivtrafiknämnden',
    shortName: 'KTN',
  });
  const council = await createForum(stack.db, ctx, {
    parentUnitId: rs.id,
    name: 'Digitaliseringsrådet',
    kind: 'digitalisation_council',
    mandate: 'prepares',
  });
  await createDecision(stack.db, ctx, {
    kind: 'decision',
    bodyUnitId: rs.id,
    decidedOn: '2026-04-14',
    paragraph: '61',
    caseNumber: 'RS 2026/88',
    level: 'board',
    outcome: 'approved',
    title: 'Gemensam e-tjänsteplattform',
  });
  await createPerson(stack.db, ctx, {
    name: 'Ivar Initiativägare',
    email: 'ivar@e2e.example',
    canLogIn: false,
  });
  await stack.db
    .update(tenants)
    .set({
      settings: sql`${tenants.settings} || ${JSON.stringify({ councilForumId: council.id, portfolioDecidingBodyId: rs.id })}::jsonb`,
    })
    .where(eq(tenants.id, t.tenantId));
  page = p;
  await logIn(page, stack.baseUrl, 'pf@e2e.example', E2E_PASSWORD);
});
afterAll(() => stack?.close());

const dialog = () => page.getByRole('dialog');
const save = () => saveDialog(page);
const move = async (phase: string, reason: string) => {
  await page.getByRole('button', { name: `Flytta till ${phase}` }).click();
  await dialog().getByLabel(/^Skäl/).fill(reason);
  await save();
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).locator('..').textContent())
    .toContain(phase);
};

describe('the whole life of an initiative', () => {
  it('idea → prepared by the council → decided → running → closed with a benefits plan → measured after closure', async () => {
    await page.getByRole('link', { name: 'Portfölj', exact: true }).click();
    await page.getByRole('heading', { name: 'Portfölj', level: 1 }).waitFor();
    await expectAccessible(page, 'portfolio (empty)');
    await page.getByRole('button', { name: 'Nytt initiativ' }).click();
    await dialog()
      .getByRole('textbox', { name: /^Initiativ/ })
      .fill('Gemensam e-tjänsteplattform');
    await dialog()
      .getByLabel('Ägande enhet')
      .selectOption({ label: 'Hälso- och sjukvårdsnämnden' });
    await dialog().getByLabel('Kontaktperson').selectOption({ label: 'Ivar Initiativägare' });
    await dialog().getByLabel('Berörda enheter').selectOption({ label: 'Kollektivtrafiknämnden' });
    await expectAccessible(page, 'initiative dialog');
    await save();
    await page.getByRole('heading', { name: 'Gemensam e-tjänsteplattform', level: 1 }).waitFor();
    await move('Beredning', 'Förslaget är inkommet.');

    // Decided needs a decision at the right level, and the council's preparation: the page says why it cannot move yet.
    await expect
      .poll(() => page.getByRole('region', { name: 'Flytta till' }).textContent())
      .toContain('Beslut saknas');
    expect(await page.getByRole('button', { name: 'Flytta till Beslutad' }).isDisabled()).toBe(
      true,
    );
    await expectAccessible(page, 'initiative with refused moves');
    await page.getByRole('button', { name: 'Redigera' }).click();
    await dialog().getByLabel('Berett av forum').selectOption({ label: 'Digitaliseringsrådet' });
    await dialog().getByLabel('Beslut om initiativet').selectOption({ index: 1 });
    await save();
    await move('Beslutad', 'Beslutad av regionstyrelsen efter beredning i rådet.');
    await move('Pågående', 'Projektet har startat.');

    await expect
      .poll(() => page.getByRole('region', { name: 'Flytta till' }).textContent())
      .toContain('Plan för effekthemtagning saknas');
    await page.getByRole('button', { name: 'Ny effekt' }).click();
    await dialog()
      .getByLabel(/^Slag av effekt/)
      .selectOption({ label: 'Invånare/patienter' });
    await dialog().getByRole('textbox', { name: /^Mått/ }).fill('Andel ärenden via e-tjänst');
    await dialog().getByLabel('Enhet', { exact: true }).fill('%');
    await dialog().getByLabel('Målvärde').fill('60');
    await dialog().getByLabel('Måldatum').fill('2027-12-31');
    await dialog()
      .getByLabel('Ansvarig för hemtagningen')
      .selectOption({ label: 'Ivar Initiativägare' });
    await expectAccessible(page, 'benefit dialog');
    await save();
    await move('Avslutad', 'Levererad enligt plan.');
    await move('I förvaltning', 'Överlämnad till förvaltningsobjektet.');

    await page
      .getByRole('button', { name: 'Registrera mätning: Andel ärenden via e-tjänst' })
      .click();
    await dialog()
      .getByLabel(/^Mätdatum/)
      .fill('2027-03-31');
    await dialog()
      .getByLabel(/^Värde/)
      .fill('41');
    await save();
    await expect
      .poll(() => page.getByRole('row', { name: /Andel ärenden via e-tjänst/ }).textContent())
      .toContain('41');
    const history = await page.getByRole('region', { name: 'Historik' }).textContent();
    expect(history).toContain('Beredning → Beslutad');
    expect(history).toContain('Beslutad av regionstyrelsen efter beredning i rådet.');
    await expectAccessible(page, 'initiative in operation');
  });
});
