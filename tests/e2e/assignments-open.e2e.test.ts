import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUnit } from '../../server/modules/organization/units.service.js';
import { createDecision } from '../../server/modules/organization/decisions.service.js';
import { createAudit, createRecommendation } from '../../server/modules/audits/audits.service.js';
import { createAssignments, createFinding } from '../../server/modules/audits/responses.service.js';
import { anE2eTenant, E2E_PASSWORD, expectAccessible, logIn, startStack } from './browser.js';

let stack: Awaited<ReturnType<typeof startStack>>;
let page: Page;
let ctx: Awaited<ReturnType<typeof anE2eTenant>>['ctx'];
const ids: Record<string, string> = {};

beforeAll(async () => {
  stack = await startStack();
  const tenant = await anE2eTenant(stack, {
    name: 'Region Uppdrag',
    slug: 'e2e-asg',
    adminName: 'Ulla Admin',
    adminEmail: 'asg@e2e.example',
  });
  ctx = tenant.ctx;
  const root = tenant.t.rootUnitId;
  const rs = await createUnit(stack.db, ctx, {
    parentId: root,
    kind: 'regional_board',
    name: 'Regionstyrelsen',
    shortName: 'RS',
  });
  const au = await createUnit(stack.db, ctx, {
    parentId: rs.id,
    kind: 'working_committee',
    name: 'Regionstyrelsens arbetsutskott',
    shortName: 'RSAU',
  });
  const hsn = await createUnit(stack.db, ctx, {
    parentId: root,
    kind: 'board',
    name: 'Hälso- och sjukvårdsnämnden',
    shortName: 'HSN',
  });
  const ktn = await createUnit(stack.db, ctx, {
    parentId: root,
    kind: 'board',
    name: 'Kollektivtrafiknämnden',
    shortName: 'KTN',
  });
  Object.assign(ids, { rs: rs.id, au: au.id, hsn: hsn.id, ktn: ktn.id });

  // (a) One recommendation to two bodies, both sent for a reply.
  const audit = await createAudit(stack.db, ctx, {
    title: 'Granskning av kompetensförsörjningen',
    kind: 'deep_audit',
    reportDate: '2026-03-01',
    auditedBodyIds: [hsn.id, ktn.id],
    remittances: [
      { bodyId: hsn.id, kind: 'reply', deadline: '2026-06-30' },
      { bodyId: ktn.id, kind: 'reply', deadline: '2026-06-30' },
    ],
  });
  const rec = await createRecommendation(stack.db, ctx, audit.id, {
    number: '1',
    text: 'Ta fram en strategi för kompetensförsörjningen.',
    addresseeBodyIds: [hsn.id, ktn.id],
  });
  ids.audit = audit.id;
  ids.rec = rec.id;

  // (b) The working committee proposes an assignment; the board adopts the proposal.
  const auDecision = await createDecision(stack.db, ctx, {
    kind: 'decision',
    bodyUnitId: au.id,
    decidedOn: '2026-11-10',
    paragraph: '31',
    level: 'committee',
    outcome: 'approved',
    title: 'Förslag om uppföljning av vårdköerna',
  });
  await createDecision(stack.db, ctx, {
    kind: 'decision',
    bodyUnitId: rs.id,
    decidedOn: '2026-12-01',
    paragraph: '12',
    level: 'board',
    outcome: 'approved',
    title: 'Uppföljning av vårdköerna',
    proposedByDecisionId: auDecision.id,
  });
  const [given] = await createAssignments(stack.db, ctx, {
    decisionId: auDecision.id,
    title: 'Redovisa åtgärder mot vårdköerna',
    assigneeBodyIds: [hsn.id],
    reportBack: 'meeting',
    reportBackMeeting: 'Regionstyrelsens sammanträde i januari 2027',
    reportBackMeetingRef: { bodyId: rs.id, month: '2027-01' },
  });
  expect(given?.state).toBe('proposed');
  // A review's proposal with no decision behind it yet: nothing to move it to.
  await createAssignments(stack.db, ctx, {
    sourceAuditId: audit.id,
    title: 'Utred gemensam rekryteringsfunktion',
    assigneeBodyIds: [ktn.id],
    proposed: true,
  });

  page = tenant.page;
  await logIn(page, stack.baseUrl, 'asg@e2e.example', E2E_PASSWORD);
});
afterAll(() => stack?.close());

const dialog = () => page.getByRole('dialog');
const recRows = () => page.getByRole('row', { name: /Ta fram en strategi/ });

