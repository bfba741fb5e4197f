import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  DEFAULT_SYSTEM_SETTINGS,
  costTotalOf,
  SYSTEM_FLAGS,
  likelyDuplicates,
  type SystemFlag,
  systemFlags,
  ContractInput,
  ContractUpdate,
  SystemInput,
  SystemUpdate,
  type SystemListQuery,
  type SystemSettings,
} from '../../../domain/services/system.js';
import { invalid, notFound } from '../../../domain/shared/errors.js';
import type { Db, Tx } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import { likeEscape } from '../../platform/lists.js';
import { findOwned } from '../../platform/versioning.js';
import { createAudited, inTransaction, parseInput, updateAudited } from '../../platform/write.js';
import {
  assertOrgOwned,
  personName,
  unitName,
  unitRefs,
  unitTarget,
} from '../organization/index.js';
import { tenants } from '../../platform/tables.js';
import { answerProblems } from './problems.service.js';
import { contracts, itSystems } from './tables.js';

const selectSystems = (db: Db | Tx) =>
  db
    .select({
      system: itSystems,
      ownerUnitName: unitName(itSystems.ownerUnitId),
      ownerPersonName: personName(itSystems.ownerPersonId),
      managerPersonName: personName(itSystems.managerPersonId),
      ownerAppointedByName: personName(itSystems.ownerAppointedById),
      managerAppointedByName: personName(itSystems.managerAppointedById),
      technicalContactName: personName(itSystems.technicalContactId),
      contractHolderUnitName: unitName(itSystems.contractHolderUnitId),
      userUnits: unitRefs(itSystems.userUnitIds),
      openProblems: openProblemsOf(),
    })
    .from(itSystems);

/**
 * How many values an import could not read are still open on each system. Written with explicit
 * table names: inside a subquery an unqualified "id" would be the problem's own.
 */
const openProblemsOf = () =>
  sql<number>`(SELECT count(*)::int FROM "system_problems" sp WHERE sp."system_id" = "it_systems"."id" AND sp."resolved_at" IS NULL)`.mapWith(
    Number,
  );

type Row = {
  system: typeof itSystems.$inferSelect;
  ownerUnitName: string | null;
  ownerPersonName: string | null;
  managerPersonName: string | null;
  ownerAppointedByName: string | null;
  managerAppointedByName: string | null;
  technicalContactName: string | null;
  contractHolderUnitName: string | null;
  userUnits: { id: string; name: string }[];
  openProblems: number;
};
export type SystemView = ReturnType<typeof view>;

const view = (
  r: Row,
  cs: readonly { endsOn: string | null }[],
  today: string,
  settings: SystemSettings,
) => {
  const s = r.system;
  const upcoming = cs
    .map((c) => c.endsOn)
    .filter((e): e is string => Boolean(e) && e! >= today)
    .sort();
  return {
    ...s,
    ownerUnitName: r.ownerUnitName,
    ownerPersonName: r.ownerPersonName,
    managerPersonName: r.managerPersonName,
    ownerAppointedByName: r.ownerAppointedByName,
    managerAppointedByName: r.managerAppointedByName,
    technicalContactName: r.technicalContactName,
    contractHolderUnitName: r.contractHolderUnitName,
    userUnits: r.userUnits,
    openProblems: r.openProblems,
    costTotal: costTotalOf(s),
    nextContractEndOn: upcoming[0] ?? null,
    flags: systemFlags({ ...s, openProblems: r.openProblems }, cs, today, settings),
  };
};

/** How early contracts warn and how old a classification may be: the region's settings, or the defaults. */
export async function systemSettings(db: Db | Tx, tenantId: string): Promise<SystemSettings> {
  const [t] = await db
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return {
    contractWarningMonths:
      t?.settings.contractWarningMonths ?? DEFAULT_SYSTEM_SETTINGS.contractWarningMonths,
    classificationMaxAgeYears:
      t?.settings.classificationMaxAgeYears ?? DEFAULT_SYSTEM_SETTINGS.classificationMaxAgeYears,
  };
}

async function contractsOf(db: Db | Tx, ids: string[]) {
  if (ids.length === 0) return new Map<string, { endsOn: string | null }[]>();
  const rows = await db
    .select({ systemId: contracts.systemId, endsOn: contracts.endsOn })
    .from(contracts)
    .where(inArray(contracts.systemId, ids));
  const m = new Map<string, { endsOn: string | null }[]>();
  for (const r of rows) m.set(r.systemId, [...(m.get(r.systemId) ?? []), r]);
  return m;
}

