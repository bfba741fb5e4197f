import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aDecision,
  aTenant,
  aUnit,
  aUserWith,
  json,
  testEnv,
  type TestEnv,
  type Tenant,
} from '../../test/helper.js';

/*
 * A real audit, registered as its report reads (seed 001: Region Värmland, June 2025, PwC for
 * the auditors): seven questions over five bodies (RS, HSN, KTN, KBN, RUN), questions 2 and 5
 * only for the regional board (ET for the others in its matrix), question 7 ("vilka
 * rekommendationer ges?") not assessed; one recommendation to the regional board, one to HSN,
 * KBN and KTN, three to "samtliga revisionsobjekt". Sent to all five for a reply, and to the
 * assembly's presidium (not audited) for information. The counts below follow from that text.
 */
let env: TestEnv;
let t: Tenant;
const b: Record<'rs' | 'hsn' | 'ktn' | 'kbn' | 'run' | 'rf', { id: string }> = {} as never;
let audit: { id: string; version: number };
type Rec = {
  id: string;
  number: string;
  addresseeBodyIds: string[];
  progress: { resolved: number; of: number };
  addressees: { bodyId: string; state: string; obligation: { state: string } | null }[];
  checkedBy: { questionId: string; number: string }[];
};
let recs: Rec[];
type Obligations = {
  items: { recommendationId: string; bodyId: string; state: string; daysLate: number }[];
  bodies: {
    bodyId: string;
    kind: string;
    concerned: boolean;
    owed: number;
    overdue: number;
    answered: number;
    answeredLate: number;
    questions: { number: string; state: string }[];
  }[];
};
const obligations = async () =>
  json<Obligations>(await t.admin.get(`/api/audits/${audit.id}/obligations`));
const byBody = (o: Obligations, id: string) => o.bodies.find((x) => x.bodyId === id)!;
const overdue = (o: Obligations) => o.items.filter((x) => x.state === 'overdue').length;

