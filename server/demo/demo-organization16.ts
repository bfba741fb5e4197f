import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Ctx } from '../platform/context.js';
import { tenants } from '../platform/tables.js';
import { updateSettings } from '../platform/tenant-routes.js';
import { settingsSections } from '../modules/registry.js';
import { createForum } from '../modules/organization/forums.service.js';
import type { CaseNumberWords } from '../modules/organization/settings.js';
import { createDecision, createMeeting } from '../modules/organization/decisions.service.js';

type Refs = {
  units: Record<string, string>;
  people: Record<string, string>;
  forums: Record<string, string>;
};

const daysAgo = (now: Date, n: number) =>
  new Date(now.getTime() - n * 86_400_000).toISOString().slice(0, 10);

/**
 * Forums and decisions as the seeds keep them (invented content): a forum planned and one under
 * establishment, an executive decision by the regional director with no paragraph, dates known
 * only to the month or not at all, a case number in another format, recommendations from the
 * preparing council, and information items tagged by subject and linked to what they report on.
 */
export async function loadDemoOrganization16(
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
  const words: CaseNumberWords = {
    caseNumberExample: 'RS 2022/1850',
    caseNumberDescription: 'organets förkortning, mellanslag, år, snedstreck och löpnummer',
  };
  await updateSettings(db, ctx, settingsSections, { version: tenant!.version, ...words });

  // An executive decision by the regional director (verkställighetsbeslut): no paragraph, no body.
  const setUp = await createDecision(db, ctx, {
    kind: 'executive',
    decidedByTitle: 'Regiondirektör',
    decidedByPersonId: people.director!,
    decidedOn: daysAgo(now, 30),
    level: 'official',
    title: 'Verkställighetsbeslut: inrättande av portföljråd för digitalisering',
    body: 'Regiondirektören inrättar ett portföljråd som ska börja arbeta när ledamöterna är utsedda.',
  });
  await createForum(db, ctx, {
    parentUnitId: units.RLK!,
    name: 'Portföljrådet',
    kind: 'portfolio_council',
    level: 'official',
    lifecycle: 'under_establishment',
    mandate: 'prepares',
    mandateDecisionId: setUp.id,
    establishedDecisionId: setUp.id,
    meetingsPerYear: 6,
    cadenceText: 'Startar efter sommaren',
  });
  await createForum(db, ctx, {
    parentUnitId: units.DIG!,
    name: 'AI-verkstaden',
    kind: 'other',
    level: 'official',
    lifecycle: 'planned',
    description: 'Planerad verkstad för AI-tillämpningar. Mandat och sammansättning är inte klara.',
  });

  // The preparing council recommends; it does not decide.
  await createDecision(db, ctx, {
    kind: 'recommendation',
    forumId: forums.council!,
    decidedOn: daysAgo(now, 20),
    level: 'delegated',
    outcome: 'approved',
    title: 'Rekommendation: gemensam plattform för e-tjänster prioriteras',
    body: 'Rådet rekommenderar regionledningen att prioritera plattformen inför nästa år.',
  });
  await createDecision(db, ctx, {
    kind: 'information',
    forumId: forums.council!,
    decidedOn: daysAgo(now, 80),
    level: 'delegated',
    title: 'Information om arkitekturrådets granskningar',
    subjects: ['arkitektur', 'digitalisering'],
  });

  // Dates as the documents give them: a month only, or not at all.
  await createDecision(db, ctx, {
    kind: 'decision',
    bodyUnitId: units.KBN!,
    decidedOn: '2024-08-01',
    datePrecision: 'month',
    paragraph: '51',
    level: 'board',
    outcome: 'approved',
    title: 'Handlingsplan för digital kompetens i folkbildningen',
  });
  await createDecision(db, ctx, {
    kind: 'decision',
    bodyUnitId: units.LS!,
    datePrecision: 'unknown',
    level: 'board',
    outcome: 'approved',
    title: 'Riktlinjer för e-post och meddelandehantering (datum framgår ej)',
    body: 'Beslutet nämns i regionens dokumentförteckning; datum och paragraf framgår inte.',
  });
  // A case number written another way than the region's format: saved, with a warning in words.
  await createDecision(db, ctx, {
    kind: 'decision',
    bodyUnitId: units.KTN!,
    decidedOn: `${year - 1}-09-12`,
    paragraph: '88',
    caseNumber: 'KTN-2025-0412',
    level: 'board',
    outcome: 'approved',
    title: 'Digital reseplanerare: införande',
  });

  // Information to the boards on digitalisation, counted per body and year.
  const hsnMeetings = [`${year}-02-18`, `${year}-04-22`, `${year}-09-16`];
  for (const [n, heldOn] of hsnMeetings.entries()) {
    const meeting = await createMeeting(db, ctx, {
      bodyUnitId: units.HSN!,
      heldOn,
      title: 'HSN sammanträde',
      agenda: [{ title: 'Digitaliseringsläget', isStanding: true }],
    });
    if (heldOn > now.toISOString().slice(0, 10)) continue;
    await createDecision(db, ctx, {
      kind: 'information',
      bodyUnitId: units.HSN!,
      meetingId: meeting.meeting.id,
      decidedOn: heldOn,
      paragraph: String(20 + n * 17),
      level: 'board',
      title: `Information om digitaliseringsläget i hälso- och sjukvården (${n + 1})`,
      subjects: ['digitalisering'],
      links: [{ kind: 'document', label: 'Digitala färdplanen för hälso- och sjukvården' }],
    });
  }
  await createDecision(db, ctx, {
    kind: 'information',
    bodyUnitId: units.RS!,
    decidedOn: `${year}-03-10`,
    paragraph: '44',
    level: 'board',
    title: 'Information om digitaliseringsstrategins uppföljning',
    subjects: ['digitalisering', 'uppföljning'],
    links: [{ kind: 'document', label: 'Digital agenda 2030' }],
  });
}
