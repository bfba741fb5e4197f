import { randomUUID } from 'node:crypto';
import { aliasedTable, and, asc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { pathUnder, wouldCreateCycle } from '../../../domain/organization/tree.js';
import {
  SuccessionInput,
  UnitArchive,
  UnitInput,
  UnitListQuery,
  UnitMove,
  UnitUpdate,
} from '../../../domain/organization/unit.js';
import { invalid, notFound } from '../../../domain/shared/errors.js';
import type { Db, Tx } from '../../db/client.js';
import { record } from '../../platform/audit/audit.js';
import { authorize } from '../../platform/authorize.js';
import type { Ctx } from '../../platform/context.js';
import { likeEscape, orderOf, totalOf, totalOver } from '../../platform/lists.js';
import { auditable } from '../../platform/stable-json.js';
import { findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import { splitPath } from './identity.js';
import { targetOf } from './reads.js';
import { orgUnitPlacements, orgUnits, orgUnitSuccessions } from './tables.js';

type UnitRow = typeof orgUnits.$inferSelect;
export type UnitWithCount = UnitRow & { childCount: number };

const childCount = sql<number>`(SELECT count(*)::int FROM org_units c WHERE c.parent_id = "org_units"."id" AND c.archived_at IS NULL)`;

export { targetOf };

export async function listUnits(
  db: Db,
  ctx: Ctx,
  q: z.infer<typeof UnitListQuery>,
  page: { limit: number; offset: number },
) {
  authorize(ctx, 'org.read');
  const conds: (SQL | undefined)[] = [
    eq(orgUnits.tenantId, ctx.tenantId),
    q.includeArchived ? undefined : isNull(orgUnits.archivedAt),
    q.parentId === 'root'
      ? isNull(orgUnits.parentId)
      : q.parentId
        ? eq(orgUnits.parentId, q.parentId)
        : undefined,
    q.kind ? eq(orgUnits.kind, q.kind) : undefined,
    q.q
      ? or(
          sql`lower(${orgUnits.name}) LIKE ${`%${likeEscape(q.q.toLowerCase())}%`}`,
          ilike(orgUnits.shortName, likeEscape(q.q)),
        )
      : undefined,
  ];
  const where = and(...conds);
  const items = await db
    .select({ unit: orgUnits, childCount, total: totalOver })
    .from(orgUnits)
    .where(where)
    .orderBy(
      ...orderOf(
        q.sort,
        { name: orgUnits.name, kind: orgUnits.kind, startsOn: orgUnits.startsOn },
        [asc(orgUnits.path)],
      ),
    )
    .limit(page.limit)
    .offset(page.offset);
  const total = await totalOf(
    items,
    page.offset,
    async () =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(orgUnits)
          .where(where)
      )[0]?.n ?? 0,
  );
  return { items: items.map((r) => ({ ...r.unit, childCount: r.childCount })), total };
}

/** The whole tree in one query (a region has some hundreds of units), ordered so parents come first. */
export async function unitTree(db: Db, ctx: Ctx, includeArchived: boolean) {
  authorize(ctx, 'org.read');
  const rows = await db
    .select({ unit: orgUnits, childCount })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.tenantId, ctx.tenantId),
        includeArchived ? undefined : isNull(orgUnits.archivedAt),
      ),
    )
    .orderBy(sql`array_length(string_to_array(${orgUnits.path}, '/'), 1)`, asc(orgUnits.name));
  return rows.map((r) => ({ ...r.unit, childCount: r.childCount }));
}

export async function getUnit(db: Db | Tx, ctx: Ctx, id: string): Promise<UnitWithCount> {
  authorize(ctx, 'org.read');
  const [row] = await db
    .select({ unit: orgUnits, childCount })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, id), eq(orgUnits.tenantId, ctx.tenantId)));
  if (!row) throw notFound('entity.unit');
  return { ...row.unit, childCount: row.childCount };
}