/**
 * The register with its flags. Flags depend on today and on contracts, so the domain rule computes
 * them. Without a flag filter the page comes from SQL. With one, the flag-relevant columns of every
 * matching system (no joins) decide the filter, the total and the page; then only the page's rows
 * are read in full. An export reads all matching rows in full.
 */
export async function listSystems(
  db: Db,
  ctx: Ctx,
  q: z.infer<typeof SystemListQuery>,
  opts: { all?: boolean } = {},
) {
  authorize(ctx, 'org.read');
  const text = q.q ? `%${likeEscape(q.q.toLowerCase())}%` : null;
  const where = and(
    eq(itSystems.tenantId, ctx.tenantId),
    q.includeArchived ? undefined : isNull(itSystems.archivedAt),
    q.category ? eq(itSystems.category, q.category) : undefined,
    q.lifecycle ? eq(itSystems.lifecycle, q.lifecycle) : undefined,
    q.ownerUnitId ? eq(itSystems.ownerUnitId, q.ownerUnitId) : undefined,
    q.capability ? sql`${itSystems.capabilities} ? ${q.capability}` : undefined,
    text
      ? or(
          sql`lower(${itSystems.name}) LIKE ${text}`,
          sql`lower(${itSystems.aliases}::text) LIKE ${text}`,
          sql`lower(coalesce(${itSystems.supplierName}, '')) LIKE ${text}`,
        )
      : undefined,
  );
  const today = todayOf(ctx.now);
  const settings = await systemSettings(db, ctx.tenantId);
  if (!q.flag && !opts.all) {
    // No flag to filter by: the page and the total come straight from SQL.
    const rows = await selectSystems(db)
      .where(where)
      .orderBy(asc(itSystems.name), asc(itSystems.id))
      .limit(q.limit)
      .offset(q.offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(itSystems)
      .where(where);
    const cs = await contractsOf(
      db,
      rows.map((r) => r.system.id),
    );
    return {
      items: rows.map((r) => view(r, cs.get(r.system.id) ?? [], today, settings)),
      total: count?.n ?? 0,
    };
  }
  const light = await lightRows(db, where);
  const cs = await contractsOf(db, q.flag ? light.map((r) => r.id) : []);
  const matching = q.flag
    ? light.filter((r) => systemFlags(r, cs.get(r.id) ?? [], today, settings).includes(q.flag!))
    : light;
  const pageIds = (opts.all ? matching : matching.slice(q.offset, q.offset + q.limit)).map(
    (r) => r.id,
  );
  if (pageIds.length === 0) return { items: [], total: matching.length };
  const rows = await selectSystems(db)
    .where(inArray(itSystems.id, pageIds))
    .orderBy(asc(itSystems.name), asc(itSystems.id));
  const pageContracts = q.flag ? cs : await contractsOf(db, pageIds);
  return {
    items: rows.map((r) => view(r, pageContracts.get(r.system.id) ?? [], today, settings)),
    total: matching.length,
  };
}

/** The columns the flags depend on, for every matching system (no joins). */
const lightRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: itSystems.id,
      lifecycle: itSystems.lifecycle,
      ownerPersonId: itSystems.ownerPersonId,
      ownerExternalName: itSystems.ownerExternalName,
      ownerRole: itSystems.ownerRole,
      managerPersonId: itSystems.managerPersonId,
      confidentiality: itSystems.confidentiality,
      integrity: itSystems.integrity,
      availability: itSystems.availability,
      classifiedOn: itSystems.classifiedOn,
      reclassifyOn: itSystems.reclassifyOn,
      personalData: itSystems.personalData,
      dpaSignedOn: itSystems.dpaSignedOn,
      dpaStatus: itSystems.dpaStatus,
      dpiaStatus: itSystems.dpiaStatus,
      openProblems: openProblemsOf(),
      archivedAt: itSystems.archivedAt,
    })
    .from(itSystems)
    .where(where)
    .orderBy(asc(itSystems.name), asc(itSystems.id))
    .limit(20_000);

