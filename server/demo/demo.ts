import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Ctx } from '../platform/context.js';
import { tenants } from '../platform/tables.js';
import { provisionTenant } from '../modules/organization/provision.js';
import { createUnit, addSuccession } from '../modules/organization/units.service.js';
import { createGrant, createPerson, createPost } from '../modules/organization/people.service.js';
import { addMember, createForum } from '../modules/organization/forums.service.js';
import { createDecision, createMeeting } from '../modules/organization/decisions.service.js';
import type { UnitKind } from '../../domain/organization/unit.js';
import type { Role } from '../../domain/access/permissions.js';
import { createGoal } from '../modules/goals/goals.service.js';
import {
  createIndicator,
  recordAssessment,
  recordOutcome,
} from '../modules/goals/followup.service.js';
import { createDocument } from '../modules/documents/documents.service.js';
import { createContract, createSystem } from '../modules/services/systems.service.js';
import { loadDemoOwnership, type DemoSystem } from './demo-services.js';
import { loadDemoAudits } from './demo-audits.js';
import { loadDemoPortfolio } from './demo-portfolio.js';
import { loadDemoOrganization16 } from './demo-organization16.js';
import { loadDemoDocuments16 } from './demo-documents16.js';
import { loadDemoGoals16 } from './demo-goals16.js';
import { assertOnlyDemoEver, DEMO_SLUG } from './guard.js';

/** Every demo account has this password (named in the README). */
export const DEMO_PASSWORD = 'styrbord-demo';
export const DEMO_USERS: {
  email: string;
  name: string;
  title: string;
  role: Role;
  unit: string;
}[] = [
  {
    email: 'admin@norrsund.example',
    name: 'Astrid Ek',
    title: 'Systemadministratör',
    role: 'administrator',
    unit: 'RF',
  },
  {
    email: 'samordnare@norrsund.example',
    name: 'Sami Lindqvist',
    title: 'Portföljsamordnare',
    role: 'portfolio_coordinator',
    unit: 'RF',
  },
  {
    email: 'redaktor@norrsund.example',
    name: 'Rebecka Holm',
    title: 'Verksamhetsutvecklare',
    role: 'editor',
    unit: 'HSF',
  },
  {
    email: 'lasare@norrsund.example',
    name: 'Leo Nyberg',
    title: 'Enhetschef',
    role: 'reader',
    unit: 'RF',
  },
  {
    email: 'revisor@norrsund.example',
    name: 'Ruth Åberg',
    title: 'Förtroendevald revisor',
    role: 'auditor',
    unit: 'RF',
  },
  {
    email: 'revisionskontor@norrsund.example',
    name: 'Kim Sandberg',
    title: 'Revisionssekreterare',
    role: 'audit_office',
    unit: 'RF',
  },
];

const daysAgo = (now: Date, n: number) =>
  new Date(now.getTime() - n * 86_400_000).toISOString().slice(0, 10);

/**
 * Loads the invented demo region "Region Norrsund" when the database has no tenant yet; throws
 * DemoRefused when it has ever had another tenant.
 */
export async function loadDemoIfEmpty(db: Db, now = new Date()): Promise<boolean> {
  await assertOnlyDemoEver(db);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(tenants);
  if ((row?.n ?? 0) > 0) return false;
  await loadDemo(db, now);
  return true;
}