beforeAll(async () => {
  env = await testEnv(); // 2026-03-15
  t = await aTenant(env, 'Region Värmland');
  b.rf = await aUnit(t.admin, t.rootUnitId, { name: 'Regionfullmäktige', kind: 'assembly' });
  b.rs = await aUnit(t.admin, t.rootUnitId, { name: 'Regionstyrelsen', kind: 'regional_board' });
  b.hsn = await aUnit(t.admin, t.rootUnitId, { name: 'Hälso- och sjukvårdsnämnden' });
  b.ktn = await aUnit(t.admin, t.rootUnitId, { name: 'Kollektivtrafiknämnden' });
  b.kbn = await aUnit(t.admin, t.rootUnitId, { name: 'Kultur- och bildningsnämnden' });
  b.run = await aUnit(t.admin, t.rootUnitId, { name: 'Regionala utvecklingsnämnden' });
  const audited = [b.rs.id, b.hsn.id, b.ktn.id, b.kbn.id, b.run.id];
  const office = await aUserWith(env, t, 'audit_office');
  audit = json(
    await office.post('/api/audits', {
      title: 'Granskning av regionens arbete med digitalisering inklusive uppföljning av 2020',
      kind: 'deep_audit',
      auditorGroup: 'Region Värmlands revisorer',
      auditFirm: 'PwC',
      reportDate: '2025-06-16',
      letterDate: '2025-06-18',
      assignedOn: '2025-01-20',
      presidiaConsulted: true,
      auditedBodyIds: audited,
      criteria: [{ kind: 'law', name: 'Kommunallagen 6 kap. 6 §', reference: 'SFS 2017:725' }],
      methodInterviewed: ['Regiondirektör', 'Digitaliseringschef', 'Nämndernas presidier'],
      methodDocuments: ['Regionplan och budget 2025 med flerårsplan 2026-2027'],
      remittances: [
        ...audited.map((bodyId) => ({
          bodyId,
          kind: 'reply',
          deadline: '2025-09-30',
          questions:
            bodyId === b.rs.id ? '1. Hur säkerställs det politiska ansvaret?\n2. När?' : '',
        })),
        { bodyId: b.rf.id, kind: 'information', concerned: true },
      ],
    }),
  );
  json(
    await office.post(`/api/audits/${audit.id}/questions/bulk`, {
      lines: [
        '1. Har regionstyrelsen/nämnderna konkretiserat vilka mål som ska uppnås avseende digitalisering?',
        '2. Har regionstyrelsen säkerställt att det finns en sammanhållen styrning av det strategiska digitaliseringsarbetet?',
        '3. Finns det en tydlig fördelning av roller och ansvar samt tydliggjort hur samverkan ska ske?',
        '4. Säkerställer regionstyrelsen/nämnderna att de får en tillräcklig uppföljning?',
        '5. Säkerställer regionstyrelsen att verksamheterna tillgodogör sig resultaten från nätverk?',
        '6. Har styrelsen och nämnderna vidtagit åtgärder med anledning av rekommendationerna 2020?',
        '7. Om granskningen visar brister, vilka rekommendationer ges?',
      ].join('\n'),
    }),
  );
  const qs = json<{ items: { id: string; number: string; version: number }[] }>(
    await t.admin.get(`/api/audits/${audit.id}/questions`),
  ).items;
  const q = (n: string) => qs.find((x) => x.number === n)!;
  const values: Record<string, string[]> = {
    '1': ['yes', 'partly', 'partly', 'no', 'yes'],
    '3': ['partly', 'partly', 'yes', 'partly', 'partly'],
    '4': ['partly', 'no', 'partly', 'no', 'partly'],
    '6': ['partly', 'yes', 'yes', 'partly', 'yes'],
  };
  for (const [n, vs] of Object.entries(values))
    json(
      await office.patch(`/api/audit-questions/${q(n).id}`, {
        version: q(n).version,
        cells: audited.map((bodyId, i) => ({ bodyId, value: vs[i] })),
      }),
    );
  for (const [n, v] of [
    ['2', 'partly'],
    ['5', 'no'],
  ] as const)
    json(
      await office.patch(`/api/audit-questions/${q(n).id}`, {
        version: q(n).version,
        appliesToBodyIds: [b.rs.id],
        cells: [{ bodyId: b.rs.id, value: v }],
      }),
    );
  json(
    await office.patch(`/api/audit-questions/${q('7').id}`, {
      version: q('7').version,
      mode: 'not_assessed',
    }),
  );
  json(
    await office.post(`/api/audits/${audit.id}/recommendations`, {
      number: '1',
      text: 'Säkerställ ett tydligt politiskt ansvar för regionens samlade strategiska styrning av digitaliseringsarbetet.',
      addresseeBodyIds: [b.rs.id],
    }),
  );
  json(
    await office.post(`/api/audits/${audit.id}/recommendations`, {
      number: '2',
      text: 'Vidareutveckla arbetet med att konkretisera vilka mål som ska uppnås avseende verksamhetsutveckling med hjälp av digitalisering.',
      addresseeBodyIds: [b.hsn.id, b.kbn.id, b.ktn.id],
    }),
  );
  json(
    await office.post(`/api/audits/${audit.id}/recommendations/bulk`, {
      lines: [
        '3. Utveckla en systematik för ökad intern informationsdelning av digitaliseringsinitiativ.',
        '4. Säkerställ att den samlade organisationen har tillräcklig kompetens inom förändringsledning.',
        '5. Stärk arbetet med implementering av digitaliseringsinitiativ så att fattade beslut följs.',
      ].join('\n'),
      addressedGroup: 'all_audited',
    }),
  );
  recs = json<{ items: Rec[] }>(await t.admin.get(`/api/audits/${audit.id}/recommendations`)).items;
}, 120_000);
afterAll(() => env.close());

const rec = (n: string) => recs.find((r) => r.number === n)!;