/** How many live systems raise each flag. */
export async function flagCounts(db: Db, ctx: Ctx) {
  const rows = await lightRows(
    db,
    and(eq(itSystems.tenantId, ctx.tenantId), isNull(itSystems.archivedAt)),
  );
  const cs = await contractsOf(
    db,
    rows.map((r) => r.id),
  );
  const today = todayOf(ctx.now);
  const settings = await systemSettings(db, ctx.tenantId);
  const counts = Object.fromEntries(SYSTEM_FLAGS.map((f) => [f, 0])) as Record<SystemFlag, number>;
  for (const r of rows)
    for (const f of systemFlags(r, cs.get(r.id) ?? [], today, settings)) counts[f] += 1;
  return { total: rows.length, counts };
}

export async function getSystem(db: Db | Tx, ctx: Ctx, id: string) {
  authorize(ctx, 'org.read');
  const [row] = await selectSystems(db).where(
    and(eq(itSystems.id, id), eq(itSystems.tenantId, ctx.tenantId)),
  );
  if (!row) throw notFound('entity.system');
  const cs = await contractsOf(db, [id]);
  return view(row, cs.get(id) ?? [], todayOf(ctx.now), await systemSettings(db, ctx.tenantId));
}

/** The units' places in the tree, read once per request (an import asks for the same ones often). */
type UnitTarget = Awaited<ReturnType<typeof unitTarget>>;
const targetsOf = new WeakMap<Ctx, Map<string, UnitTarget>>();

export async function systemTarget(db: Db | Tx, ctx: Ctx, ownerUnitId: string | null | undefined) {
  if (!ownerUnitId) return 'tenant' as const;
  let known = targetsOf.get(ctx);
  if (!known) targetsOf.set(ctx, (known = new Map<string, UnitTarget>()));
  const cached = known.get(ownerUnitId);
  if (cached) return cached;
  const target = await unitTarget(db, ctx, ownerUnitId);
  known.set(ownerUnitId, target);
  return target;
}

export async function checkSystemRefs(db: Db | Tx, ctx: Ctx, s: Partial<SystemInput>) {
  await assertOrgOwned(db, ctx, 'person', [
    s.ownerPersonId,
    s.managerPersonId,
    s.technicalContactId,
    s.ownerAppointedById,
    s.managerAppointedById,
  ]);
  await assertOrgOwned(db, ctx, 'unit', [s.contractHolderUnitId, ...(s.userUnitIds ?? [])]);
}

/** Classification records who classified and when, unless given. */
const classificationStamp = (
  ctx: Ctx,
  s: Partial<SystemInput>,
  before?: {
    confidentiality: number | null;
    integrity: number | null;
    availability: number | null;
  },
) => {
  const changed = ['confidentiality', 'integrity', 'availability'].some(
    (k) =>
      k in s &&
      s[k as 'integrity'] !== undefined &&
      (!before || s[k as 'integrity'] !== before[k as 'integrity']),
  );
  return changed
    ? {
        classifiedBy: ctx.actor.personId,
        // Today, unless the writer gives the date, or says it is unknown (null: an import).
        classifiedOn: s.classifiedOn !== undefined ? s.classifiedOn : todayOf(ctx.now),
      }
    : {};
};

/** A processing agreement with a signing date is signed, unless the writer says otherwise. */
const dpaStamp = (s: Partial<SystemInput>) =>
  s.dpaSignedOn && s.dpaStatus === undefined ? { dpaStatus: 'signed' as const } : {};

/** `view: false` (imports) answers the new id only, sparing the read of the whole view. */
export async function createSystem(
  db: Db | Tx,
  ctx: Ctx,
  raw: SystemInput,
  action = 'create',
  opts: { view?: false } = {},
) {
  const input = parseInput(SystemInput, raw, ctx.lang);
  authorize(ctx, 'systems.edit', await systemTarget(db, ctx, input.ownerUnitId));
  await checkSystemRefs(db, ctx, input);
  return inTransaction(db, async (tx) => {
    const row = await createAudited(
      tx,
      ctx,
      itSystems,
      { ...input, ...dpaStamp(input), ...classificationStamp(ctx, input) },
      { entity: 'system', action },
    );
    return opts.view === false ? ({ id: row.id } as SystemView) : getSystem(tx, ctx, row.id);
  });
}