export async function unitHistory(db: Db, ctx: Ctx, id: string) {
  await getUnit(db, ctx, id);
  const parent = aliasedTable(orgUnits, 'parent');
  const placements = await db
    .select({
      parentId: orgUnitPlacements.parentId,
      parentName: parent.name,
      fromAt: orgUnitPlacements.fromAt,
      toAt: orgUnitPlacements.toAt,
    })
    .from(orgUnitPlacements)
    .leftJoin(parent, eq(parent.id, orgUnitPlacements.parentId))
    .where(eq(orgUnitPlacements.unitId, id))
    .orderBy(asc(orgUnitPlacements.fromAt));
  const pred = aliasedTable(orgUnits, 'pred');
  const succ = aliasedTable(orgUnits, 'succ');
  const successions = await db
    .select({ s: orgUnitSuccessions, predecessorName: pred.name, successorName: succ.name })
    .from(orgUnitSuccessions)
    .innerJoin(pred, eq(pred.id, orgUnitSuccessions.predecessorId))
    .innerJoin(succ, eq(succ.id, orgUnitSuccessions.successorId))
    .where(
      and(
        eq(orgUnitSuccessions.tenantId, ctx.tenantId),
        or(eq(orgUnitSuccessions.predecessorId, id), eq(orgUnitSuccessions.successorId, id)),
      ),
    );
  return {
    placements,
    successions: successions.map((r) => ({
      ...r.s,
      predecessorName: r.predecessorName,
      successorName: r.successorName,
    })),
  };
}

async function loadParent(db: Db | Tx, ctx: Ctx, parentId: string) {
  const parent = await findOwned(db, orgUnits, ctx, parentId, 'unit');
  if (parent.archivedAt)
    throw invalid('org.unit.parentArchived', [
      { path: 'parentId', key: 'org.unit.parentArchived' },
    ]);
  return parent;
}

export async function createUnit(
  db: Db | Tx,
  ctx: Ctx,
  raw: z.infer<typeof UnitInput>,
): Promise<UnitWithCount> {
  const input = parseInput(UnitInput, raw, ctx.lang);
  const parent = input.parentId ? await loadParent(db, ctx, input.parentId) : null;
  if (!parent) {
    // One root per tenant: every role is granted on the tree, so a second root would be a unit
    // that no one, not even the administrator who made it, could edit or archive.
    const [root] = await db
      .select({ name: orgUnits.name })
      .from(orgUnits)
      .where(and(eq(orgUnits.tenantId, ctx.tenantId), isNull(orgUnits.parentId)))
      .limit(1);
    const key = root ? 'org.unit.oneRoot' : 'org.unit.parentRequired';
    if (
      root ||
      !ctx.actor.grants.some((g) => g.role === 'administrator' && g.unitPath.length === 1)
    )
      throw invalid(key, [{ path: 'parentId', key, params: { root: root?.name ?? '' } }], {
        root: root?.name ?? '',
      });
  }
  authorize(ctx, 'org.unit.edit', parent ? targetOf(parent) : 'tenant');
  const id = randomUUID();
  const path = pathUnder(parent ? splitPath(parent.path) : null, id).join('/');
  return db.transaction(async (tx) => {
    const row = await createAudited(
      tx,
      ctx,
      orgUnits,
      {
        id,
        parentId: parent?.id ?? null,
        path,
        kind: input.kind,
        name: input.name,
        shortName: input.shortName ?? null,
        code: input.code ?? null,
        description: input.description ?? null,
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
      },
      { entity: 'unit' },
    );
    await tx.insert(orgUnitPlacements).values({
      tenantId: ctx.tenantId,
      unitId: id,
      parentId: parent?.id ?? null,
      fromAt: ctx.now,
    });
    return { ...row, childCount: 0 };
  });
}

export async function updateUnit(
  db: Db | Tx,
  ctx: Ctx,
  id: string,
  raw: z.infer<typeof UnitUpdate>,
) {
  const input = parseInput(UnitUpdate, raw, ctx.lang);
  const before = await findOwned(db, orgUnits, ctx, id, 'unit');
  authorize(ctx, 'org.unit.edit', targetOf(before));
  const { version, ...changes } = input;
  const startsOn = changes.startsOn === undefined ? before.startsOn : changes.startsOn;
  const endsOn = changes.endsOn === undefined ? before.endsOn : changes.endsOn;
  if (startsOn && endsOn && startsOn > endsOn)
    throw invalid('errors.validation', [{ path: 'endsOn', key: 'org.unit.endBeforeStart' }]);
  return db.transaction(async (tx) => {
    await updateAudited(tx, ctx, orgUnits, id, version, changes, { entity: 'unit', before });
    return getUnit(tx, ctx, id);
  });
}

