import { and, asc, eq, inArray, isNull, isNotNull, ne, sql } from 'drizzle-orm';
import {
  entryStanding,
  followUpStanding,
  plannedFollowUps,
  TopFollowUpInput,
  TopListInput,
  TopListUpdate,
  type TopListEntryInput,
} from '../../../domain/portfolio/toplist.js';
import { evidenceOf } from '../../../domain/shared/evidence.js';
import { invalid } from '../../../domain/shared/errors.js';
import type { Db, Tx } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import { tenants } from '../../platform/tables.js';
import { assertAllOwned, findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import { assertDocumentsOwned, documentsByIds } from '../documents/index.js';
import { assertAdoptingDecision, decisionsWithProposals } from '../organization/index.js';
import { topFollowUpsPerYear } from './settings.js';
import { benefits, initiatives, topFollowUps, topLists } from './tables.js';

type ListRow = typeof topLists.$inferSelect;
type FollowUpRow = typeof topFollowUps.$inferSelect;
type Read = Db | Tx;

/** The region's planned follow-ups a year (the portfolio setting, default four). */
export async function followUpsPerYearSetting(db: Read, tenantId: string): Promise<number> {
  const [t] = await db
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return topFollowUpsPerYear(t?.settings ?? {});
}

const listHref = (id: string) => `/portfolj/viktigaste?lista=${id}`;

/** Everything the lists' views need, read once for many lists. */
async function gather(db: Read, ctx: Ctx, rows: ListRow[]) {
  const listIds = rows.map((r) => r.id);
  const followUps = listIds.length
    ? await db
        .select()
        .from(topFollowUps)
        .where(and(eq(topFollowUps.tenantId, ctx.tenantId), inArray(topFollowUps.listId, listIds)))
        .orderBy(asc(topFollowUps.heldOn), asc(topFollowUps.createdAt))
    : [];
  const initiativeIds = [...new Set(rows.flatMap((r) => r.initiativeIds))];
  const inits = initiativeIds.length
    ? await db
        .select({ id: initiatives.id, title: initiatives.title, phase: initiatives.phase })
        .from(initiatives)
        .where(and(eq(initiatives.tenantId, ctx.tenantId), inArray(initiatives.id, initiativeIds)))
    : [];
  const benefitIds = [
    ...new Set(rows.flatMap((r) => Object.values(r.entryEffects).flatMap((e) => e.benefitIds))),
  ];
  const bens = benefitIds.length
    ? await db
        .select({ id: benefits.id, measure: benefits.measure, initiativeId: benefits.initiativeId })
        .from(benefits)
        .where(and(eq(benefits.tenantId, ctx.tenantId), inArray(benefits.id, benefitIds)))
    : [];
  const today = todayOf(ctx.now);
  const docs = await documentsByIds(
    db,
    ctx,
    rows.map((r) => r.cadenceDocumentId).filter((x): x is string => Boolean(x)),
    today,
  );
  const decisions = await decisionsWithProposals(
    db,
    ctx,
    rows.map((r) => r.decisionId),
  );
  return {
    followUps,
    initiative: new Map(inits.map((i) => [i.id, i])),
    benefit: new Map(bens.map((b) => [b.id, b])),
    document: new Map(docs.map((d) => [d.id, d])),
    decisions,
    setting: await followUpsPerYearSetting(db, ctx.tenantId),
    today,
  };
}
type Gathered = Awaited<ReturnType<typeof gather>>;

const followUpTitle = (f: FollowUpRow) => `Uppföljning ${f.heldOn}${f.forum ? `, ${f.forum}` : ''}`;

function view(r: ListRow, g: Gathered) {
  const followUps = g.followUps.filter((f) => f.listId === r.id);
  const latest = followUps.at(-1) ?? null;
  const doc = r.cadenceDocumentId ? (g.document.get(r.cadenceDocumentId) ?? null) : null;
  const cadence = plannedFollowUps(r.followUpsPerYear, doc?.followUpsPerYear ?? null, g.setting);
  const standing = followUpStanding(
    followUps.map((f) => f.heldOn),
    cadence.planned,
    r.year,
    g.today,
  );
  const entries = r.initiativeIds.map((id) => ({ initiativeId: id }));
  const d = r.decisionId ? g.decisions.get(r.decisionId) : undefined;
  const latestStanding = entryStanding(entries, latest);
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    year: r.year,
    archived: r.archivedAt !== null,
    decisionId: r.decisionId,
    decision: d
      ? {
          id: d.id,
          title: d.title,
          level: d.level,
          decidedOn: d.decidedOn,
          paragraph: d.paragraph,
          caseNumber: d.caseNumber,
          bodyShortName: d.bodyShortName,
        }
      : null,
    followUpsPerYear: r.followUpsPerYear,
    cadenceDocumentId: r.cadenceDocumentId,
    cadenceDocument: doc
      ? {
          id: doc.id,
          title: doc.title,
          followUpsPerYear: doc.followUpsPerYear,
          expired: doc.expired,
          validTo: doc.validTo,
        }
      : null,
    planned: cadence.planned,
    cadenceSource: cadence.source,
    /** The follow-ups held in the list's year: "n av m uppföljningar genomförda <år>". */
    held: evidenceOf(
      followUps
        .filter((f) => f.heldOn.startsWith(`${r.year}-`))
        .map((f) => ({
          entity: 'top_follow_up',
          id: f.id,
          title: followUpTitle(f),
          href: listHref(r.id),
          detail: null,
        })),
    ),
    due: standing.due,
    behind: standing.behind,
    entries: latestStanding.map((s) => {
      const i = g.initiative.get(s.initiativeId);
      const effects = r.entryEffects[s.initiativeId];
      return {
        initiativeId: s.initiativeId,
        title: i?.title ?? '—',
        phase: i?.phase ?? null,
        expectedEffects: effects?.expectedEffects ?? null,
        benefits: (effects?.benefitIds ?? []).flatMap((id) => {
          const b = g.benefit.get(id);
          return b ? [{ id: b.id, measure: b.measure }] : [];
        }),
        /** As the latest follow-up recorded it; status null is "status saknas". */
        latest: latest ? { ...s, heldOn: latest.heldOn } : null,
      };
    }),
    followUps: followUps.map((f) => ({
      id: f.id,
      heldOn: f.heldOn,
      forum: f.forum,
      entries: entryStanding(entries, f),
    })),
  };
}
export type TopListView = ReturnType<typeof view>;

