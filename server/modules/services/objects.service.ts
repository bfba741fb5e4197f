import { aliasedTable, and, asc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { z } from 'zod';
import {
  IntegrationInput,
  ManagementObjectInput,
  ManagementObjectUpdate,
  ManagementPlanInput,
  ManagementPlanUpdate,
} from '../../../domain/services/ownership.js';
import { conflict, invalid, notFound } from '../../../domain/shared/errors.js';
import type { Db, Tx } from '../../db/client.js';
import { record } from '../../platform/audit/audit.js';
import { authorize } from '../../platform/authorize.js';
import type { Ctx } from '../../platform/context.js';
import { auditable } from '../../platform/stable-json.js';
import { assertOrgOwned, personName, unitName } from '../organization/index.js';
import { assertAllOwned, findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import { systemTarget } from './systems.service.js';
import {
  itSystems,
  managementObjectSystems,
  managementObjects,
  managementPlans,
  systemIntegrations,
} from './tables.js';

async function objectViews(db: Db | Tx, ctx: Ctx, where: ReturnType<typeof and>) {
  const rows = await db
    .select({
      o: managementObjects,
      unitName: unitName(managementObjects.owningUnitId),
      ownerName: personName(managementObjects.ownerPersonId),
      managerName: personName(managementObjects.managerPersonId),
    })
    .from(managementObjects)
    .where(and(eq(managementObjects.tenantId, ctx.tenantId), where))
    .orderBy(asc(managementObjects.name));
  const ids = rows.map((r) => r.o.id);
  const systems = ids.length
    ? await db
        .select({
          objectId: managementObjectSystems.objectId,
          id: itSystems.id,
          name: itSystems.name,
        })
        .from(managementObjectSystems)
        .innerJoin(itSystems, eq(itSystems.id, managementObjectSystems.systemId))
        .where(inArray(managementObjectSystems.objectId, ids))
        .orderBy(asc(itSystems.name))
    : [];
  const plans = ids.length
    ? await db
        .select({ objectId: managementPlans.objectId, year: managementPlans.year })
        .from(managementPlans)
        .where(inArray(managementPlans.objectId, ids))
        .orderBy(asc(managementPlans.year))
    : [];
  const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '—' } : null);
  return rows.map((r) => ({
    ...r.o,
    owningUnit: ref(r.o.owningUnitId, r.unitName),
    owner: ref(r.o.ownerPersonId, r.ownerName),
    manager: ref(r.o.managerPersonId, r.managerName),
    systems: systems.filter((s) => s.objectId === r.o.id).map((s) => ({ id: s.id, name: s.name })),
    planYears: plans.filter((p) => p.objectId === r.o.id).map((p) => p.year),
  }));
}
export type ObjectView = Awaited<ReturnType<typeof objectViews>>[number];

export async function listObjects(db: Db, ctx: Ctx, q: { includeArchived: boolean }) {
  authorize(ctx, 'org.read');
  return objectViews(
    db,
    ctx,
    q.includeArchived ? undefined : and(isNull(managementObjects.archivedAt)),
  );
}

/** The management object a system belongs to (at most one), by the link table's unique system. */
export async function objectOfSystem(db: Db, ctx: Ctx, systemId: string) {
  const [o] = await db
    .select({ id: managementObjects.id, name: managementObjects.name })
    .from(managementObjectSystems)
    .innerJoin(managementObjects, eq(managementObjects.id, managementObjectSystems.objectId))
    .where(
      and(
        eq(managementObjectSystems.systemId, systemId),
        eq(managementObjects.tenantId, ctx.tenantId),
      ),
    );
  return o ?? null;
}

export async function getObject(db: Db | Tx, ctx: Ctx, id: string) {
  authorize(ctx, 'org.read');
  const [o] = await objectViews(db, ctx, and(eq(managementObjects.id, id)));
  if (!o) throw notFound('entity.managementObject');
  return o;
}

/** A system belongs to one management object at most: say which one holds it. */
async function checkSystemsFree(
  db: Db | Tx,
  ctx: Ctx,
  systemIds: readonly string[],
  objectId: string | null,
) {
  await assertAllOwned(db, itSystems, ctx, systemIds, 'system');
  if (systemIds.length === 0) return;
  const taken = await db
    .select({ name: itSystems.name, object: managementObjects.name })
    .from(managementObjectSystems)
    .innerJoin(itSystems, eq(itSystems.id, managementObjectSystems.systemId))
    .innerJoin(managementObjects, eq(managementObjects.id, managementObjectSystems.objectId))
    .where(
      and(
        inArray(managementObjectSystems.systemId, [...systemIds]),
        objectId ? ne(managementObjectSystems.objectId, objectId) : undefined,
      ),
    )
    .limit(1);
  if (taken[0])
    throw invalid('errors.validation', [
      {
        path: 'systemIds',
        key: 'ownership.systemInOtherObject',
        params: { name: taken[0].name, object: taken[0].object },
      },
    ]);
}

