import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Ctx } from '../platform/context.js';
import { tenants } from '../platform/tables.js';
import { updateSettings } from '../platform/tenant-routes.js';
import { settingsSections } from '../modules/registry.js';
import { createDecision } from '../modules/organization/decisions.service.js';
import {
  addMeasurement,
  createBenefit,
  createInitiative,
  getInitiative,
  listInitiatives,
  registerFoundInitiative,
  transition,
  updateInitiative,
} from '../modules/portfolio/initiatives.service.js';
import { createRoadmap, createRound, decideRound } from '../modules/portfolio/roadmaps.service.js';
import {
  createTopList,
  recordTopFollowUp,
  updateTopList,
} from '../modules/portfolio/toplists.service.js';
import { createDocument } from '../modules/documents/documents.service.js';
import type { TopStatus } from '../../domain/portfolio/toplist.js';
import type { InitiativeInput, Phase } from '../../domain/portfolio/initiative.js';

type Refs = {
  units: Record<string, string>;
  people: Record<string, string>;
  forums: Record<string, string>;
};

const TITLES = [
  'Digitala vårdmöten',
  'Egenmonitorering i hemmet',
  'Ny journalmodul för psykiatrin',
  'Digital remisshantering',
  'Chattbot i 1177',
  'Digital läkemedelsgenomgång',
  'Taligenkänning i journalen',
  'AI-stöd för röntgengranskning',
  'Elektronisk tavla på akuten',
  'Digital kallelse',
  'Biljettapp version 3',
  'Realtidsinformation vid hållplats',
  'Digital färdtjänstbokning',
  'Ny lärplattform för folkhögskolorna',
  'E-böcker i biblioteken',
  'Digital kulturkalender',
  'Öppna data om regional utveckling',
  'Bredbandskartan',
  'Gemensam e-tjänsteplattform',
  'E-arkiv',
  'Ny ekonomimodell',
  'Automatiserad fakturahantering',
  'Digital signering',
  'Identitets- och behörighetshantering',
  'Molnstrategi och plattform',
  'Nytt intranät',
  'Digital arbetsplats',
  'Informationssäkerhetsklassning i alla system',
  'Integrationsplattform',
  'Digital rekrytering',
];
const OWNERS = ['HSF', 'PV', 'LSN', 'PSY', 'KTF', 'KBF', 'FHS', 'RUF', 'RSE', 'DIG', 'EKO', 'IT'];
const BOARD_OF: Record<string, string> = {
  HSF: 'HSN',
  PV: 'HSN',
  LSN: 'HSN',
  PSY: 'HSN',
  KTF: 'KTN',
  KBF: 'KBN',
  FHS: 'KBN',
  RUF: 'RUN',
  RSE: 'SN',
  DIG: 'RS',
  EKO: 'RS',
  IT: 'RS',
};
const PATH: Phase[][] = [
  [],
  ['preparation'],
  ['preparation', 'decided'],
  ['preparation', 'decided', 'running'],
  ['preparation', 'decided', 'running', 'paused'],
  ['preparation', 'cancelled'],
  ['preparation', 'decided', 'running', 'closed'],
  ['preparation', 'decided', 'running', 'closed', 'in_operation'],
];
// How many initiatives end in each path above: ideas, preparation, decided, running, paused, cancelled, closed, in operation.
const MIX = [11, 9, 7, 12, 2, 3, 4, 6];
const REASON: Partial<Record<Phase, string>> = {
  preparation: 'Förslaget är inkommet och bereds.',
  decided: 'Beslutat enligt beredningsordningen.',
  running: 'Projektet har startat.',
  closed: 'Levererat enligt plan.',
  in_operation: 'Överlämnat till förvaltning.',
};

/**
 * The demo portfolio (invented): about sixty initiatives across units and phases, moved through
 * the phases by the same rules as in the app, with benefits (some measured after closure, some
 * overdue), costs, risks and scores; and a few from the region's old list that break the rules
 * (registered as found, so the flags show them).
 */
