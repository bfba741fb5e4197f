import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { BODY_KINDS } from '../../../domain/organization/unit.js';
import {
  checkServiceNode,
  effectiveOwningUnit,
  escalationPath,
  serviceNodeFlags,
  ServiceNodeInput,
  type ServiceNodeKind,
  ServiceNodeUpdate,
} from '../../../domain/services/ownership.js';
import { invalid, notFound } from '../../../domain/shared/errors.js';
import type { Db, Tx } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import type { Ctx } from '../../platform/context.js';
import { tenants } from '../../platform/tables.js';
import { assertAllOwned, findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import {
  assertOrgOwned,
  findUnit,
  forumNameOf,
  personNameOf,
  personNames,
  unitNames,
} from '../organization/index.js';
import { systemTarget } from './systems.service.js';
import { itSystems, serviceNodeSystems, serviceNodes } from './tables.js';

type NodeRow = typeof serviceNodes.$inferSelect;
type Ref = { id: string; name: string } | null;

/** Every node of the tenant with the names it refers to: the tree is a few hundred rows at most. */
async function loadTree(db: Db | Tx, ctx: Ctx) {
  const nodes = await db
    .select()
    .from(serviceNodes)
    .where(eq(serviceNodes.tenantId, ctx.tenantId))
    .orderBy(asc(serviceNodes.name));
  const links = await db
    .select({ nodeId: serviceNodeSystems.nodeId, systemId: serviceNodeSystems.systemId })
    .from(serviceNodeSystems)
    .where(eq(serviceNodeSystems.tenantId, ctx.tenantId));
  const personIds = [
    ...new Set(
      nodes
        .flatMap((n) => [
          n.responsiblePersonId,
          n.responsibleAppointedById,
          n.duplicateApprovedById,
        ])
        .filter((x): x is string => Boolean(x)),
    ),
  ];
  const unitIds = [
    ...new Set(nodes.map((n) => n.owningUnitId).filter((x): x is string => Boolean(x))),
  ];
  const personName = await personNames(db, personIds);
  const unitName = await unitNames(db, unitIds);
  const systemsOf = new Map<string, string[]>();
  for (const l of links) systemsOf.set(l.nodeId, [...(systemsOf.get(l.nodeId) ?? []), l.systemId]);
  return {
    nodes,
    byId: new Map(nodes.map((n) => [n.id, n])),
    systemsOf,
    personName,
    unitName,
  };
}
type Tree = Awaited<ReturnType<typeof loadTree>>;

const refOf = (id: string | null, names: Map<string, string>): Ref =>
  id ? { id, name: names.get(id) ?? '—' } : null;

export function nodeView(n: NodeRow, tree: Tree) {
  const duplicateOf = n.duplicateOfId ? (tree.byId.get(n.duplicateOfId) ?? null) : null;
  const owning = effectiveOwningUnit(n, tree.byId);
  return {
    ...n,
    owningUnit: refOf(n.owningUnitId, tree.unitName),
    effectiveOwningUnit: refOf(owning, tree.unitName),
    responsible: refOf(n.responsiblePersonId, tree.personName),
    responsibleAppointedBy: refOf(n.responsibleAppointedById, tree.personName),
    duplicateOf: duplicateOf ? { id: duplicateOf.id, name: duplicateOf.name } : null,
    duplicateApprovedBy: refOf(n.duplicateApprovedById, tree.personName),
    systemIds: tree.systemsOf.get(n.id) ?? [],
    flags: serviceNodeFlags({ ...n, kind: n.kind as ServiceNodeKind }, duplicateOf),
  };
}
export type NodeView = ReturnType<typeof nodeView>;

export async function listNodes(db: Db, ctx: Ctx, q: { includeArchived: boolean }) {
  authorize(ctx, 'org.read');
  const tree = await loadTree(db, ctx);
  return tree.nodes.filter((n) => q.includeArchived || !n.archivedAt).map((n) => nodeView(n, tree));
}

/** The node, its chain up to the coordination area, and the people to escalate to. */
export async function getNode(db: Db | Tx, ctx: Ctx, id: string) {
  authorize(ctx, 'org.read');
  const tree = await loadTree(db, ctx);
  const n = tree.byId.get(id);
  if (!n) throw notFound('entity.serviceNode');
  const chain = chainOf(n, tree);
  const systemIds = tree.systemsOf.get(n.id) ?? [];
  const systems = systemIds.length
    ? await db
        .select({ id: itSystems.id, name: itSystems.name, lifecycle: itSystems.lifecycle })
        .from(itSystems)
        .where(inArray(itSystems.id, systemIds))
        .orderBy(asc(itSystems.name))
    : [];
  return {
    ...nodeView(n, tree),
    chain: chain.map((c) => ({ id: c.id, kind: c.kind as ServiceNodeKind, name: c.name })),
    children: tree.nodes
      .filter((c) => c.parentId === n.id && !c.archivedAt)
      .map((c) => nodeView(c, tree)),
    duplicates: tree.nodes
      .filter((c) => c.duplicateOfId === n.id && !c.archivedAt)
      .map((c) => nodeView(c, tree)),
    systems,
    escalation: escalationPath(
      {},
      chain.map((c) => ({
        kind: c.kind as ServiceNodeKind,
        name: c.name,
        responsible: c.responsiblePersonId
          ? (tree.personName.get(c.responsiblePersonId) ?? null)
          : null,
      })),
      await escalationTop(db, ctx),
    ),
  };
}

function chainOf(n: NodeRow, tree: Tree) {
  const chain: NodeRow[] = [];
  for (
    let cur: NodeRow | undefined = n;
    cur && chain.length < 4;
    cur = cur.parentId ? tree.byId.get(cur.parentId) : undefined
  )
    chain.push(cur);
  return chain;
}

/** The council (a forum named in the settings) and the regional director (a person) top every escalation path. */
export async function escalationTop(db: Db | Tx, ctx: Ctx) {
  const [t] = await db
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  const councilId = t?.settings.councilForumId;
  const directorId = t?.settings.regionalDirectorPersonId;
  const council = councilId ? await forumNameOf(db, ctx, councilId) : null;
  const director = directorId ? await personNameOf(db, ctx, directorId) : null;
  return { council, regionalDirector: director };
}

/** The services a system serves, and its escalation path through the first of them. */
export async function systemContext(
  db: Db,
  ctx: Ctx,
  system: {
    id: string;
    name: string;
    ownerPersonName: string | null;
    ownerExternalName: string | null;
    managerPersonName: string | null;
  },
) {
  const tree = await loadTree(db, ctx);
  const services = tree.nodes.filter(
    (n) => !n.archivedAt && (tree.systemsOf.get(n.id) ?? []).includes(system.id),
  );
  const first = services[0];
  const chain = first ? chainOf(first, tree) : [];
  return {
    services: services.map((s) => ({
      id: s.id,
      name: s.name,
      chain: chainOf(s, tree)
        .slice(1)
        .map((c) => c.name)
        .reverse(),
    })),
    escalation: escalationPath(
      {
        system: system.name,
        systemManager: system.managerPersonName,
        systemOwner: system.ownerPersonName ?? system.ownerExternalName,
      },
      chain.map((c) => ({
        kind: c.kind as ServiceNodeKind,
        name: c.name,
        responsible: c.responsiblePersonId
          ? (tree.personName.get(c.responsiblePersonId) ?? null)
          : null,
      })),
      await escalationTop(db, ctx),
    ),
  };
}

/** Who may change a node: editors of its owning board (for a service area, the coordination area's board). */
async function nodeTarget(db: Db | Tx, ctx: Ctx, owningUnitId: string | null) {
  return systemTarget(db, ctx, owningUnitId);
}

async function validate(
  db: Db | Tx,
  ctx: Ctx,
  n: Omit<ServiceNodeInput, 'systemIds' | 'externalUsers'> & { externalUsers?: unknown[] },
  selfId?: string,
) {
  const [parent] = n.parentId
    ? await db
        .select({ kind: serviceNodes.kind })
        .from(serviceNodes)
        .where(and(eq(serviceNodes.id, n.parentId), eq(serviceNodes.tenantId, ctx.tenantId)))
    : [];
  if (n.parentId && !parent) throw notFound('entity.serviceNode');
  const [dup] = n.duplicateOfId
    ? await db
        .select({ kind: serviceNodes.kind })
        .from(serviceNodes)
        .where(and(eq(serviceNodes.id, n.duplicateOfId), eq(serviceNodes.tenantId, ctx.tenantId)))
    : [];
  if (n.duplicateOfId && !dup) throw notFound('entity.serviceNode');
  const errors = checkServiceNode(
    n,
    (parent?.kind as ServiceNodeKind | undefined) ?? null,
    (dup?.kind as ServiceNodeKind | undefined) ?? null,
    selfId,
  );
  if (n.owningUnitId) {
    const unit = await findUnit(db, ctx, n.owningUnitId);
    if (!BODY_KINDS.includes(unit.kind as never))
      errors.push({ path: 'owningUnitId', key: 'ownership.owningBoardKind' });
  }
  if (errors.length) throw invalid('errors.validation', errors);
  await assertOrgOwned(db, ctx, 'person', [
    n.responsiblePersonId,
    n.responsibleAppointedById,
    n.duplicateApprovedById,
  ]);
  await assertOrgOwned(db, ctx, 'decision', [n.duplicateDecisionId]);
}

/** The owning board that decides who may edit: the node's own, or its parent's for a service area. */
async function owningUnitFor(
  db: Db | Tx,
  ctx: Ctx,
  n: { parentId?: string | null; owningUnitId?: string | null },
) {
  if (n.owningUnitId) return n.owningUnitId;
  const tree = await loadTree(db, ctx);
  const parent = n.parentId ? tree.byId.get(n.parentId) : undefined;
  return parent ? effectiveOwningUnit(parent, tree.byId) : null;
}

async function setSystems(tx: Tx, ctx: Ctx, nodeId: string, systemIds: readonly string[]) {
  await tx.delete(serviceNodeSystems).where(eq(serviceNodeSystems.nodeId, nodeId));
  const unique = [...new Set(systemIds)];
  if (unique.length)
    await tx
      .insert(serviceNodeSystems)
      .values(unique.map((systemId) => ({ tenantId: ctx.tenantId, nodeId, systemId })));
}

export async function createNode(db: Db, ctx: Ctx, raw: ServiceNodeInput) {
  const input = parseInput(ServiceNodeInput, raw, ctx.lang);
  authorize(ctx, 'systems.edit', await nodeTarget(db, ctx, await owningUnitFor(db, ctx, input)));
  await validate(db, ctx, input);
  if (input.systemIds.length && input.kind !== 'service')
    throw invalid('errors.validation', [{ path: 'systemIds', key: 'ownership.servicesOnly' }]);
  await assertAllOwned(db, itSystems, ctx, input.systemIds, 'system');
  const { systemIds, ...values } = input;
  return db.transaction(async (tx) => {
    const row = await createAudited(tx, ctx, serviceNodes, values, {
      entity: 'service_node',
      extra: { systemIds },
    });
    await setSystems(tx, ctx, row.id, systemIds);
    return getNode(tx, ctx, row.id);
  });
}

export async function updateNode(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: Partial<Omit<ServiceNodeInput, 'kind'>> & { version: number; archived?: boolean },
) {
  const input = parseInput(ServiceNodeUpdate, raw, ctx.lang);
  const before = await findOwned(db, serviceNodes, ctx, id, 'serviceNode');
  authorize(ctx, 'systems.edit', await nodeTarget(db, ctx, await owningUnitFor(db, ctx, before)));
  const { version, archived, systemIds, ...changes } = input;
  const merged = {
    ...before,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    kind: before.kind as ServiceNodeKind,
  };
  if (changes.owningUnitId !== undefined || changes.parentId !== undefined)
    authorize(ctx, 'systems.edit', await nodeTarget(db, ctx, await owningUnitFor(db, ctx, merged)));
  await validate(db, ctx, merged, id);
  if (changes.parentId && (await isBelow(db, ctx, changes.parentId, id)))
    throw invalid('errors.validation', [
      {
        path: 'parentId',
        key:
          'ownership.parentMustBe.' +
          String(before.kind === 'service' ? 'service_area' : 'coordination_area'),
      },
    ]);
  if (systemIds?.length && before.kind !== 'service')
    throw invalid('errors.validation', [{ path: 'systemIds', key: 'ownership.servicesOnly' }]);
  if (systemIds) await assertAllOwned(db, itSystems, ctx, systemIds, 'system');
  if (archived) {
    const [active] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(serviceNodes)
      .where(and(eq(serviceNodes.parentId, id), isNull(serviceNodes.archivedAt)));
    if (active && active.n > 0)
      throw invalid(
        'ownership.hasChildren',
        [{ path: 'archived', key: 'ownership.hasChildren', params: { count: active.n } }],
        { count: active.n },
      );
  }
  return db.transaction(async (tx) => {
    const beforeSystems = (
      await tx
        .select({ id: serviceNodeSystems.systemId })
        .from(serviceNodeSystems)
        .where(eq(serviceNodeSystems.nodeId, id))
    )
      .map((r) => r.id)
      .sort();
    await updateAudited(
      tx,
      ctx,
      serviceNodes,
      id,
      version,
      { ...changes, ...(archived !== undefined ? { archivedAt: archived ? ctx.now : null } : {}) },
      {
        entity: 'service_node',
        notFound: 'serviceNode',
        action: archived ? 'archive' : 'update',
        before,
        extraBefore: { systemIds: beforeSystems },
        extra: { systemIds: systemIds ? [...new Set(systemIds)].sort() : beforeSystems },
      },
    );
    if (systemIds) await setSystems(tx, ctx, id, systemIds);
    return getNode(tx, ctx, id);
  });
}

/** Is `candidate` the node itself or beneath it? (A node cannot move under its own descendant.) */
async function isBelow(db: Db | Tx, ctx: Ctx, candidate: string, nodeId: string) {
  const tree = await loadTree(db, ctx);
  for (
    let cur = tree.byId.get(candidate);
    cur;
    cur = cur.parentId ? tree.byId.get(cur.parentId) : undefined
  )
    if (cur.id === nodeId) return true;
  return false;
}
