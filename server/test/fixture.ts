import type { TestEnv, Tenant } from './helper.js';
import { aDecision, aForum, aUnit, json } from './helper.js';

/**
 * One of every kind of record in a tenant, under its unit A (and a unit B beside it), for the
 * tests that walk every route: who may do what (server/authorization.api.test.ts), and that no
 * route of another tenant reaches them (server/tenant-isolation.api.test.ts). The ids of records a
 * test deletes are filled in by that test.
 */
export type Fixture = {
  round: { id: string };
  roadmap: { id: string };
  topList: { id: string; version: number };
  initiative: { id: string; version: number };
  benefit: { id: string; version: number };
  audit: { id: string; version: number };
  question: { id: string; version: number };
  recommendation: { id: string; version: number };
  reply: { id: string; version: number };
  action: { id: string; version: number };
  assignment: { id: string; version: number };
  followUp: { id: string; version: number };
  finding: { id: string; version: number };
  system: { id: string; version: number };
  system2: { id: string; version: number };
  node: { id: string; version: number };
  object: { id: string; version: number };
  plan: { id: string; version: number };
  integrationId: string;
  contract: { id: string; version: number };
  goal: { id: string; version: number };
  indicator: { id: string; version: number };
  document: { id: string; version: number };
  unitA: string;
  unitAChild: { id: string; version: number };
  forum: { id: string; version: number };
  decision: { id: string; version: number };
  meeting: { id: string; version: number };
  person: { id: string; version: number };
  grantId: string;
  postId: string;
  successionId: string;
  memberId: string;
  unitB: string;
  attachmentId: string | null;
};