describe('open recommendations', () => {
  it('lists each addressee’s row by audit and body, and shrinks when a follow-up finds one resolved', async () => {
    await page.goto(`${stack.baseUrl}/revision/rekommendationer`);
    await page.getByRole('heading', { name: 'Öppna rekommendationer', level: 1 }).waitFor();
    await page
      .getByRole('heading', { name: /Granskning av kompetensförsörjningen/, level: 2 })
      .waitFor();
    await page.getByRole('heading', { name: /Hälso- och sjukvårdsnämnden/, level: 3 }).waitFor();
    await expect.poll(() => recRows().count()).toBe(2);
    const first = await recRows().first().textContent();
    expect(first).toContain('Väntar på yttrande');
    expect(first).toContain('Försenat sedan 2026-06-30');
    expect(first).toContain('0 av 2 mottagare åtgärdade');
    await expectAccessible(page, 'open recommendations');

    // The filters: one body; only overdue; a state with nothing in it.
    await page.getByLabel('Organ').selectOption({ label: 'Kollektivtrafiknämnden' });
    await expect.poll(() => recRows().count()).toBe(1);
    const csv = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
    expect(csv).toContain(`bodyId=${ids.ktn}`);
    await page.getByLabel('Organ').selectOption({ label: 'Alla organ' });
    await page.getByLabel('Endast försenade').check();
    await expect.poll(() => recRows().count()).toBe(2);
    expect(await page.getByRole('link', { name: 'Excel' }).getAttribute('href')).toContain(
      'overdue=true',
    );
    await page.getByLabel('Läge').selectOption({ label: 'Instämmer inte' });
    await page.getByText('Inga öppna rekommendationer med de valda villkoren.').waitFor();
    await expectAccessible(page, 'open recommendations, nothing matches');
    await page.getByLabel('Läge').selectOption({ label: 'Alla lägen' });
    await page.getByLabel('Endast försenade').uncheck();
    await expect.poll(() => recRows().count()).toBe(2);

    // A follow-up audit finds it resolved for HSN, not for KTN.
    const followUp = await createAudit(stack.db, ctx, {
      title: 'Uppföljning av kompetensförsörjningen',
      kind: 'follow_up',
      reportDate: '2026-11-15',
      auditedBodyIds: [ids.hsn!, ids.ktn!],
      followsUpAuditIds: [ids.audit!],
    });
    await createFinding(stack.db, ctx, {
      followUpAuditId: followUp.id,
      recommendationId: ids.rec!,
      text: 'HSN har en strategi; KTN har inte börjat.',
      statuses: [
        { bodyId: ids.hsn!, status: 'resolved' },
        { bodyId: ids.ktn!, status: 'not_resolved' },
      ],
      observations: [],
    });
    await page.reload();
    await page.getByRole('heading', { name: 'Öppna rekommendationer', level: 1 }).waitFor();
    await expect.poll(() => recRows().count()).toBe(1);
    const left = page.getByRole('region', { name: 'Kollektivtrafiknämnden' });
    await left.waitFor();
    expect(await page.getByRole('region', { name: 'Hälso- och sjukvårdsnämnden' }).count()).toBe(0);
    const row = await recRows().first().textContent();
    expect(row).toContain('1 av 2 mottagare åtgärdade');
    expect(row).toContain('Ej åtgärdad');
    expect(row).toContain('KTN har inte börjat');
    await expectAccessible(page, 'open recommendations after the follow-up');
  });
});

