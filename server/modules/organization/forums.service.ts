import { aliasedTable, and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { DECISION_KINDS, forumMayRecord } from '../../../domain/organization/decision.js';
import {
  type CadenceYear,
  forumCadence,
  forumFlags,
  type ForumFlag,
  ForumInput,
  type ForumLifecycle,
  type ForumListQuery,
  forumStatus,
  ForumUpdate,
  impliedLifecycle,
  LIFECYCLE_TRANSITIONS,
  lifecycleIssues,
  lifecycleTransitionAllowed,
  MemberInput,
  seatCounts,
} from '../../../domain/organization/forum.js';
import { invalid, notFound } from '../../../domain/shared/errors.js';
import type { Db } from '../../db/client.js';
import { record } from '../../platform/audit/audit.js';
import { authorize } from '../../platform/authorize.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import { likeEscape } from '../../platform/lists.js';
import { auditable } from '../../platform/stable-json.js';
import { assertAllOwned, findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import { t } from '../../platform/i18n/messages.js';
import { assertAdoptingDecision } from './reads.js';
import { decisions, forumMembers, forums, meetings, orgUnits, persons } from './tables.js';
import { targetOf } from './units.service.js';

type ForumRow = typeof forums.$inferSelect;
export type ForumView = ForumRow & {
  parentUnitName: string;
  lastMeetingOn: string | null;
  memberCount: number;
  deputyCount: number;
  cadence: CadenceYear[];
  status: ForumLifecycle;
  flags: ForumFlag[];
};

type Facts = {
  members: { memberRole: string; fromOn: string | null; toOn: string | null }[];
  meetingDates: string[];
};

/** The members and meeting dates of these forums, in two queries (a region has a few hundred forums). */
async function factsOf(db: Db, ctx: Ctx, ids: readonly string[]): Promise<Map<string, Facts>> {
  const facts = new Map<string, Facts>(ids.map((id) => [id, { members: [], meetingDates: [] }]));
  if (ids.length === 0) return facts;
  const [members, held] = await Promise.all([
    db
      .select({
        forumId: forumMembers.forumId,
        memberRole: forumMembers.memberRole,
        fromOn: forumMembers.fromOn,
        toOn: forumMembers.toOn,
      })
      .from(forumMembers)
      .where(and(eq(forumMembers.tenantId, ctx.tenantId), inArray(forumMembers.forumId, [...ids]))),
    db
      .select({ forumId: meetings.forumId, heldOn: meetings.heldOn })
      .from(meetings)
      .where(and(eq(meetings.tenantId, ctx.tenantId), inArray(meetings.forumId, [...ids])))
      .orderBy(asc(meetings.heldOn)),
  ]);
  for (const m of members) facts.get(m.forumId)?.members.push(m);
  for (const m of held) if (m.forumId) facts.get(m.forumId)?.meetingDates.push(m.heldOn);
  return facts;
}

const view = (
  ctx: Ctx,
  r: { forum: ForumRow; parentUnitName: string },
  facts: Facts | undefined,
): ForumView => {
  const today = todayOf(ctx.now);
  const f = { ...r.forum, lifecycle: r.forum.lifecycle as ForumLifecycle };
  const dates = facts?.meetingDates ?? [];
  const seats = seatCounts(facts?.members ?? [], today);
  const cadence = forumCadence({ ...f, createdOn: todayOf(f.createdAt) }, dates, today);
  const held = dates.filter((d) => d <= today);
  return {
    ...f,
    parentUnitName: r.parentUnitName,
    lastMeetingOn: held.at(-1) ?? null,
    ...seats,
    cadence,
    status: forumStatus(f, today),
    flags: forumFlags(f, { ...seats, cadence }, today),
  };
};

const selectForum = (db: Db) =>
  db
    .select({ forum: forums, parentUnitName: orgUnits.name })
    .from(forums)
    .innerJoin(orgUnits, eq(orgUnits.id, forums.parentUnitId));

async function viewsOf(db: Db, ctx: Ctx, rows: { forum: ForumRow; parentUnitName: string }[]) {
  const facts = await factsOf(
    db,
    ctx,
    rows.map((r) => r.forum.id),
  );
  return rows.map((r) => view(ctx, r, facts.get(r.forum.id)));
}

/** Every forum of the tenant with its status, seats, cadence and flags (for the published counts). */
export async function allForumViews(db: Db, ctx: Ctx) {
  const rows = await selectForum(db)
    .where(eq(forums.tenantId, ctx.tenantId))
    .orderBy(asc(forums.name))
    .limit(5000);
  return viewsOf(db, ctx, rows);
}

/**
 * Flags depend on today's date, the members and the meetings, so they are computed by the domain
 * rule, not stored. A region has tens to a few hundred forums: the filtered list is built in memory.
 */
export async function listForums(db: Db, ctx: Ctx, q: z.infer<typeof ForumListQuery>) {
  authorize(ctx, 'org.read');
  const rows = await selectForum(db)
    .where(
      and(
        eq(forums.tenantId, ctx.tenantId),
        q.unitId ? eq(forums.parentUnitId, q.unitId) : undefined,
        q.kind ? eq(forums.kind, q.kind) : undefined,
        q.level ? eq(forums.level, q.level) : undefined,
        q.q ? sql`lower(${forums.name}) LIKE ${`%${likeEscape(q.q.toLowerCase())}%`}` : undefined,
      ),
    )
    .orderBy(
      q.sort === '-name'
        ? desc(forums.name)
        : q.sort === 'kind'
          ? asc(forums.kind)
          : q.sort === '-kind'
            ? desc(forums.kind)
            : asc(forums.name),
    )
    .limit(5000);
  const all = (await viewsOf(db, ctx, rows))
    .filter((f) => !q.flag || f.flags.includes(q.flag))
    .filter(
      (f) =>
        !q.status || (q.status === 'current' ? f.status !== 'discontinued' : f.status === q.status),
    );
  return { all, items: all.slice(q.offset, q.offset + q.limit), total: all.length };
}

export async function getForum(db: Db, ctx: Ctx, id: string): Promise<ForumView> {
  authorize(ctx, 'org.read');
  const [row] = await selectForum(db).where(
    and(eq(forums.id, id), eq(forums.tenantId, ctx.tenantId)),
  );
  if (!row) throw notFound('entity.forum');
  return (await viewsOf(db, ctx, [row]))[0]!;
}

async function forumTarget(db: Db, ctx: Ctx, parentUnitId: string) {
  return targetOf(await findOwned(db, orgUnits, ctx, parentUnitId, 'unit'));
}

/** The decisions a forum cites (mandate, setting up, discontinuation) are the tenant's and adopt. */
async function assertForumDecisions(
  db: Db,
  ctx: Ctx,
  input: {
    mandateDecisionId?: string | null | undefined;
    establishedDecisionId?: string | null | undefined;
    discontinuedDecisionId?: string | null | undefined;
  },
) {
  for (const path of [
    'mandateDecisionId',
    'establishedDecisionId',
    'discontinuedDecisionId',
  ] as const)
    await assertAdoptingDecision(db, ctx, input[path], path);
}

const lifecycleOf = (f: {
  lifecycle: string;
  establishedOn: string | null;
  establishedDecisionId: string | null;
  discontinuedOn: string | null;
  discontinuedDecisionId: string | null;
}) => ({ ...f, lifecycle: f.lifecycle as ForumLifecycle });

/**
 * A forum may not become advisory or preparing while it holds decisions (beslut): the rule that
 * such a forum never holds one would otherwise break for the decisions already recorded. Change
 * those decisions first (to recommendations), or record the forum's new role as a new forum.
 */
async function assertMandateFitsDecisions(
  db: Db,
  ctx: Ctx,
  forum: { id: string; name: string },
  mandate: string | null | undefined,
) {
  if (mandate !== 'advises' && mandate !== 'prepares') return;
  const held = await db
    .select({ id: decisions.id })
    .from(decisions)
    .where(
      and(
        eq(decisions.tenantId, ctx.tenantId),
        eq(decisions.forumId, forum.id),
        inArray(
          decisions.kind,
          [...DECISION_KINDS].filter((k) => !forumMayRecord(mandate, k)),
        ),
      ),
    );
  if (held.length > 0)
    throw invalid('errors.validation', [
      {
        path: 'mandate',
        key: 'org.forum.mandateHoldsDecisions',
        params: {
          forum: forum.name,
          count: held.length,
          mandate: t(ctx.lang, `org.mandateAdjective.${mandate}`),
        },
      },
    ]);
}

export async function createForum(db: Db, ctx: Ctx, raw: z.infer<typeof ForumInput>) {
  const input = parseInput(ForumInput, raw, ctx.lang);
  authorize(ctx, 'org.forum.edit', await forumTarget(db, ctx, input.parentUnitId));
  const lifecycle = input.lifecycle ?? impliedLifecycle(input, todayOf(ctx.now));
  const issues = lifecycleIssues(
    lifecycleOf({
      lifecycle,
      establishedOn: input.establishedOn ?? null,
      establishedDecisionId: input.establishedDecisionId ?? null,
      discontinuedOn: input.discontinuedOn ?? null,
      discontinuedDecisionId: input.discontinuedDecisionId ?? null,
    }),
  );
  if (issues.length) throw invalid('errors.validation', issues);
  await assertForumDecisions(db, ctx, input);
  return db.transaction(async (tx) => {
    const row = await createAudited(
      tx,
      ctx,
      forums,
      { ...input, lifecycle, standingAgendaItems: input.standingAgendaItems ?? [] },
      { entity: 'forum' },
    );
    return getForum(tx, ctx, row.id);
  });
}

export async function updateForum(db: Db, ctx: Ctx, id: string, raw: z.infer<typeof ForumUpdate>) {
  const input = parseInput(ForumUpdate, raw, ctx.lang);
  const before = await findOwned(db, forums, ctx, id, 'forum');
  authorize(ctx, 'org.forum.edit', await forumTarget(db, ctx, before.parentUnitId));
  if (input.parentUnitId && input.parentUnitId !== before.parentUnitId)
    authorize(ctx, 'org.forum.edit', await forumTarget(db, ctx, input.parentUnitId));
  const { version, ...sent } = input;
  const changes = { ...sent, lifecycle: sent.lifecycle ?? impliedMove(before, sent) };
  const merged = lifecycleOf({ ...before, ...changes });
  const from = before.lifecycle as ForumLifecycle;
  if (!lifecycleTransitionAllowed(from, merged.lifecycle))
    throw invalid('errors.validation', [
      {
        path: 'lifecycle',
        key: 'org.forum.transition',
        params: {
          from: t(ctx.lang, `org.lifecycle.${from}`),
          to: t(ctx.lang, `org.lifecycle.${merged.lifecycle}`),
          allowed: LIFECYCLE_TRANSITIONS[from]
            .map((s) => t(ctx.lang, `org.lifecycle.${s}`))
            .join(', '),
        },
      },
    ]);
  const touchesLifecycle = (
    [
      'lifecycle',
      'establishedOn',
      'establishedDecisionId',
      'discontinuedOn',
      'discontinuedDecisionId',
    ] as const
  ).some((k) => sent[k] !== undefined);
  if (touchesLifecycle || merged.lifecycle !== from) {
    const issues = lifecycleIssues(merged);
    if (issues.length) throw invalid('errors.validation', issues);
  }
  await assertForumDecisions(db, ctx, sent);
  if (sent.mandate !== undefined && sent.mandate !== before.mandate)
    await assertMandateFitsDecisions(db, ctx, before, sent.mandate);
  return db.transaction(async (tx) => {
    await updateAudited(tx, ctx, forums, id, version, changes, { entity: 'forum', before });
    return getForum(tx, ctx, id);
  });
}

/**
 * The stage an edit implies when it names none: a discontinuation date or decision discontinues,
 * a setting-up decision moves a planned forum under establishment.
 */
function impliedMove(
  before: { lifecycle: string },
  sent: {
    establishedDecisionId?: string | null | undefined;
    discontinuedOn?: string | null | undefined;
    discontinuedDecisionId?: string | null | undefined;
  },
): ForumLifecycle {
  if (before.lifecycle !== 'discontinued' && (sent.discontinuedOn || sent.discontinuedDecisionId))
    return 'discontinued';
  if (before.lifecycle === 'planned' && sent.establishedDecisionId) return 'under_establishment';
  return before.lifecycle as ForumLifecycle;
}

export async function listMembers(db: Db, ctx: Ctx, forumId: string) {
  authorize(ctx, 'org.read');
  await findOwned(db, forums, ctx, forumId, 'forum');
  const delegate = aliasedTable(persons, 'delegate');
  return db
    .select({ member: forumMembers, personName: persons.name, delegateName: delegate.name })
    .from(forumMembers)
    .leftJoin(persons, eq(persons.id, forumMembers.personId))
    .leftJoin(delegate, eq(delegate.id, forumMembers.delegateId))
    .where(eq(forumMembers.forumId, forumId))
    .orderBy(
      asc(forumMembers.memberRole),
      asc(sql`coalesce(${persons.name}, ${forumMembers.externalName})`),
    );
}

export async function addMember(
  db: Db,
  ctx: Ctx,
  forumId: string,
  raw: z.infer<typeof MemberInput>,
) {
  const input = parseInput(MemberInput, raw, ctx.lang);
  const forum = await findOwned(db, forums, ctx, forumId, 'forum');
  authorize(ctx, 'org.forum.edit', await forumTarget(db, ctx, forum.parentUnitId));
  await assertAllOwned(db, persons, ctx, [input.personId, input.delegateId], 'person');
  return db.transaction((tx) =>
    createAudited(
      tx,
      ctx,
      forumMembers,
      {
        forumId,
        personId: input.personId ?? null,
        externalName: input.externalName ?? null,
        memberRole: input.memberRole,
        seatTitle: input.seatTitle ?? null,
        delegateId: input.delegateId ?? null,
        fromOn: input.fromOn ?? null,
        toOn: input.toOn ?? null,
      },
      { entity: 'forum_member' },
    ),
  );
}

export async function removeMember(db: Db, ctx: Ctx, forumId: string, memberId: string) {
  const forum = await findOwned(db, forums, ctx, forumId, 'forum');
  authorize(ctx, 'org.forum.edit', await forumTarget(db, ctx, forum.parentUnitId));
  const member = await findOwned(db, forumMembers, ctx, memberId, 'member');
  await db.transaction(async (tx) => {
    await tx
      .delete(forumMembers)
      .where(and(eq(forumMembers.id, memberId), eq(forumMembers.forumId, forumId)));
    await record(tx, ctx, {
      entityType: 'forum_member',
      entityId: memberId,
      action: 'delete',
      before: auditable(member),
    });
  });
}
