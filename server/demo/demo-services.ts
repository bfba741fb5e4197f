import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Ctx } from '../platform/context.js';
import { tenants } from '../platform/tables.js';
import { updateSettings } from '../platform/tenant-routes.js';
import { settingsSections } from '../modules/registry.js';
import { createNode } from '../modules/services/ownership.service.js';
import {
  createIntegration,
  createObject,
  createPlan,
} from '../modules/services/objects.service.js';

export type DemoSystem = {
  id: string;
  name: string;
  capability: string;
  owner: string;
  lifecycle: string;
};
type Refs = {
  units: Record<string, string>;
  people: Record<string, string>;
  forums: Record<string, string>;
  systems: DemoSystem[];
};

/** Which capabilities each service area covers, under which coordination area. */
const AREAS: {
  name: string;
  board: string;
  owner: string;
  appointedBy: string;
  serviceAreas: { name: string; owner: string | null; capabilities: string[]; extra: string[] }[];
}[] = [
  {
    name: 'Vård och hälsa',
    board: 'HSN',
    owner: 'hsfchef',
    appointedBy: 'hsnordf',
    serviceAreas: [
      {
        name: 'Vårddokumentation',
        owner: 'hsfchef',
        capabilities: ['journalföring', 'läkemedel'],
        extra: ['Tolktjänst på distans'],
      },
      {
        name: 'Diagnostik',
        owner: 'hsfchef',
        capabilities: ['labb', 'röntgen'],
        extra: ['Bilddelning med andra regioner'],
      },
      {
        name: 'Vårdmöten och bokning',
        owner: 'editor',
        capabilities: ['tidbokning', 'e-tjänster'],
        extra: ['Digitala vårdmöten', 'Egen provhantering i hemmet'],
      },
      {
        name: 'Vårdens uppföljning',
        owner: null,
        capabilities: ['rapportering'],
        extra: ['Kvalitetsregister'],
      },
    ],
  },
  {
    name: 'Gemensam administration',
    board: 'RS',
    owner: 'director',
    appointedBy: 'rsordf',
    serviceAreas: [
      {
        name: 'Ekonomi och lön',
        owner: 'cdo',
        capabilities: ['ekonomi', 'lön', 'inköp'],
        extra: ['Reseräkningar'],
      },
      {
        name: 'Dokument och ärenden',
        owner: 'cdo',
        capabilities: ['dokumenthantering', 'diarieföring', 'ärendehantering'],
        extra: ['E-arkiv'],
      },
      {
        name: 'Samarbete och information',
        owner: 'itchef',
        capabilities: ['intranät'],
        extra: ['Videomöten', 'E-post och kalender'],
      },
      {
        name: 'Identitet och integration',
        owner: 'itchef',
        capabilities: ['identitet', 'integration'],
        extra: [],
      },
    ],
  },
  {
    name: 'Samhälle, trafik och kultur',
    board: 'KTN',
    owner: 'ktfchef',
    appointedBy: 'rsordf',
    serviceAreas: [
      {
        name: 'Kollektivtrafik',
        owner: 'ktfchef',
        capabilities: ['biljetter', 'trafikplanering'],
        extra: ['Färdtjänstbokning'],
      },
      {
        name: 'Utbildning och kultur',
        owner: null,
        capabilities: ['lärplattform', 'bibliotek'],
        extra: ['Kulturkalender'],
      },
      {
        name: 'Regional utveckling',
        owner: 'arkitekt',
        capabilities: [],
        extra: ['Bredbandskartan', 'Öppna data'],
      },
    ],
  },
];

/** The board that owns a local copy of a shared service, for each capability that has one. */
const LOCAL_COPY: Record<string, string> = {
  journalföring: 'RUN',
  tidbokning: 'KBN',
  'e-tjänster': 'KTN',
  ekonomi: 'SN',
  lön: 'KBN',
  dokumenthantering: 'HSN',
  ärendehantering: 'RUN',
  intranät: 'HSN',
  biljetter: 'RUN',
  lärplattform: 'RUN',
};
const MANDATORY = new Set(['identitet', 'intranät', 'diarieföring', 'ekonomi']);
const EXTERNAL: Record<
  string,
  { name: string; kind: 'region' | 'municipality' | 'private_provider' | 'other' }[]