describe('reply obligations, from the report’s own text', () => {
  it('one obligation per (recommendation, addressee): 1 + 3 + 3 × 5 = 19, all overdue', async () => {
    const o = await obligations();
    expect(o.items).toHaveLength(19);
    expect(overdue(o)).toBe(19);
    expect(byBody(o, b.rs.id)).toMatchObject({ kind: 'reply', owed: 4, overdue: 4 });
    expect(byBody(o, b.hsn.id).owed).toBe(4);
    expect(byBody(o, b.run.id).owed).toBe(3);
    // The assembly had the report for information: concerned, owing nothing, though not audited.
    expect(byBody(o, b.rf.id)).toMatchObject({ kind: 'information', concerned: true, owed: 0 });
    // 2025-09-30 to 2026-03-15.
    expect(o.items[0]!.daysLate).toBe(166);
    const a = json<{ obligations: Record<string, number> }>(
      await t.admin.get(`/api/audits/${audit.id}`),
    );
    expect(a.obligations).toEqual({ owed: 19, overdue: 19, answered: 0, answeredLate: 0 });
  });

  it('a reply to one recommendation of four leaves the other three overdue; late stays late', async () => {
    json(
      await t.admin.post('/api/replies', {
        auditId: audit.id,
        bodyId: b.rs.id,
        receivedOn: '2025-09-25',
        text: 'Regionstyrelsen instämmer.',
        answers: [{ recommendationId: rec('1').id, position: 'agrees' }],
        answeredQuestions: ['1'],
      }),
    );
    let o = await obligations();
    expect(byBody(o, b.rs.id)).toMatchObject({ owed: 4, overdue: 3, answered: 1 });
    expect(byBody(o, b.rs.id).questions).toEqual([
      expect.objectContaining({ number: '1', state: 'answered' }),
      expect.objectContaining({ number: '2', state: 'unanswered' }),
    ]);
    // A second reply answers the rest, after the deadline: answered, but late.
    json(
      await t.admin.post('/api/replies', {
        auditId: audit.id,
        bodyId: b.rs.id,
        receivedOn: '2025-11-04',
        answers: ['3', '4', '5'].map((n) => ({
          recommendationId: rec(n).id,
          position: n === '4' ? 'disagrees' : 'partly',
        })),
      }),
    );
    o = await obligations();
    expect(byBody(o, b.rs.id)).toMatchObject({ overdue: 0, answered: 1, answeredLate: 3 });
    expect(overdue(o)).toBe(15);
    const late = o.items.find((x) => x.bodyId === b.rs.id && x.recommendationId === rec('3').id)!;
    expect(late).toMatchObject({ state: 'answered_late', daysLate: 35 });
    // Across audits, by body: who owes the most, and the list of what is late.
    const all = json<{
      items: { bodyName: string }[];
      byBody: { id: string; owed: number; overdue: number }[];
    }>(await t.admin.get('/api/reply-obligations?state=overdue'));
    expect(all.items).toHaveLength(15);
    expect(all.byBody.map((g) => [g.id, g.overdue])).toEqual([
      [b.hsn.id, 4],
      [b.ktn.id, 4],
      [b.kbn.id, 4],
      [b.run.id, 3],
    ]);
  });

  it('refuses an answer to a recommendation not addressed to the body, in Swedish', async () => {
    const res = await t.admin.post('/api/replies', {
      auditId: audit.id,
      bodyId: b.run.id,
      receivedOn: '2025-09-01',
      answers: [{ recommendationId: rec('2').id }],
      answeredQuestions: ['9'],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ errors: { path: string; message: string }[] }>();
    expect(body.errors.map((e) => e.path)).toEqual([
      'answers.0.recommendationId',
      'answeredQuestions.0',
    ]);
    expect(body.errors[0]!.message).toMatch(/riktas inte till organet/);
  });

  it('the open list per body: overdue reply obligations, nothing awaited where none was asked', async () => {
    const open = json<{
      items: { bodyId: string | null; state: string; overdue: boolean; obligation: unknown }[];
    }>(await t.admin.get(`/api/recommendations/open?auditId=${audit.id}`)).items;
    expect(open).toHaveLength(19);
    expect(open.filter((r) => r.state === 'awaiting_reply')).toHaveLength(15);
    expect(open.filter((r) => r.state === 'declined')).toHaveLength(1);
    const overdueOnly = json<{ items: unknown[] }>(
      await t.admin.get(`/api/recommendations/open?auditId=${audit.id}&overdue=true`),
    ).items;
    expect(overdueOnly).toHaveLength(15);
    const ktnOnly = json<{ items: { bodyId: string }[] }>(
      await t.admin.get(`/api/recommendations/open?auditId=${audit.id}&bodyId=${b.ktn.id}`),
    ).items;
    expect(ktnOnly.map((r) => r.bodyId)).toEqual([b.ktn.id, b.ktn.id, b.ktn.id, b.ktn.id]);
    const wb = new ExcelJS.Workbook();
    const res = await t.admin.get(`/api/recommendations/open?auditId=${audit.id}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    await wb.xlsx.load(res.rawPayload as never);
    const words = new Set<string>();
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void words.add(c.text)));
    expect(words.has('Väntar på yttrande')).toBe(true);
    expect(words.has('awaiting_reply')).toBe(false);
  });
});

describe('numbers, dates and evidence as a person types them', () => {
  it('bullets pasted into an audit that has recommendations 1–5 are 6 and 7; a number used twice is refused', async () => {
    const more = json<{ items: { number: string }[] }>(
      await t.admin.post(`/api/audits/${audit.id}/recommendations/bulk`, {
        lines: '• Ta fram en plan för kompetensutveckling\n• Följ upp planen årligen',
        addresseeBodyIds: [b.rs.id],
      }),
    ).items;
    expect(more.map((r) => r.number)).toEqual(['6', '7']);
    const twice = await t.admin.post(`/api/audits/${audit.id}/recommendations/bulk`, {
      lines: '8. Åtta\n8. Åtta igen',
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json<{ errors: { message: string }[] }>().errors[0]!.message).toMatch(
      /Numret 8 finns redan/,
    );
    const taken = await t.admin.post(`/api/audits/${audit.id}/questions`, {
      number: '3',
      text: 'Samma nummer som fråga 3',
    });
    expect(taken.statusCode).toBe(400);
  });
  it('a reply cannot come in on a day still ahead; an action cannot be created done without evidence', async () => {
    const future = await t.admin.post('/api/replies', {
      auditId: audit.id,
      bodyId: b.kbn.id,
      receivedOn: '2026-03-16',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('receivedOn');
    const done = await t.admin.post('/api/actions', {
      recommendationId: rec('2').id,
      bodyId: b.kbn.id,
      title: 'Klar utan underlag',
      status: 'done',
    });
    expect(done.statusCode).toBe(400);
    expect(done.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('evidence');
  });
});

describe('the assessment matrix', () => {
  it('question 7 (not assessed) is no row; ET where a question applies to the board alone; totals', async () => {
    const m = json<{
      rows: { number: string; totals: Record<string, number> }[];
      columns: { bodyId: string; totals: Record<string, number> }[];
      totals: Record<string, number>;
    }>(await t.admin.get(`/api/audits/${audit.id}/matrix`));
    expect(m.rows.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5', '6']);
    // 4 × 5 cells assessed, and in questions 2 and 5 the board's cell; the 4 others ET in each.
    expect(m.totals).toEqual({ yes: 6, partly: 12, no: 4, not_applicable: 8, none: 0 });
    expect(m.rows[1]!.totals).toEqual({ yes: 0, partly: 1, no: 0, not_applicable: 4, none: 0 });
    expect(m.columns.find((c) => c.bodyId === b.rs.id)!.totals).toEqual({
      yes: 1,
      partly: 4,
      no: 1,
      not_applicable: 0,
      none: 0,
    });
    const res = await t.admin.get(`/api/audits/${audit.id}/matrix?format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).values).toContain('Regionstyrelsen');
    const q2 = ws.getRow(5).values as unknown[];
    expect(q2.filter((v) => v === 'ET')).toHaveLength(4);
    const pdf = await t.admin.get(`/api/audits/${audit.id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('follow-up findings close obligations per addressee', () => {
  it('åtgärdad closes that addressee; delvis keeps it open with the finding; the question links back', async () => {
    const office = await aUserWith(env, t, 'audit_office');
    const follow = json<{ id: string }>(
      await office.post('/api/audits', {
        title: 'Uppföljning av granskningen av digitalisering',
        kind: 'follow_up',
        reportDate: '2026-03-01',
        auditedBodyIds: [b.rs.id, b.hsn.id, b.kbn.id, b.ktn.id],
        followsUpAuditIds: [audit.id],
      }),
    );
    json(
      await office.post('/api/findings', {
        followUpAuditId: follow.id,
        recommendationId: rec('2').id,
        text: 'HSN har konkretiserat målen; KBN har påbörjat arbetet.',
        statuses: [
          { bodyId: b.hsn.id, status: 'resolved' },
          { bodyId: b.kbn.id, status: 'partly_resolved' },
        ],
      }),
    );
    const question = json<{ checks: { id: string; number: string }[] }>(
      await office.post(`/api/audits/${follow.id}/questions`, {
        number: '1',
        text: 'Har nämnderna konkretiserat målen (rekommendation 2)?',
        checksRecommendationIds: [rec('2').id],
      }),
    );
    expect(question.checks).toEqual([expect.objectContaining({ id: rec('2').id, number: '2' })]);
    const refused = await office.post(`/api/audits/${audit.id}/questions`, {
      number: '8',
      text: 'x',
      checksRecommendationIds: [rec('2').id],
    });
    expect(refused.statusCode).toBe(400);

    const after = json<{ items: Rec[] }>(
      await t.admin.get(`/api/audits/${audit.id}/recommendations`),
    ).items.find((r) => r.number === '2')!;
    expect(after.progress).toEqual({ resolved: 1, of: 3 });
    expect(after.checkedBy).toEqual([expect.objectContaining({ number: '1' })]);
    const state = (id: string) => after.addressees.find((a) => a.bodyId === id)!.state;
    expect(state(b.hsn.id)).toBe('resolved');
    expect(state(b.kbn.id)).toBe('awaiting_reply');
    const open = json<{
      items: { bodyId: string; latestFinding: { status: string | null } | null }[];
    }>(await t.admin.get(`/api/recommendations/open?auditId=${audit.id}`)).items;
    // 19, the two added for the board above, less HSN on recommendation 2.
    expect(open).toHaveLength(20);
    const kbnRow = open.filter((r) => r.bodyId === b.kbn.id);
    expect(kbnRow.some((r) => r.latestFinding?.status === 'partly_resolved')).toBe(true);
  });
});

describe('who records audits', () => {
  it('the audit office registers audits but may not write a body’s reply or actions', async () => {
    const office = await aUserWith(env, t, 'audit_office');
    const reply = await office.post('/api/replies', {
      auditId: audit.id,
      bodyId: b.ktn.id,
      receivedOn: '2025-09-20',
    });
    expect(reply.statusCode).toBe(403);
    const action = await office.post('/api/actions', {
      recommendationId: rec('2').id,
      bodyId: b.ktn.id,
      title: 'Åtgärd',
    });
    expect(action.statusCode).toBe(403);
    const auditor = await aUserWith(env, t, 'auditor');
    expect(
      (await auditor.post('/api/audits', { title: 'X', kind: 'basic_review' })).statusCode,
    ).toBe(403);
  });
});

describe('assignments as decided, and a meeting as a deadline', () => {
  it('proposed by the working committee, active when moved to the board’s adopting decision; fans out then', async () => {
    const au = await aUnit(t.admin, b.rs.id, {
      name: 'Regionstyrelsens arbetsutskott',
      kind: 'working_committee',
    });
    const proposal = await aDecision(t.admin, au.id, {
      level: 'committee',
      decidedOn: '2026-01-13',
      title: 'Förslag om uppdrag',
    });
    const other = await aDecision(t.admin, b.rs.id, { decidedOn: '2026-01-20' });
    const given = json<{
      items: { id: string; version: number; state: string; assigneeBodyId: string | null }[];
    }>(
      await t.admin.post('/api/assignments', {
        decisionId: proposal.id,
        title: 'Redovisa nyttohemtagningen',
        assigneeGroup: 'all_committees',
        reportBack: 'meeting',
        reportBackMeeting: 'Regionstyrelsens ordinarie sammanträde i april 2026',
      }),
    ).items;
    expect(given).toHaveLength(1);
    expect(given[0]).toMatchObject({ state: 'proposed', assigneeBodyId: null });
    const wrong = await t.admin.post(`/api/assignments/${given[0]!.id}/adopt`, {
      version: given[0]!.version,
      decisionId: other.id,
    });
    expect(wrong.statusCode).toBe(400);
    const adopting = await aDecision(t.admin, b.rs.id, {
      decidedOn: '2026-02-03',
      paragraph: '12',
      proposedByDecisionId: proposal.id,
      title: 'Uppdrag om nyttohemtagning',
    });
    const candidates = json<{ items: { id: string }[] }>(
      await t.admin.get(`/api/assignments/${given[0]!.id}/adoption-candidates`),
    ).items;
    expect(candidates.map((c) => c.id)).toEqual([adopting.id]);
    const adopted = json<{
      items: {
        state: string;
        assigneeBodyId: string;
        chain: { id: string }[];
        dueOn: string;
        dueResolved: boolean;
        flags: string[];
      }[];
    }>(
      await t.admin.post(`/api/assignments/${given[0]!.id}/adopt`, {
        version: given[0]!.version,
        decisionId: adopting.id,
      }),
    ).items;
    // The committees (kind board) in force at adoption: HSN, KTN, KBN, RUN.
    expect(new Set(adopted.map((a) => a.assigneeBodyId))).toEqual(
      new Set([b.hsn.id, b.ktn.id, b.kbn.id, b.run.id]),
    );
    expect(adopted.every((a) => a.state === 'active')).toBe(true);
    expect(adopted[0]!.chain.map((d) => d.id)).toEqual([proposal.id, adopting.id]);
    // No April meeting on the board's calendar yet: the month's end, flagged.
    expect(adopted[0]).toMatchObject({ dueOn: '2026-04-30', dueResolved: false });
    expect(adopted[0]!.flags).toContain('meeting_not_planned');
    const calendar = json<{ items: unknown[]; skipped: number }>(
      await t.admin.post('/api/meetings/calendar', {
        bodyUnitId: b.rs.id,
        dates: ['2026-02-24', '2026-04-14', '2026-04-28', '2026-04-14'],
      }),
    );
    expect(calendar).toMatchObject({ skipped: 1 });
    expect(calendar.items).toHaveLength(3);
    const listed = json<{ items: { dueOn: string; dueResolved: boolean; flags: string[] }[] }>(
      await t.admin.get(`/api/assignments?decisionId=${adopting.id}`),
    ).items;
    expect(listed).toHaveLength(4);
    expect(listed[0]).toMatchObject({ dueOn: '2026-04-14', dueResolved: true, flags: [] });
    // One decided by the board alone shows no assembly step.
    const direct = json<{ items: { state: string; chain: unknown[] }[] }>(
      await t.admin.post('/api/assignments', {
        decisionId: other.id,
        title: 'Direkt uppdrag',
        assigneeBodyIds: [b.hsn.id],
        reportBack: 'date',
        reportBackOn: '2026-02-01',
      }),
    ).items[0]!;
    expect(direct).toMatchObject({ state: 'active' });
    const nobody = await t.admin.post('/api/assignments', {
      decisionId: other.id,
      title: 'Till ingen',
    });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json<{ errors: { message: string }[] }>().errors[0]!.message).toMatch(
      /Ange vem uppdraget går till/,
    );
    expect(direct.chain).toHaveLength(1);
  });

  it('a reply deadline set as a meeting is that meeting’s date', async () => {
    const a = json<{ id: string }>(
      await t.admin.post('/api/audits', {
        title: 'Grundläggande granskning 2026',
        kind: 'basic_review',
        auditedBodyIds: [b.hsn.id],
        remittances: [
          {
            bodyId: b.hsn.id,
            kind: 'reply',
            deadlineMeeting: { bodyId: b.hsn.id, month: '2026-02' },
          },
        ],
      }),
    );
    json(
      await t.admin.post(`/api/audits/${a.id}/recommendations`, {
        number: '1',
        text: 'Följ upp målen.',
        addresseeBodyIds: [b.hsn.id],
      }),
    );
    let o = json<Obligations & { bodies: { deadline: string; deadlineResolved: boolean }[] }>(
      await t.admin.get(`/api/audits/${a.id}/obligations`),
    );
    expect(o.bodies[0]).toMatchObject({ deadline: '2026-02-28', deadlineResolved: false });
    json(await t.admin.post('/api/meetings', { bodyUnitId: b.hsn.id, heldOn: '2026-02-10' }));
    o = json(await t.admin.get(`/api/audits/${a.id}/obligations`));
    expect(o.bodies[0]).toMatchObject({ deadline: '2026-02-10', deadlineResolved: true });
    expect(o.items[0]).toMatchObject({ state: 'overdue', daysLate: 33 });
  });
});
