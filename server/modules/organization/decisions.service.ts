import { caseNumberMatches } from '../../../domain/organization/case-number.js';
import { aliasedTable, and, desc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type DatePrecision,
  decisionDate,
  decisionIssues,
  type DecisionKind,
  decisionReference,
  formatDecisionDate,
  forumMayRecord,
  normalizeSubjects,
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
import { attachments, tenants, type TenantSettings } from '../../platform/tables.js';
import { t, type Lang } from '../../platform/i18n/messages.js';
import type { CaseNumberWords } from './settings.js';
import { storeAttachment, type UploadedFile } from '../../platform/attachments.js';
import { findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import { decisions, forums, meetings, orgUnits, persons } from './tables.js';
import { targetOf } from './units.service.js';

/**
 * Who may record a decision or a meeting: an editor of the deciding body, or of the forum's unit.
 * An executive decision that names only the post is the post holder's unit's, else the whole
 * organisation's (the regional director decides for all of it).
 */
async function holderTarget(
  db: Db,
  ctx: Ctx,
  holder: {
    bodyUnitId?: string | null;
    forumId?: string | null;
    decidedByPersonId?: string | null;
  },
) {
  if (holder.bodyUnitId)
    return targetOf(await findOwned(db, orgUnits, ctx, holder.bodyUnitId, 'unit'));
  if (holder.forumId) {
    const forum = await findOwned(db, forums, ctx, holder.forumId, 'forum');
    return targetOf(await findOwned(db, orgUnits, ctx, forum.parentUnitId, 'unit'));
  }
  const person = holder.decidedByPersonId
    ? await findOwned(db, persons, ctx, holder.decidedByPersonId, 'person')
    : null;
  if (person?.unitId) return targetOf(await findOwned(db, orgUnits, ctx, person.unitId, 'unit'));
  const [root] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, ctx.tenantId), isNull(orgUnits.parentId)))
    .limit(1);
  if (!root) throw notFound('entity.unit');
  return targetOf(root);
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
const decider = aliasedTable(persons, 'decider');
const bodyName = body.name;
const bodyShortName = sql<string | null>`coalesce(${body.shortName}, ${body.name})`;
const forumName = forums.name;

const decisionCols = {
  id: decisions.id,
  tenantId: decisions.tenantId,
  kind: decisions.kind,
  bodyUnitId: decisions.bodyUnitId,
  forumId: decisions.forumId,
  meetingId: decisions.meetingId,
  decidedOn: decisions.decidedOn,
  datePrecision: decisions.datePrecision,
  paragraph: decisions.paragraph,
  caseNumber: decisions.caseNumber,
  level: decisions.level,
  outcome: decisions.outcome,
  decidedByTitle: decisions.decidedByTitle,
  decidedByPersonId: decisions.decidedByPersonId,
  decidedByPersonName: decider.name,
  subjects: decisions.subjects,
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
  forumMandate: forums.mandate,
};

/** Decisions with the names of who decided, joined (not a sub-query per row). */
const selectDecisions = (db: Db) =>
  db
    .select(decisionCols)
    .from(decisions)
    .leftJoin(body, eq(body.id, decisions.bodyUnitId))
    .leftJoin(forums, eq(forums.id, decisions.forumId))
    .leftJoin(decider, eq(decider.id, decisions.decidedByPersonId));

type Selected = {
  kind: string;
  bodyShortName: string | null;
  forumName: string | null;
  forumMandate: string | null;
  decidedOn: string | null;
  datePrecision: string;
  paragraph: string | null;
  caseNumber: string | null;
  decidedByTitle: string | null;
};

type CaseNumberRules = {
  label: string;
  pattern: string | null;
  example: string | null;
  description: string | null;
};

/** The region's case-number format and the words that explain it. */
async function caseNumberRules(db: Db, ctx: Ctx): Promise<CaseNumberRules> {
  const [tenant] = await db
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  const s = (tenant?.settings ?? {}) as TenantSettings & CaseNumberWords;
  return {
    label: s.caseNumberLabel ?? 'diarienummer',
    pattern: s.caseNumberPattern ?? null,
    example: s.caseNumberExample ?? null,
    description: s.caseNumberDescription ?? null,
  };
}

/**
 * What was saved but breaks a rule a person should hear about, in words: a case number outside
 * the region's format (explained by its description and example, never the raw pattern), and a
 * decision recorded in a forum that only advises or prepares (data from before the rule).
 */
function warningsOf(r: Selected, rules: CaseNumberRules, lang: Lang) {
  const warnings: { path: string; message: string }[] = [];
  if (r.caseNumber && !caseNumberMatches(r.caseNumber, rules.pattern)) {
    const how =
      rules.example && rules.description
        ? 'both'
        : rules.example
          ? 'example'
          : rules.description
            ? 'description'
            : 'none';
    const params = {
      label: rules.label,
      example: rules.example ?? '',
      description: rules.description ?? '',
    };
    const text = t(lang, 'org.decision.caseNumberFormat', {
      ...params,
      value: r.caseNumber,
      how: t(lang, `org.decision.caseNumberHow.${how}`, params),
    });
    warnings.push({ path: 'caseNumber', message: text.charAt(0).toUpperCase() + text.slice(1) });
  }
  if (r.forumName && !forumMayRecord(r.forumMandate, r.kind as DecisionKind))
    warnings.push({
      path: 'kind',
      message: t(lang, 'org.decision.beyondMandate', {
        forum: r.forumName,
        mandate: t(lang, `org.mandateAdjective.${r.forumMandate}`),
      }),
    });
  return warnings;
}