export async function updateSystem(
  db: Db | Tx,
  ctx: Ctx,
  id: string,
  raw: Partial<SystemInput> & { version: number; archived?: boolean },
  action?: string,
  opts: { view?: false } = {},
) {
  const input = parseInput(SystemUpdate, raw, ctx.lang);
  const before = await findOwned(db, itSystems, ctx, id, 'system');
  authorize(ctx, 'systems.edit', await systemTarget(db, ctx, before.ownerUnitId));
  if (input.ownerUnitId !== undefined && input.ownerUnitId !== before.ownerUnitId)
    authorize(ctx, 'systems.edit', await systemTarget(db, ctx, input.ownerUnitId));
  await checkSystemRefs(db, ctx, input);
  const { version, archived, ...changes } = input;
  return inTransaction(db, async (tx) => {
    await updateAudited(
      tx,
      ctx,
      itSystems,
      id,
      version,
      {
        ...changes,
        ...dpaStamp(changes),
        ...classificationStamp(ctx, changes, before),
        ...(archived !== undefined ? { archivedAt: archived ? ctx.now : null } : {}),
      },
      { entity: 'system', action: action ?? (archived ? 'archive' : 'update'), before },
    );
    await answerProblems(tx, ctx, id, Object.keys(changes));
    return opts.view === false ? ({ id } as SystemView) : getSystem(tx, ctx, id);
  });
}

export async function listContracts(db: Db, ctx: Ctx, systemId: string) {
  await getSystem(db, ctx, systemId);
  return db
    .select()
    .from(contracts)
    .where(and(eq(contracts.tenantId, ctx.tenantId), eq(contracts.systemId, systemId)))
    .orderBy(asc(contracts.endsOn));
}

/**
 * `opts.newSystem`: the system was created in the caller's transaction just now (an import's row),
 * so its owner is known and it has no problems to answer yet.
 */
export async function createContract(
  db: Db | Tx,
  ctx: Ctx,
  raw: z.infer<typeof ContractInput>,
  action = 'create',
  opts: { newSystem?: { id: string; ownerUnitId: string | null } } = {},
) {
  const input = parseInput(ContractInput, raw, ctx.lang);
  const system =
    opts.newSystem?.id === input.systemId
      ? opts.newSystem
      : await findOwned(db, itSystems, ctx, input.systemId, 'system');
  authorize(ctx, 'systems.edit', await systemTarget(db, ctx, system.ownerUnitId));
  return inTransaction(db, async (tx) => {
    const row = await createAudited(tx, ctx, contracts, input, { entity: 'contract', action });
    if (!opts.newSystem) await answerProblems(tx, ctx, input.systemId, ['contract']);
    return row;
  });
}

export async function updateContract(
  db: Db | Tx,
  ctx: Ctx,
  id: string,
  raw: Partial<z.infer<typeof ContractInput>> & { version: number },
  action = 'update',
) {
  const input = parseInput(ContractUpdate, raw, ctx.lang);
  const before = await findOwned(db, contracts, ctx, id, 'contract');
  const system = await findOwned(db, itSystems, ctx, before.systemId, 'system');
  authorize(ctx, 'systems.edit', await systemTarget(db, ctx, system.ownerUnitId));
  const { version, ...changes } = input;
  const startsOn = changes.startsOn === undefined ? before.startsOn : changes.startsOn;
  const endsOn = changes.endsOn === undefined ? before.endsOn : changes.endsOn;
  if (startsOn && endsOn && startsOn > endsOn)
    throw invalid('errors.validation', [
      { path: 'endsOn', key: 'services.contractEndBeforeStart' },
    ]);
  return inTransaction(db, async (tx) => {
    const row = await updateAudited(tx, ctx, contracts, id, version, changes, {
      entity: 'contract',
      action,
      before,
    });
    await answerProblems(tx, ctx, before.systemId, ['contract']);
    return row;
  });
}

export async function duplicates(db: Db, ctx: Ctx) {
  authorize(ctx, 'org.read');
  const rows = await db
    .select({
      id: itSystems.id,
      name: itSystems.name,
      ownerUnitId: itSystems.ownerUnitId,
      lifecycle: itSystems.lifecycle,
      capabilities: itSystems.capabilities,
    })
    .from(itSystems)
    .where(and(eq(itSystems.tenantId, ctx.tenantId), isNull(itSystems.archivedAt)));
  return likelyDuplicates(rows);
}