export async function loadDemo(db: Db, now = new Date()) {
  const admin = DEMO_USERS[0]!;
  const { tenantId, rootUnitId, adminId } = await provisionTenant(db, {
    name: 'Region Norrsund',
    slug: DEMO_SLUG,
    rootName: 'Regionfullmäktige',
    admin: { name: admin.name, email: admin.email, password: DEMO_PASSWORD },
    settings: {
      caseNumberLabel: 'diarienummer',
      caseNumberPattern: '[A-ZÅÄÖ]{2,5} \\d{4}/\\d{1,5}',
    },
    now,
  });
  const ctx: Ctx = {
    tenantId,
    lang: 'sv',
    now,
    actor: {
      personId: adminId,
      name: admin.name,
      grants: [{ role: 'administrator', unitId: rootUnitId, unitPath: [rootUnitId] }],
    },
  };
  const units: Record<string, string> = { RF: rootUnitId };
  const unit = async (
    key: string,
    parent: string,
    kind: UnitKind,
    name: string,
    shortName: string | null,
    extra: { startsOn?: string; endsOn?: string; description?: string } = {},
  ) => {
    units[key] = (
      await createUnit(db, ctx, { parentId: units[parent]!, kind, name, shortName, ...extra })
    ).id;
  };
  await unit('RS', 'RF', 'regional_board', 'Regionstyrelsen', 'RS', {
    startsOn: '2019-01-01',
    description: 'Leder och samordnar regionens digitalisering.',
  });
  await unit('RSAU', 'RS', 'working_committee', 'Regionstyrelsens arbetsutskott', 'RSAU');
  await unit('RLK', 'RS', 'administration', 'Regionledningskontoret', 'RLK');
  await unit('DIG', 'RLK', 'unit', 'Digitaliseringsenheten', null);
  await unit('EKO', 'RLK', 'department', 'Ekonomiavdelningen', null);
  await unit('IT', 'RLK', 'department', 'IT-avdelningen', null);
  await unit('HSN', 'RF', 'board', 'Hälso- och sjukvårdsnämnden', 'HSN');
  await unit('HSF', 'HSN', 'administration', 'Hälso- och sjukvårdsförvaltningen', 'HSF');
  await unit('PV', 'HSF', 'department', 'Primärvården', null);
  await unit('LSN', 'HSF', 'department', 'Länssjukhuset Norrsund', null);
  await unit('PSY', 'HSF', 'department', 'Psykiatrin', null);
  await unit('KTN', 'RF', 'board', 'Kollektivtrafiknämnden', 'KTN');
  await unit('KTF', 'KTN', 'administration', 'Kollektivtrafikförvaltningen', null);
  await unit('KBN', 'RF', 'board', 'Kultur- och bildningsnämnden', 'KBN');
  await unit('KBF', 'KBN', 'administration', 'Kultur- och bildningsförvaltningen', null);
  await unit('FHS', 'KBF', 'unit', 'Folkhögskolorna', null);
  await unit('RUN', 'RF', 'board', 'Regionala utvecklingsnämnden', 'RUN');
  await unit('RUF', 'RUN', 'administration', 'Regional utvecklingsförvaltning', null);
  await unit('SN', 'RF', 'board', 'Servicenämnden', 'SN', {
    description: 'Regionens interna IT-leverantör.',
  });
  await unit('RSE', 'SN', 'administration', 'Regionservice', null);
  await unit('ITD', 'RSE', 'department', 'IT-drift och support', null);
  await unit('FAB', 'RF', 'company', 'Norrsund Fastigheter AB', 'NFAB');
  await unit('LS', 'RF', 'regional_board', 'Landstingsstyrelsen', 'LS', {
    startsOn: '1999-01-01',
    endsOn: '2018-12-31',
    description: 'Föregångare till regionstyrelsen.',
  });
  await addSuccession(db, ctx, units.LS!, {
    successorId: units.RS!,
    onDate: '2019-01-01',
    note: 'Regionbildningen 2019',
  });

  const people: Record<string, string> = { admin: adminId };
  for (const u of DEMO_USERS.slice(1)) {
    people[u.role] = (
      await createPerson(db, ctx, {
        name: u.name,
        email: u.email,
        title: u.title,
        unitId: units[u.unit === 'RF' ? 'DIG' : u.unit]!,
        canLogIn: true,
        password: DEMO_PASSWORD,
      })
    ).person.id;
  }
  for (const u of DEMO_USERS.slice(1))
    await createGrant(db, ctx, { personId: people[u.role]!, role: u.role, unitId: units[u.unit]! });
  const staff: [string, string, string, string][] = [
    ['director', 'Dagny Forsberg', 'Regiondirektör', 'RLK'],
    ['cdo', 'Kalle Berggren', 'Digitaliseringschef', 'DIG'],
    ['hsfchef', 'Maja Sandström', 'Hälso- och sjukvårdsdirektör', 'HSF'],
    ['itchef', 'Omar Haddad', 'IT-chef', 'IT'],
    ['ktfchef', 'Tove Lund', 'Förvaltningschef', 'KTF'],
    ['rsordf', 'Per Ahlgren', 'Regionstyrelsens ordförande', 'RS'],
    ['hsnordf', 'Lina Öhman', 'Ordförande HSN', 'HSN'],
    ['arkitekt', 'Nils Vikström', 'Verksamhetsarkitekt', 'DIG'],
  ];
  for (const [key, name, title, u] of staff)
    people[key] = (
      await createPerson(db, ctx, {
        name,
        email: `${key}@norrsund.example`,
        title,
        unitId: units[u]!,
        canLogIn: false,
      })
    ).person.id;
  await createPost(db, ctx, {
    unitId: units.DIG!,
    title: 'Informationssäkerhetssamordnare',
    holderId: null,
    competenceRequirements: 'Erfarenhet av LIS enligt ISO 27001.',
  });
  await createPost(db, ctx, {
    unitId: units.DIG!,
    title: 'Digitaliseringschef',
    holderId: people.cdo!,
  });
  await createPost(db, ctx, {
    unitId: units.HSF!,
    title: 'Digitaliseringsstrateg',
    holderId: null,
  });

  // Decisions first where forums refer to them.
  type DecisionArgs = Omit<Parameters<typeof createDecision>[2], 'kind'> & {
    kind?: 'decision' | 'information' | 'recommendation';
  };
  const d = async (input: DecisionArgs) =>
    (await createDecision(db, ctx, { kind: 'decision', ...input })).id;
  const councilMandate = await d({
    kind: 'decision',
    bodyUnitId: units.RS!,
    decidedOn: '2023-02-14',
    paragraph: '18',
    caseNumber: 'RS 2023/112',
    level: 'board',
    outcome: 'approved',
    title: 'Inrättande av digitaliseringsråd och dess mandat',
    body: 'Regionstyrelsen inrättar ett digitaliseringsråd som bereder förvaltningsövergripande digitaliseringsinitiativ inför beslut i regionledningen.',
  });
  const forums: Record<string, string> = {};
  const forum = async (key: string, input: Parameters<typeof createForum>[2]) =>
    (forums[key] = (await createForum(db, ctx, input)).id);
  await forum('council', {
    parentUnitId: units.RS!,
    name: 'Digitaliseringsrådet',
    level: 'official',
    kind: 'digitalisation_council',
    mandate: 'prepares',
    mandateText:
      'Bereder initiativ som berör flera förvaltningar; beslut fattas av regionledningen.',
    mandateDecisionId: councilMandate,
    meetingsPerYear: 6,
    cadenceText: 'Varannan månad',
    establishedOn: '2023-03-01',
    establishedDecisionId: councilMandate,
    standingAgendaItems: ['Portföljens status', 'Nya initiativ för beredning'],
  });
  await forum('tjb', {
    parentUnitId: units.RS!,
    name: 'Tjänstemannaberedningen för digitalisering',
    level: 'official',
    kind: 'officials_preparation',
    mandate: 'prepares',
    mandateText: 'Förbereder ärenden till den politiska beredningen.',
    meetingsPerYear: 4,
    establishedOn: '2022-01-01',
  });
  await forum('politisk', {
    parentUnitId: units.RS!,
    name: 'Politisk digitaliseringsberedning',
    level: 'political',
    kind: 'political_preparation',
    mandate: 'advises',
    meetingsPerYear: 4,
    establishedOn: '2022-01-01',
  });
  await forum('arch', {
    parentUnitId: units.IT!,
    name: 'Arkitekturrådet',
    kind: 'architecture_council',
    mandate: null,
    meetingsPerYear: 10,
    description: 'Granskar lösningsarkitektur. Mandatet är inte fastställt.',
    establishedOn: '2021-09-01',
  });
  await forum('portfolio', {
    parentUnitId: units.RLK!,
    name: 'Portföljkontoret',
    kind: 'portfolio_office',
    mandate: 'advises',
    meetingsPerYear: 12,
    establishedOn: daysAgo(now, 60),
    cadenceText: 'Under uppbyggnad',
  });
  await forum('vis', {
    parentUnitId: units.HSF!,
    name: 'Styrgrupp vårdinformationssystem',
    kind: 'steering_group',
    mandate: 'advises',
    mandateText: 'Formellt rådgivande till hälso- och sjukvårdsdirektören.',
    meetingsPerYear: 12,
    establishedOn: '2022-05-01',
  });
  await forum('hsflg', {
    parentUnitId: units.HSF!,
    name: 'Förvaltningsledning HSF',
    level: 'official',
    kind: 'management_team',
    mandate: 'decides',
    mandateText: 'Beslutar inom förvaltningschefens delegation.',
    meetingsPerYear: 40,
    standingAgendaItems: ['Digitalisering (stående punkt)'],
    establishedOn: '2019-01-01',
  });
  await forum('network', {
    parentUnitId: units.RS!,
    name: 'Nätverket för digital samverkan i norra regionerna',
    level: 'mixed',
    kind: 'external_network',
    externalRole: 'co_funder',
    mandate: 'advises',
    meetingsPerYear: 2,
    establishedOn: '2020-01-01',
  });
  await forum('old', {
    parentUnitId: units.RS!,
    name: 'IT-rådet',
    kind: 'other',
    mandate: 'advises',
    meetingsPerYear: 4,
    establishedOn: '2015-01-01',
    discontinuedOn: '2023-02-28',
    discontinuedDecisionId: councilMandate,
  });

  await addMember(db, ctx, forums.council!, {
    personId: people.director!,
    memberRole: 'member',
    seatTitle: 'Ordförande',
  });
  await addMember(db, ctx, forums.council!, {
    personId: people.cdo!,
    memberRole: 'member',
    seatTitle: 'Sekreterare',
  });
  await addMember(db, ctx, forums.council!, {
    personId: people.hsfchef!,
    memberRole: 'member',
    delegateId: people.editor ?? null,
  });
  await addMember(db, ctx, forums.council!, { personId: people.ktfchef!, memberRole: 'member' });
  await addMember(db, ctx, forums.council!, { personId: people.itchef!, memberRole: 'deputy' });
  await addMember(db, ctx, forums.politisk!, {
    personId: people.rsordf!,
    memberRole: 'member',
    seatTitle: 'Ordförande',
  });
  await addMember(db, ctx, forums.politisk!, { personId: people.hsnordf!, memberRole: 'member' });
  await addMember(db, ctx, forums.network!, {
    externalName: 'Region Fjällmark (värdregion)',
    memberRole: 'member',
  });
  await addMember(db, ctx, forums.arch!, {
    personId: people.arkitekt!,
    memberRole: 'member',
    seatTitle: 'Sammankallande',
  });

  const m = async (
    holder: { forumId?: string; bodyUnitId?: string },
    heldOn: string,
    title: string,
    agenda: string[] = [],
  ) =>
    (
      await createMeeting(db, ctx, {
        ...holder,
        heldOn,
        title,
        agenda: agenda.map((t) => ({ title: t, isStanding: false })),
      })
    ).meeting.id;
  for (const ago of [320, 260, 200, 140, 80, 20])
    await m({ forumId: forums.council! }, daysAgo(now, ago), 'Digitaliseringsrådet', [
      'Portföljens status',
      'Nya initiativ för beredning',
    ]);
  for (const ago of [300, 210, 120, 30])
    await m({ forumId: forums.tjb! }, daysAgo(now, ago), 'Tjänstemannaberedning');
  for (const ago of [400, 200])
    await m({ forumId: forums.politisk! }, daysAgo(now, ago), 'Politisk beredning');
  await m({ forumId: forums.vis! }, daysAgo(now, 150), 'Styrgruppsmöte');
  for (const ago of [90, 55, 25])
    await m({ forumId: forums.arch! }, daysAgo(now, ago), 'Arkitekturrådet');
  await m({ forumId: forums.network! }, daysAgo(now, 100), 'Nätverksträff');
  const rsMeeting = await m(
    { bodyUnitId: units.RS! },
    '2024-03-26',
    'Regionstyrelsens sammanträde',
    ['Digital agenda 2030', 'Information om digitaliseringsrådets arbete'],
  );
  const rsauMeeting = await m(
    { bodyUnitId: units.RSAU! },
    '2024-03-12',
    'Arbetsutskottets sammanträde',
  );
  const rfMeeting = await m(
    { bodyUnitId: units.RF! },
    '2024-04-16',
    'Regionfullmäktiges sammanträde',
  );
  const hsnMeeting = await m({ bodyUnitId: units.HSN! }, '2024-05-21', 'HSN sammanträde');

  const au = await d({
    bodyUnitId: units.RSAU!,
    meetingId: rsauMeeting,
    decidedOn: '2024-03-12',
    paragraph: '41',
    caseNumber: 'RS 2023/1850',
    level: 'committee',
    outcome: 'approved',
    title: 'Förslag: Digital agenda 2030 för Region Norrsund',
    body: 'Arbetsutskottet föreslår regionstyrelsen att föreslå fullmäktige att anta Digital agenda 2030.',
  });
  const rs = await d({
    bodyUnitId: units.RS!,
    meetingId: rsMeeting,
    decidedOn: '2024-03-26',
    paragraph: '72',
    caseNumber: 'RS 2023/1850',
    level: 'board',
    outcome: 'approved',
    title: 'Digital agenda 2030 – förslag till fullmäktige',
    proposedByDecisionId: au,
    basis: ['Tjänsteskrivelse 2024-02-28', 'Digital agenda 2030, remissversion'],
  });
  await d({
    bodyUnitId: units.RF!,
    meetingId: rfMeeting,
    decidedOn: '2024-04-16',
    paragraph: '55',
    caseNumber: 'RS 2023/1850',
    level: 'assembly',
    outcome: 'approved',
    title: 'Antagande av Digital agenda 2030 (digitaliseringsstrategi)',
    proposedByDecisionId: rs,
    body: 'Regionfullmäktige antar Digital agenda 2030 som regionens digitaliseringsstrategi.',
    links: [{ kind: 'document', label: 'Digital agenda 2030' }],
  });
  await d({
    kind: 'information',
    bodyUnitId: units.RS!,
    meetingId: rsMeeting,
    decidedOn: '2024-03-26',
    paragraph: '80',
    level: 'board',
    title: 'Information om digitaliseringsrådets arbete',
    body: 'Digitaliseringschefen informerar om rådets beredning av förvaltningsövergripande initiativ.',
  });
  await d({
    bodyUnitId: units.RS!,
    decidedOn: '2022-11-29',
    paragraph: '210',
    caseNumber: 'RS 2022/1422',
    level: 'board',
    outcome: 'approved',
    title: 'Riktlinje för informationssäkerhet',
  });
  await d({
    bodyUnitId: units.RLK!,
    decidedOn: '2023-06-01',
    caseNumber: 'RS 2023/640',
    level: 'official',
    outcome: 'approved',
    title: 'Verkställighetsbeslut: Anvisning för införande av IT-system',
    body: 'Regiondirektörens beslut. Ingen paragraf.',
  });
  await d({
    bodyUnitId: units.RLK!,
    decidedOn: '2021-10-05',
    level: 'official',
    outcome: 'approved',
    title: 'Strategi för molntjänster (tjänstemannabeslut)',
    body: 'Antagen av regiondirektören; inte politiskt antagen.',
  });
  await d({
    bodyUnitId: units.HSN!,
    meetingId: hsnMeeting,
    decidedOn: '2024-05-21',
    paragraph: '64',
    caseNumber: 'HSN 2024/233',
    level: 'board',
    outcome: 'approved',
    title: 'Digitala färdplanen för hälso- och sjukvården 2025–2027',
  });
  await d({
    bodyUnitId: units.HSN!,
    meetingId: hsnMeeting,
    decidedOn: '2024-05-21',
    paragraph: '65',
    caseNumber: 'HSN 2024/198',
    level: 'board',
    outcome: 'referred_back',
    title: 'Upphandling av nytt journalsystem för psykiatrin',
    body: 'Ärendet återremitteras för en fördjupad risk- och konsekvensanalys.',
  });
  await d({
    bodyUnitId: units.HSN!,
    decidedOn: '2024-09-17',
    paragraph: '102',
    caseNumber: 'HSN 2024/198',
    level: 'board',
    outcome: 'tabled',
    title: 'Upphandling av nytt journalsystem för psykiatrin (återupptaget)',
  });
  await d({
    kind: 'information',
    bodyUnitId: units.HSN!,
    decidedOn: '2024-10-22',
    paragraph: '120',
    level: 'board',
    title: 'Information om digitaliseringsläget i hälso- och sjukvården',
  });
  await d({
    bodyUnitId: units.KTN!,
    decidedOn: '2024-02-08',
    paragraph: '12',
    caseNumber: 'KTN 2024/31',
    level: 'board',
    outcome: 'approved',
    title: 'Mål för digitala biljettkanaler 2024',
  });
  await d({
    bodyUnitId: units.KBN!,
    decidedOn: '2024-04-11',
    paragraph: '30',
    caseNumber: 'KBN 2024/77',
    level: 'board',
    outcome: 'rejected',
    title: 'Eget lärplattformsprojekt för folkhögskolorna',
    body: 'Avslag: regionens gemensamma plattform ska användas.',
  });
  await d({
    bodyUnitId: units.RUN!,
    decidedOn: '2024-06-13',
    paragraph: '48',
    caseNumber: 'RUN 2024/140',
    level: 'board',
    outcome: 'approved',
    title: 'Regional bredbandsstrategi – handlingsplan',
  });
  await d({
    bodyUnitId: units.SN!,
    decidedOn: '2024-10-03',
    paragraph: '77',
    caseNumber: 'SN 2024/301',
    level: 'board',
    outcome: 'approved',
    title: 'Tjänstekatalog och prislista för IT-tjänster 2025',
  });
  await d({
    kind: 'recommendation',
    forumId: forums.council!,
    decidedOn: daysAgo(now, 80),
    level: 'delegated',
    outcome: 'approved',
    title: 'Beredning: gemensam e-tjänsteplattform (förvaltningsövergripande)',
  });
  await d({
    forumId: forums.hsflg!,
    decidedOn: daysAgo(now, 45),
    level: 'delegated',
    outcome: 'approved',
    title: 'Införande av digitala vårdmöten i primärvården',
  });
  await d({
    bodyUnitId: units.LS!,
    decidedOn: '2016-05-24',
    paragraph: '90',
    caseNumber: 'LS 2016/455',
    level: 'board',
    outcome: 'approved',
    title: 'IT-strategi för landstinget 2016–2020',
    body: 'Antagen av landstingsstyrelsen, som sedan 2019 efterträtts av regionstyrelsen.',
  });
  await d({
    bodyUnitId: units.FAB!,
    decidedOn: '2024-03-01',
    paragraph: '9',
    level: 'board',
    outcome: 'approved',
    title: 'Bolagets plan för digitala fastighetssystem',
  });
  await d({
    bodyUnitId: units.RS!,
    decidedOn: '2024-12-10',
    paragraph: '250',
    caseNumber: 'RS 2024/1702',
    level: 'board',
    outcome: 'approved',
    title: 'Uppdrag: återrapportera effekthemtagning för digitaliseringsinitiativ',
    body: 'Regionstyrelsen ger regiondirektören i uppdrag att återrapportera vid styrelsens ordinarie sammanträde i juni 2025.',
  });
  await loadDemoOrganization16(db, ctx, { units, people, forums }, now);
  await loadDemoGoals(db, ctx, units, now);
  await loadDemoGoals16(db, ctx, units, now);
  const systems = await loadDemoSystems(db, ctx, units, people, now);
  await loadDemoOwnership(db, ctx, { units, people, forums, systems }, now);
  await loadDemoAudits(db, ctx, { units, people }, now);
  await loadDemoPortfolio(db, ctx, { units, people, forums }, now);
  return { tenantId, rootUnitId, units, forums, people };
}