/** The lists of a year (every year when none is named), by year and name; archived ones only when asked. */
export async function listTopLists(
  db: Read,
  ctx: Ctx,
  q: { year?: number | undefined; archived?: boolean | undefined },
) {
  authorize(ctx, 'org.read');
  const rows = await db
    .select()
    .from(topLists)
    .where(
      and(
        eq(topLists.tenantId, ctx.tenantId),
        q.year ? eq(topLists.year, q.year) : undefined,
        q.archived ? isNotNull(topLists.archivedAt) : isNull(topLists.archivedAt),
      ),
    )
    .orderBy(sql`${topLists.year} DESC`, asc(topLists.name));
  const g = await gather(db, ctx, rows);
  return rows.map((r) => view(r, g));
}

export async function getTopList(db: Read, ctx: Ctx, id: string) {
  authorize(ctx, 'org.read');
  const row = await findOwned(db, topLists, ctx, id, 'topList');
  return view(row, await gather(db, ctx, [row]));
}

/** The entries' initiatives are the tenant's, and each linked benefit is its own initiative's. */
async function checkEntries(db: Read, ctx: Ctx, entries: readonly TopListEntryInput[]) {
  await assertAllOwned(
    db,
    initiatives,
    ctx,
    entries.map((e) => e.initiativeId),
    'initiative',
  );
  const ids = entries.flatMap((e) => e.benefitIds);
  if (ids.length === 0) return;
  const rows = await db
    .select({ id: benefits.id, initiativeId: benefits.initiativeId })
    .from(benefits)
    .where(and(eq(benefits.tenantId, ctx.tenantId), inArray(benefits.id, ids)));
  const of = new Map(rows.map((b) => [b.id, b.initiativeId]));
  const errors = entries.flatMap((e, k) =>
    e.benefitIds.flatMap((b, n) =>
      of.get(b) === e.initiativeId
        ? []
        : [{ path: `entries.${k}.benefitIds.${n}`, key: 'portfolio.top.benefitNotOfInitiative' }],
    ),
  );
  if (errors.length) throw invalid('errors.validation', errors);
}

async function checkName(db: Read, ctx: Ctx, name: string, year: number, selfId: string | null) {
  const [other] = await db
    .select({ id: topLists.id })
    .from(topLists)
    .where(
      and(
        eq(topLists.tenantId, ctx.tenantId),
        eq(topLists.year, year),
        sql`lower(${topLists.name}) = lower(${name})`,
        selfId ? ne(topLists.id, selfId) : undefined,
      ),
    );
  if (other)
    throw invalid('errors.validation', [
      { path: 'name', key: 'portfolio.top.nameTaken', params: { name, year } },
    ]);
}