async function setObjectSystems(tx: Tx, ctx: Ctx, objectId: string, systemIds: readonly string[]) {
  await tx.delete(managementObjectSystems).where(eq(managementObjectSystems.objectId, objectId));
  const unique = [...new Set(systemIds)];
  if (unique.length)
    await tx
      .insert(managementObjectSystems)
      .values(unique.map((systemId) => ({ tenantId: ctx.tenantId, objectId, systemId })));
}

export async function createObject(db: Db, ctx: Ctx, raw: z.infer<typeof ManagementObjectInput>) {
  const input = parseInput(ManagementObjectInput, raw, ctx.lang);
  authorize(ctx, 'systems.edit', await systemTarget(db, ctx, input.owningUnitId));
  await assertOrgOwned(db, ctx, 'person', [input.ownerPersonId, input.managerPersonId]);
  await checkSystemsFree(db, ctx, input.systemIds, null);
  const { systemIds, ...values } = input;
  return db.transaction(async (tx) => {
    const row = await createAudited(tx, ctx, managementObjects, values, {
      entity: 'management_object',
      extra: { systemIds },
    });
    await setObjectSystems(tx, ctx, row.id, systemIds);
    return getObject(tx, ctx, row.id);
  });
}

export async function updateObject(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: z.infer<typeof ManagementObjectUpdate>,
) {
  const input = parseInput(ManagementObjectUpdate, raw, ctx.lang);
  const before = await getObject(db, ctx, id);
  authorize(ctx, 'systems.edit', await systemTarget(db, ctx, before.owningUnitId));
  if (input.owningUnitId !== undefined && input.owningUnitId !== before.owningUnitId)
    authorize(ctx, 'systems.edit', await systemTarget(db, ctx, input.owningUnitId));
  await assertOrgOwned(db, ctx, 'person', [input.ownerPersonId, input.managerPersonId]);
  if (input.systemIds) await checkSystemsFree(db, ctx, input.systemIds, id);
  const { version, archived, systemIds, ...changes } = input;
  return db.transaction(async (tx) => {
    const beforeIds = before.systems.map((s) => s.id).sort();
    await updateAudited(
      tx,
      ctx,
      managementObjects,
      id,
      version,
      { ...changes, ...(archived !== undefined ? { archivedAt: archived ? ctx.now : null } : {}) },
      {
        entity: 'management_object',
        notFound: 'managementObject',
        action: archived ? 'archive' : 'update',
        // The event records the object's own fields and its system ids, not the view's joins.
        before: auditable(before, ['systems', 'planYears', 'owningUnit', 'owner', 'manager'])!,
        extraBefore: { systemIds: beforeIds },
        extra: { systemIds: systemIds ? [...new Set(systemIds)].sort() : beforeIds },
      },
    );
    if (systemIds) await setObjectSystems(tx, ctx, id, systemIds);
    return getObject(tx, ctx, id);
  });
}

const planView = (p: typeof managementPlans.$inferSelect) => ({
  ...p,
  activitiesCost: p.activities.reduce((sum, a) => sum + (a.cost ?? 0), 0),
});

export async function listPlans(db: Db, ctx: Ctx, objectId: string) {
  await getObject(db, ctx, objectId);
  return (
    await db
      .select()
      .from(managementPlans)
      .where(
        and(eq(managementPlans.tenantId, ctx.tenantId), eq(managementPlans.objectId, objectId)),
      )
      .orderBy(asc(managementPlans.year))
  ).map(planView);
}

export async function createPlan(
  db: Db,
  ctx: Ctx,
  objectId: string,
  raw: z.infer<typeof ManagementPlanInput>,
) {
  const input = parseInput(ManagementPlanInput, raw, ctx.lang);
  const object = await findOwned(db, managementObjects, ctx, objectId, 'managementObject');
  authorize(ctx, 'systems.edit', await systemTarget(db, ctx, object.owningUnitId));
  const [taken] = await db
    .select({ id: managementPlans.id })
    .from(managementPlans)
    .where(and(eq(managementPlans.objectId, objectId), eq(managementPlans.year, input.year)));
  if (taken)
    throw invalid(
      'ownership.planYearTaken',
      [{ path: 'year', key: 'ownership.planYearTaken', params: { year: input.year } }],
      { year: input.year },
    );
  return db.transaction(async (tx) => {
    const row = await createAudited(
      tx,
      ctx,
      managementPlans,
      { objectId, ...input },
      { entity: 'management_plan' },
    );
    return planView(row);
  });
}