/**
 * Goals, indicators with three years of outcomes and assessments, and a document register where
 * some documents carry each flag. Invented content; the flags it shows are the seeds' failures.
 */
export async function loadDemoGoals(db: Db, ctx: Ctx, units: Record<string, string>, now: Date) {
  const year = now.getFullYear();
  const y = (n: number) => year - n;
  const goal = async (input: Parameters<typeof createGoal>[2]) =>
    (await createGoal(db, ctx, input)).id;
  const impact = await goal({
    level: 'impact',
    form: 'goal',
    ownerUnitId: units.RF!,
    title: 'Invånarna möter en digital region först',
    validFrom: `${y(3)}-01-01`,
    validTo: `${year + 1}-12-31`,
    tags: ['digitalisering'],
    parentGoalIds: [],
  });
  const impact2 = await goal({
    level: 'impact',
    form: 'goal',
    ownerUnitId: units.RF!,
    title: 'Medarbetarna har digitala verktyg som underlättar arbetet',
    validFrom: `${y(3)}-01-01`,
    validTo: `${year + 1}-12-31`,
    tags: ['digitalisering'],
    parentGoalIds: [],
  });
  const hsnOld = await goal({
    level: 'result',
    form: 'goal',
    ownerUnitId: units.HSN!,
    title: 'Fler digitala vårdmöten',
    validFrom: `${y(3)}-01-01`,
    validTo: `${y(2)}-12-31`,
    tags: ['digitalisering'],
    parentGoalIds: [impact],
  });
  const hsn = await goal({
    level: 'result',
    form: 'goal',
    ownerUnitId: units.HSN!,
    title: 'Digitala vårdmöten är förstahandsval i primärvården',
    validFrom: `${y(1)}-01-01`,
    validTo: `${year}-12-31`,
    tags: ['digitalisering'],
    parentGoalIds: [impact],
    succeedsGoalId: hsnOld,
  });
  await goal({
    level: 'result',
    form: 'goal',
    ownerUnitId: units.HSN!,
    title: 'Informationssäkerheten stärks',
    validFrom: `${y(1)}-01-01`,
    validTo: `${year}-12-31`,
    tags: ['digitalisering'],
    parentGoalIds: [impact2],
  });
  const ktn = await goal({
    level: 'result',
    form: 'goal',
    ownerUnitId: units.KTN!,
    title: 'Resenärerna köper biljetten digitalt',
    validFrom: `${y(3)}-01-01`,
    tags: ['digitalisering'],
    parentGoalIds: [impact],
  });
  await goal({
    level: 'result',
    form: 'focus_area',
    ownerUnitId: units.KBN!,
    title: 'Fokusområde: digital kompetens i folkbildningen',
    validFrom: `${y(3)}-01-01`,
    tags: ['digitalisering'],
    parentGoalIds: [],
  });
  const rs = await goal({
    level: 'result',
    form: 'goal',
    ownerUnitId: units.RS!,
    title: 'Digitaliseringsinitiativ som berör flera förvaltningar bereds gemensamt',
    validFrom: `${y(2)}-01-01`,
    tags: ['digitalisering'],
    parentGoalIds: [impact2],
  });

  const ind = async (input: Parameters<typeof createIndicator>[2]) =>
    (await createIndicator(db, ctx, input)).id;
  const vard = await ind({
    goalId: hsn,
    name: 'Andel vårdmöten i primärvården som är digitala',
    kind: 'quantitative',
    unit: '%',
    direction: 'higher',
    baseline: 12,
    baselineOn: `${y(3)}-12-31`,
    targets: [
      { year: y(2), value: 18 },
      { year: y(1), value: 25 },
      { year, value: 30 },
    ],
    scale: [],
    dataSource: 'system',
    dataSourceText: 'Bokningssystemet',
    measuresDigitalisation: true,
  });
  const vardOld = await ind({
    goalId: hsnOld,
    name: 'Antal digitala vårdmöten per månad',
    kind: 'quantitative',
    unit: 'st',
    direction: 'higher',
    baseline: 4000,
    baselineOn: `${y(4)}-12-31`,
    targets: [
      { year: y(3), value: 6000 },
      { year: y(2), value: 8000 },
    ],
    scale: [],
    dataSource: 'system',
    measuresDigitalisation: true,
  });
  const bilj = await ind({
    goalId: ktn,
    name: 'Andel biljetter sålda i appen',
    kind: 'quantitative',
    unit: '%',
    direction: 'higher',
    baseline: 55,
    baselineOn: `${y(4)}-12-31`,
    targets: [
      { year: y(3), value: 60 },
      { year: y(2), value: 68 },
      { year: y(1), value: 75 },
    ],
    scale: [],
    dataSource: 'statistics',
    measuresDigitalisation: true,
  });
  await ind({
    goalId: ktn,
    name: 'Väntetid i kundtjänst',
    kind: 'quantitative',
    unit: 'min',
    direction: 'lower',
    baseline: null,
    targets: [],
    scale: [],
    dataSource: 'other',
    dataSourceText: 'Kundtjänstens telefonisystem',
    measuresDigitalisation: false,
  });
  const bered = await ind({
    goalId: rs,
    name: 'Uppföljning av beredningsrutinen för förvaltningsövergripande initiativ',
    kind: 'qualitative',
    baseline: null,
    targets: [
      { year: y(2), value: 2 },
      { year: y(1), value: 3 },
    ],
    scale: [
      { level: 1, label: 'Rutin saknas' },
      { level: 2, label: 'Rutin beslutad' },
      { level: 3, label: 'Rutin följs' },
    ],
    dataSource: 'judgement',
    measuresDigitalisation: true,
  });

  const out = (
    indicatorId: string,
    periodKey: string,
    value: number,
    comment: string | null = null,
  ) => recordOutcome(db, ctx, { indicatorId, periodKey, value, comment });
  await out(vardOld, `${y(3)}-Å`, 6200);
  await out(vardOld, `${y(2)}-D`, 7100);
  await out(vardOld, `${y(2)}-Å`, 7600, 'Målet byter namn nästa år');
  await out(vard, `${y(2)}-Å`, 17);
  await out(vard, `${y(1)}-D`, 21);
  await out(vard, `${y(1)}-Å`, 26, 'Drop-in via video infört på alla vårdcentraler');
  await out(bilj, `${y(3)}-Å`, 61);
  await out(bilj, `${y(2)}-Å`, 64);
  await out(bilj, `${y(1)}-D`, 66);
  await out(bilj, `${y(1)}-Å`, 69, 'Ny app lanserad i oktober');
  await out(bered, `${y(2)}-Å`, 2);
  await out(bered, `${y(1)}-Å`, 2, 'Rutinen följs inte av alla förvaltningar');

  const assess = (
    goalId: string,
    periodKey: string,
    assessment: 'met' | 'partly' | 'notMet',
    justification: string,
    overrideReason: string | null = null,
  ) =>
    recordAssessment(db, ctx, {
      goalId,
      periodKey,
      assessment,
      justification,
      indicatorIds: [],
      overrideReason,
    });
  await assess(hsnOld, `${y(3)}-Å`, 'met', 'Målvärdet 6 000 nåddes.');
  await assess(hsnOld, `${y(2)}-Å`, 'partly', 'Ökningen fortsatte men nådde inte 8 000.');
  await assess(hsn, `${y(2)}-Å`, 'partly', 'Nära målvärdet.');
  await assess(hsn, `${y(1)}-D`, 'partly', 'På väg mot årets mål.');
  await assess(hsn, `${y(1)}-Å`, 'met', 'Målvärdet 25 % överträffades.');
  await assess(ktn, `${y(3)}-Å`, 'met', 'Målet nått.');
  await assess(ktn, `${y(2)}-Å`, 'partly', 'Under målvärdet.');
  await assess(rs, `${y(2)}-Å`, 'met', 'Rutinen beslutades.');
  // The last annual report is left unassessed for KTN and RS, so the follow-up shows them as overdue.

  const doc = async (input: Parameters<typeof createDocument>[2]) =>
    (await createDocument(db, ctx, input)).id;
  const agenda = await doc({
    title: 'Digital agenda 2030',
    type: 'strategi',
    state: 'adopted',
    ownerUnitId: units.DIG!,
    adoptedByUnitId: units.RF!,
    adoptionLevel: 'assembly',
    adoptedOn: '2024-04-16',
    validFrom: '2024-05-01',
    reviewOn: `${year + 1}-12-31`,
    goalIds: [impact, impact2],
    followUpText: 'Följs upp mot effektmålen i delårsrapporten och årsredovisningen.',
    followUpsPerYear: 2,
    description: 'Regionens digitaliseringsstrategi.',
  });
  await doc({
    title: 'IT-strategi för landstinget 2016–2020',
    type: 'strategi',
    state: 'adopted',
    ownerUnitId: units.IT!,
    adoptedByUnitId: units.LS!,
    adoptionLevel: 'board',
    adoptedOn: '2016-05-24',
    validFrom: '2016-06-01',
    validTo: '2020-12-31',
    reviewOn: '2020-12-31',
    goalIds: [],
    supersededById: agenda,
    description: 'Antogs av landstingsstyrelsen; aldrig formellt upphävd.',
  });
  await doc({
    title: 'Strategi för molntjänster',
    type: 'strategi',
    state: 'adopted',
    ownerUnitId: units.IT!,
    adoptionLevel: 'official',
    adoptedOn: '2021-10-05',
    reviewOn: `${y(1)}-06-30`,
    goalIds: [impact2],
  });
  await doc({
    title: 'Riktlinje för informationssäkerhet',
    type: 'riktlinje',
    state: 'adopted',
    ownerUnitId: units.DIG!,
    adoptedByUnitId: units.RS!,
    adoptionLevel: 'board',
    adoptedOn: '2022-11-29',
    reviewOn: `${year + 1}-11-30`,
    goalIds: [impact2],
  });
  await doc({
    title: 'Handlingsplan för digital infrastruktur',
    type: 'handlingsplan',
    state: 'adopted',
    ownerUnitId: units.RUF!,
    adoptedByUnitId: units.RUN!,
    adoptionLevel: 'board',
    adoptedOn: '2024-06-13',
    reviewOn: `${year + 1}-06-30`,
    goalIds: [],
  });
  await doc({
    title: 'Anvisning för införande av IT-system',
    type: 'anvisning',
    state: 'adopted',
    ownerUnitId: units.IT!,
    adoptionLevel: 'unknown',
    goalIds: [],
    description: 'Beslutsfattare och datum okända.',
  });
  await doc({
    title: 'Digital färdplan HS 2025–2027',
    type: 'färdplan',
    state: 'consultation',
    ownerUnitId: units.HSF!,
    adoptionLevel: 'unknown',
    goalIds: [hsn],
  });
  await doc({
    title: 'Tjänstekatalog och prislista 2025',
    type: 'verksamhetsplan',
    state: 'adopted',
    ownerUnitId: units.RSE!,
    adoptedByUnitId: units.SN!,
    adoptionLevel: 'board',
    adoptedOn: '2024-10-03',
    reviewOn: `${year}-10-31`,
    goalIds: [],
  });
  await loadDemoDocuments16(db, ctx, units, { impact, impact2 }, now);
}

