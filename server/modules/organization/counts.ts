import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { normalizeSubjects } from '../../../domain/organization/decision.js';
import {
  FORUM_FLAGS,
  FORUM_LIFECYCLES,
  type ForumFlag,
  type ForumLifecycle,
} from '../../../domain/organization/forum.js';
import { evidenceOf, type Evidence } from '../../../domain/shared/evidence.js';
import type { Db, Tx } from '../../db/client.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import { allForumViews, type ForumView } from './forums.service.js';
import { decisions, forums, meetings, orgUnits } from './tables.js';

/*
 * The organisation's published counts (readiness hooks): each returns the figure and the records
 * behind it, so readiness checks and reports can cite them and the web can open them. No access
 * check here: callers check (the routes ask for org.read).
 */

type Read = Db | Tx;

const forumRecord = (f: ForumView, detail: string | null = null) => ({
  entity: 'forum',
  id: f.id,
  title: f.name,
  href: `/forum/${f.id}`,
  detail,
});

/** The tenant's forums raising `flag` today (discontinued forums never do). */
export async function forumsWithFlag(db: Read, ctx: Ctx, flag: ForumFlag): Promise<Evidence> {
  const views = await allForumViews(db as Db, ctx);
  return evidenceOf(views.filter((f) => f.flags.includes(flag)).map((f) => forumRecord(f)));
}

/** Per flag, the forums raising it today: the overview's flagged forums, each count opening its forums. */
export async function forumFlagCounts(
  db: Read,
  ctx: Ctx,
): Promise<{ flag: ForumFlag; evidence: Evidence }[]> {
  const views = await allForumViews(db as Db, ctx);
  return FORUM_FLAGS.map((flag) => ({
    flag,
    evidence: evidenceOf(views.filter((f) => f.flags.includes(flag)).map((f) => forumRecord(f))),
  }));
}

/** Per stage (planned, under establishment, active, discontinued), the forums in it today. */
export async function forumsByStatus(
  db: Read,
  ctx: Ctx,
): Promise<{ status: ForumLifecycle; evidence: Evidence }[]> {
  const views = await allForumViews(db as Db, ctx);
  return FORUM_LIFECYCLES.map((status) => ({
    status,
    evidence: evidenceOf(views.filter((f) => f.status === status).map((f) => forumRecord(f))),
  }));
}

/**
 * *n av m planerade möten <år>* per forum with a cadence that was active in the year: held (n,
 * the figure, with the meetings as records), planned (m) and whether it is behind.
 */
export async function forumCadenceOfYear(
  db: Read,
  ctx: Ctx,
  params: { year: number },
): Promise<
  {
    forumId: string;
    name: string;
    held: number;
    planned: number;
    behind: boolean;
    evidence: Evidence;
  }[]
> {
  const views = (await allForumViews(db as Db, ctx)).filter((f) =>
    f.cadence.some((c) => c.year === params.year),
  );
  if (views.length === 0) return [];
  const today = todayOf(ctx.now);
  const held = await db
    .select({ id: meetings.id, forumId: meetings.forumId, heldOn: meetings.heldOn })
    .from(meetings)
    .where(
      and(
        eq(meetings.tenantId, ctx.tenantId),
        gte(meetings.heldOn, `${params.year}-01-01`),
        lte(meetings.heldOn, `${params.year}-12-31`),
        lte(meetings.heldOn, today),
      ),
    )
    .orderBy(asc(meetings.heldOn));
  return views.map((f) => {
    const c = f.cadence.find((x) => x.year === params.year)!;
    const records = held
      .filter((m) => m.forumId === f.id)
      .map((m) => ({
        entity: 'meeting',
        id: m.id,
        title: `${f.name} ${m.heldOn}`,
        href: `/forum/${f.id}`,
        detail: m.heldOn,
      }));
    return {
      forumId: f.id,
      name: f.name,
      held: c.held,
      planned: c.planned,
      behind: c.behind,
      evidence: evidenceOf(records),
    };
  });
}

/**
 * How often each body (or forum) was informed on a subject in a year: the information items
 * tagged with the subject and dated in the year (auditors count these against the minutes'
 * paragraphs). Items with an unknown date belong to no year.
 */
export async function informationCounts(
  db: Read,
  ctx: Ctx,
  params: { subject: string; year: number },
): Promise<{ holderId: string; holderName: string; evidence: Evidence }[]> {
  const [subject] = normalizeSubjects([params.subject]);
  if (!subject) return [];
  const rows = await db
    .select({
      id: decisions.id,
      title: decisions.title,
      decidedOn: decisions.decidedOn,
      paragraph: decisions.paragraph,
      bodyUnitId: decisions.bodyUnitId,
      bodyName: orgUnits.name,
      forumId: decisions.forumId,
      forumName: forums.name,
    })
    .from(decisions)
    .leftJoin(orgUnits, eq(orgUnits.id, decisions.bodyUnitId))
    .leftJoin(forums, eq(forums.id, decisions.forumId))
    .where(
      and(
        eq(decisions.tenantId, ctx.tenantId),
        eq(decisions.kind, 'information'),
        sql`${decisions.subjects} @> ${JSON.stringify([subject])}::jsonb`,
        gte(decisions.decidedOn, `${params.year}-01-01`),
        lte(decisions.decidedOn, `${params.year}-12-31`),
      ),
    )
    .orderBy(asc(decisions.decidedOn));
  const byHolder = new Map<string, { holderName: string; records: Evidence['records'] }>();
  for (const r of rows) {
    const holderId = r.bodyUnitId ?? r.forumId;
    const holderName = r.bodyName ?? r.forumName;
    if (!holderId || !holderName) continue;
    const entry = byHolder.get(holderId) ?? { holderName, records: [] };
    entry.records.push({
      entity: 'decision',
      id: r.id,
      title: r.title,
      href: `/beslut/${r.id}`,
      detail: [r.decidedOn, r.paragraph ? `§ ${r.paragraph.replace(/^§\s*/, '')}` : null]
        .filter(Boolean)
        .join(' '),
    });
    byHolder.set(holderId, entry);
  }
  return [...byHolder.entries()]
    .map(([holderId, e]) => ({
      holderId,
      holderName: e.holderName,
      evidence: evidenceOf(e.records),
    }))
    .sort(
      (a, b) =>
        b.evidence.figure - a.evidence.figure || a.holderName.localeCompare(b.holderName, 'sv'),
    );
}