> = {
  tidbokning: [{ name: 'Privata vårdcentraler i vårdvalet', kind: 'private_provider' }],
  'Digitala vårdmöten': [
    { name: 'Privata vårdcentraler i vårdvalet', kind: 'private_provider' },
    { name: 'Region Fjällmark', kind: 'region' },
  ],
  biljetter: [{ name: 'Region Fjällmark (länsöverskridande resor)', kind: 'region' }],
  'Bilddelning med andra regioner': [
    { name: 'Region Fjällmark', kind: 'region' },
    { name: 'Region Kustland', kind: 'region' },
  ],
  Färdtjänstbokning: [
    { name: 'Norrsunds kommun', kind: 'municipality' },
    { name: 'Åby kommun', kind: 'municipality' },
  ],
};
const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The ownership model of the demo region: 3 coordination areas, 11 service areas and about 40
 * digital services over the invented system register, with local duplicates (some approved),
 * mandatory services, users outside the region, gaps in who is responsible, management objects with
 * plans for this year and next, and integrations between systems. The council and the regional
 * director top every escalation path.
 */
export async function loadDemoOwnership(
  db: Db,
  ctx: Ctx,
  { units, people, forums, systems }: Refs,
  now: Date,
) {
  const year = now.getFullYear();
  const [tenant] = await db
    .select({ version: tenants.version })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  await updateSettings(db, ctx, settingsSections, {
    version: tenant!.version,
    councilForumId: forums.council!,
    regionalDirectorPersonId: people.director!,
  });
  const live = systems.filter((s) => s.lifecycle !== 'phased_out');
  let n = 0;
  for (const area of AREAS) {
    const ca = await createNode(db, ctx, {
      kind: 'coordination_area',
      name: area.name,
      owningUnitId: units[area.board]!,
      responsiblePersonId: people[area.owner]!,
      responsibleAppointedById: people[area.appointedBy]!,
      responsibleAppointedOn: `${year - 2}-02-01`,
      mandatory: false,
      externalUsers: [],
      systemIds: [],
    });
    for (const sa of area.serviceAreas) {
      const areaNode = await createNode(db, ctx, {
        kind: 'service_area',
        parentId: ca.id,
        name: sa.name,
        mandatory: false,
        externalUsers: [],
        systemIds: [],
        responsiblePersonId: sa.owner ? people[sa.owner]! : null,
        responsibleAppointedById: sa.owner ? people[area.owner]! : null,
        responsibleAppointedOn: sa.owner ? `${year - 2}-03-01` : null,
      });
      for (const cap of sa.capabilities) {
        n += 1;
        const mine = live.filter((s) => s.capability === cap);
        const copyBoard = LOCAL_COPY[cap];
        const shared = await createNode(db, ctx, {
          kind: 'service',
          parentId: areaNode.id,
          name: title(cap),
          owningUnitId: units[area.board]!,
          mandatory: MANDATORY.has(cap),
          externalUsers: EXTERNAL[cap] ?? [],
          responsiblePersonId: n % 7 === 0 ? null : people[sa.owner ?? area.owner]!,
          responsibleAppointedById: n % 7 === 0 || n % 5 === 0 ? null : people[area.owner]!,
          responsibleAppointedOn: `${year - 1}-01-15`,
          systemIds: (copyBoard ? mine.filter((_, i) => i % 2 === 0) : mine).map((s) => s.id),
        });
        if (!copyBoard) continue;
        const approved = n % 3 === 0;
        await createNode(db, ctx, {
          kind: 'service',
          parentId: areaNode.id,
          name: `${title(cap)} (lokal, ${copyBoard})`,
          owningUnitId: units[copyBoard]!,
          mandatory: false,
          externalUsers: [],
          responsiblePersonId: people.editor!,
          responsibleAppointedById: people.hsfchef!,
          responsibleAppointedOn: `${year - 1}-04-01`,
          duplicateOfId: shared.id,
          duplicateApprovedById: approved ? people[sa.owner ?? area.owner]! : null,
          duplicateApprovedOn: approved ? `${year - 1}-05-01` : null,
          systemIds: mine.filter((_, i) => i % 2 === 1).map((s) => s.id),
        });
      }
      for (const name of sa.extra) {
        n += 1;
        await createNode(db, ctx, {
          kind: 'service',
          parentId: areaNode.id,
          name,
          owningUnitId: units[area.board]!,
          mandatory: false,
          externalUsers: EXTERNAL[name] ?? [],
          systemIds: [],
          responsiblePersonId: n % 4 === 0 ? null : people[sa.owner ?? area.owner]!,
          responsibleAppointedById: n % 4 === 0 ? null : people[area.owner]!,
        });
      }
    }
  }

  // Management objects: one per group of capabilities, with this year's adopted plan and next year's draft.
  const objects: [string, string, string[], string, string | null][] = [
    ['Vårdinformation', 'HSN', ['journalföring', 'läkemedel'], 'hsfchef', 'editor'],
    ['Diagnostiksystem', 'HSN', ['labb', 'röntgen'], 'hsfchef', 'arkitekt'],
    ['Invånartjänster', 'HSN', ['tidbokning', 'e-tjänster'], 'hsfchef', 'editor'],
    ['Ekonomi och HR', 'RS', ['ekonomi', 'lön', 'inköp'], 'cdo', 'itchef'],
    ['Dokument och arkiv', 'RS', ['dokumenthantering', 'diarieföring'], 'cdo', null],
    [
      'Infrastruktur och identitet',
      'SN',
      ['identitet', 'integration', 'intranät'],
      'itchef',
      'arkitekt',
    ],
    ['Kollektivtrafiksystem', 'KTN', ['biljetter', 'trafikplanering'], 'ktfchef', 'ktfchef'],
  ];
  for (const [i, [name, board, caps, owner, manager]] of objects.entries()) {
    const members = systems.filter((s) => caps.includes(s.capability)).slice(0, 18);
    const o = await createObject(db, ctx, {
      name,
      owningUnitId: units[board]!,
      ownerPersonId: people[owner]!,
      managerPersonId: manager ? people[manager]! : null,
      systemIds: members.map((s) => s.id),
      description: `Förvaltningsobjekt för ${caps.join(', ')}.`,
    });
    await createPlan(db, ctx, o.id, {
      year,
      budget: 1_500_000 + i * 400_000,
      status: 'adopted',
      adoptedOn: `${year - 1}-11-${10 + i}`,
      activities: [
        { title: 'Versionsuppgradering', quarter: 2, cost: 250_000 + i * 20_000 },
        { title: 'Utbildning för nya användare', quarter: 3, cost: 60_000 },
        { title: 'Översyn av behörigheter', quarter: 4, cost: 40_000 },
      ],
      plannedChanges:
        'Avveckla överlappande lokala lösningar och flytta användarna till den gemensamma tjänsten.',
    });
    if (i % 2 === 0)
      await createPlan(db, ctx, o.id, {
        year: year + 1,
        budget: 1_600_000 + i * 400_000,
        status: 'draft',
        activities: [{ title: 'Upphandling inför avtalsslut', quarter: 1, cost: 150_000 }],
        plannedChanges: null,
      });
  }

  // Integrations: the journal, lab and imaging exchange; everyone signs in through identity; the platform carries the rest.
  const first = (cap: string, k = 0) => live.filter((s) => s.capability === cap)[k];
  const pairs: [
    string,
    number,
    string,
    number,
    'api' | 'file' | 'message' | 'database' | 'manual' | 'other',
    string,
  ][] = [
    ['labb', 0, 'journalföring', 0, 'message', 'Labbsvar'],
    ['röntgen', 0, 'journalföring', 0, 'message', 'Röntgensvar'],
    ['läkemedel', 0, 'journalföring', 0, 'api', 'Läkemedelslista'],
    ['tidbokning', 0, 'journalföring', 0, 'api', 'Bokade besök'],
    ['journalföring', 0, 'rapportering', 0, 'database', 'Uttag till kvalitetsregister'],
    ['ekonomi', 0, 'rapportering', 0, 'file', 'Månadsbokslut'],
    ['lön', 0, 'ekonomi', 0, 'file', 'Lönefil'],
    ['inköp', 0, 'ekonomi', 0, 'api', 'Fakturor'],
    ['biljetter', 0, 'ekonomi', 0, 'file', 'Försäljning'],
    ['trafikplanering', 0, 'biljetter', 0, 'api', 'Tidtabeller'],
    ['diarieföring', 0, 'dokumenthantering', 0, 'api', 'Handlingar'],
    ['e-tjänster', 0, 'ärendehantering', 0, 'message', 'Ärenden från invånare'],
    ['lärplattform', 0, 'bibliotek', 0, 'manual', 'Kurslitteratur'],
  ];
  for (const [a, ai, b, bi, method, description] of pairs) {
    const from = first(a, ai);
    const to = first(b, bi);
    if (from && to)
      await createIntegration(db, ctx, {
        fromSystemId: from.id,
        toSystemId: to.id,
        method,
        description,
      });
  }
  for (const cap of ['journalföring', 'ekonomi', 'intranät', 'e-tjänster', 'lärplattform']) {
    const idp = first('identitet');
    const to = first(cap);
    if (idp && to)
      await createIntegration(db, ctx, {
        fromSystemId: idp.id,
        toSystemId: to.id,
        method: 'api',
        description: 'Inloggning (SAML/OIDC)',
      });
  }
}