/** An invented system register: about 250 systems with suppliers and contracts, some breaking each flag. */
export async function loadDemoSystems(
  db: Db,
  ctx: Ctx,
  units: Record<string, string>,
  people: Record<string, string>,
  now: Date,
) {
  const year = now.getFullYear();
  const owners = ['HSF', 'PV', 'LSN', 'PSY', 'KTF', 'KBF', 'RUF', 'RSE', 'ITD', 'DIG', 'EKO'];
  const capabilities = [
    'journalföring',
    'tidbokning',
    'e-tjänster',
    'ekonomi',
    'lön',
    'dokumenthantering',
    'diarieföring',
    'läkemedel',
    'labb',
    'röntgen',
    'biljetter',
    'trafikplanering',
    'lärplattform',
    'bibliotek',
    'ärendehantering',
    'intranät',
    'identitet',
    'integration',
    'rapportering',
    'inköp',
  ];
  const suppliers = [
    'Nordsystem AB',
    'Vårddata AB',
    'Molnbolaget',
    'Regionservice IT',
    'Trafiksoft',
    'Edusys',
    'Arkivpartner',
    'Integra AB',
  ];
  const names = [
    'Journal',
    'Bokning',
    'Portal',
    'Ekonomi',
    'Lön',
    'Arkiv',
    'Diarium',
    'Läkemedel',
    'Labb',
    'Röntgen',
    'Biljett',
    'Trafik',
    'Lärplattform',
    'Bibliotek',
    'Ärende',
    'Intranät',
    'Inloggning',
    'Integration',
    'Rapport',
    'Inköp',
  ];
  const persons = Object.values(people);
  const iso = (y: number, m: number, d: number) =>
    new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
  const created: DemoSystem[] = [];
  for (let i = 0; i < 250; i++) {
    const cap = capabilities[i % capabilities.length]!;
    // Most systems of a capability sit with its home unit; every fourth sits elsewhere, which is where overlaps come from.
    const home = owners[(i % capabilities.length) % owners.length]!;
    const owner =
      Math.floor(i / capabilities.length) % 4 === 3 ? owners[(i * 7) % owners.length]! : home;
    const lifecycle =
      i % 25 === 0
        ? 'phased_out'
        : i % 17 === 0
          ? 'planned'
          : i % 13 === 0
            ? 'phasing_out'
            : 'operating';
    const system = await createSystem(db, ctx, {
      name: `${names[i % names.length]} ${owner} ${Math.floor(i / names.length) + 1}`,
      aliases: i % 9 === 0 ? [`${names[i % names.length]!.slice(0, 3).toUpperCase()}-${i}`] : [],
      category: i % 3 === 0 ? 'core' : i % 3 === 1 ? 'support' : 'infrastructure',
      lifecycle,
      ownerUnitId: units[owner]!,
      ownerPersonId: i % 8 === 0 ? null : persons[i % persons.length]!,
      ownerExternalName: i % 16 === 0 ? suppliers[i % suppliers.length]! : null,
      managerPersonId: i % 6 === 0 ? null : persons[(i + 3) % persons.length]!,
      supplierName: suppliers[i % suppliers.length]!,
      hosting: i % 4 === 0 ? 'Molntjänst' : 'Regionens datacenter',
      userUnitIds: [],
      approxUsers: 50 + ((i * 37) % 4000),
      capabilities: [cap],
      costLicence: 20_000 + ((i * 1733) % 900_000),
      costOperation: 10_000 + ((i * 911) % 400_000),
      costStaff: (i * 577) % 300_000,
      confidentiality: i % 7 === 0 ? null : (i % 4) + 1,
      integrity: i % 7 === 0 ? null : ((i + 1) % 4) + 1,
      availability: i % 7 === 0 ? null : ((i + 2) % 4) + 1,
      classifiedOn:
        i % 7 === 0 ? null : i % 11 === 0 ? iso(year - 5, 3, 1) : iso(year - 1, 1 + (i % 12), 1),
      personalData: i % 3 !== 2,
      dpaSignedOn: i % 3 !== 2 && i % 10 !== 0 ? iso(year - 2, 5, 1) : null,
      dpiaStatus: i % 3 === 2 ? 'not_needed' : i % 12 === 0 ? 'needed' : 'done',
    });
    if (i % 5 !== 4) {
      const ends =
        i % 19 === 0
          ? iso(year - 1, 6, 30)
          : i % 4 === 0
            ? iso(year + 1, 1 + (i % 12), 28)
            : iso(year + 2 + (i % 4), 1 + (i % 12), 28);
      await createContract(db, ctx, {
        systemId: system.id,
        contractRef: `AVT-${year - 3 + (i % 3)}-${100 + i}`,
        supplierName: suppliers[i % suppliers.length]!,
        startsOn: iso(year - 3, 1, 1),
        endsOn: ends,
        noticeMonths: 6 + (i % 4) * 3,
        procurementRef: `RS ${year - 4}/${500 + i}`,
        valuePerYear: 50_000 + ((i * 4111) % 2_000_000),
      });
    }
    created.push({ id: system.id, name: system.name, capability: cap, owner, lifecycle });
  }
  return created;
}
