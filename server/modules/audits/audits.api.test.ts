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

let env: TestEnv;
let t: Tenant;
let rs: { id: string };
let hsn: { id: string };
let ktn: { id: string };
let kbn: { id: string };
let run: { id: string };
let anna: { id: string };

type Audit = {
  id: string;
  version: number;
  auditedBodies: { id: string }[];
  remittances: unknown[];
  openRecommendationCount: number;
  followedUpBy: { id: string }[];
};
type Question = {
  id: string;
  version: number;
  number: string;
  parentId: string | null;
  appliesToBodyIds: string[];
  cells: { bodyId: string; value: string | null }[];
};
type Rec = { id: string; version: number; addresseeBodyIds: string[] };
type Action = {
  id: string;
  version: number;
  flags: string[];
  status: string;
  notes: { text: string; by: string }[];
};
type Problem = { detail: string; errors?: { path: string; message: string }[] };

beforeAll(async () => {
  env = await testEnv(); // 2026-03-15
  t = await aTenant(env);
  rs = await aUnit(t.admin, t.rootUnitId, { name: 'Regionstyrelsen', kind: 'regional_board' });
  hsn = await aUnit(t.admin, t.rootUnitId, { name: 'Hälso- och sjukvårdsnämnden' });
  ktn = await aUnit(t.admin, t.rootUnitId, { name: 'Kollektivtrafiknämnden' });
  kbn = await aUnit(t.admin, t.rootUnitId, { name: 'Kultur- och bildningsnämnden' });
  run = await aUnit(t.admin, t.rootUnitId, { name: 'Regionala utvecklingsnämnden' });
  anna = json<{ id: string }>(
    await t.admin.post('/api/persons', {
      name: 'Anna Ansvarig',
      email: `anna-${t.tag}@test.example`,
    }),
  );
});
afterAll(() => env.close());

const anAudit = (over: Record<string, unknown> = {}) =>
  t.admin.post('/api/audits', {
    title: 'Granskning av styrning av digitalisering',
    kind: 'deep_audit',
    auditorGroup: 'Regionens revisorer',
    auditFirm: 'Revisionsbyrån AB',
    reportDate: '2026-02-10',
    auditedBodyIds: [rs.id, hsn.id, ktn.id, kbn.id, run.id],
    criteria: [{ kind: 'law', name: 'Kommunallagen', reference: 'SFS 2017:725' }],
    remittances: [
      { bodyId: rs.id, kind: 'reply', deadline: '2026-04-30', responsiblePersonId: anna.id },
      { bodyId: kbn.id, kind: 'information' },
    ],
    ...over,
  });

