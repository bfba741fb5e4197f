import { addMonths } from '../../../domain/shared/dates.js';
import {
  and,
  asc,
  eq,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  sql,
  type AnyColumn,
} from 'drizzle-orm';
import { likelyDuplicates } from '../../../domain/services/system.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import { unitName, unitsByIds } from '../organization/index.js';
import { listNodes } from './ownership.service.js';
import { listObjects } from './objects.service.js';
import { flagCounts, systemSettings } from './systems.service.js';
import { contracts, itSystems } from './tables.js';

/** A system's yearly cost as costTotalOf reckons it: the register's total, else the parts. */
const cost = sql<number>`coalesce(sum(coalesce(${itSystems.costTotalReported}, coalesce(${itSystems.costLicence}, 0) + coalesce(${itSystems.costOperation}, 0) + coalesce(${itSystems.costStaff}, 0))), 0)::float8`;
/** Category and lifecycle as keys: `unknown` where a register gave none that could be read. */
const keyOf = (c: AnyColumn) => sql<string>`coalesce(${c}, 'unknown')`;

/**
 * The register at a glance: systems by category, lifecycle and owning unit (count and yearly
 * cost), how many raise each flag, a capability map of the overlaps, and the contracts that end
 * within five years (or have ended while their system still runs).
 */
export async function overview(db: Db, ctx: Ctx) {
  authorize(ctx, 'org.read');
  const live = and(eq(itSystems.tenantId, ctx.tenantId), isNull(itSystems.archivedAt));
  const byCategory = await db
    .select({ key: keyOf(itSystems.category), count: sql<number>`count(*)::int`, cost })
    .from(itSystems)
    .where(live)
    .groupBy(keyOf(itSystems.category))
    .orderBy(asc(keyOf(itSystems.category)));
  const byLifecycle = await db
    .select({ key: keyOf(itSystems.lifecycle), count: sql<number>`count(*)::int`, cost })
    .from(itSystems)
    .where(live)
    .groupBy(keyOf(itSystems.lifecycle));
  const byOwner = await db
    .select({
      unitId: itSystems.ownerUnitId,
      name: unitName(itSystems.ownerUnitId),
      count: sql<number>`count(*)::int`,
      cost,
    })
    .from(itSystems)
    .where(live)
    .groupBy(itSystems.ownerUnitId)
    .orderBy(sql`count(*) DESC`, asc(unitName(itSystems.ownerUnitId)));

  // Capability map: for each capability served by systems of several units, how many systems each unit runs.
  const rows = await db
    .select({
      id: itSystems.id,
      name: itSystems.name,
      ownerUnitId: itSystems.ownerUnitId,
      lifecycle: itSystems.lifecycle,
      capabilities: itSystems.capabilities,
    })
    .from(itSystems)
    .where(live);
  const overlaps = likelyDuplicates(rows).slice(0, 25);
  const unitIds = [
    ...new Set(overlaps.flatMap((o) => o.systems.map((s) => s.ownerUnitId ?? ''))),
  ].filter(Boolean);
  const units = await unitsByIds(db, unitIds);
  const unitIndex = new Map(units.map((u, i) => [u.id, i]));
  const cells: { capability: number; unit: number; systems: string[] }[] = [];
  overlaps.forEach((o, ci) => {
    const byUnit = new Map<number, string[]>();
    for (const s of o.systems) {
      const ui = s.ownerUnitId ? unitIndex.get(s.ownerUnitId) : undefined;
      if (ui === undefined) continue;
      byUnit.set(ui, [...(byUnit.get(ui) ?? []), s.name]);
    }
    for (const [ui, names] of byUnit) cells.push({ capability: ci, unit: ui, systems: names });
  });

  // Contract timeline.
  const today = todayOf(ctx.now);
  const settings = await systemSettings(db, ctx.tenantId);
  const warnUntil = addMonths(today, settings.contractWarningMonths);
  const timeline = await db
    .select({
      id: contracts.id,
      contractRef: contracts.contractRef,
      supplierName: contracts.supplierName,
      endsOn: contracts.endsOn,
      noticeMonths: contracts.noticeMonths,
      valuePerYear: contracts.valuePerYear,
      systemId: itSystems.id,
      systemName: itSystems.name,
      lifecycle: itSystems.lifecycle,
    })
    .from(contracts)
    .innerJoin(itSystems, eq(itSystems.id, contracts.systemId))
    .where(
      and(
        live,
        isNotNull(contracts.endsOn),
        lte(contracts.endsOn, addMonths(today, 60)),
        or(
          sql`${contracts.endsOn} >= ${today}`,
          inArray(itSystems.lifecycle, ['operating', 'phasing_out']),
        ),
      ),
    )
    .orderBy(asc(contracts.endsOn), asc(itSystems.name))
    .limit(500);

  const flags = await flagCounts(db, ctx);
  return {
    total: flags.total,
    flagCounts: flags.counts,
    byCategory,
    byLifecycle,
    byOwner: byOwner.map((o) => ({ unitId: o.unitId, name: o.name, count: o.count, cost: o.cost })),
    capabilityMap: {
      capabilities: overlaps.map((o) => o.capability),
      units: units.map((u) => ({ id: u.id, name: u.name })),
      cells,
    },
    contracts: timeline.map((c) => ({
      ...c,
      status: (c.endsOn! < today ? 'expired' : c.endsOn! <= warnUntil ? 'ending' : 'later') as
        'expired' | 'ending' | 'later',
    })),
    today,
    warnUntil,
    warnMonths: settings.contractWarningMonths,
  };
}

/** The ownership gaps beyond single systems: areas and services without a responsible person, unapproved duplicates, objects without owner or manager. */
export async function ownershipGaps(db: Db, ctx: Ctx) {
  authorize(ctx, 'org.read');
  const nodes = (await listNodes(db, ctx, { includeArchived: false })).filter(
    (n) => n.flags.length > 0,
  );
  const objects = (await listObjects(db, ctx, { includeArchived: false })).filter(
    (o) => !o.ownerPersonId || !o.managerPersonId,
  );
  const systems = await flagCounts(db, ctx);
  return {
    nodes,
    objects,
    systemCounts: {
      no_owner: systems.counts.no_owner,
      no_manager: systems.counts.no_manager,
      owner_external: systems.counts.owner_external,
    },
  };
}
