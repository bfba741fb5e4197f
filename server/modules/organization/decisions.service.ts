import { caseNumberMatches } from '../../../domain/organization/case-number.js';
import { aliasedTable, and, desc, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  decisionReference,
  DecisionInput,
  type DecisionListQuery,
  DecisionUpdate,
  MeetingCalendarInput,
  MeetingInput,
  MeetingUpdate,
} from '../../../domain/organization/decision.js';
import { invalid, notFound } from '../../../domain/shared/errors.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import type { Ctx } from '../../platform/context.js';
import { likeEscape, orderOf, totalOf, totalOver } from '../../platform/lists.js';
import { attachments, tenants } from '../../platform/tables.js';
import { storeAttachment, type UploadedFile } from '../../platform/attachments.js';
import { findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import { decisions, forums, meetings, orgUnits } from './tables.js';
import { targetOf } from './units.service.js';

/** Who may record a decision or a meeting: an editor of the deciding body, or of the forum's unit. */
async function holderTarget(
  db: Db,
  ctx: Ctx,
  holder: { bodyUnitId?: string | null; forumId?: string | null },
) {
  if (holder.bodyUnitId)
    return targetOf(await findOwned(db, orgUnits, ctx, holder.bodyUnitId, 'unit'));
  const forum = await findOwned(db, forums, ctx, holder.forumId!, 'forum');
  return targetOf(await findOwned(db, orgUnits, ctx, forum.parentUnitId, 'unit'));
}

// ---------------------------------------------------------------- meetings

const holderName = sql<string>`coalesce((SELECT u.name FROM org_units u WHERE u.id = "meetings"."body_unit_id"), (SELECT f.name FROM forums f WHERE f.id = "meetings"."forum_id"), '')`;
const meetingDecisionCount = sql<number>`(SELECT count(*)::int FROM decisions d WHERE d.meeting_id = "meetings"."id")`;

const selectMeeting = (db: Db) =>
  db
    .select({
      meeting: meetings,
      holderName,
      decisionCount: meetingDecisionCount,
      total: totalOver,
      minutes: {
        id: attachments.id,
        filename: attachments.filename,
        size: attachments.size,
        sha256: attachments.sha256,
      },
    })
    .from(meetings)
    .leftJoin(attachments, eq(attachments.id, meetings.minutesAttachmentId));

export async function listMeetings(
  db: Db,
  ctx: Ctx,
  q: { forumId?: string | undefined; bodyUnitId?: string | undefined },
  page: { limit: number; offset: number },
) {
  authorize(ctx, 'org.read');
  const where = and(
    eq(meetings.tenantId, ctx.tenantId),
    q.forumId ? eq(meetings.forumId, q.forumId) : undefined,
    q.bodyUnitId ? eq(meetings.bodyUnitId, q.bodyUnitId) : undefined,
  );
  const items = await selectMeeting(db)
    .where(where)
    .orderBy(desc(meetings.heldOn))
    .limit(page.limit)
    .offset(page.offset);
  const total = await totalOf(
    items,
    page.offset,
    async () =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(meetings)
          .where(where)
      )[0]?.n ?? 0,
  );
  return { items, total };
}

export async function getMeeting(db: Db, ctx: Ctx, id: string) {
  authorize(ctx, 'org.read');
  const [row] = await selectMeeting(db).where(
    and(eq(meetings.id, id), eq(meetings.tenantId, ctx.tenantId)),
  );
  if (!row) throw notFound('entity.meeting');
  return row;
}

export async function createMeeting(db: Db, ctx: Ctx, raw: z.infer<typeof MeetingInput>) {
  const input = parseInput(MeetingInput, raw, ctx.lang);
  authorize(ctx, 'org.decision.edit', await holderTarget(db, ctx, input));
  return db.transaction(async (tx) => {
    const row = await createAudited(
      tx,
      ctx,
      meetings,
      {
        bodyUnitId: input.bodyUnitId ?? null,
        forumId: input.forumId ?? null,
        heldOn: input.heldOn,
        title: input.title ?? null,
        agenda: input.agenda ?? [],
      },
      { entity: 'meeting' },
    );
    return getMeeting(tx, ctx, row.id);
  });
}

