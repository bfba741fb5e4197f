import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUnit } from '../../server/modules/organization/units.service.js';
import { createDecision } from '../../server/modules/organization/decisions.service.js';
import { createInitiative } from '../../server/modules/portfolio/initiatives.service.js';
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
const year = new Date().getFullYear();
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  stack = await startStack();
  const {
    t,
    ctx,
    page: p,
  } = await anE2eTenant(stack, {
    name: 'Region Topplista',
    slug: 'e2e-top',
    adminName: 'Tove Admin',
    adminEmail: 'top@e2e.example',
  });
  const rs = await createUnit(stack.db, ctx, {
    parentId: t.rootUnitId,
    kind: 'regional_board',
    name: 'Regionstyrelsen',
    shortName: 'RS',
  });
  await createDecision(stack.db, ctx, {
    kind: 'decision',
    bodyUnitId: rs.id,
    decidedOn: `${year}-01-23`,
    paragraph: '12',
    caseNumber: `RS ${year}/41`,
    level: 'board',
    outcome: 'approved',
    title: '10 viktigaste digitaliseringsinitiativ',
  });
  for (const title of ['Taligenkänning i vården', 'Nytt biljettsystem'])
    await createInitiative(stack.db, ctx, {
      title,
      category: 'new_service',
      workKind: 'digitalisation',
      ownerUnitId: rs.id,
      affectedUnitIds: [],
      goalIds: [],
      strategicAreas: [],
      systemIds: [],
      dependsOnIds: [],
      decisionIds: [],
      documentIds: [],
      investment: [],
      costSplit: [],
      resourceNeed: [],
      risks: [],
      scores: [],
    });
  page = p;
  await logIn(page, stack.baseUrl, 'top@e2e.example', E2E_PASSWORD);
}, 120_000);
afterAll(() => stack?.close());

const dialog = () => page.getByRole('dialog');
const list = () => page.getByRole('region', { name: `10 viktigaste ${year}` });
const followUp = async (statuses: Record<string, string | null>) => {
  await list().getByRole('button', { name: 'Registrera uppföljning' }).click();
  await dialog()
    .getByLabel(/^Datum/)
    .fill(today);
  await dialog().getByLabel('Forum').fill('Regionledningen');
  for (const [title, status] of Object.entries(statuses)) {
    const entry = dialog().getByRole('group', { name: title });
    // The status starts empty every time: never the last follow-up's.
    expect(await entry.getByLabel('Status').inputValue()).toBe('');
    if (status) await entry.getByLabel('Status').selectOption({ label: status });
  }
  await expectAccessible(page, 'follow-up dialog');
  await saveDialog(page);
};

describe('a named top list and its follow-ups', () => {
  it('create a list, follow it up twice, the entry left without status shows status saknas, and n av m', async () => {
    await page.getByRole('link', { name: 'Portfölj', exact: true }).click();
    await page.getByRole('link', { name: 'De viktigaste initiativen' }).click();
    await page.getByRole('heading', { name: 'De viktigaste initiativen', level: 1 }).waitFor();
    await expect.poll(() => page.getByText(`Inga topplistor för ${year}.`).count()).toBe(1);
    await expectAccessible(page, 'top lists (empty)');

    await page.getByRole('button', { name: 'Ny topplista' }).click();
    await dialog()
      .getByLabel(/^Listans namn/)
      .fill(`10 viktigaste ${year}`);
    await dialog().getByLabel('Beslut som antog listan').selectOption({ index: 1 });
    await dialog().getByLabel('Planerade uppföljningar per år').fill('4');
    await dialog()
      .getByLabel(/^Initiativ på listan/)
      .selectOption([{ label: 'Taligenkänning i vården' }, { label: 'Nytt biljettsystem' }]);
    await dialog()
      .getByLabel('Förväntade effekter: Taligenkänning i vården')
      .fill('Mindre tid till dokumentation');
    await expectAccessible(page, 'top list dialog');
    await saveDialog(page);

    await expect
      .poll(() => list().textContent())
      .toContain(`0 av 4 uppföljningar genomförda ${year}`);
    expect(await list().textContent()).toContain('Mindre tid till dokumentation');
    expect(await list().textContent()).toContain('Styrelse/nämnd');

    await followUp({ 'Taligenkänning i vården': 'Pågående', 'Nytt biljettsystem': 'Pausad' });
    await expect
      .poll(() => list().textContent())
      .toContain(`1 av 4 uppföljningar genomförda ${year}`);
    await expect
      .poll(() =>
        list()
          .getByRole('row', { name: /Nytt biljettsystem/ })
          .textContent(),
      )
      .toContain('Pausad');

    // The second follow-up says nothing about the ticket system: status saknas, not "Pausad".
    await followUp({ 'Taligenkänning i vården': 'Avslutad', 'Nytt biljettsystem': null });
    await expect
      .poll(() => list().textContent())
      .toContain(`2 av 4 uppföljningar genomförda ${year}`);
    const ticket = list().getByRole('row', { name: /Nytt biljettsystem/ });
    await expect.poll(() => ticket.textContent()).toContain('status saknas');
    expect(await ticket.textContent()).not.toContain('Pausad');
    expect(
      await list()
        .getByRole('row', { name: /Taligenkänning/ })
        .textContent(),
    ).toContain('Avslutad');

    // The count opens the follow-ups it is built from.
    await list().getByText(`av 4 uppföljningar genomförda ${year}`).click();
    await expect
      .poll(() =>
        list()
          .getByRole('link', { name: `Uppföljning ${today}, Regionledningen` })
          .count(),
      )
      .toBe(2);
    await expectAccessible(page, 'top list followed up');
  });
});
