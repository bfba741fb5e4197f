import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  checkQuestion,
  expandGroup,
  parseNumberedLines,
  takenNumbers,
  AuditInput,
  AuditUpdate,
  QuestionBulk,
  QuestionInput,
  QuestionUpdate,
  RecommendationBulk,
  RecommendationInput,
  RecommendationUpdate,
} from '../../../domain/audits/audit.js';
import { invalid } from '../../../domain/shared/errors.js';
import type { Db, Tx } from '../../db/client.js';
import { storeAttachment, type UploadedFile } from '../../platform/attachments.js';
import { authorize } from '../../platform/authorize.js';
import type { Ctx } from '../../platform/context.js';
import { likeEscape } from '../../platform/lists.js';
import { assertOrgOwned, unitsByIds } from '../organization/index.js';
import { assertAllOwned, findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import { CLOSED_STATES } from '../../../domain/audits/obligations.js';
import { auditStanding } from './standing.js';
import { auditQuestions, audits, recommendations } from './tables.js';

type AuditRow = typeof audits.$inferSelect;

/**
 * A number like "2.10" sorts after "2.9": each part counts, padded. Parts are capped (the first at
 * 2 000, the others at 999) so that any number a person types keeps the key inside an integer.
 */
export const sortKeyOf = (number: string) =>
  number
    .split(/[.\s]/)
    .slice(0, 3)
    .reduce((k, part, i) => {
      const n = Math.min(Number.parseInt(part, 10) || 0, i === 0 ? 2_000 : 999);
      return k + n * [1_000_000, 1_000, 1][i]!;
    }, 0);

async function bodiesOf(db: Db | Tx, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { id: string; name: string; kind: string }>();
  const rows = await unitsByIds(db, ids);
  return new Map(rows.map((r) => [r.id, r]));
}

async function auditViews(db: Db | Tx, ctx: Ctx, rows: AuditRow[]) {
  const ids = rows.map((a) => a.id);
  const bodies = await bodiesOf(
    db,
    rows.flatMap((a) => a.auditedBodyIds),
  );
  const linked = [...new Set(rows.flatMap((a) => a.followsUpAuditIds))];
  const titles = linked.length
    ? await db
        .select({ id: audits.id, name: audits.title })
        .from(audits)
        .where(inArray(audits.id, linked))
    : [];
  const later = ids.length
    ? await db
        .select({ id: audits.id, name: audits.title, follows: audits.followsUpAuditIds })
        .from(audits)
        .where(
          and(
            eq(audits.tenantId, ctx.tenantId),
            sql`${audits.followsUpAuditIds} ?| array[${sql.join(
              ids.map((i) => sql`${i}`),
              sql`, `,
            )}]::text[]`,
          ),
        )
    : [];
  const standing = await auditStanding(db, ctx, rows);
  return rows.map((a) => {
    const st = standing.get(a.id)!;
    const open = st.recommendations.filter(
      (r) =>
        r.addressees.length === 0 || r.addressees.some((x) => !CLOSED_STATES.includes(x.state)),
    );
    const count = (state: string) => st.obligations.filter((o) => o.state === state).length;
    return {
      ...a,
      auditedBodies: a.auditedBodyIds.map(
        (id) => bodies.get(id) ?? { id, name: '—', kind: 'other' },
      ),
      followsUp: a.followsUpAuditIds.map((id) => ({
        id,
        name: titles.find((t) => t.id === id)?.name ?? '—',
      })),
      followedUpBy: later
        .filter((l) => l.follows.includes(a.id))
        .map((l) => ({ id: l.id, name: l.name })),
      recommendationCount: st.recommendations.length,
      openRecommendationCount: open.length,
      obligations: {
        owed: st.obligations.length,
        overdue: count('overdue'),
        answered: count('answered'),
        answeredLate: count('answered_late'),
      },
    };
  });
}
export type AuditView = Awaited<ReturnType<typeof auditViews>>[number];

export async function listAudits(
  db: Db,
  ctx: Ctx,
  q: {
    q?: string | undefined;
    kind?: string | undefined;
    bodyId?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  authorize(ctx, 'org.read');
  const where = and(
    eq(audits.tenantId, ctx.tenantId),
    q.kind ? eq(audits.kind, q.kind) : undefined,
    q.bodyId ? sql`${audits.auditedBodyIds} ? ${q.bodyId}` : undefined,
    q.q
      ? sql`lower(${audits.title} || ' ' || coalesce(${audits.auditFirm}, '') || ' ' || coalesce(${audits.caseNumber}, '')) LIKE ${`%${likeEscape(q.q.toLowerCase())}%`}`
      : undefined,
  );
  const rows = await db
    .select()
    .from(audits)
    .where(where)
    .orderBy(desc(audits.reportDate), asc(audits.title))
    .limit(q.limit)
    .offset(q.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(audits)
    .where(where);
  return { items: await auditViews(db, ctx, rows), total: count?.n ?? 0 };
}

export async function getAudit(db: Db | Tx, ctx: Ctx, id: string) {
  authorize(ctx, 'org.read');
  const row = await findOwned(db, audits, ctx, id, 'audit');
  return (await auditViews(db, ctx, [row]))[0]!;
}

async function checkAuditRefs(db: Db | Tx, ctx: Ctx, a: Partial<AuditInput>, selfId?: string) {
  await assertOrgOwned(db, ctx, 'unit', [
    ...(a.auditedBodyIds ?? []),
    ...(a.remittances ?? []).flatMap((r) => [r.bodyId, r.deadlineMeeting?.bodyId]),
  ]);
  const rules = (a.remittances ?? []).flatMap((r, i) => {
    const errors = [];
    if ((a.remittances ?? []).findIndex((x) => x.bodyId === r.bodyId) !== i)
      errors.push({ path: `remittances.${i}.bodyId`, key: 'audits.remittanceTwice' });
    if (r.concerned && r.kind !== 'information')
      errors.push({ path: `remittances.${i}.concerned`, key: 'audits.concernedIsInformation' });
    if (r.deadline && r.deadlineMeeting)
      errors.push({ path: `remittances.${i}.deadlineMeeting`, key: 'audits.oneDeadline' });
    const numbers = (r.questions ?? []).map((q) => q.number);
    if (new Set(numbers).size !== numbers.length)
      errors.push({ path: `remittances.${i}.questions`, key: 'audits.questionNumberTwice' });
    return errors;
  });
  if (rules.length) throw invalid('errors.validation', rules);
  await assertOrgOwned(
    db,
    ctx,
    'person',
    (a.remittances ?? []).map((r) => r.responsiblePersonId),
  );
  await assertAllOwned(db, audits, ctx, a.followsUpAuditIds ?? [], 'audit');
  if (selfId && a.followsUpAuditIds?.includes(selfId))
    throw invalid('errors.validation', [
      { path: 'followsUpAuditIds', key: 'audits.followsItself' },
    ]);
  const audited = a.auditedBodyIds;
  if (audited && a.remittances) {
    // A reply is asked of an audited body; a body that was not audited may have the report
    // for information (berörd).
    const errors = a.remittances.flatMap((r, i) =>
      r.kind === 'information' || audited.includes(r.bodyId)
        ? []
        : [{ path: `remittances.${i}.bodyId`, key: 'audits.replyOnlyAudited' }],
    );
    if (errors.length) throw invalid('errors.validation', errors);
  }
}

export async function createAudit(db: Db, ctx: Ctx, raw: z.input<typeof AuditInput>) {
  const input = parseInput(AuditInput, raw, ctx.lang);
  authorize(ctx, 'audits.edit');
  await checkAuditRefs(db, ctx, input);
  return db.transaction(async (tx) => {
    const row = await createAudited(tx, ctx, audits, input, { entity: 'audit' });
    return getAudit(tx, ctx, row.id);
  });
}

export async function updateAudit(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: Partial<z.input<typeof AuditInput>> & { version: number },
) {
  const input = parseInput(AuditUpdate, raw, ctx.lang);
  authorize(ctx, 'audits.edit');
  const before = await findOwned(db, audits, ctx, id, 'audit');
  const { version, ...changes } = input;
  await checkAuditRefs(
    db,
    ctx,
    {
      ...changes,
      auditedBodyIds: changes.auditedBodyIds ?? before.auditedBodyIds,
      remittances: changes.remittances ?? (changes.auditedBodyIds ? before.remittances : undefined),
    } as Partial<AuditInput>,
    id,
  );
  return db.transaction(async (tx) => {
    await updateAudited(tx, ctx, audits, id, version, changes, { entity: 'audit', before });
    return getAudit(tx, ctx, id);
  });
}

/** The report file is stored with its SHA-256 and linked to the audit, in one transaction. */
export async function attachReport(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  file: UploadedFile,
) {
  authorize(ctx, 'audits.edit');
  const before = await findOwned(db, audits, ctx, id, 'audit');
  return db.transaction(async (tx) => {
    const attachment = await storeAttachment(tx, ctx, file);
    await updateAudited(
      tx,
      ctx,
      audits,
      id,
      version,
      { reportAttachmentId: attachment.id },
      { entity: 'audit', action: 'attach_report', before },
    );
    return getAudit(tx, ctx, id);
  });
}

/** The numbers already used by the audit's questions, or recommendations, except one row's. */
async function usedNumbers(
  db: Db | Tx,
  table: typeof auditQuestions | typeof recommendations,
  auditId: string,
  exceptId?: string,
) {
  const rows = await db
    .select({ id: table.id, number: table.number })
    .from(table)
    .where(eq(table.auditId, auditId));
  return rows.filter((r) => r.id !== exceptId).map((r) => r.number);
}

function assertFree(
  numbers: readonly string[],
  existing: readonly string[],
  path: (index: number) => string,
) {
  const taken = takenNumbers(numbers, existing);
  if (taken.length)
    throw invalid(
      'errors.validation',
      taken.map((x) => ({
        path: path(x.index),
        key: 'audits.numberTaken',
        params: { number: x.number },
      })),
    );
}

// Questions -------------------------------------------------------------------------------------

export async function listQuestions(db: Db, ctx: Ctx, auditId: string) {
  await getAudit(db, ctx, auditId);
  const rows = await db
    .select()
    .from(auditQuestions)
    .where(and(eq(auditQuestions.tenantId, ctx.tenantId), eq(auditQuestions.auditId, auditId)))
    .orderBy(asc(auditQuestions.sortKey), asc(auditQuestions.number));
  return withChecks(db, ctx, rows);
}

/** Each question with the earlier recommendations it checks (number and audit) beside the ids. */
export async function withChecks(
  db: Db | Tx,
  ctx: Ctx,
  rows: (typeof auditQuestions.$inferSelect)[],
) {
  const ids = [...new Set(rows.flatMap((q) => q.checksRecommendationIds))];
  const recs = ids.length
    ? await db
        .select({
          id: recommendations.id,
          number: recommendations.number,
          auditId: recommendations.auditId,
          auditTitle: audits.title,
        })
        .from(recommendations)
        .innerJoin(audits, eq(audits.id, recommendations.auditId))
        .where(and(eq(recommendations.tenantId, ctx.tenantId), inArray(recommendations.id, ids)))
    : [];
  return rows.map((q) => ({
    ...q,
    checks: q.checksRecommendationIds.flatMap((id) => recs.filter((r) => r.id === id)),
  }));
}

/** A follow-up question checks recommendations of the audits this audit follows up, only. */
async function assertChecks(db: Db | Tx, ctx: Ctx, audit: AuditRow, ids: readonly string[]) {
  if (ids.length === 0) return;
  await assertAllOwned(db, recommendations, ctx, ids, 'recommendation');
  const rows = await db
    .select({ id: recommendations.id, auditId: recommendations.auditId })
    .from(recommendations)
    .where(inArray(recommendations.id, [...ids]));
  const errors = ids.flatMap((id, i) =>
    audit.followsUpAuditIds.includes(rows.find((r) => r.id === id)?.auditId ?? '')
      ? []
      : [{ path: `checksRecommendationIds.${i}`, key: 'audits.notChecked' }],
  );
  if (errors.length) throw invalid('errors.validation', errors);
}

function assertQuestion(q: Parameters<typeof checkQuestion>[0], audit: AuditRow) {
  const errors = checkQuestion(q, audit.auditedBodyIds);
  if (errors.length) throw invalid('errors.validation', errors);
}

export async function createQuestion(db: Db, ctx: Ctx, auditId: string, raw: QuestionInput) {
  const input = parseInput(QuestionInput, raw, ctx.lang);
  authorize(ctx, 'audits.edit');
  const audit = await findOwned(db, audits, ctx, auditId, 'audit');
  const q = {
    ...input,
    appliesToBodyIds: input.appliesToBodyIds.length ? input.appliesToBodyIds : audit.auditedBodyIds,
  };
  assertQuestion(q, audit);
  assertFree([q.number], await usedNumbers(db, auditQuestions, auditId), () => 'number');
  await assertChecks(db, ctx, audit, q.checksRecommendationIds);
  if (input.parentId) await findOwned(db, auditQuestions, ctx, input.parentId, 'question');
  return db.transaction(async (tx) => {
    const row = await createAudited(
      tx,
      ctx,
      auditQuestions,
      { auditId, ...q, sortKey: sortKeyOf(q.number) },
      { entity: 'audit_question' },
    );
    return (await withChecks(tx, ctx, [row]))[0]!;
  });
}

/** Many questions at once, typed as numbered lines; sub-questions ("1.2") sit under their question. All or none. */
export async function createQuestions(
  db: Db,
  ctx: Ctx,
  auditId: string,
  raw: z.input<typeof QuestionBulk>,
) {
  const input = parseInput(QuestionBulk, raw, ctx.lang);
  authorize(ctx, 'audits.edit');
  const audit = await findOwned(db, audits, ctx, auditId, 'audit');
  const used = await usedNumbers(db, auditQuestions, auditId);
  const lines = parseNumberedLines(input.lines, used);
  if (lines.length === 0)
    throw invalid('errors.validation', [{ path: 'lines', key: 'audits.noLines' }]);
  assertFree(
    lines.map((l) => l.number),
    used,
    () => 'lines',
  );
  const applies = input.appliesToBodyIds.length ? input.appliesToBodyIds : audit.auditedBodyIds;
  assertQuestion({ mode: 'per_body', appliesToBodyIds: applies, cells: [] }, audit);
  const existing = await db
    .select({ id: auditQuestions.id, number: auditQuestions.number })
    .from(auditQuestions)
    .where(eq(auditQuestions.auditId, auditId));
  return db.transaction(async (tx) => {
    const byNumber = new Map(existing.map((e) => [e.number, e.id]));
    const out = [];
    for (const l of lines) {
      const row = await createAudited(
        tx,
        ctx,
        auditQuestions,
        {
          auditId,
          number: l.number,
          text: l.text,
          parentId: l.parent ? (byNumber.get(l.parent) ?? null) : null,
          appliesToBodyIds: applies,
          cells: [],
          mode: 'per_body',
          sortKey: sortKeyOf(l.number),
        },
        { entity: 'audit_question' },
      );
      byNumber.set(l.number, row.id);
      out.push(row);
    }
    return withChecks(tx, ctx, out);
  });
}

export async function updateQuestion(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: z.infer<typeof QuestionUpdate>,
) {
  const input = parseInput(QuestionUpdate, raw, ctx.lang);
  authorize(ctx, 'audits.edit');
  const before = await findOwned(db, auditQuestions, ctx, id, 'question');
  const audit = await findOwned(db, audits, ctx, before.auditId, 'audit');
  const { version, ...changes } = input;
  assertQuestion(
    {
      mode: changes.mode ?? before.mode,
      appliesToBodyIds: changes.appliesToBodyIds ?? before.appliesToBodyIds,
      cells: changes.cells ?? before.cells,
      wholeValue: changes.wholeValue === undefined ? before.wholeValue : changes.wholeValue,
    },
    audit,
  );
  await assertChecks(db, ctx, audit, changes.checksRecommendationIds ?? []);
  if (changes.number && changes.number !== before.number)
    assertFree(
      [changes.number],
      await usedNumbers(db, auditQuestions, audit.id, id),
      () => 'number',
    );
  return db.transaction(async (tx) => {
    const row = await updateAudited(
      tx,
      ctx,
      auditQuestions,
      id,
      version,
      { ...changes, ...(changes.number ? { sortKey: sortKeyOf(changes.number) } : {}) },
      { entity: 'audit_question', notFound: 'question', before },
    );
    return (await withChecks(tx, ctx, [row]))[0]!;
  });
}

// Recommendations -------------------------------------------------------------------------------

/** The addressees a recommendation gets: a group expands to this audit's bodies; named ones must be audited bodies or at least bodies of the tenant. */
async function addressees(
  db: Db | Tx,
  ctx: Ctx,
  audit: AuditRow,
  group: string | null | undefined,
  named: readonly string[],
) {
  await assertOrgOwned(db, ctx, 'unit', named);
  if (!group) return [...new Set(named)];
  const bodies = await bodiesOf(db, audit.auditedBodyIds);
  return [
    ...new Set([
      ...expandGroup(
        group as never,
        audit.auditedBodyIds.map((id) => bodies.get(id)!).filter(Boolean),
      ),
      ...named,
    ]),
  ];
}

export async function listRecommendations(db: Db, ctx: Ctx, auditId: string) {
  await getAudit(db, ctx, auditId);
  const audit = await findOwned(db, audits, ctx, auditId, 'audit');
  return recommendationViews(db, ctx, audit);
}

/**
 * The audit's recommendations as pages show them: per addressee its state and reply obligation,
 * "n av m mottagare åtgärdade", and the follow-up questions that check it.
 */
export async function recommendationViews(
  db: Db | Tx,
  ctx: Ctx,
  audit: AuditRow,
  only?: readonly string[],
) {
  const standing = (await auditStanding(db, ctx, [audit])).get(audit.id)!;
  const wanted = standing.recommendations.filter((r) => !only || only.includes(r.rec.id));
  const ids = wanted.map((r) => r.rec.id);
  const checking = ids.length
    ? await db
        .select({
          questionId: auditQuestions.id,
          number: auditQuestions.number,
          auditId: auditQuestions.auditId,
          auditTitle: audits.title,
          checks: auditQuestions.checksRecommendationIds,
        })
        .from(auditQuestions)
        .innerJoin(audits, eq(audits.id, auditQuestions.auditId))
        .where(
          and(
            eq(auditQuestions.tenantId, ctx.tenantId),
            sql`${auditQuestions.checksRecommendationIds} ?| array[${sql.join(
              ids.map((i) => sql`${i}`),
              sql`, `,
            )}]::text[]`,
          ),
        )
    : [];
  return wanted.map((r) => ({
    ...r.rec,
    addressees: r.addressees.map((a) => ({
      bodyId: a.bodyId,
      state: a.state,
      obligation: a.obligation,
      finding: a.finding,
    })),
    progress: r.progress,
    checkedBy: checking.filter((c) => c.checks.includes(r.rec.id)).map(({ checks: _c, ...c }) => c),
  }));
}
export type RecommendationView = Awaited<ReturnType<typeof recommendationViews>>[number];

export async function createRecommendation(
  db: Db,
  ctx: Ctx,
  auditId: string,
  raw: z.input<typeof RecommendationInput>,
) {
  const input = parseInput(RecommendationInput, raw, ctx.lang);
  authorize(ctx, 'audits.edit');
  const audit = await findOwned(db, audits, ctx, auditId, 'audit');
  const bodies = await addressees(db, ctx, audit, input.addressedGroup, input.addresseeBodyIds);
  assertFree([input.number], await usedNumbers(db, recommendations, auditId), () => 'number');
  return db.transaction(async (tx) => {
    const row = await createAudited(
      tx,
      ctx,
      recommendations,
      { auditId, ...input, addresseeBodyIds: bodies, sortKey: sortKeyOf(input.number) },
      { entity: 'recommendation' },
    );
    return (await recommendationViews(tx, ctx, audit, [row.id]))[0]!;
  });
}

export async function createRecommendations(
  db: Db,
  ctx: Ctx,
  auditId: string,
  raw: z.input<typeof RecommendationBulk>,
) {
  const input = parseInput(RecommendationBulk, raw, ctx.lang);
  authorize(ctx, 'audits.edit');
  const audit = await findOwned(db, audits, ctx, auditId, 'audit');
  const used = await usedNumbers(db, recommendations, auditId);
  const lines = parseNumberedLines(input.lines, used);
  if (lines.length === 0)
    throw invalid('errors.validation', [{ path: 'lines', key: 'audits.noLines' }]);
  assertFree(
    lines.map((l) => l.number),
    used,
    () => 'lines',
  );
  const bodies = await addressees(db, ctx, audit, input.addressedGroup, input.addresseeBodyIds);
  return db.transaction(async (tx) => {
    const out = [];
    for (const l of lines) {
      const row = await createAudited(
        tx,
        ctx,
        recommendations,
        {
          auditId,
          number: l.number,
          text: l.text,
          addressedGroup: input.addressedGroup ?? null,
          addresseeBodyIds: bodies,
          sortKey: sortKeyOf(l.number),
        },
        { entity: 'recommendation' },
      );
      out.push(row);
    }
    return recommendationViews(
      tx,
      ctx,
      audit,
      out.map((r) => r.id),
    );
  });
}

export async function updateRecommendation(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: z.infer<typeof RecommendationUpdate>,
) {
  const input = parseInput(RecommendationUpdate, raw, ctx.lang);
  authorize(ctx, 'audits.edit');
  const before = await findOwned(db, recommendations, ctx, id, 'recommendation');
  const audit = await findOwned(db, audits, ctx, before.auditId, 'audit');
  const { version, ...changes } = input;
  const regroup = changes.addressedGroup !== undefined || changes.addresseeBodyIds !== undefined;
  const bodies = regroup
    ? await addressees(
        db,
        ctx,
        audit,
        changes.addressedGroup === undefined ? before.addressedGroup : changes.addressedGroup,
        changes.addresseeBodyIds ??
          (changes.addressedGroup === undefined ? before.addresseeBodyIds : []),
      )
    : undefined;
  if (changes.number && changes.number !== before.number)
    assertFree(
      [changes.number],
      await usedNumbers(db, recommendations, audit.id, id),
      () => 'number',
    );
  return db.transaction(async (tx) => {
    await updateAudited(
      tx,
      ctx,
      recommendations,
      id,
      version,
      {
        ...changes,
        ...(bodies ? { addresseeBodyIds: bodies } : {}),
        ...(changes.number ? { sortKey: sortKeyOf(changes.number) } : {}),
      },
      { entity: 'recommendation', before },
    );
    return (await recommendationViews(tx, ctx, audit, [id]))[0]!;
  });
}