const withReference =
  (rules: CaseNumberRules, lang: Lang) =>
  <T extends Selected>(r: T) => ({
    ...r,
    reference: decisionReference({ ...r, bodyShortName: r.bodyShortName ?? r.forumName }, lang),
    dateText: formatDecisionDate(r.decidedOn, r.datePrecision as DatePrecision, lang),
    warnings: warningsOf(r, rules, lang),
  });
export type DecisionView = ReturnType<ReturnType<typeof withReference>>;

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
    q.subject
      ? sql`${decisions.subjects} @> ${JSON.stringify(normalizeSubjects([q.subject]))}::jsonb`
      : undefined,
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
  const rules = await caseNumberRules(db, ctx);
  return { items: items.map(withReference(rules, ctx.lang)), total: count?.n ?? 0 };
}

export async function getDecision(db: Db, ctx: Ctx, id: string) {
  authorize(ctx, 'org.read');
  const [row] = await selectDecisions(db).where(
    and(eq(decisions.id, id), eq(decisions.tenantId, ctx.tenantId)),
  );
  if (!row) throw notFound('entity.decision');
  return withReference(await caseNumberRules(db, ctx), ctx.lang)(row);
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
  return rows
    .map(withReference(await caseNumberRules(db, ctx), ctx.lang))
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/**
 * The checks that read the database: the forum's mandate allows the kind (a forum that advises
 * or prepares cannot decide), the proposal chain has no loop, and what is cited is the tenant's.
 * A case number outside the region's format is saved and answered with a warning.
 */
async function validateDecision(
  db: Db,
  ctx: Ctx,
  d: {
    kind?: DecisionKind | undefined;
    forumId?: string | null | undefined;
    proposedByDecisionId?: string | null | undefined;
    meetingId?: string | null | undefined;
    decidedByPersonId?: string | null | undefined;
  },
  selfId: string | null,
) {
  if (d.forumId && d.kind) {
    const forum = await findOwned(db, forums, ctx, d.forumId, 'forum');
    if (!forumMayRecord(forum.mandate, d.kind))
      throw invalid('errors.validation', [
        {
          path: 'kind',
          key: 'org.decision.forumCannotDecide',
          params: {
            forum: forum.name,
            mandate: t(ctx.lang, `org.mandateAdjective.${forum.mandate}`),
          },
        },
      ]);
  }
  if (d.proposedByDecisionId) {
    if (d.proposedByDecisionId === selfId)
      throw invalid('errors.validation', [
        { path: 'proposedByDecisionId', key: 'org.decision.chainCycle' },
      ]);
    await findOwned(db, decisions, ctx, d.proposedByDecisionId, 'decision');
  }
  if (d.meetingId) await findOwned(db, meetings, ctx, d.meetingId, 'meeting');
  if (d.decidedByPersonId) await findOwned(db, persons, ctx, d.decidedByPersonId, 'person');
}

export async function createDecision(db: Db, ctx: Ctx, raw: z.input<typeof DecisionInput>) {
  const input = parseInput(DecisionInput, raw, ctx.lang);
  const issues = decisionIssues(input);
  if (issues.length) throw invalid('errors.validation', issues);
  authorize(ctx, 'org.decision.edit', await holderTarget(db, ctx, input));
  await validateDecision(db, ctx, input, null);
  const date = decisionDate(input);
  return db.transaction(async (tx) => {
    const values = {
      kind: input.kind,
      bodyUnitId: input.bodyUnitId ?? null,
      forumId: input.forumId ?? null,
      meetingId: input.meetingId ?? null,
      ...date,
      paragraph: input.paragraph ?? null,
      caseNumber: input.caseNumber ?? null,
      level: input.level ?? 'official',
      outcome: input.outcome ?? null,
      decidedByTitle: input.decidedByTitle ?? null,
      decidedByPersonId: input.decidedByPersonId ?? null,
      subjects: normalizeSubjects(input.subjects ?? []),
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
  const { version, ...sent } = input;
  // The date as sent: precision "unknown" alone clears the date; a date alone is a day.
  const dateSent = sent.decidedOn !== undefined || sent.datePrecision !== undefined;
  const sentDate = {
    decidedOn:
      sent.decidedOn !== undefined
        ? sent.decidedOn
        : sent.datePrecision === 'unknown'
          ? null
          : before.decidedOn,
    datePrecision:
      sent.datePrecision ??
      (sent.decidedOn === undefined ? (before.datePrecision as DatePrecision) : undefined),
  };
  const changes = {
    ...sent,
    ...(dateSent ? decisionDate(sentDate) : {}),
    ...(sent.subjects ? { subjects: normalizeSubjects(sent.subjects) } : {}),
  };
  const merged = { ...before, ...changes } as typeof before;
  const issues = decisionIssues({
    ...merged,
    ...(dateSent ? sentDate : { datePrecision: merged.datePrecision as DatePrecision }),
  });
  if (issues.length) throw invalid('errors.validation', issues);
  if (
    sent.bodyUnitId !== undefined ||
    sent.forumId !== undefined ||
    sent.decidedByPersonId !== undefined
  )
    authorize(ctx, 'org.decision.edit', await holderTarget(db, ctx, merged));
  await validateDecision(
    db,
    ctx,
    {
      ...merged,
      kind: merged.kind as DecisionKind,
      // The mandate is checked when the kind or the forum changes (older records are warned about).
      forumId: sent.kind !== undefined || sent.forumId !== undefined ? merged.forumId : null,
    },
    id,
  );
  return db.transaction(async (tx) => {
    await updateAudited(tx, ctx, decisions, id, version, changes, {
      entity: 'decision',
      before,
      view: (id) => getDecision(tx, ctx, id),
    });
    return getDecision(tx, ctx, id);
  });
}