export async function updatePlan(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: z.infer<typeof ManagementPlanUpdate>,
) {
  const input = parseInput(ManagementPlanUpdate, raw, ctx.lang);
  const before = await findOwned(db, managementPlans, ctx, id, 'managementPlan');
  const object = await findOwned(db, managementObjects, ctx, before.objectId, 'managementObject');
  authorize(ctx, 'systems.edit', await systemTarget(db, ctx, object.owningUnitId));
  const { version, ...changes } = input;
  const status = changes.status ?? before.status;
  const adoptedOn = changes.adoptedOn === undefined ? before.adoptedOn : changes.adoptedOn;
  if (status === 'adopted' && !adoptedOn)
    throw invalid('errors.validation', [{ path: 'adoptedOn', key: 'ownership.adoptedNeedsDate' }]);
  return db.transaction(async (tx) => {
    const after = await updateAudited(tx, ctx, managementPlans, id, version, changes, {
      entity: 'management_plan',
      notFound: 'managementPlan',
      before,
    });
    return planView(after);
  });
}

const fromSystem = aliasedTable(itSystems, 'from_system');
const toSystem = aliasedTable(itSystems, 'to_system');

export async function listIntegrations(db: Db, ctx: Ctx, systemId: string) {
  authorize(ctx, 'org.read');
  await findOwned(db, itSystems, ctx, systemId, 'system');
  const rows = await db
    .select({ i: systemIntegrations, fromName: fromSystem.name, toName: toSystem.name })
    .from(systemIntegrations)
    .innerJoin(fromSystem, eq(fromSystem.id, systemIntegrations.fromSystemId))
    .innerJoin(toSystem, eq(toSystem.id, systemIntegrations.toSystemId))
    .where(
      and(
        eq(systemIntegrations.tenantId, ctx.tenantId),
        or(
          eq(systemIntegrations.fromSystemId, systemId),
          eq(systemIntegrations.toSystemId, systemId),
        ),
      ),
    )
    .orderBy(asc(fromSystem.name), asc(toSystem.name));
  return rows.map((r) => ({
    id: r.i.id,
    version: r.i.version,
    fromSystem: { id: r.i.fromSystemId, name: r.fromName },
    toSystem: { id: r.i.toSystemId, name: r.toName },
    method: r.i.method as never,
    description: r.i.description,
  }));
}

/** Either end's owner may record an integration between two systems. */
async function authorizeIntegration(db: Db, ctx: Ctx, fromId: string, toId: string) {
  const from = await findOwned(db, itSystems, ctx, fromId, 'system');
  const to = await findOwned(db, itSystems, ctx, toId, 'system');
  try {
    authorize(ctx, 'systems.edit', await systemTarget(db, ctx, from.ownerUnitId));
  } catch {
    authorize(ctx, 'systems.edit', await systemTarget(db, ctx, to.ownerUnitId));
  }
}

export async function createIntegration(db: Db, ctx: Ctx, raw: z.infer<typeof IntegrationInput>) {
  const input = parseInput(IntegrationInput, raw, ctx.lang);
  await authorizeIntegration(db, ctx, input.fromSystemId, input.toSystemId);
  const [exists] = await db
    .select({ id: systemIntegrations.id })
    .from(systemIntegrations)
    .where(
      and(
        eq(systemIntegrations.fromSystemId, input.fromSystemId),
        eq(systemIntegrations.toSystemId, input.toSystemId),
        eq(systemIntegrations.method, input.method),
      ),
    );
  if (exists) throw conflict('ownership.integrationExists');
  return db.transaction(async (tx) => {
    const row = await createAudited(tx, ctx, systemIntegrations, input, {
      entity: 'integration',
    });
    return { id: row.id };
  });
}

export async function deleteIntegration(db: Db, ctx: Ctx, id: string) {
  const before = await findOwned(db, systemIntegrations, ctx, id, 'integration');
  await authorizeIntegration(db, ctx, before.fromSystemId, before.toSystemId);
  await db.transaction(async (tx) => {
    await tx
      .delete(systemIntegrations)
      .where(and(eq(systemIntegrations.id, id), eq(systemIntegrations.tenantId, ctx.tenantId)));
    await record(tx, ctx, {
      entityType: 'integration',
      entityId: id,
      action: 'delete',
      before: auditable(before),
    });
  });
}