export async function loadDemoPortfolio(
  db: Db,
  ctx: Ctx,
  { units, people, forums }: Refs,
  now: Date,
) {
  const year = now.getFullYear();
  const [tenant] = await db
    .select({ version: tenants.version })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  await updateSettings(db, ctx, settingsSections, {
    version: tenant!.version,
    portfolioDecidingBodyId: units.RS,
  });
  const decisionOf: Record<string, string> = {};
  for (const board of ['RS', 'HSN', 'KTN', 'KBN', 'RUN', 'SN']) {
    decisionOf[board] = (
      await createDecision(db, ctx, {
        kind: 'decision',
        bodyUnitId: units[board]!,
        decidedOn: `${year - 1}-11-20`,
        paragraph: String(200 + board.length * 7),
        caseNumber: `${board} ${year - 1}/9${board.length}0`,
        level: 'board',
        outcome: 'approved',
        title: `Beslut om digitaliseringsinitiativ i verksamhetsplanen ${year}`,
      })
    ).id;
  }
  const staff = Object.values(people);
  let n = 0;
  for (const [pathIndex, count] of MIX.entries()) {
    for (let k = 0; k < count; k++, n++) {
      const owner = OWNERS[n % OWNERS.length]!;
      const cross = n % 4 === 0;
      // The other unit a cross-unit initiative touches sits under another board, so the routing rule applies.
      const other = [...OWNERS.slice((n + 5) % OWNERS.length), ...OWNERS].find(
        (o) => BOARD_OF[o] !== BOARD_OF[owner],
      )!;
      const input: InitiativeInput = {
        title: `${TITLES[n % TITLES.length]}${n >= TITLES.length ? ` (etapp ${Math.floor(n / TITLES.length) + 1})` : ''}`,
        description: 'Påhittat initiativ i demoregionen.',
        need: 'Behovet är beskrivet i förvaltningens verksamhetsplan.',
        category: (
          [
            'new_service',
            'replacement',
            'legal_requirement',
            'infrastructure',
            'innovation',
          ] as const
        )[n % 5]!,
        workKind: n % 9 === 8 ? 'other_development' : 'digitalisation',
        ownerUnitId: units[owner]!,
        ownerPersonId: n % 13 === 5 ? null : staff[n % staff.length]!,
        affectedUnitIds: cross ? [units[other]!] : [],
        goalIds: [],
        strategicAreas: [n % 2 ? 'Digitala invånartjänster' : 'Effektiv verksamhet'],
        systemIds: [],
        dependsOnIds: [],
        decisionIds: [],
        documentIds: [],
        preparedByForumId: cross ? forums.council! : null,
        decisionId: null,
        routingExceptionDecisionId: null,
        startOn: `${year + (pathIndex < 3 ? 1 : 0)}-0${1 + (n % 9)}-01`,
        endOn: `${year + 1 + (n % 3)}-12-31`,
        lessonsLearned: null,
        investment: [
          { year, amount: 200_000 + ((n * 137_000) % 3_000_000) },
          { year: year + 1, amount: 100_000 + ((n * 91_000) % 1_500_000) },
        ],
        operatingCostPerYear: 50_000 + ((n * 23_000) % 400_000),
        payerUnitId: units[owner]!,
        costSplit: cross
          ? [
              { unitId: units[owner]!, percent: 60 },
              { unitId: units[other]!, percent: 40 },
            ]
          : [],
        resourceNeed: [
          {
            competence: 'Utvecklare',
            quarter: `${year + 1}-Q${1 + (n % 4)}`,
            hours: 100 + ((n * 53) % 900),
          },
          {
            competence: 'Arkitekt',
            quarter: `${year + 1}-Q${1 + ((n + 1) % 4)}`,
            hours: 20 + ((n * 17) % 200),
          },
        ],
        risks:
          n % 3 === 0
            ? [
                {
                  title: 'Leverantören hinner inte',
                  probability: 1 + (n % 5),
                  consequence: 1 + ((n + 2) % 5),
                  mitigation: 'Avstämning varje månad',
                  ownerPersonId: staff[(n + 1) % staff.length]!,
                },
              ]
            : [],
        scores: [
          { criterion: 'core_benefit', score: n % 6 },
          { criterion: 'cost_savings', score: (n * 2) % 6 },
          { criterion: 'it_security', score: (n * 3) % 6 },
          { criterion: 'legal_requirement', score: n % 5 === 2 ? 5 : 0 },
        ],
      };
      let i = await createInitiative(db, ctx, input);
      const path = PATH[pathIndex]!;
      if (path.includes('decided'))
        i = await updateInitiative(db, ctx, i.id, {
          version: i.version,
          decisionId: cross ? decisionOf.RS! : decisionOf[BOARD_OF[owner]!]!,
        });
      if (path.includes('closed')) {
        const b = await createBenefit(db, ctx, {
          initiativeId: i.id,
          kind: n % 2 ? 'citizens' : 'staff',
          measure: n % 2 ? 'Andel ärenden via e-tjänst' : 'Minskad handläggningstid',
          unit: n % 2 ? '%' : 'min',
          baseline: 20,
          target: 50,
          targetDate: `${year - (n % 2)}-0${1 + (n % 8)}-28`,
          ownerPersonId: staff[n % staff.length]!,
          cadenceMonths: 6,
        });
        if (n % 3 !== 0)
          await addMeasurement(db, ctx, b.id, {
            version: b.version,
            on: `${year}-0${1 + (n % 8)}-15`,
            value: 30 + (n % 25),
            comment: 'Mätt efter överlämning till förvaltning.',
          });
      } else if (pathIndex >= 2 && n % 2 === 0) {
        await createBenefit(db, ctx, {
          initiativeId: i.id,
          kind: 'cost',
          measure: 'Kostnad per ärende',
          unit: 'kr',
          baseline: 420,
          target: 300,
          targetDate: `${year + 2}-12-31`,
          ownerPersonId: staff[n % staff.length]!,
          cadenceMonths: 12,
        });
      }
      for (const to of path) {
        const current = await getInitiative(db, ctx, i.id);
        i = await transition(db, ctx, i.id, {
          version: current.version,
          to,
          reason:
            to === 'cancelled'
              ? 'Ersätts av en regiongemensam lösning.'
              : to === 'paused'
                ? 'Väntar på upphandling.'
                : (REASON[to] ?? 'Enligt plan.'),
        });
      }
    }
  }
  // Two versions of the health care roadmap (one initiative moved a year, one added between them), and the region's.
  const hsRoadmap = { unitId: units.HSN!, fromYear: year, horizonYears: 3 };
  await createRoadmap(db, ctx, { name: `Färdplan HS ${year} v.0.1`, ...hsRoadmap });
  const hsf = (
    await listInitiatives(db, ctx, { ownerUnitId: units.HSF!, phase: 'idea', limit: 5, offset: 0 })
  ).items[0];
  if (hsf)
    await updateInitiative(db, ctx, hsf.id, { version: hsf.version, startOn: `${year + 2}-03-01` });
  await createInitiative(db, ctx, {
    title: 'Digital triage på akuten',
    category: 'innovation',
    workKind: 'digitalisation',
    ownerUnitId: units.LSN!,
    ownerPersonId: staff[0]!,
    startOn: `${year + 1}-09-01`,
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
    scores: [{ criterion: 'core_benefit', score: 5 }],
  });
  await createRoadmap(db, ctx, { name: `Färdplan HS ${year} v.0.2`, ...hsRoadmap });
  await createRoadmap(db, ctx, {
    name: `Regionens digitala färdplan ${year}`,
    unitId: null,
    fromYear: year,
    horizonYears: 5,
  });

  // A prioritisation round for the council: the proposal, and the council's decision (it swapped one initiative).
  const round = await createRound(db, ctx, {
    name: `Prioritering inför ${year + 1}`,
    forumId: forums.council!,
    fromYear: year + 1,
    toYear: year + 1,
    budget: 12_000_000,
    hours: 6_000,
  });
  const chosen = [
    ...round.proposedIds.slice(0, -1),
    ...round.ranking
      .map((r) => r.id)
      .filter((id) => !round.proposedIds.includes(id))
      .slice(0, 1),
  ];
  const roundDecision = (
    await createDecision(db, ctx, {
      // The council prepares; the regional director decides at its meeting (issue 16).
      kind: 'executive',
      decidedByTitle: 'Regiondirektör',
      forumId: forums.council!,
      decidedOn: `${year}-10-15`,
      level: 'delegated',
      outcome: 'approved',
      title: `Prioritering av digitaliseringsinitiativ inför ${year + 1}`,
    })
  ).id;
  await decideRound(db, ctx, round.id, {
    version: round.version,
    decidedIds: chosen,
    decisionId: roundDecision,
  });

  // Top lists: last year's ten most important, adopted by the regional board and followed up
  // three times of the four planned (behind); this year's, followed up once with two entries
  // left without status ("status saknas"); a list with its own cadence; and an archived one.
  const running = (await listInitiatives(db, ctx, { phase: 'running', limit: 10, offset: 0 }))
    .items;
  const today = now.toISOString().slice(0, 10);
  const listDecision = async (y: number, paragraph: string) =>
    (
      await createDecision(db, ctx, {
        kind: 'decision',
        bodyUnitId: units.RS!,
        decidedOn: `${y - 1}-12-12`,
        paragraph,
        caseNumber: `RS ${y - 1}/14${paragraph}`,
        level: 'board',
        outcome: 'approved',
        title: `De viktigaste digitaliseringsinitiativen ${y}`,
      })
    ).id;
  const effects = [
    'Kortare väntetider för invånarna',
    'Mindre dubbeldokumentation för personalen',
    'Lägre kostnad per ärende',
    null,
  ];
  const lastYear = await createTopList(db, ctx, {
    name: `De tio viktigaste initiativen ${year - 1}`,
    year: year - 1,
    decisionId: await listDecision(year - 1, '301'),
    entries: running.map((i, k) => ({
      initiativeId: i.id,
      expectedEffects: effects[k % effects.length] ?? null,
      benefitIds: [],
    })),
  });
  const status = (k: number, q: number): TopStatus =>
    (k + q) % 7 === 0 ? 'paused' : q === 2 && k % 5 === 4 ? 'closed' : 'ongoing';
  for (const [q, heldOn] of [
    `${year - 1}-02-20`,
    `${year - 1}-05-22`,
    `${year - 1}-11-13`,
  ].entries())
    await recordTopFollowUp(db, ctx, lastYear.id, {
      heldOn,
      forum: 'Regionledningsgruppen',
      entries: running.map((i, k) => ({
        initiativeId: i.id,
        status: status(k, q),
        effects: q === 0 ? 'not_started' : k % 3 === 0 ? 'fully' : 'partly',
        effectsReached: Math.min(100, 10 + q * 20 + k * 3),
        comment: k % 3 === 0 ? 'Leveransen försenad av upphandlingen.' : null,
      })),
    });
  const thisYear = await createTopList(db, ctx, {
    name: `De viktigaste initiativen ${year}`,
    year,
    decisionId: await listDecision(year, '298'),
    entries: running.slice(0, 8).map((i, k) => ({
      initiativeId: i.id,
      expectedEffects: effects[(k + 1) % effects.length] ?? null,
      benefitIds: [],
    })),
  });
  const lately = new Date(now.getTime() - 10 * 86_400_000).toISOString().slice(0, 10);
  await recordTopFollowUp(db, ctx, thisYear.id, {
    heldOn: lately < today ? lately : today,
    forum: 'Regionledningsgruppen',
    // Two entries were not reported on: they show "status saknas", not last year's status.
    entries: running.slice(0, 6).map((i, k) => ({
      initiativeId: i.id,
      status: status(k, 3),
      effects: k % 2 ? 'partly' : 'not_started',
      comment: k === 1 ? 'Pausad i väntan på ny upphandling.' : null,
    })),
  });
  await createTopList(db, ctx, {
    name: `Topplista kollektivtrafik ${year}`,
    year,
    followUpsPerYear: 2,
    entries: running.slice(6, 9).map((i) => ({
      initiativeId: i.id,
      expectedEffects: 'Fler resenärer som planerar resan digitalt',
      benefitIds: [],
    })),
  });
  const replaced = await createTopList(db, ctx, {
    name: `Utkast till topplista ${year}`,
    year,
    entries: running.slice(0, 2).map((i) => ({ initiativeId: i.id, benefitIds: [] })),
  });
  await updateTopList(db, ctx, replaced.id, { version: replaced.version, archived: true });

  // An initiative that touches only its own administration's units (not cross-unit, decided by
  // its board), citing a strategy past its validity ("giltighetstid passerad").
  const oldStrategy = (
    await createDocument(db, ctx, {
      title: 'Strategi för digitala vårdtjänster 2021–2024',
      type: 'strategi',
      state: 'adopted',
      ownerUnitId: units.HSF!,
      adoptedByUnitId: units.HSN!,
      adoptionLevel: 'board',
      adoptedOn: '2021-03-18',
      validFrom: '2021-04-01',
      validTo: `${year - 1}-06-30`,
      goalIds: [],
      description: 'Påhittad strategi i demoregionen; giltighetstiden har passerat.',
    })
  ).id;
  const own = await createInitiative(db, ctx, {
    title: 'Gemensam schemaläggning i hälso- och sjukvården',
    category: 'replacement',
    workKind: 'digitalisation',
    ownerUnitId: units.HSF!,
    ownerPersonId: people.editor ?? null,
    affectedUnitIds: [units.PV!, units.PSY!, units.LSN!],
    goalIds: [],
    strategicAreas: ['Effektiv verksamhet'],
    systemIds: [],
    dependsOnIds: [],
    decisionIds: [],
    documentIds: [oldStrategy],
    decisionId: decisionOf.HSN!,
    investment: [],
    costSplit: [],
    resourceNeed: [],
    risks: [],
    scores: [],
    description: 'Förvaltningens egna avdelningar: nämnden beslutar, rådet bereder inte.',
  });
  let v = own.version;
  for (const to of ['preparation', 'decided'] as const)
    v = (
      await transition(db, ctx, own.id, {
        version: v,
        to,
        reason: REASON[to] ?? 'Enligt plan.',
      })
    ).version;

  // From the region's old list, as found: work started without a decision, a cross-unit initiative decided
  // by one administration alone, and one closed without any benefits plan.
  const found: [string, string, Phase, Partial<InitiativeInput>][] = [
    ['Lokal bokningsapp (påbörjad utan beslut)', 'PSY', 'running', {}],
    ['Egen lärplattform på folkhögskolan', 'FHS', 'running', {}],
    [
      'Gemensamt kontaktcenter (beslutat av en förvaltning)',
      'HSF',
      'running',
      { affectedUnitIds: [units.KTF!, units.KBF!], decisionId: decisionOf.HSN! },
    ],
    ['Webbplatsbyte (avslutat utan nyttoplan)', 'DIG', 'closed', { decisionId: decisionOf.RS! }],
  ];
  for (const [title, owner, phase, extra] of found)
    await registerFoundInitiative(db, ctx, {
      title,
      category: 'new_service',
      ownerUnitId: units[owner]!,
      ownerPersonId: people.editor ?? null,
      description: 'Registrerat från regionens tidigare förteckning.',
      ...extra,
      phase,
    } as InitiativeInput & { phase: Phase });
}