const effectsOf = (entries: readonly TopListEntryInput[]) =>
  Object.fromEntries(
    entries.map((e) => [
      e.initiativeId,
      { expectedEffects: e.expectedEffects ?? null, benefitIds: [...new Set(e.benefitIds)] },
    ]),
  );

export async function createTopList(db: Db, ctx: Ctx, raw: TopListInput) {
  const input = parseInput(TopListInput, raw, ctx.lang);
  authorize(ctx, 'portfolio.edit');
  await assertAdoptingDecision(db, ctx, input.decisionId, 'decisionId');
  await assertDocumentsOwned(db, ctx, [input.cadenceDocumentId]);
  await checkEntries(db, ctx, input.entries);
  await checkName(db, ctx, input.name, input.year, null);
  return db.transaction(async (tx) => {
    const row = await createAudited(
      tx,
      ctx,
      topLists,
      {
        name: input.name,
        year: input.year,
        decisionId: input.decisionId ?? null,
        followUpsPerYear: input.followUpsPerYear ?? null,
        cadenceDocumentId: input.cadenceDocumentId ?? null,
        initiativeIds: input.entries.map((e) => e.initiativeId),
        entryEffects: effectsOf(input.entries),
      },
      { entity: 'top_list' },
    );
    return getTopList(tx, ctx, row.id);
  });
}

export async function updateTopList(db: Db, ctx: Ctx, id: string, raw: TopListUpdate) {
  const input = parseInput(TopListUpdate, raw, ctx.lang);
  authorize(ctx, 'portfolio.edit');
  const before = await findOwned(db, topLists, ctx, id, 'topList');
  if (input.decisionId !== undefined)
    await assertAdoptingDecision(db, ctx, input.decisionId, 'decisionId');
  await assertDocumentsOwned(db, ctx, [input.cadenceDocumentId]);
  if (input.entries) await checkEntries(db, ctx, input.entries);
  if (input.name !== undefined || input.year !== undefined)
    await checkName(db, ctx, input.name ?? before.name, input.year ?? before.year, id);
  const { version, entries, archived, ...rest } = input;
  const changes: Partial<typeof topLists.$inferInsert> = { ...rest };
  if (entries) {
    changes.initiativeIds = entries.map((e) => e.initiativeId);
    changes.entryEffects = effectsOf(entries);
  }
  if (archived !== undefined) changes.archivedAt = archived ? (before.archivedAt ?? ctx.now) : null;
  return db.transaction(async (tx) => {
    await updateAudited(tx, ctx, topLists, id, version, changes, {
      entity: 'top_list',
      notFound: 'topList',
      before,
    });
    return getTopList(tx, ctx, id);
  });
}

/**
 * A follow-up of one list: per entry what the meeting said. An entry it leaves out, or gives no
 * status, stays "status saknas" for this follow-up; only the list's own initiatives are followed up.
 */
export async function recordTopFollowUp(db: Db, ctx: Ctx, listId: string, raw: TopFollowUpInput) {
  const input = parseInput(TopFollowUpInput, raw, ctx.lang);
  authorize(ctx, 'portfolio.edit');
  const list = await findOwned(db, topLists, ctx, listId, 'topList');
  const onList = new Set(list.initiativeIds);
  const errors = [
    ...(input.heldOn > todayOf(ctx.now)
      ? [{ path: 'heldOn', key: 'portfolio.top.heldAhead' }]
      : []),
    ...input.entries.flatMap((e, k) =>
      onList.has(e.initiativeId)
        ? []
        : [{ path: `entries.${k}.initiativeId`, key: 'portfolio.top.notOnList' }],
    ),
  ];
  if (errors.length) throw invalid('errors.validation', errors);
  return db.transaction(async (tx) => {
    const row = await createAudited(
      tx,
      ctx,
      topFollowUps,
      {
        listId,
        heldOn: input.heldOn,
        forum: input.forum ?? null,
        entries: input.entries.map((e) => ({
          initiativeId: e.initiativeId,
          status: e.status ?? null,
          effects: e.effects ?? null,
          effectsReached: e.effectsReached ?? null,
          comment: e.comment ?? null,
        })),
      },
      { entity: 'top_follow_up' },
    );
    return { id: row.id, list: await getTopList(tx, ctx, listId) };
  });
}
