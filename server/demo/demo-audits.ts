import type { Db } from '../db/client.js';
import type { Ctx } from '../platform/context.js';
import { createDecision, createMeeting } from '../modules/organization/decisions.service.js';
import { createUnit } from '../modules/organization/units.service.js';
import {
  createAudit,
  createQuestions,
  createRecommendation,
  listQuestions,
  updateQuestion,
} from '../modules/audits/audits.service.js';
import {
  createAction,
  createAssignments,
  createFinding,
  createReply,
  updateAction,
  updateAssignment,
} from '../modules/audits/responses.service.js';

type Refs = { units: Record<string, string>; people: Record<string, string> };

/**
 * The demo region's audit cycle (invented content): an audit of the governance of digitalisation
 * with 6 questions over 5 bodies, its recommendations (one to a group, one to no one), replies
 * (one missing), actions in every state, assignments with report-back by date, by meeting and
 * none, a review commissioned from consultants whose proposals became assignments, and a
 * follow-up audit two years later with findings and an observation on a body that was never an
 * addressee.
 */
export async function loadDemoAudits(db: Db, ctx: Ctx, { units, people }: Refs, now: Date) {
  const year = now.getFullYear();
  const d = (y: number, m: number, day: number) =>
    new Date(Date.UTC(y, m - 1, day)).toISOString().slice(0, 10);
  const plusDays = (n: number) =>
    new Date(now.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  const [RS, HSN, KTN, KBN, RUN] = ['RS', 'HSN', 'KTN', 'KBN', 'RUN'].map((k) => units[k]!) as [
    string,
    string,
    string,
    string,
    string,
  ];

  const audit = await createAudit(db, ctx, {
    title: 'Granskning av styrning och uppföljning av digitaliseringen',
    kind: 'deep_audit',
    auditorGroup: 'Region Norrsunds förtroendevalda revisorer',
    auditFirm: 'Revisionsbyrån Norr AB',
    reportDate: d(year - 2, 3, 15),
    caseNumber: `REV ${year - 2}/14`,
    auditedBodyIds: [RS, HSN, KTN, KBN, RUN],
    criteria: [
      {
        kind: 'law',
        name: 'Kommunallagen, 6 kap. 6 § (styrelsens och nämndernas ansvar för intern kontroll)',
        reference: 'SFS 2017:725',
      },
      { kind: 'law', name: 'Lag om digital förvaltning', reference: 'SFS 2022:818' },
      { kind: 'internal', name: 'Digital agenda 2030' },
      { kind: 'internal', name: 'Riktlinje för informationssäkerhet' },
    ],
    scope:
      'Granskningen omfattar regionstyrelsens och fyra nämnders styrning och uppföljning av digitaliseringen under två år.',
    methodInterviewed: [
      'Regiondirektör',
      'Digitaliseringschef',
      'Förvaltningschefer',
      'IT-chef',
      'Ordförande i nämnderna',
    ],
    methodDocuments: [
      'Digital agenda 2030',
      'Verksamhetsplaner och årsredovisningar',
      'Protokoll från styrelsen och nämnderna',
      'Digitaliseringsrådets mandat',
    ],
    followsUpAuditIds: [],
    overallAssessment: 'partly',
    overallText:
      'Styrelsen och nämnderna har delvis säkerställt en ändamålsenlig styrning. Mål saknas eller är inte mätbara i flera nämnder, och nyttor följs sällan upp efter avslutade projekt.',
    remittances: [
      {
        bodyId: RS,
        kind: 'reply',
        deadline: d(year - 2, 6, 30),
        responsiblePersonId: people.cdo!,
        questions:
          '1. Hur avser styrelsen att säkerställa gemensam beredning?\n2. När ska ansvaret för gemensamma IT-system vara fördelat?',
      },
      {
        bodyId: HSN,
        kind: 'reply',
        deadline: d(year - 2, 6, 30),
        responsiblePersonId: people.hsfchef!,
      },
      {
        bodyId: RUN,
        kind: 'reply',
        deadline: d(year - 2, 6, 30),
        responsiblePersonId: people.arkitekt!,
      },
      { bodyId: KTN, kind: 'information' },
      { bodyId: KBN, kind: 'information' },
    ],
    presidiaConsulted: true,
    assignedOn: d(year - 3, 11, 20),
    letterDate: d(year - 2, 3, 20),
  });
  await createQuestions(db, ctx, audit.id, {
    lines: [
      '1. Har regionstyrelsen och nämnderna fastställt mål för digitaliseringen?',
      '1.1 Är målen mätbara och följs de upp?',
      '2. Finns en av fullmäktige antagen och aktuell digitaliseringsstrategi?',
      '3. Är roller och ansvar för digitaliseringen tydliga?',
      '4. Bereds förvaltningsövergripande initiativ gemensamt?',
      '5. Följs nyttor upp efter att projekt har avslutats?',
      '6. Vilka rekommendationer lämnas?',
    ].join('\n'),
    appliesToBodyIds: [],
  });
  const qs = await listQuestions(db, ctx, audit.id);
  const q = (n: string) => qs.find((x) => x.number === n)!;
  const cells = (values: [string, 'yes' | 'partly' | 'no' | 'not_applicable', string?][]) =>
    values.map(([bodyId, value, text]) => ({ bodyId, value, text: text ?? null }));
  await updateQuestion(db, ctx, q('1').id, {
    version: 1,
    cells: cells([
      [RS, 'yes'],
      [HSN, 'partly', 'Fokusområde i stället för mål.'],
      [KTN, 'yes'],
      [KBN, 'no', 'Inga mål för digitalisering.'],
      [RUN, 'partly'],
    ]),
  });
  await updateQuestion(db, ctx, q('1.1').id, {
    version: 1,
    appliesToBodyIds: [HSN, KTN, RUN],
    cells: cells([
      [HSN, 'no'],
      [KTN, 'yes'],
      [RUN, 'partly'],
    ]),
  });
  await updateQuestion(db, ctx, q('2').id, {
    version: 1,
    mode: 'whole',
    wholeValue: 'partly',
    prose: 'Strategin är antagen av fullmäktige men saknar handlingsplan.',
  });
  await updateQuestion(db, ctx, q('3').id, {
    version: 1,
    cells: cells([
      [RS, 'partly'],
      [HSN, 'partly'],
      [KTN, 'yes'],
      [KBN, 'partly'],
      [RUN, 'no'],
    ]),
  });
  await updateQuestion(db, ctx, q('4').id, {
    version: 1,
    mode: 'prose',
    prose:
      'Initiativ som berör flera förvaltningar beslutas ofta av en förvaltning ensam. Digitaliseringsrådet bereder bara en del av dem.',
  });
  await updateQuestion(db, ctx, q('5').id, {
    version: 1,
    appliesToBodyIds: [RS, HSN, KTN, RUN],
    cells: cells([
      [RS, 'no'],
      [HSN, 'no'],
      [KTN, 'partly'],
      [RUN, 'no'],
    ]),
  });
  await updateQuestion(db, ctx, q('6').id, { version: 1, mode: 'not_assessed' });

  const rec = async (
    number: string,
    text: string,
    addressedGroup: 'all_committees' | 'board_and_committees' | null,
    addresseeBodyIds: string[] = [],
  ) => createRecommendation(db, ctx, audit.id, { number, text, addressedGroup, addresseeBodyIds });
  const r1 = await rec(
    '1',
    'Säkerställ att förvaltningsövergripande initiativ bereds i digitaliseringsrådet innan beslut.',
    null,
    [RS],
  );
  const r2 = await rec(
    '2',
    'Fastställ mätbara mål för digitaliseringen och följ upp dem i årsredovisningen.',
    'all_committees',
  );
  const r3 = await rec(
    '3',
    'Inför en rutin för att följa upp nyttor efter avslutade projekt.',
    'board_and_committees',
  );
  await rec(
    '4',
    'Tydliggör ansvarsfördelningen mellan förvaltningarna för gemensamma IT-system.',
    null,
  );

  const rsReply = (
    await createDecision(db, ctx, {
      kind: 'decision',
      bodyUnitId: RS,
      decidedOn: d(year - 2, 6, 11),
      paragraph: '142',
      caseNumber: `RS ${year - 2}/611`,
      level: 'board',
      outcome: 'approved',
      title: 'Yttrande över revisionens granskning av styrningen av digitaliseringen',
    })
  ).id;
  const hsnReply = (
    await createDecision(db, ctx, {
      kind: 'decision',
      bodyUnitId: HSN,
      decidedOn: d(year - 2, 6, 18),
      paragraph: '77',
      caseNumber: `HSN ${year - 2}/301`,
      level: 'board',
      outcome: 'approved',
      title: 'Yttrande över granskning av digitaliseringen',
    })
  ).id;
  const rsR = await createReply(db, ctx, {
    auditId: audit.id,
    bodyId: RS,
    receivedOn: d(year - 2, 6, 12),
    decisionId: rsReply,
    text: 'Regionstyrelsen delar revisorernas bedömning och har gett regiondirektören i uppdrag att tydliggöra beredningen.',
    // It answers two of the three recommendations to it, and one of the auditors' two questions.
    answers: [
      { recommendationId: r1.id, position: 'agrees' },
      {
        recommendationId: r3.id,
        position: 'partly',
        text: 'En rutin tas fram inom ramen för portföljstyrningen.',
      },
    ],
    answeredQuestions: ['1'],
  });
  const hsnR = await createReply(db, ctx, {
    auditId: audit.id,
    bodyId: HSN,
    receivedOn: d(year - 2, 6, 19),
    decisionId: hsnReply,
    text: 'Nämnden ersätter fokusområdet med mätbara mål och ser över rutinen för nyttohemtagning.',
    answers: [
      { recommendationId: r2.id, position: 'agrees' },
      { recommendationId: r3.id, position: 'agrees' },
    ],
  });
  // Regionala utvecklingsnämnden never replied; KTN and KBN got the report for information.

  const act = (
    recommendationId: string,
    bodyId: string,
    title: string,
    extra: { ownerPersonId?: string | null; dueOn?: string | null; replyId?: string | null } = {},
  ) =>
    createAction(db, ctx, {
      recommendationId,
      bodyId,
      title,
      status: 'planned',
      evidence: [],
      ...extra,
    });
  const step = async (
    a: { id: string; version: number },
    status: 'in_progress' | 'done' | 'stopped',
    note: string,
    evidence?: {
      kind: 'decision' | 'link' | 'document';
      id?: string;
      label: string;
      url?: string;
    }[],
  ) =>
    updateAction(db, ctx, a.id, {
      version: a.version,
      status,
      note,
      ...(evidence ? { evidence } : {}),
    });
  const a1 = await act(
    r1.id,
    RS,
    'Besluta om mandat för digitaliseringsrådet att bereda förvaltningsövergripande initiativ',
    { ownerPersonId: people.director!, dueOn: d(year - 2, 12, 31), replyId: rsR.id },
  );
  await step(
    await step(a1, 'in_progress', 'Förslag till reviderat mandat tas fram.'),
    'done',
    'Mandatet beslutat i regionstyrelsen.',
    [{ kind: 'decision', id: rsReply, label: `RS ${year - 2}/611 § 142` }],
  );
  const a2 = await act(r3.id, RS, 'Ta fram en regiongemensam rutin för nyttohemtagning', {
    ownerPersonId: people.cdo!,
    dueOn: d(year - 1, 6, 30),
    replyId: rsR.id,
  });
  await step(a2, 'in_progress', 'Rutinen är på remiss hos förvaltningarna.');
  const a3 = await act(r2.id, HSN, 'Ersätt fokusområdet med mätbara mål i verksamhetsplanen', {
    ownerPersonId: people.hsfchef!,
    dueOn: d(year - 1, 1, 31),
    replyId: hsnR.id,
  });
  await step(a3, 'done', 'Målen finns i verksamhetsplanen.', [
    {
      kind: 'link',
      label: 'Verksamhetsplan HSN (mål 3.2)',
      url: 'https://intranat.norrsund.example/hsn/verksamhetsplan',
    },
  ]);
  await act(r3.id, HSN, 'Se över rutinen för nyttohemtagning', { replyId: hsnR.id }); // promised without owner or date: kept and flagged
  const a5 = await act(r2.id, KTN, 'Mål för digitala biljettkanaler', {
    ownerPersonId: people.ktfchef!,
    dueOn: d(year - 1, 3, 31),
  });
  await step(a5, 'stopped', 'Ersatt av regiongemensamma mål enligt regionstyrelsens beslut.');
  const a6 = await act(r3.id, KTN, 'Nyttoberäkning för biljettappen', {
    ownerPersonId: people.ktfchef!,
    dueOn: d(year - 1, 9, 30),
  });
  await step(a6, 'in_progress', 'Baslinjen är mätt; målvärden saknas.');
  await act(r2.id, KBN, 'Mål för digital kompetens i folkbildningen', {
    ownerPersonId: people.editor!,
    dueOn: plusDays(20),
  });
  await act(r2.id, RUN, 'Mål för regional digital infrastruktur', {
    ownerPersonId: people.arkitekt!,
    dueOn: plusDays(2),
  });

  // Assignments: to all committees by date, to a meeting, and one without any report-back.
  const assignDecision = (
    await createDecision(db, ctx, {
      kind: 'decision',
      bodyUnitId: RS,
      decidedOn: d(year - 2, 9, 10),
      paragraph: '188',
      caseNumber: `RS ${year - 2}/702`,
      level: 'board',
      outcome: 'approved',
      title: 'Uppdrag till nämnderna att ta fram digitala färdplaner',
    })
  ).id;
  const perBoard = await createAssignments(db, ctx, {
    decisionId: assignDecision,
    title: 'Ta fram en digital färdplan för nämndens verksamhet',
    assigneeBodyIds: [],
    assigneeGroup: 'all_committees',
    reportBack: 'date',
    reportBackOn: d(year - 1, 6, 30),
  });
  for (const a of perBoard.filter((_, i) => i % 2 === 0))
    await updateAssignment(db, ctx, a.id, {
      version: a.version,
      reportedOn: d(year - 1, 6, 20),
      reportText: 'Färdplanen redovisad för regionstyrelsen.',
      reportDecisionId: assignDecision,
    });
  await createAssignments(db, ctx, {
    decisionId: rsReply,
    recommendationId: r1.id,
    title: 'Tydliggör beredningsordningen för digitaliseringsinitiativ',
    assigneeBodyIds: [RS],
    assigneePersonId: people.director!,
    reportBack: 'meeting',
    reportBackMeeting: `Regionstyrelsens ordinarie sammanträde i januari ${year + 1}`,
    reportBackMeetingRef: { bodyId: RS, month: `${year + 1}-01` },
  });
  // The regional board's meeting calendar for next year: the report-back above falls on its
  // January meeting.
  for (const [m, day] of [
    [1, 27],
    [3, 10],
    [5, 5],
    [6, 16],
  ] as const)
    await createMeeting(db, ctx, {
      bodyUnitId: RS,
      heldOn: d(year + 1, m, day),
      title: 'Sammanträde',
    });

  // The board's working committee proposes an assignment to all committees; it is proposed until
  // the board adopts it, and then goes to each committee in force.
  const au = await createUnit(db, ctx, {
    parentId: RS,
    kind: 'working_committee',
    name: 'Regionstyrelsens arbetsutskott',
    shortName: 'RSAU',
  });
  const auDecision = await createDecision(db, ctx, {
    kind: 'decision',
    bodyUnitId: au.id,
    decidedOn: plusDays(-20),
    paragraph: '31',
    caseNumber: `RS ${year}/118`,
    level: 'committee',
    outcome: 'approved',
    title: 'Förslag: uppdrag till nämnderna att redovisa nyttohemtagning',
  });
  await createAssignments(db, ctx, {
    decisionId: auDecision.id,
    recommendationId: r3.id,
    title: 'Redovisa hur nyttor följs upp efter avslutade projekt',
    assigneeBodyIds: [],
    assigneeGroup: 'all_committees',
    reportBack: 'meeting',
    reportBackMeeting: `Regionstyrelsens sammanträde i maj ${year + 1}`,
    reportBackMeetingRef: { bodyId: RS, month: `${year + 1}-05` },
  });
  await createAssignments(db, ctx, {
    decisionId: hsnReply,
    title: 'Utreda gemensam plattform för egenmonitorering',
    assigneeBodyIds: [HSN],
    reportBack: 'none',
  });

  // A review management commissioned from consultants: its proposals became assignments too.
  const review = await createAudit(db, ctx, {
    title: 'Kartläggning av IT-systemförvaltningen (konsultrapport)',
    kind: 'commissioned_review',
    commissionedBy: 'Regiondirektören',
    auditFirm: 'Konsultbolaget Sigma AB',
    reportDate: d(year - 1, 10, 1),
    auditedBodyIds: [RS, HSN],
    criteria: [],
    methodInterviewed: ['Objektägare', 'Objektledare'],
    methodDocuments: ['Systemförteckningar'],
    followsUpAuditIds: [],
    remittances: [],
    scope: 'Kartläggning av hur regionens IT-system förvaltas och vem som äger dem.',
    overallText: 'Många system saknar utsedd ägare; förvaltningen sker ofta "med vänster hand".',
  });
  const proposal = await createRecommendation(db, ctx, review.id, {
    number: '1',
    text: 'Utse objektägare och objektledare för varje system.',
    addressedGroup: null,
    addresseeBodyIds: [RS, HSN],
  });
  await createAssignments(db, ctx, {
    sourceAuditId: review.id,
    recommendationId: proposal.id,
    title: 'Utse ägare för alla system i registret',
    // Management's decision made the consultants' proposal an assignment in force.
    proposed: false,
    assigneeBodyIds: [RS],
    assigneePersonId: people.itchef!,
    reportBack: 'date',
    reportBackOn: plusDays(12),
  });

  // The follow-up audit two years later.
  const follow = await createAudit(db, ctx, {
    title: 'Uppföljande granskning av styrningen av digitaliseringen',
    kind: 'follow_up',
    auditorGroup: 'Region Norrsunds förtroendevalda revisorer',
    auditFirm: 'Revisionsbyrån Norr AB',
    reportDate: d(year, Math.max(1, now.getUTCMonth() - 1), 10),
    auditedBodyIds: [RS, HSN, KTN, KBN, RUN],
    criteria: [],
    methodInterviewed: ['Digitaliseringschef'],
    methodDocuments: ['Yttranden', 'Åtgärdsplaner'],
    followsUpAuditIds: [audit.id],
    remittances: [
      { bodyId: RS, kind: 'reply', deadline: plusDays(30), responsiblePersonId: people.cdo! },
    ],
    overallAssessment: 'partly',
    overallText: 'Arbetet har kommit i gång men flera rekommendationer är inte åtgärdade.',
  });
  await createFinding(db, ctx, {
    followUpAuditId: follow.id,
    recommendationId: r1.id,
    text: 'Digitaliseringsrådets mandat är reviderat och följs.',
    statuses: [{ bodyId: RS, status: 'resolved' }],
    observations: [
      {
        bodyId: KBN,
        text: 'Kultur- och bildningsnämnden har på eget initiativ börjat anmäla initiativ till rådet.',
      },
    ],
  });
  await createFinding(db, ctx, {
    followUpAuditId: follow.id,
    recommendationId: r2.id,
    text: 'HSN har mätbara mål. Övriga nämnder har inte fastställt mål.',
    statuses: [
      { bodyId: HSN, status: 'resolved' },
      { bodyId: KTN, status: 'partly_resolved' },
      { bodyId: KBN, status: 'not_resolved' },
      { bodyId: RUN, status: 'not_resolved' },
    ],
    observations: [],
  });
  await createFinding(db, ctx, {
    followUpAuditId: follow.id,
    recommendationId: r3.id,
    text: 'Rutinen för nyttohemtagning är ännu inte beslutad.',
    statuses: [],
    observations: [],
  });
}