/** Enters a meeting calendar: one meeting per new date; a date already on record is skipped. */
export async function createMeetingCalendar(
  db: Db,
  ctx: Ctx,
  raw: z.input<typeof MeetingCalendarInput>,
) {
  const input = parseInput(MeetingCalendarInput, raw, ctx.lang);
  authorize(ctx, 'org.decision.edit', await holderTarget(db, ctx, input));
  const holder = input.bodyUnitId
    ? eq(meetings.bodyUnitId, input.bodyUnitId)
    : eq(meetings.forumId, input.forumId!);
  const existing = await db
    .select({ heldOn: meetings.heldOn })
    .from(meetings)
    .where(and(eq(meetings.tenantId, ctx.tenantId), holder));
  const known = new Set(existing.map((m) => m.heldOn));
  const dates = [...new Set(input.dates)].filter((d) => !known.has(d)).sort();
  return db.transaction(async (tx) => {
    const out = [];
    for (const heldOn of dates) {
      const row = await createAudited(
        tx,
        ctx,
        meetings,
        {
          bodyUnitId: input.bodyUnitId ?? null,
          forumId: input.forumId ?? null,
          heldOn,
          title: input.title ?? null,
          agenda: [],
        },
        { entity: 'meeting' },
      );
      out.push(await getMeeting(tx, ctx, row.id));
    }
    return { created: out, skipped: input.dates.length - out.length };
  });
}

export async function updateMeeting(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: z.infer<typeof MeetingUpdate>,
) {
  const input = parseInput(MeetingUpdate, raw, ctx.lang);
  const before = await findOwned(db, meetings, ctx, id, 'meeting');
  authorize(ctx, 'org.decision.edit', await holderTarget(db, ctx, before));
  const { version, ...changes } = input;
  return db.transaction(async (tx) => {
    await updateAudited(tx, ctx, meetings, id, version, changes, { entity: 'meeting', before });
    return getMeeting(tx, ctx, id);
  });
}

/** Minutes are evidence: stored with their SHA-256 so anyone can check the file was not altered. */
export async function attachMinutes(
  db: Db,
  ctx: Ctx,
  meetingId: string,
  file: UploadedFile & { version: number },
) {
  const meeting = await findOwned(db, meetings, ctx, meetingId, 'meeting');
  authorize(ctx, 'org.decision.edit', await holderTarget(db, ctx, meeting));
  return db.transaction(async (tx) => {
    const att = await storeAttachment(tx, ctx, file);
    await updateAudited(
      tx,
      ctx,
      meetings,
      meetingId,
      file.version,
      { minutesAttachmentId: att.id },
      {
        entity: 'meeting',
        action: 'attach_minutes',
        event: {
          before: { minutesAttachmentId: meeting.minutesAttachmentId },
          after: {
            minutesAttachmentId: att.id,
            filename: att.filename,
            size: att.size,
            sha256: att.sha256,
          },
        },
      },
    );
    return getMeeting(tx, ctx, meetingId);
  });
}

// ---------------------------------------------------------------- decisions

const body = aliasedTable(orgUnits, 'body');
const bodyName = body.name;
const bodyShortName = sql<string | null>`coalesce(${body.shortName}, ${body.name})`;
const forumName = forums.name;

export type DecisionView = typeof decisions.$inferSelect & {
  bodyName: string | null;
  forumName: string | null;
  reference: string;
};

const decisionCols = {
  id: decisions.id,
  tenantId: decisions.tenantId,
  kind: decisions.kind,
  bodyUnitId: decisions.bodyUnitId,
  forumId: decisions.forumId,
  meetingId: decisions.meetingId,
  decidedOn: decisions.decidedOn,
  paragraph: decisions.paragraph,
  caseNumber: decisions.caseNumber,
  level: decisions.level,
  outcome: decisions.outcome,
  title: decisions.title,
  body: decisions.body,
  proposedByDecisionId: decisions.proposedByDecisionId,
  basis: decisions.basis,
  links: decisions.links,
  version: decisions.version,
  createdAt: decisions.createdAt,
  createdBy: decisions.createdBy,
  updatedAt: decisions.updatedAt,
  updatedBy: decisions.updatedBy,
  bodyName,
  bodyShortName,
  forumName,
};