describe('assignments', () => {
  const asgRow = () => page.getByRole('row', { name: /Redovisa åtgärder mot vårdköerna/ });
  const reviewRow = () => page.getByRole('row', { name: /Utred gemensam rekryteringsfunktion/ });

  it('moves a proposed assignment to the adopting decision: active, with a chain of two steps', async () => {
    await page.goto(`${stack.baseUrl}/revision/uppdrag`);
    await page.getByRole('heading', { name: 'Uppdrag', level: 1 }).waitFor();
    await asgRow().waitFor();
    const before = (await asgRow().textContent()) ?? '';
    expect(before).toContain('Föreslaget');
    expect(before).toContain('RSAU 2026-11-10 § 31');
    expect(before).toContain('Vid Regionstyrelsens sammanträde januari 2027');
    expect(before).toContain('Senast 2027-01-31 (sammanträdet är inte inlagt ännu)');
    await expectAccessible(page, 'assignments');

    await page.getByLabel('Ställning').selectOption({ label: 'Föreslaget' });
    await expect.poll(() => page.getByRole('row').count()).toBe(3); // heading row and two
    expect(await page.getByRole('link', { name: 'CSV' }).getAttribute('href')).toContain(
      'state=proposed',
    );
    await page.getByLabel('Ställning').selectOption({ label: 'Alla' });

    // A review's proposal has no later decision: the dialog says what to do first.
    await page
      .getByRole('button', {
        name: 'Flytta till antagande beslut: Utred gemensam rekryteringsfunktion',
      })
      .click();
    await dialog().getByText('Registrera först det antagande beslutet', { exact: false }).waitFor();
    await expectAccessible(page, 'adopt dialog without candidates');
    await dialog().getByRole('button', { name: 'Avbryt' }).click();
    await dialog().waitFor({ state: 'hidden' });

    await page
      .getByRole('button', {
        name: 'Flytta till antagande beslut: Redovisa åtgärder mot vårdköerna',
      })
      .click();
    const candidate = dialog().getByRole('radio', { name: /RS 2026-12-01 § 12/ });
    await candidate.waitFor();
    await expectAccessible(page, 'adopt dialog');
    await candidate.check();
    await dialog().getByRole('button', { name: 'Flytta' }).click();
    await dialog().waitFor({ state: 'hidden' });
    await expect.poll(() => asgRow().textContent()).toContain('Aktivt');
    const chain = asgRow().getByRole('list', {
      name: 'Beslutskedja: RSAU 2026-11-10 § 31 → RS 2026-12-01 § 12',
    });
    expect(await chain.getByRole('listitem').count()).toBe(2);
    expect(
      await asgRow()
        .getByRole('button', { name: /^Flytta till antagande beslut/ })
        .count(),
    ).toBe(0);
    await expectAccessible(page, 'assignments after adoption');
  });

  it('changes a report-back to a body’s meeting in a month', async () => {
    await page
      .getByRole('button', { name: 'Ändra återrapportering: Utred gemensam rekryteringsfunktion' })
      .click();
    await dialog().getByRole('radio', { name: 'Vid ett sammanträde' }).check();
    await dialog().getByLabel('Organ som sammanträder').selectOption({ label: 'Regionstyrelsen' });
    await expectAccessible(page, 'report-back dialog');
    // A meeting with neither body and month nor text is refused, in Swedish, in the dialog.
    await dialog().getByLabel('Organ som sammanträder').selectOption({ label: '—' });
    await dialog().getByRole('button', { name: 'Spara' }).click();
    await dialog().getByRole('alert').waitFor();
    await dialog().getByLabel('Organ som sammanträder').selectOption({ label: 'Regionstyrelsen' });
    await dialog()
      .getByLabel(/^Månad för sammanträdet/)
      .fill('2027-02');
    await dialog().getByRole('button', { name: 'Spara' }).click();
    await dialog().waitFor({ state: 'hidden' });
    await expect
      .poll(() => reviewRow().textContent())
      .toContain('Vid Regionstyrelsens sammanträde februari 2027');
    expect(await reviewRow().textContent()).toContain('Senast 2027-02-28');
  });

  it('gives a meeting-due assignment its date once the meeting calendar is entered', async () => {
    await page.goto(`${stack.baseUrl}/organisation/${ids.rs}`);
    await page.getByRole('heading', { name: 'Regionstyrelsen', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Lägg in sammanträdesplan' }).click();
    const dates = dialog().getByLabel(/^Datum för sammanträdena/);
    await dates.fill('2027-01-27\n2027-13-01');
    await dialog().getByRole('button', { name: 'Lägg in' }).click();
    await dialog()
      .getByRole('alert')
      .getByText('Rad 2: ”2027-13-01” är inte ett datum', { exact: false })
      .waitFor();
    await expectAccessible(page, 'meeting calendar dialog with a bad line');
    await dates.fill('2027-01-27, 2027-02-24\n2027-03-31');
    await dialog().getByRole('button', { name: 'Lägg in' }).click();
    await dialog().getByText('3 sammanträden inlagda, 0 fanns redan').waitFor();
    await expectAccessible(page, 'meeting calendar result');
    await dialog().getByRole('button', { name: 'Klar' }).click();
    await dialog().waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.getByRole('region', { name: 'Sammanträden' }).textContent())
      .toContain('2027-03-31');

    // Again with one date already on record: it is skipped.
    await page.getByRole('button', { name: 'Lägg in sammanträdesplan' }).click();
    await dialog()
      .getByLabel(/^Datum för sammanträdena/)
      .fill('2027-01-27\n2027-04-28');
    await dialog().getByRole('button', { name: 'Lägg in' }).click();
    await dialog().getByText('1 sammanträde inlagt, 1 fanns redan').waitFor();
    await dialog().getByRole('button', { name: 'Klar' }).click();

    await page.goto(`${stack.baseUrl}/revision/uppdrag`);
    await asgRow().waitFor();
    await expect.poll(() => asgRow().textContent()).toContain('Senast 2027-01-27');
    expect(await asgRow().textContent()).not.toContain('inte inlagt');
    expect(await reviewRow().textContent()).toContain('Senast 2027-02-24');
    await expectAccessible(page, 'assignments with the calendar in');
  });
});