describe('an audit with its matrix', () => {
  it('takes typed questions with sub-questions, and refuses an assessment where the question does not apply', async () => {
    const audit = json<Audit>(await anAudit());
    expect(audit.auditedBodies).toHaveLength(5);
    const qs = json<{ items: Question[] }>(
      await t.admin.post(`/api/audits/${audit.id}/questions/bulk`, {
        lines:
          '1. Finns mål för digitaliseringen?\n1.1 Är målen mätbara?\n2) Är strategin antagen av fullmäktige?\n   och är den aktuell?',
      }),
    ).items;
    expect(qs.map((q) => q.number)).toEqual(['1', '1.1', '2']);
    expect(qs[1]!.parentId).toBe(qs[0]!.id);
    const q2 = json<Question>(
      await t.admin.patch(`/api/audit-questions/${qs[2]!.id}`, {
        version: qs[2]!.version,
        appliesToBodyIds: [rs.id, hsn.id],
      }),
    );
    const bad = await t.admin.patch(`/api/audit-questions/${q2.id}`, {
      version: q2.version,
      cells: [
        { bodyId: rs.id, value: 'yes' },
        { bodyId: ktn.id, value: 'no' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors).toEqual([
      {
        path: 'cells.1',
        message: 'Frågan gäller inte det här organet; en bedömning kan inte anges här.',
      },
    ]);
    const ok = json<Question>(
      await t.admin.patch(`/api/audit-questions/${q2.id}`, {
        version: q2.version,
        cells: [
          { bodyId: rs.id, value: 'yes', text: 'Antagen 2024.' },
          { bodyId: hsn.id, value: 'partly' },
        ],
      }),
    );
    expect(ok.cells.map((c) => c.value)).toEqual(['yes', 'partly']);
    const empty = await t.admin.post(`/api/audits/${audit.id}/questions/bulk`, { lines: '  ' });
    expect(empty.json<Problem>().errors?.[0]?.message).toContain('Skriv minst en rad');
  });

  it('expands a group of addressees to the audit’s bodies, and keeps a recommendation to no one', async () => {
    const audit = json<Audit>(await anAudit());
    const recs = json<{ items: Rec[] }>(
      await t.admin.post(`/api/audits/${audit.id}/recommendations/bulk`, {
        lines: '1. Fastställ mätbara mål.\n2. Följ upp målen i årsredovisningen.',
        addressedGroup: 'all_committees',
      }),
    ).items;
    expect(new Set(recs[0]!.addresseeBodyIds)).toEqual(new Set([hsn.id, ktn.id, kbn.id, run.id]));
    const both = json<Rec>(
      await t.admin.post(`/api/audits/${audit.id}/recommendations`, {
        number: '3',
        text: 'Samordna portföljen.',
        addressedGroup: 'board_and_committees',
      }),
    );
    expect(both.addresseeBodyIds).toContain(rs.id);
    const none = json<Rec>(
      await t.admin.post(`/api/audits/${audit.id}/recommendations`, {
        number: '4',
        text: 'Tydliggör roller.',
      }),
    );
    expect(none.addresseeBodyIds).toEqual([]);
    const open = json<{ items: { number: string; bodyId: string | null; state: string }[] }>(
      await t.admin.get(`/api/recommendations/open?auditId=${audit.id}`),
    ).items;
    expect(open.filter((o) => o.number === '4')).toEqual([
      expect.objectContaining({ bodyId: null, state: 'no_addressee' }),
    ]);
  });
});

describe('reply, actions and evidence', () => {
  it('keeps promised actions without owner or date and flags them; closing needs evidence; notes are kept over time', async () => {
    const audit = json<Audit>(await anAudit());
    const rec = json<Rec>(
      await t.admin.post(`/api/audits/${audit.id}/recommendations`, {
        number: '1',
        text: 'Inför en portföljprocess.',
        addresseeBodyIds: [rs.id],
      }),
    );
    const decision = await aDecision(t.admin, rs.id, {
      title: 'Yttrande över granskning av digitalisering',
    });
    const editor = await aUserWith(env, t, 'editor', rs.id);
    const outsider = await aUserWith(env, t, 'editor', hsn.id);
    expect(
      (await outsider.post('/api/replies', { auditId: audit.id, bodyId: rs.id, text: 'x' }))
        .statusCode,
    ).toBe(403);
    const reply = json<{ id: string }>(
      await editor.post('/api/replies', {
        auditId: audit.id,
        bodyId: rs.id,
        text: 'Styrelsen delar bedömningen.',
        receivedOn: '2026-03-10',
        decisionId: decision.id,
      }),
    );
    const vague = json<Action>(
      await editor.post('/api/actions', {
        recommendationId: rec.id,
        bodyId: rs.id,
        replyId: reply.id,
        title: 'Se över processen',
      }),
    );
    expect(vague.flags).toEqual(['no_owner', 'no_due_date']);
    const wrongBody = await editor.post('/api/actions', {
      recommendationId: rec.id,
      bodyId: hsn.id,
      title: 'x',
    });
    expect([403, 400]).toContain(wrongBody.statusCode);
    const late = json<Action>(
      await editor.post('/api/actions', {
        recommendationId: rec.id,
        bodyId: rs.id,
        title: 'Beslut om portföljprocess',
        ownerPersonId: anna.id,
        dueOn: '2026-03-01',
      }),
    );
    expect(late.flags).toEqual(['overdue']);
    const progress = json<Action>(
      await editor.patch(`/api/actions/${late.id}`, {
        version: late.version,
        status: 'in_progress',
        note: 'Förslag på remiss.',
      }),
    );
    expect(progress.notes.map((n) => n.text)).toEqual(['Förslag på remiss.']);
    const noEvidence = await editor.patch(`/api/actions/${late.id}`, {
      version: progress.version,
      status: 'done',
    });
    expect(noEvidence.json<Problem>().errors?.[0]?.message).toContain('underlag');
    const done = json<Action>(
      await editor.patch(`/api/actions/${late.id}`, {
        version: progress.version,
        status: 'done',
        evidence: [{ kind: 'decision', id: decision.id, label: 'RS § 12' }],
        note: 'Beslutad.',
      }),
    );
    expect(done.flags).toEqual([]);
    expect(done.notes.map((n) => n.text)).toEqual(['Förslag på remiss.', 'Beslutad.']);
    const stale = await editor.patch(`/api/actions/${late.id}`, {
      version: progress.version,
      title: 'x',
    });
    expect(stale.statusCode).toBe(409);
    const docx = await t.admin.get(`/api/audits/${audit.id}/reply-draft.docx?bodyId=${rs.id}`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('assignments', () => {
  it('a group gives one assignment per body; overdue and never-reported ones are flagged; a report-back clears it', async () => {
    const decision = await aDecision(t.admin, rs.id, { title: 'Uppdrag om digitala färdplaner' });
    const created = json<{
      items: { id: string; version: number; assigneeBodyId: string; flags: string[] }[];
    }>(
      await t.admin.post('/api/assignments', {
        decisionId: decision.id,
        title: 'Ta fram digital färdplan',
        assigneeGroup: 'all_committees',
        reportBack: 'date',
        reportBackOn: '2026-02-28',
      }),
    ).items;
    expect(created.length).toBeGreaterThanOrEqual(4);
    expect(created.every((a) => a.flags.includes('overdue'))).toBe(true);
    const none = json<{ items: { flags: string[] }[] }>(
      await t.admin.post('/api/assignments', {
        title: 'Utreda gemensam plattform',
        assigneeBodyIds: [rs.id],
      }),
    ).items[0]!;
    expect(none.flags).toEqual(['no_report_back']);
    const meeting = await t.admin.post('/api/assignments', {
      title: 'Rapportera',
      assigneeBodyIds: [rs.id],
      reportBack: 'meeting',
    });
    expect(meeting.json<Problem>().errors?.[0]?.path).toBe('reportBackMeeting');
    const first = created.find((a) => a.assigneeBodyId === hsn.id)!;
    const reported = json<{ flags: string[] }>(
      await t.admin.patch(`/api/assignments/${first.id}`, {
        version: first.version,
        reportedOn: '2026-03-10',
        reportText: 'Färdplanen redovisad.',
      }),
    );
    expect(reported.flags).toEqual([]);
    const overdue = json<{ total: number }>(
      await t.admin.get(`/api/assignments?flag=overdue&decisionId=${decision.id}`),
    );
    expect(overdue.total).toBe(created.length - 1);
  });
});

describe('follow-up audit', () => {
  it('pre-fills the evidence and a suggested status; a status for a non-addressee is refused, an observation is kept', async () => {
    const earlier = json<Audit>(
      await anAudit({ title: 'Granskning 2024', reportDate: '2024-03-01' }),
    );
    const rec = json<Rec>(
      await t.admin.post(`/api/audits/${earlier.id}/recommendations`, {
        number: '1',
        text: 'Inför uppföljning av nyttor.',
        addresseeBodyIds: [hsn.id, ktn.id],
      }),
    );
    const a = json<Action>(
      await t.admin.post('/api/actions', {
        recommendationId: rec.id,
        bodyId: hsn.id,
        title: 'Nyttorutin',
        ownerPersonId: anna.id,
        dueOn: '2025-06-30',
      }),
    );
    json(
      await t.admin.patch(`/api/actions/${a.id}`, {
        version: a.version,
        status: 'done',
        evidence: [
          {
            kind: 'link',
            label: 'Rutin för nyttohemtagning',
            url: 'https://intranat.example/nytta',
          },
        ],
      }),
    );
    const follow = json<Audit>(
      await anAudit({
        title: 'Uppföljande granskning 2026',
        kind: 'follow_up',
        followsUpAuditIds: [earlier.id],
        remittances: [],
      }),
    );
    expect(
      json<Audit>(await t.admin.get(`/api/audits/${earlier.id}`)).followedUpBy.map((x) => x.id),
    ).toEqual([follow.id]);
    const prefill = json<{
      items: {
        recommendation: { id: string };
        addressees: { bodyId: string; suggestedStatus: string; actions: unknown[] }[];
      }[];
    }>(await t.admin.get(`/api/audits/${follow.id}/follow-up`)).items;
    expect(prefill).toHaveLength(1);
    expect(
      Object.fromEntries(prefill[0]!.addressees.map((x) => [x.bodyId, x.suggestedStatus])),
    ).toEqual({ [hsn.id]: 'resolved', [ktn.id]: 'not_resolved' });
    const wrong = await t.admin.post('/api/findings', {
      followUpAuditId: follow.id,
      recommendationId: rec.id,
      text: 'Delvis genomfört.',
      statuses: [{ bodyId: kbn.id, status: 'resolved' }],
    });
    expect(wrong.json<Problem>().errors?.[0]?.message).toContain('iakttagelse');
    const noText = await t.admin.post('/api/findings', {
      followUpAuditId: follow.id,
      recommendationId: rec.id,
      text: '',
    });
    expect(noText.statusCode).toBe(400);
    json(
      await t.admin.post('/api/findings', {
        followUpAuditId: follow.id,
        recommendationId: rec.id,
        text: 'HSN har infört rutinen; KTN har inte påbörjat arbetet.',
        statuses: [
          { bodyId: hsn.id, status: 'resolved' },
          { bodyId: ktn.id, status: 'not_resolved' },
        ],
        observations: [
          { bodyId: kbn.id, text: 'KBN har på eget initiativ infört en liknande rutin.' },
        ],
      }),
    );
    const chain = json<{
      items: { auditTitle: string; statuses: unknown[]; observations: unknown[] }[];
    }>(await t.admin.get(`/api/recommendations/${rec.id}/findings`)).items;
    expect(chain).toEqual([
      expect.objectContaining({
        auditTitle: 'Uppföljande granskning 2026',
        statuses: expect.any(Array) as unknown,
        observations: [expect.objectContaining({ bodyId: kbn.id })],
      }),
    ]);
    const later = json<{ items: { followUpAuditId: string; text: string }[] }>(
      await t.admin.get(`/api/audits/${earlier.id}/later-findings`),
    ).items;
    expect(later).toEqual([
      expect.objectContaining({
        followUpAuditId: follow.id,
        text: 'HSN har infört rutinen; KTN har inte påbörjat arbetet.',
      }),
    ]);
    const open = json<{
      items: { bodyId: string | null; latestFinding: { status: string | null } | null }[];
    }>(await t.admin.get(`/api/recommendations/open?auditId=${earlier.id}`)).items;
    expect(open.map((o) => o.bodyId)).toEqual([ktn.id]);
    expect(open[0]!.latestFinding?.status).toBe('not_resolved');
    const xlsx = await t.admin.get(`/api/recommendations/open?auditId=${earlier.id}&format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('deadlines and the calendar feed', () => {
  it('lists a person’s deadlines and serves them as iCalendar behind a revocable private token', async () => {
    const u = await aTenant(env, 'Kalender');
    const body = await aUnit(u.admin, u.rootUnitId, { name: 'Nämnden' });
    const me = json<{ personId: string }>(await u.admin.get('/api/auth/me'));
    const audit = json<Audit>(
      await u.admin.post('/api/audits', {
        title: 'Kalendergranskning',
        kind: 'basic_review',
        auditedBodyIds: [body.id],
        remittances: [
          {
            bodyId: body.id,
            kind: 'reply',
            deadline: '2026-04-15',
            responsiblePersonId: me.personId,
          },
        ],
      }),
    );
    const rec = json<Rec>(
      await u.admin.post(`/api/audits/${audit.id}/recommendations`, {
        number: '1',
        text: 'Gör något.',
        addresseeBodyIds: [body.id],
      }),
    );
    json(
      await u.admin.post('/api/actions', {
        recommendationId: rec.id,
        bodyId: body.id,
        title: 'Min åtgärd',
        ownerPersonId: me.personId,
        dueOn: '2026-05-31',
      }),
    );
    json(
      await u.admin.post('/api/assignments', {
        title: 'Mitt uppdrag',
        assigneeBodyIds: [body.id],
        assigneePersonId: me.personId,
        reportBack: 'date',
        reportBackOn: '2026-06-15',
      }),
    );
    const list = json<{ items: { kind: string; date: string }[] }>(
      await u.admin.get(`/api/deadlines?personId=${me.personId}`),
    ).items;
    expect(list.map((d) => `${d.kind}:${d.date}`)).toEqual([
      'reply:2026-04-15',
      'action:2026-05-31',
      'report_back:2026-06-15',
    ]);
    expect(
      (await env.app.inject({ url: '/api/calendar/not-a-real-token-but-long-enough.ics' }))
        .statusCode,
    ).toBe(404);
    const { path } = json<{ path: string }>(await u.admin.post('/api/calendar/token'));
    const feed = await env.app.inject({ url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('BEGIN:VCALENDAR');
    expect(feed.body.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(feed.body).toContain('Yttrande ska lämnas: Kalendergranskning');
    expect((await u.admin.delete('/api/calendar/token')).statusCode).toBe(204);
    expect((await env.app.inject({ url: path })).statusCode).toBe(404);
    expect(json<{ active: boolean }>(await u.admin.get('/api/calendar/token')).active).toBe(false);
  });
});