/** Decisions with the names of who decided, joined (not a sub-query per row). */
const selectDecisions = (db: Db) =>
  db
    .select(decisionCols)
    .from(decisions)
    .leftJoin(body, eq(body.id, decisions.bodyUnitId))
    .leftJoin(forums, eq(forums.id, decisions.forumId));

type Selected = {
  bodyShortName: string | null;
  forumName: string | null;
  decidedOn: string | null;
  paragraph: string | null;
  caseNumber: string | null;
};
const withReference = <T extends Selected>(r: T) => ({
  ...r,
  reference: decisionReference({ ...r, bodyShortName: r.bodyShortName ?? r.forumName }),
});

/**
 * Swedish full-text search (stemmed words), or a substring match through the trigram index so
 * that "strategi" also finds "Digitaliseringsstrategi" (compound words).
 */
function searchCondition(q: string): SQL {
  return or(
    sql`${decisions.searchVector} @@ websearch_to_tsquery('swedish', ${q})`,
    sql`${decisions.searchText} LIKE ${`%${likeEscape(q.toLowerCase())}%`}`,
  )!;
}

export async function listDecisions(
  db: Db,
  ctx: Ctx,
  q: z.infer<typeof DecisionListQuery>,
  page: { limit: number; offset: number },
) {
  authorize(ctx, 'org.read');
  const where = and(
    eq(decisions.tenantId, ctx.tenantId),
    q.q ? searchCondition(q.q) : undefined,
    q.bodyUnitId ? eq(decisions.bodyUnitId, q.bodyUnitId) : undefined,
    q.forumId ? eq(decisions.forumId, q.forumId) : undefined,
    q.level ? eq(decisions.level, q.level) : undefined,
    q.kind ? eq(decisions.kind, q.kind) : undefined,
    q.from ? gte(decisions.decidedOn, q.from) : undefined,
    q.to ? lte(decisions.decidedOn, q.to) : undefined,
  );
  const rank = q.q
    ? [desc(sql`ts_rank(${decisions.searchVector}, websearch_to_tsquery('swedish', ${q.q}))`)]
    : [];
  const items = await selectDecisions(db)
    .where(where)
    .orderBy(
      ...orderOf(
        q.sort,
        {
          decidedOn: decisions.decidedOn,
          title: decisions.title,
          caseNumber: decisions.caseNumber,
        },
        [...rank, sql`${decisions.decidedOn} DESC NULLS LAST`, desc(decisions.id)],
      ),
    )
    .limit(page.limit)
    .offset(page.offset);
  // A separate count: a window count would make the page read every matching row, not 50 from the index.
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(decisions)
    .where(where);
  return { items: items.map(withReference), total: count?.n ?? 0 };
}

export async function getDecision(db: Db, ctx: Ctx, id: string) {
  authorize(ctx, 'org.read');
  const [row] = await selectDecisions(db).where(
    and(eq(decisions.id, id), eq(decisions.tenantId, ctx.tenantId)),
  );
  if (!row) throw notFound('entity.decision');
  return withReference(row);
}

