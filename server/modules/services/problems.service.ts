import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { answeredFields } from '../../../domain/services/register-problems.js';
import { invalid, notFound } from '../../../domain/shared/errors.js';
import type { Db, Tx } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import type { Ctx } from '../../platform/context.js';
import { t } from '../../platform/i18n/messages.js';
import { findOwned } from '../../platform/versioning.js';
import { createManyAudited, updateAudited } from '../../platform/write.js';
import { unitTarget } from '../organization/index.js';
import { itSystems, systemProblems } from './tables.js';

/*
 * Values an import could not read, kept on their system as to-dos (issue 14): the register is
 * cleaned inside Styrbord. A problem is fixed when its field is next saved (the form, the API or
 * an import that reads it), or dismissed by a person who judges it; both are recorded.
 */

type ProblemRow = typeof systemProblems.$inferSelect;
export type NewProblem = {
  row: number;
  field: string;
  heading: string;
  value: string;
  reason: string;
  params?: Record<string, string | number>;
};

/** The problem's text in the reader's language. */
export const problemMessage = (ctx: Pick<Ctx, 'lang'>, p: Pick<ProblemRow, 'reason' | 'params'>) =>
  t(ctx.lang, `services.problem.${p.reason}`, p.params);

/** Records an import's problems on a system, and fixes the open ones the import has now read. */
export async function recordProblems(
  tx: Tx,
  ctx: Ctx,
  systemId: string,
  problems: readonly NewProblem[],
  resolves: readonly string[],
) {
  await createManyAudited(
    tx,
    ctx,
    systemProblems,
    problems.map((p) => ({
      systemId,
      field: p.field,
      heading: p.heading,
      row: p.row,
      value: p.value,
      reason: p.reason,
      params: p.params ?? {},
    })),
    { entity: 'system_problem', action: 'import' },
  );
  if (resolves.length) await resolve(tx, ctx, systemId, resolves, 'fixed');
}

async function resolve(
  tx: Tx,
  ctx: Ctx,
  systemId: string,
  ids: readonly string[],
  resolution: 'fixed' | 'dismissed',
) {
  const rows = await tx
    .select()
    .from(systemProblems)
    .where(
      and(
        eq(systemProblems.tenantId, ctx.tenantId),
        eq(systemProblems.systemId, systemId),
        inArray(systemProblems.id, [...ids]),
        isNull(systemProblems.resolvedAt),
      ),
    );
  for (const row of rows)
    await updateAudited(
      tx,
      ctx,
      systemProblems,
      row.id,
      row.version,
      { resolvedAt: ctx.now, resolution },
      { entity: 'system_problem', action: resolution === 'fixed' ? 'fix' : 'dismiss', before: row },
    );
}

/**
 * A save of these fields of the system answers its open problems of the matching register fields
 * (`contract` for a contract of the system): they are marked fixed in the same transaction.
 */
export async function answerProblems(
  tx: Tx,
  ctx: Ctx,
  systemId: string,
  changed: readonly string[],
) {
  const fields = answeredFields(changed);
  if (!fields.length) return;
  const open = await tx
    .select({ id: systemProblems.id })
    .from(systemProblems)
    .where(
      and(
        eq(systemProblems.systemId, systemId),
        inArray(systemProblems.field, fields),
        isNull(systemProblems.resolvedAt),
      ),
    );
  if (open.length)
    await resolve(
      tx,
      ctx,
      systemId,
      open.map((o) => o.id),
      'fixed',
    );
}

const toView = (ctx: Ctx, p: ProblemRow & { systemName?: string }) => ({
  id: p.id,
  systemId: p.systemId,
  ...(p.systemName !== undefined ? { systemName: p.systemName } : {}),
  field: p.field,
  heading: p.heading,
  row: p.row,
  value: p.value,
  message: problemMessage(ctx, p),
  resolvedAt: p.resolvedAt?.toISOString() ?? null,
  resolution: p.resolution as 'fixed' | 'dismissed' | null,
  version: p.version,
  createdAt: p.createdAt.toISOString(),
});
export type ProblemView = ReturnType<typeof toView>;

async function systemOf(db: Db | Tx, ctx: Ctx, systemId: string) {
  const [s] = await db
    .select({ id: itSystems.id, ownerUnitId: itSystems.ownerUnitId })
    .from(itSystems)
    .where(and(eq(itSystems.id, systemId), eq(itSystems.tenantId, ctx.tenantId)));
  if (!s) throw notFound('entity.system');
  return s;
}

/** A system's problems: the open ones, or every one with how it ended. */
export async function systemProblemsOf(db: Db, ctx: Ctx, systemId: string, all: boolean) {
  authorize(ctx, 'org.read');
  await systemOf(db, ctx, systemId);
  const rows = await db
    .select()
    .from(systemProblems)
    .where(
      and(
        eq(systemProblems.systemId, systemId),
        all ? undefined : isNull(systemProblems.resolvedAt),
      ),
    )
    .orderBy(asc(systemProblems.resolvedAt), asc(systemProblems.row), asc(systemProblems.heading));
  return rows.map((r) => toView(ctx, r));
}

/** Every open problem of the register, page by page (the review list), newest import first. */
export async function openProblems(
  db: Db,
  ctx: Ctx,
  q: { limit: number; offset: number; field?: string | undefined },
  opts: { all?: boolean } = {},
) {
  authorize(ctx, 'org.read');
  const where = and(
    eq(systemProblems.tenantId, ctx.tenantId),
    isNull(systemProblems.resolvedAt),
    isNull(itSystems.archivedAt),
    q.field ? eq(systemProblems.field, q.field) : undefined,
  );
  const base = db
    .select({ problem: systemProblems, systemName: itSystems.name })
    .from(systemProblems)
    .innerJoin(itSystems, eq(itSystems.id, systemProblems.systemId))
    .where(where)
    .orderBy(desc(systemProblems.createdAt), asc(itSystems.name), asc(systemProblems.heading));
  const rows = opts.all ? await base : await base.limit(q.limit).offset(q.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(systemProblems)
    .innerJoin(itSystems, eq(itSystems.id, systemProblems.systemId))
    .where(where);
  return {
    items: rows.map((r) => toView(ctx, { ...r.problem, systemName: r.systemName })),
    total: count?.n ?? 0,
  };
}

/** A person judges a problem needs no change: dismissed, by whom and when, in the trail. */
export async function dismissProblem(
  db: Db,
  ctx: Ctx,
  systemId: string,
  problemId: string,
  version: number,
) {
  const system = await systemOf(db, ctx, systemId);
  authorize(
    ctx,
    'systems.edit',
    system.ownerUnitId ? await unitTarget(db, ctx, system.ownerUnitId) : 'tenant',
  );
  const before = await findOwned(db, systemProblems, ctx, problemId, 'system_problem');
  if (before.systemId !== systemId) throw notFound('entity.system_problem');
  if (before.resolvedAt)
    throw invalid('services.problem.alreadyResolved', [
      { path: 'problemId', key: 'services.problem.alreadyResolved' },
    ]);
  return db.transaction(async (tx) => {
    const row = await updateAudited(
      tx,
      ctx,
      systemProblems,
      problemId,
      version,
      { resolvedAt: ctx.now, resolution: 'dismissed' },
      { entity: 'system_problem', action: 'dismiss', before },
    );
    return toView(ctx, row);
  });
}