/** Moves a unit and its whole subtree; the old placement is kept as history. */
export async function moveUnit(db: Db | Tx, ctx: Ctx, id: string, raw: z.infer<typeof UnitMove>) {
  const input = parseInput(UnitMove, raw, ctx.lang);
  const unit = await findOwned(db, orgUnits, ctx, id, 'unit');
  authorize(ctx, 'org.unit.edit', targetOf(unit));
  const parent = input.parentId ? await loadParent(db, ctx, input.parentId) : null;
  // One root per tenant: only the root itself stays without a parent.
  if (!parent && unit.parentId)
    throw invalid('org.unit.moveToRoot', [{ path: 'parentId', key: 'org.unit.moveToRoot' }]);
  authorize(ctx, 'org.unit.edit', parent ? targetOf(parent) : 'tenant');
  const oldPath = splitPath(unit.path);
  const parentPath = parent ? splitPath(parent.path) : null;
  if (wouldCreateCycle(oldPath, parentPath))
    throw invalid('org.unit.cycle', [{ path: 'parentId', key: 'org.unit.cycle' }]);
  const newPath = pathUnder(parentPath, id).join('/');
  return db.transaction(async (tx) => {
    await updateAudited(
      tx,
      ctx,
      orgUnits,
      id,
      input.version,
      { parentId: parent?.id ?? null, path: newPath },
      {
        entity: 'unit',
        action: 'move',
        event: {
          before: { parentId: unit.parentId, path: unit.path },
          after: { parentId: parent?.id ?? null, path: newPath },
        },
      },
    );
    // One statement rewrites every descendant's path: no query per row.
    await tx
      .update(orgUnits)
      .set({ path: sql`${newPath} || substr(${orgUnits.path}, ${unit.path.length + 1})` })
      .where(
        and(
          eq(orgUnits.tenantId, ctx.tenantId),
          sql`${orgUnits.path} LIKE ${`${likeEscape(unit.path)}/%`}`,
        ),
      );
    await tx
      .update(orgUnitPlacements)
      .set({ toAt: ctx.now })
      .where(and(eq(orgUnitPlacements.unitId, id), isNull(orgUnitPlacements.toAt)));
    await tx.insert(orgUnitPlacements).values({
      tenantId: ctx.tenantId,
      unitId: id,
      parentId: parent?.id ?? null,
      fromAt: ctx.now,
    });
    return getUnit(tx, ctx, id);
  });
}

export async function archiveUnit(db: Db, ctx: Ctx, id: string, raw: z.infer<typeof UnitArchive>) {
  const input = parseInput(UnitArchive, raw, ctx.lang);
  const unit = await findOwned(db, orgUnits, ctx, id, 'unit');
  authorize(ctx, 'org.unit.edit', targetOf(unit));
  if (input.archived) {
    const [active] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(orgUnits)
      .where(and(eq(orgUnits.parentId, id), isNull(orgUnits.archivedAt)));
    if ((active?.n ?? 0) > 0) throw invalid('org.unit.hasActiveChildren');
  } else if (unit.parentId) {
    await loadParent(db, ctx, unit.parentId);
  }
  return db.transaction(async (tx) => {
    await updateAudited(
      tx,
      ctx,
      orgUnits,
      id,
      input.version,
      { archivedAt: input.archived ? ctx.now : null },
      {
        entity: 'unit',
        action: input.archived ? 'archive' : 'restore',
        event: {
          before: { archivedAt: unit.archivedAt?.toISOString() ?? null },
          after: { archived: input.archived },
        },
      },
    );
    return getUnit(tx, ctx, id);
  });
}

export async function addSuccession(
  db: Db,
  ctx: Ctx,
  predecessorId: string,
  raw: z.infer<typeof SuccessionInput>,
) {
  const input = parseInput(SuccessionInput, raw, ctx.lang);
  const pred = await findOwned(db, orgUnits, ctx, predecessorId, 'unit');
  await findOwned(db, orgUnits, ctx, input.successorId, 'unit');
  authorize(ctx, 'org.unit.edit', targetOf(pred));
  if (predecessorId === input.successorId)
    throw invalid('org.succession.cycle', [{ path: 'successorId', key: 'org.succession.cycle' }]);
  return db.transaction((tx) =>
    createAudited(
      tx,
      ctx,
      orgUnitSuccessions,
      {
        predecessorId,
        successorId: input.successorId,
        onDate: input.onDate ?? null,
        decisionId: input.decisionId ?? null,
        note: input.note ?? null,
      },
      { entity: 'succession' },
    ),
  );
}

export async function removeSuccession(db: Db, ctx: Ctx, id: string) {
  const s = await findOwned(db, orgUnitSuccessions, ctx, id, 'succession');
  const pred = await findOwned(db, orgUnits, ctx, s.predecessorId, 'unit');
  authorize(ctx, 'org.unit.edit', targetOf(pred));
  await db.transaction(async (tx) => {
    await tx.delete(orgUnitSuccessions).where(eq(orgUnitSuccessions.id, id));
    await record(tx, ctx, {
      entityType: 'succession',
      entityId: id,
      action: 'delete',
      before: auditable(s),
    });
  });
}