/** The proposal chain through this decision: arbetsutskott → styrelse → fullmäktige, in order. */
export async function decisionChain(db: Db, ctx: Ctx, id: string) {
  await getDecision(db, ctx, id);
  const up = (await db.execute(sql`
    WITH RECURSIVE up(id, proposed_by, depth) AS (
      SELECT id, proposed_by_decision_id, 0 FROM decisions WHERE id = ${id} AND tenant_id = ${ctx.tenantId}
      UNION ALL
      SELECT d.id, d.proposed_by_decision_id, up.depth - 1 FROM decisions d JOIN up ON d.id = up.proposed_by WHERE up.depth > -20
    ),
    down(id, depth) AS (
      SELECT id, 0 FROM decisions WHERE id = ${id}
      UNION ALL
      SELECT d.id, down.depth + 1 FROM decisions d JOIN down ON d.proposed_by_decision_id = down.id WHERE down.depth < 20
    )
    SELECT id, depth FROM up UNION SELECT id, depth FROM down ORDER BY depth`)) as unknown as {
    rows: { id: string; depth: number }[];
  };
  const ids = up.rows.map((r) => r.id);
  if (ids.length <= 1) return [];
  const rows = await selectDecisions(db).where(
    and(eq(decisions.tenantId, ctx.tenantId), sql`${decisions.id} IN ${ids}`),
  );
  const order = new Map(up.rows.map((r) => [r.id, Number(r.depth)]));
  return rows.map(withReference).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

async function validateDecision(
  db: Db,
  ctx: Ctx,
  d: {
    kind?: string | undefined;
    outcome?: string | null | undefined;
    caseNumber?: string | null | undefined;
    proposedByDecisionId?: string | null | undefined;
    meetingId?: string | null | undefined;
  },
  selfId: string | null,
) {
  if (d.kind === 'information' && d.outcome)
    throw invalid('errors.validation', [
      { path: 'outcome', key: 'org.decision.outcomeOnInformation' },
    ]);
  if (d.caseNumber) {
    const [tenant] = await db
      .select({ settings: tenants.settings })
      .from(tenants)
      .where(eq(tenants.id, ctx.tenantId));
    const pattern = tenant?.settings.caseNumberPattern ?? null;
    if (!caseNumberMatches(d.caseNumber, pattern)) {
      const label = tenant?.settings.caseNumberLabel ?? 'diarienummer';
      throw invalid('errors.validation', [
        {
          path: 'caseNumber',
          key: 'org.decision.caseNumberFormat',
          params: { label, pattern: pattern ?? '' },
        },
      ]);
    }
  }
  if (d.proposedByDecisionId) {
    if (d.proposedByDecisionId === selfId)
      throw invalid('errors.validation', [
        { path: 'proposedByDecisionId', key: 'org.decision.chainCycle' },
      ]);
    await findOwned(db, decisions, ctx, d.proposedByDecisionId, 'decision');
  }
  if (d.meetingId) await findOwned(db, meetings, ctx, d.meetingId, 'meeting');
}

export async function createDecision(db: Db, ctx: Ctx, raw: z.infer<typeof DecisionInput>) {
  const input = parseInput(DecisionInput, raw, ctx.lang);
  authorize(ctx, 'org.decision.edit', await holderTarget(db, ctx, input));
  await validateDecision(db, ctx, input, null);
  return db.transaction(async (tx) => {
    const values = {
      kind: input.kind,
      bodyUnitId: input.bodyUnitId ?? null,
      forumId: input.forumId ?? null,
      meetingId: input.meetingId ?? null,
      decidedOn: input.decidedOn ?? null,
      paragraph: input.paragraph ?? null,
      caseNumber: input.caseNumber ?? null,
      level: input.level,
      outcome: input.outcome ?? null,
      title: input.title,
      body: input.body ?? null,
      proposedByDecisionId: input.proposedByDecisionId ?? null,
      basis: input.basis ?? [],
      links: input.links ?? [],
    };
    const row = await createAudited(tx, ctx, decisions, values, {
      entity: 'decision',
      view: (id) => getDecision(tx, ctx, id),
    });
    return getDecision(tx, ctx, row.id);
  });
}

export async function updateDecision(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: z.infer<typeof DecisionUpdate>,
) {
  const input = parseInput(DecisionUpdate, raw, ctx.lang);
  const before = await getDecision(db, ctx, id);
  authorize(ctx, 'org.decision.edit', await holderTarget(db, ctx, before));
  const merged = { ...before, ...input };
  if (!merged.bodyUnitId && !merged.forumId)
    throw invalid('errors.validation', [
      { path: 'bodyUnitId', key: 'org.decision.deciderRequired' },
    ]);
  if (input.bodyUnitId !== undefined || input.forumId !== undefined)
    authorize(ctx, 'org.decision.edit', await holderTarget(db, ctx, merged));
  await validateDecision(db, ctx, merged, id);
  const { version, ...changes } = input;
  return db.transaction(async (tx) => {
    await updateAudited(tx, ctx, decisions, id, version, changes, {
      entity: 'decision',
      before,
      view: (id) => getDecision(tx, ctx, id),
    });
    return getDecision(tx, ctx, id);
  });
}
