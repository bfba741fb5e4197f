import { aliasedTable, and, asc, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  forumFlags,
  forumStatus,
  ForumInput,
  type ForumListQuery,
  ForumUpdate,
  MemberInput,
} from '../../../domain/organization/forum.js';
import { notFound } from '../../../domain/shared/errors.js';
import type { Db } from '../../db/client.js';
import { record } from '../../platform/audit/audit.js';
import { authorize } from '../../platform/authorize.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import { likeEscape } from '../../platform/lists.js';
import { auditable } from '../../platform/stable-json.js';
import { assertAllOwned, findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import { forumMembers, forums, orgUnits, persons } from './tables.js';
import { targetOf } from './units.service.js';

const lastMeeting = sql<
  string | null
>`(SELECT max(m.held_on)::text FROM meetings m WHERE m.forum_id = "forums"."id" AND m.held_on <= current_date)`;
const memberCount = sql<number>`(SELECT count(*)::int FROM forum_members fm WHERE fm.forum_id = "forums"."id" AND (fm.to_on IS NULL OR fm.to_on >= current_date))`;

type ForumRow = typeof forums.$inferSelect;
export type ForumView = ForumRow & {
  parentUnitName: string;
  lastMeetingOn: string | null;
  memberCount: number;
  status: ReturnType<typeof forumStatus>;
  flags: ReturnType<typeof forumFlags>;
};

const view = (
  ctx: Ctx,
  r: { forum: ForumRow; parentUnitName: string; lastMeetingOn: string | null; memberCount: number },
): ForumView => {
  const today = todayOf(ctx.now);
  const f = r.forum;
  return {
    ...f,
    parentUnitName: r.parentUnitName,
    lastMeetingOn: r.lastMeetingOn,
    memberCount: r.memberCount,
    status: forumStatus(f, today),
    flags: forumFlags({ ...f, createdOn: todayOf(f.createdAt) }, r.lastMeetingOn, today),
  };
};

const selectForum = (db: Db) =>
  db
    .select({
      forum: forums,
      parentUnitName: orgUnits.name,
      lastMeetingOn: lastMeeting,
      memberCount,
    })
    .from(forums)
    .innerJoin(orgUnits, eq(orgUnits.id, forums.parentUnitId));

/**
 * Flags depend on today's date and the last meeting, so they are computed by the domain rule, not
 * stored. A region has tens to a few hundred forums: the filtered list is built in memory.
 */
export async function listForums(db: Db, ctx: Ctx, q: z.infer<typeof ForumListQuery>) {
  authorize(ctx, 'org.read');
  const rows = await selectForum(db)
    .where(
      and(
        eq(forums.tenantId, ctx.tenantId),
        q.unitId ? eq(forums.parentUnitId, q.unitId) : undefined,
        q.kind ? eq(forums.kind, q.kind) : undefined,
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
  const all = rows.map((r) => view(ctx, r)).filter((f) => !q.flag || f.flags.includes(q.flag));
  return { all, items: all.slice(q.offset, q.offset + q.limit), total: all.length };
}

export async function getForum(db: Db, ctx: Ctx, id: string): Promise<ForumView> {
  authorize(ctx, 'org.read');
  const [row] = await selectForum(db).where(
    and(eq(forums.id, id), eq(forums.tenantId, ctx.tenantId)),
  );
  if (!row) throw notFound('entity.forum');
  return view(ctx, row);
}

async function forumTarget(db: Db, ctx: Ctx, parentUnitId: string) {
  return targetOf(await findOwned(db, orgUnits, ctx, parentUnitId, 'unit'));
}

export async function createForum(db: Db, ctx: Ctx, raw: z.infer<typeof ForumInput>) {
  const input = parseInput(ForumInput, raw, ctx.lang);
  authorize(ctx, 'org.forum.edit', await forumTarget(db, ctx, input.parentUnitId));
  return db.transaction(async (tx) => {
    const row = await createAudited(
      tx,
      ctx,
      forums,
      { ...input, standingAgendaItems: input.standingAgendaItems ?? [] },
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
  const { version, ...changes } = input;
  return db.transaction(async (tx) => {
    await updateAudited(tx, ctx, forums, id, version, changes, { entity: 'forum', before });
    return getForum(tx, ctx, id);
  });
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