export async function aFixture(env: TestEnv, tenant: Tenant): Promise<Fixture> {
  const a = await aUnit(tenant.admin, tenant.rootUnitId, { name: 'A' });
  const b = await aUnit(tenant.admin, tenant.rootUnitId, { name: 'B' });
  const child = await aUnit(tenant.admin, a.id, { name: 'A1', kind: 'administration' });
  const forum = await aForum(tenant.admin, a.id);
  const decision = await aDecision(tenant.admin, a.id);
  const meeting = json<{ id: string; version: number }>(
    await tenant.admin.post('/api/meetings', { forumId: forum.id, heldOn: '2026-01-01' }),
  );
  const person = json<{ id: string; version: number }>(
    await tenant.admin.post('/api/persons', {
      name: 'Målperson',
      email: `mal-${tenant.tag}@test.example`,
      unitId: a.id,
    }),
  );
  const boundary = 'fx';
  const upload = await env.app.inject({
    method: 'POST',
    url: `/api/meetings/${meeting.id}/minutes`,
    headers: {
      cookie: tenant.admin.cookie,
      'x-csrf-token': tenant.admin.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="version"\r\n\r\n${meeting.version}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.txt"\r\nContent-Type: text/plain\r\n\r\nprotokoll\r\n--${boundary}--\r\n`,
  });
  const attachmentId = json<{ minutes: { id: string } }>(upload).minutes.id;
  const goal = json<{ id: string; version: number }>(
    await tenant.admin.post('/api/goals', {
      level: 'result',
      ownerUnitId: a.id,
      title: 'Fixturmål',
      validFrom: '2026-01-01',
    }),
  );
  const indicator = json<{ id: string; version: number }>(
    await tenant.admin.post('/api/indicators', {
      goalId: goal.id,
      name: 'Fixturindikator',
      kind: 'quantitative',
      unit: 'st',
      dataSource: 'statistics',
    }),
  );
  json(
    await tenant.admin.post('/api/outcomes', {
      indicatorId: indicator.id,
      periodKey: '2026-D',
      value: 1,
    }),
  );
  json(
    await tenant.admin.post('/api/assessments', {
      goalId: goal.id,
      periodKey: '2026-D',
      assessment: 'met',
      justification: 'x',
    }),
  );
  const document = json<{ id: string; version: number }>(
    await tenant.admin.post('/api/documents', {
      title: 'Fixturdokument',
      type: 'rutin',
      state: 'draft',
      ownerUnitId: a.id,
    }),
  );
  const system = json<{ id: string; version: number }>(
    await tenant.admin.post('/api/systems', {
      name: 'Fixtursystem',
      category: 'core',
      lifecycle: 'operating',
      ownerUnitId: a.id,
    }),
  );
  const contract = json<{ id: string; version: number }>(
    await tenant.admin.post('/api/contracts', { systemId: system.id, contractRef: 'F-1' }),
  );
  const system2 = json<{ id: string; version: number }>(
    await tenant.admin.post('/api/systems', {
      name: 'Fixtursystem 2',
      category: 'support',
      lifecycle: 'operating',
      ownerUnitId: a.id,
    }),
  );
  const node = json<{ id: string; version: number }>(
    await tenant.admin.post('/api/service-nodes', {
      kind: 'coordination_area',
      name: 'Fixturområde',
      owningUnitId: a.id,
    }),
  );
  const object = json<{ id: string; version: number }>(
    await tenant.admin.post('/api/management-objects', {
      name: 'Fixturobjekt',
      owningUnitId: a.id,
    }),
  );
  const plan = json<{ id: string; version: number }>(
    await tenant.admin.post(`/api/management-objects/${object.id}/plans`, { year: 2026 }),
  );
  const audit = json<{ id: string; version: number }>(
    await tenant.admin.post('/api/audits', {
      title: 'Fixturgranskning',
      kind: 'deep_audit',
      auditedBodyIds: [a.id],
    }),
  );
  const question = json<{ items: { id: string; version: number }[] }>(
    await tenant.admin.post(`/api/audits/${audit.id}/questions/bulk`, { lines: '1. Fråga' }),
  ).items[0]!;
  const recommendation = json<{ id: string; version: number }>(
    await tenant.admin.post(`/api/audits/${audit.id}/recommendations`, {
      number: '1',
      text: 'Rek',
      addresseeBodyIds: [a.id],
    }),
  );
  const auditReply = json<{ id: string; version: number }>(
    await tenant.admin.post('/api/replies', { auditId: audit.id, bodyId: a.id, text: 'Yttrande' }),
  );
  const action = json<{ id: string; version: number }>(
    await tenant.admin.post('/api/actions', {
      recommendationId: recommendation.id,
      bodyId: a.id,
      title: 'Åtgärd',
    }),
  );
  const assignment = json<{ items: { id: string; version: number }[] }>(
    await tenant.admin.post('/api/assignments', { title: 'Uppdrag', assigneeBodyIds: [a.id] }),
  ).items[0]!;
  const followUp = json<{ id: string; version: number }>(
    await tenant.admin.post('/api/audits', {
      title: 'Uppföljning',
      kind: 'follow_up',
      auditedBodyIds: [a.id],
      followsUpAuditIds: [audit.id],
    }),
  );
  const finding = json<{ id: string; version: number }>(
    await tenant.admin.post('/api/findings', {
      followUpAuditId: followUp.id,
      recommendationId: recommendation.id,
      text: 'Fynd',
    }),
  );
  const initiative = json<{ id: string; version: number }>(
    await tenant.admin.post('/api/initiatives', {
      title: 'Fixturinitiativ',
      category: 'innovation',
      ownerUnitId: a.id,
    }),
  );
  const benefit = json<{ id: string; version: number }>(
    await tenant.admin.post('/api/benefits', {
      initiativeId: initiative.id,
      kind: 'staff',
      measure: 'Tid',
    }),
  );
  const roadmap = json<{ id: string }>(
    await tenant.admin.post('/api/roadmaps', {
      name: 'Fixturfärdplan',
      unitId: a.id,
      fromYear: 2026,
      horizonYears: 3,
    }),
  );
  const topList = json<{ id: string; version: number }>(
    await tenant.admin.post('/api/top-lists', {
      name: 'Fixturlista',
      year: 2026,
      entries: [{ initiativeId: initiative.id }],
    }),
  );
  const round = json<{ id: string }>(
    await tenant.admin.post('/api/prioritisation-rounds', {
      name: 'Fixturomgång',
      fromYear: 2027,
      toYear: 2027,
      budget: 1,
      hours: 1,
    }),
  );
  return {
    round,
    roadmap,
    topList,
    initiative,
    benefit,
    audit,
    question,
    recommendation,
    reply: auditReply,
    action,
    assignment,
    followUp,
    finding,
    system,
    system2,
    node,
    object,
    plan,
    integrationId: '',
    contract,
    goal,
    indicator,
    document,
    unitA: a.id,
    unitB: b.id,
    unitAChild: child,
    forum,
    decision,
    meeting,
    person,
    grantId: '',
    postId: '',
    successionId: '',
    memberId: '',
    attachmentId,
  };
}
