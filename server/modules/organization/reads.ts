import {
  and,
  asc,
  eq,
  getTableName,
  inArray,
  isNull,
  or,
  sql,
  type AnyColumn,
  type SQL,
} from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { todayOf } from '../../platform/context.js';
import { assertAllOwned, findOwned } from '../../platform/versioning.js';
import { adoptionRefusal } from '../../../domain/organization/decision.js';
import { invalid } from '../../../domain/shared/errors.js';
import { splitPath } from './identity.js';
import { decisions, forums, meetings, orgUnits, persons, roleGrants } from './tables.js';

/*
 * The read queries other contexts may use. Other contexts never name the organisation's tables;
 * where a list shows a name beside each row, the organisation writes the SQL (a correlated
 * subquery on the primary key) and the consumer places it in its own select, so the list stays
 * one query. See docs/decisions/0003-context-surfaces.md.
 */

type Read = Db | Tx;
type Id = string | null | undefined;

// ---------------------------------------------------------------- SQL expressions (one query)

/**
 * The consumer's column, always with its table's name: Drizzle leaves a single-table select's
 * columns unqualified, and inside the subquery an unqualified "updated_by" would be the person's.
 */
const outer = (column: AnyColumn) =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;

/** The unit's name for a unit id column (null when the column is null). */
export const unitName = (unitId: AnyColumn) =>
  sql<string | null>`(SELECT u.name FROM org_units u WHERE u.id = ${outer(unitId)})`;

/** The person's name for a person id column (null when the column is null). */
export const personName = (personId: AnyColumn) =>
  sql<string | null>`(SELECT p.name FROM persons p WHERE p.id = ${outer(personId)})`;

/** The forum's name for a forum id column (null when the column is null). */
export const forumName = (forumId: AnyColumn) =>
  sql<string | null>`(SELECT f.name FROM forums f WHERE f.id = ${outer(forumId)})`;

/**
 * Each unit of a jsonb array of unit ids, as {id, name}, in the array's order (an id that no
 * longer names a unit is left out).
 */
export const unitRefs = (unitIds: AnyColumn) =>
  sql<
    { id: string; name: string }[]
  >`coalesce((SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY x.n) FROM jsonb_array_elements_text(${outer(unitIds)}) WITH ORDINALITY AS x(id, n) JOIN org_units u ON u.id::text = x.id), '[]'::json)`;

/** How a decision is cited beside a record: date, paragraph, case number, the body's short name. */
export const decisionCitation = (column: AnyColumn) => {
  const decisionId = outer(column);
  return {
    decidedOn: sql<
      string | null
    >`(SELECT d.decided_on::text FROM decisions d WHERE d.id = ${decisionId})`,
    paragraph: sql<string | null>`(SELECT d.paragraph FROM decisions d WHERE d.id = ${decisionId})`,
    caseNumber: sql<
      string | null
    >`(SELECT d.case_number FROM decisions d WHERE d.id = ${decisionId})`,
    bodyShortName: sql<
      string | null
    >`(SELECT coalesce(u.short_name, u.name) FROM decisions d JOIN org_units u ON u.id = d.body_unit_id WHERE d.id = ${decisionId})`,
    /** day, month or unknown: pass it to decisionReference so "augusti 2024" and "framgår ej" read right. */
    datePrecision: sql<
      string | null
    >`(SELECT d.date_precision FROM decisions d WHERE d.id = ${decisionId})`,
    decidedByTitle: sql<
      string | null
    >`(SELECT d.decided_by_title FROM decisions d WHERE d.id = ${decisionId})`,
  };
};

// ---------------------------------------------------------------- existence and targets

export type OrgEntity = 'unit' | 'person' | 'decision' | 'forum';
const tableOf = { unit: orgUnits, person: persons, decision: decisions, forum: forums } as const;

/** Every id names a unit, person, decision or forum of the tenant; else NotFound (`entity.<kind>`). */
export async function assertOrgOwned(
  db: Read,
  ctx: Pick<Ctx, 'tenantId'>,
  entity: OrgEntity,
  ids: readonly Id[],
) {
  await assertAllOwned(db, tableOf[entity], ctx, ids, entity);
}

/**
 * The decision cited as a record's adoption must be one that adopts (see `adoptionRefusal`):
 * NotFound when it is not the tenant's, else a 400 on `path` that names the decision and says why.
 */
export async function assertAdoptingDecision(
  db: Read,
  ctx: Pick<Ctx, 'tenantId'>,
  decisionId: Id,
  path: string,
) {
  if (!decisionId) return;
  const d = await findOwned(db, decisions, ctx, decisionId, 'decision');
  const refusal = adoptionRefusal(d);
  if (!refusal) return;
  const title = d.title.length > 80 ? `${d.title.slice(0, 79)}…` : d.title;
  throw invalid(
    `org.decision.${refusal === 'not_approved' ? 'notApproved' : 'notADecision'}`,
    [
      {
        path,
        key: `org.decision.${refusal === 'not_approved' ? 'notApproved' : 'notADecision'}`,
        params: { title, outcome: `orgOutcome.${d.outcome}`, kind: `orgDecisionKind.${d.kind}` },
      },
    ],
    { title, outcome: `orgOutcome.${d.outcome}`, kind: `orgDecisionKind.${d.kind}` },
  );
}

/** The tenant's unit, in full; NotFound otherwise. */
export async function findUnit(db: Read, ctx: Pick<Ctx, 'tenantId'>, unitId: string) {
  return findOwned(db, orgUnits, ctx, unitId, 'unit');
}

/** The target for authorisation: the unit's place in the tree. */
export const targetOf = (unit: { path: string }) => ({ unitPath: splitPath(unit.path) });

/** The unit as an authorisation target ("unit target with path"); NotFound if not the tenant's. */
export async function unitTarget(db: Read, ctx: Pick<Ctx, 'tenantId'>, unitId: string) {
  return targetOf(await findUnit(db, ctx, unitId));
}

// ---------------------------------------------------------------- names and lists

/** Units by id, with name and kind, ordered by name. */
export async function unitsByIds(db: Read, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind })
    .from(orgUnits)
    .where(inArray(orgUnits.id, [...new Set(ids)]))
    .orderBy(asc(orgUnits.name));
}

/** People by id, with name. */
export async function personsByIds(db: Read, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: persons.id, name: persons.name })
    .from(persons)
    .where(inArray(persons.id, [...new Set(ids)]));
}

/** Names of these units, by id. */
export async function unitNames(db: Read, ids: readonly string[]) {
  return new Map((await unitsByIds(db, ids)).map((u) => [u.id, u.name]));
}

/** Names of these people, by id. */
export async function personNames(db: Read, ids: readonly string[]) {
  return new Map((await personsByIds(db, ids)).map((p) => [p.id, p.name]));
}

/** Names of these forums, by id. */
export async function forumNames(db: Read, ids: readonly string[]) {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db
    .select({ id: forums.id, name: forums.name })
    .from(forums)
    .where(inArray(forums.id, wanted));
  return new Map(rows.map((f) => [f.id, f.name]));
}

/** The tenant's forum's name, or null. */
export async function forumNameOf(db: Read, ctx: Pick<Ctx, 'tenantId'>, forumId: string) {
  const [f] = await db
    .select({ name: forums.name })
    .from(forums)
    .where(and(eq(forums.id, forumId), eq(forums.tenantId, ctx.tenantId)));
  return f?.name ?? null;
}

/** The tenant's person's name, or null. */
export async function personNameOf(db: Read, ctx: Pick<Ctx, 'tenantId'>, personId: string) {
  const [p] = await db
    .select({ name: persons.name })
    .from(persons)
    .where(and(eq(persons.id, personId), eq(persons.tenantId, ctx.tenantId)));
  return p?.name ?? null;
}

/** Where to send a person a mail: email and name. */
/** Whether the person may still use the app: not archived, allowed to log in, holding a role. */
export async function hasAccess(db: Read, tenantId: string, personId: string) {
  const [p] = await db
    .select({ id: persons.id })
    .from(persons)
    .where(
      and(
        eq(persons.id, personId),
        eq(persons.tenantId, tenantId),
        eq(persons.canLogIn, true),
        isNull(persons.archivedAt),
        sql`EXISTS (SELECT 1 FROM ${roleGrants} WHERE ${roleGrants.personId} = ${persons.id})`,
      ),
    );
  return p !== undefined;
}

export async function personContact(db: Read, personId: string) {
  const [p] = await db
    .select({ email: persons.email, name: persons.name })
    .from(persons)
    .where(eq(persons.id, personId));
  return p;
}

/** Every person of the tenant with name and e-mail (for matching the owners a register names). */
export async function tenantPeople(db: Read, ctx: Pick<Ctx, 'tenantId'>) {
  return db
    .select({ id: persons.id, name: persons.name, email: persons.email })
    .from(persons)
    .where(eq(persons.tenantId, ctx.tenantId));
}

/** Every unit of the tenant, archived ones too, with what the tree and its rules need. */
export async function tenantUnits(db: Read, ctx: Pick<Ctx, 'tenantId'>) {
  return db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      shortName: orgUnits.shortName,
      path: orgUnits.path,
      kind: orgUnits.kind,
      archivedAt: orgUnits.archivedAt,
      endsOn: orgUnits.endsOn,
    })
    .from(orgUnits)
    .where(eq(orgUnits.tenantId, ctx.tenantId));
}

/** Ids of the unit and every unit below it (a subtree filter). */
export async function subtreeUnitIds(db: Read, ctx: Pick<Ctx, 'tenantId'>, unitId: string) {
  const units = await tenantUnits(db, ctx);
  return units.filter((u) => splitPath(u.path).includes(unitId)).map((u) => u.id);
}

/** The tenant's units of these kinds, archived or not, with their end dates. */
export async function unitsOfKinds(
  db: Read,
  ctx: Pick<Ctx, 'tenantId'>,
  kinds: readonly string[],
  opts: { liveOnly?: boolean; today?: string } = {},
) {
  const conds: (SQL | undefined)[] = [
    eq(orgUnits.tenantId, ctx.tenantId),
    inArray(orgUnits.kind, [...kinds]),
  ];
  if (opts.liveOnly) conds.push(isNull(orgUnits.archivedAt));
  if (opts.today) conds.push(or(isNull(orgUnits.endsOn), sql`${orgUnits.endsOn} >= ${opts.today}`));
  return db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      kind: orgUnits.kind,
      archivedAt: orgUnits.archivedAt,
      endsOn: orgUnits.endsOn,
    })
    .from(orgUnits)
    .where(and(...conds))
    .orderBy(asc(orgUnits.name));
}

/** The tenant's bodies of these kinds in force today (not archived, not ended). */
export async function bodiesInForce(db: Read, ctx: Ctx, kinds: readonly string[]) {
  return unitsOfKinds(db, ctx, kinds, { liveOnly: true, today: todayOf(ctx.now) });
}

/** Which unit each decision belongs to: its body, or the unit its forum sits under. */
export async function decisionUnits(db: Read, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: decisions.id,
      bodyUnitId: decisions.bodyUnitId,
      forumUnitId: forums.parentUnitId,
    })
    .from(decisions)
    .leftJoin(forums, eq(forums.id, decisions.forumId))
    .where(inArray(decisions.id, [...new Set(ids)]));
}

/** Whether the id names a unit, person, decision or forum of the tenant. */
export async function isOrgOwned(
  db: Read,
  ctx: Pick<Ctx, 'tenantId'>,
  entity: OrgEntity,
  id: string,
) {
  const table = tableOf[entity];
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), eq(table.tenantId, ctx.tenantId)))
    .limit(1);
  return rows.length > 0;
}

/**
 * For the host (server/host), outside every tenant: how many units and people each tenant has
 * (counts only, no names), unarchived ones.
 */
export async function countsByTenant(
  db: Read,
): Promise<Map<string, { units: number; people: number }>> {
  const [units, people] = await Promise.all([
    db
      .select({ tenantId: orgUnits.tenantId, n: sql<number>`count(*)::int` })
      .from(orgUnits)
      .where(isNull(orgUnits.archivedAt))
      .groupBy(orgUnits.tenantId),
    db
      .select({ tenantId: persons.tenantId, n: sql<number>`count(*)::int` })
      .from(persons)
      .where(isNull(persons.archivedAt))
      .groupBy(persons.tenantId),
  ]);
  const counts = new Map<string, { units: number; people: number }>();
  const of = (id: string) => counts.get(id) ?? counts.set(id, { units: 0, people: 0 }).get(id)!;
  for (const r of units) of(r.tenantId).units = r.n;
  for (const r of people) of(r.tenantId).people = r.n;
  return counts;
}

// ---------------------------------------------------------------- meetings and decision chains

/** The meetings (held or planned) of these bodies, for deadlines set as "at the meeting in …". */
export async function meetingsOfBodies(
  db: Read,
  ctx: Pick<Ctx, 'tenantId'>,
  bodyIds: readonly string[],
) {
  if (bodyIds.length === 0) return [];
  return db
    .select({ id: meetings.id, bodyUnitId: meetings.bodyUnitId, heldOn: meetings.heldOn })
    .from(meetings)
    .where(
      and(eq(meetings.tenantId, ctx.tenantId), inArray(meetings.bodyUnitId, [...new Set(bodyIds)])),
    )
    .orderBy(asc(meetings.heldOn));
}

export type ChainDecision = {
  id: string;
  proposedByDecisionId: string | null;
  level: string;
  title: string;
  decidedOn: string | null;
  datePrecision: string;
  decidedByTitle: string | null;
  paragraph: string | null;
  caseNumber: string | null;
  bodyUnitId: string | null;
  bodyKind: string | null;
  bodyShortName: string | null;
};

const chainColumns = {
  id: decisions.id,
  proposedByDecisionId: decisions.proposedByDecisionId,
  level: decisions.level,
  title: decisions.title,
  decidedOn: decisions.decidedOn,
  datePrecision: decisions.datePrecision,
  decidedByTitle: decisions.decidedByTitle,
  paragraph: decisions.paragraph,
  caseNumber: decisions.caseNumber,
  bodyUnitId: decisions.bodyUnitId,
  bodyKind: orgUnits.kind,
  bodyShortName: sql<string | null>`coalesce(${orgUnits.shortName}, ${orgUnits.name})`,
};

/**
 * These decisions and every decision that proposed them, back to the first proposal (each
 * decision's proposedByDecisionId), by id: an assignment's chain AU → styrelse → fullmäktige.
 */
export async function decisionsWithProposals(
  db: Read,
  ctx: Pick<Ctx, 'tenantId'>,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, ChainDecision>> {
  const found = new Map<string, ChainDecision>();
  let wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  for (let depth = 0; wanted.length > 0 && depth < 10; depth++) {
    const rows = await db
      .select(chainColumns)
      .from(decisions)
      .leftJoin(orgUnits, eq(orgUnits.id, decisions.bodyUnitId))
      .where(and(eq(decisions.tenantId, ctx.tenantId), inArray(decisions.id, wanted)));
    for (const r of rows) found.set(r.id, r);
    wanted = [
      ...new Set(
        rows.map((r) => r.proposedByDecisionId).filter((x): x is string => !!x && !found.has(x)),
      ),
    ];
  }
  return found;
}

/** The decisions later in the chain than this one: those its proposal led to, at any depth. */
export async function laterDecisions(db: Read, ctx: Pick<Ctx, 'tenantId'>, id: string) {
  const found = new Map<string, ChainDecision>();
  let from = [id];
  for (let depth = 0; from.length > 0 && depth < 10; depth++) {
    const rows = await db
      .select(chainColumns)
      .from(decisions)
      .leftJoin(orgUnits, eq(orgUnits.id, decisions.bodyUnitId))
      .where(
        and(eq(decisions.tenantId, ctx.tenantId), inArray(decisions.proposedByDecisionId, from)),
      );
    from = rows.filter((r) => !found.has(r.id)).map((r) => r.id);
    for (const r of rows) found.set(r.id, r);
  }
  return [...found.values()];
}

// ---------------------------------------------------------------- published counts (issue 16)

export * from './counts.js';

// ---------------------------------------------------------------- predecessors (issue 16, documents)

/**
 * These units of the tenant as they stand today: end date and the bodies that succeeded them
 * (one step), by id. A document adopted by a predecessor body (landstingsstyrelsen before the
 * region) shows it as such, and its strategies count for the body that took over.
 */
export async function unitsWithSuccessors(
  db: Read,
  ctx: Pick<Ctx, 'tenantId'>,
  ids: readonly string[],
): Promise<
  Map<
    string,
    { id: string; name: string; endsOn: string | null; successors: { id: string; name: string }[] }
  >
> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      endsOn: orgUnits.endsOn,
      successors: sql<
        { id: string; name: string }[]
      >`coalesce((SELECT json_agg(json_build_object('id', su.id, 'name', su.name) ORDER BY su.name) FROM org_unit_successions s JOIN org_units su ON su.id = s.successor_id WHERE s.predecessor_id = "org_units"."id" AND s.tenant_id = "org_units"."tenant_id"), '[]'::json)`,
    })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, ctx.tenantId), inArray(orgUnits.id, wanted)));
  return new Map(rows.map((u) => [u.id, u]));
}

/**
 * The tenant's units of these kinds that existed at some time in [from, to]: started by `to`
 * (or with no start recorded) and not ended before `from`. An archived unit without an end date
 * ended when it was archived. For a year's follow-up, so a body set up later or wound up
 * earlier is not listed (issue 16, goals).
 */
export async function unitsExistingIn(
  db: Read,
  ctx: Pick<Ctx, 'tenantId'>,
  kinds: readonly string[],
  period: { from: string; to: string },
) {
  return db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      kind: orgUnits.kind,
      startsOn: orgUnits.startsOn,
      endsOn: orgUnits.endsOn,
    })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.tenantId, ctx.tenantId),
        inArray(orgUnits.kind, [...kinds]),
        or(isNull(orgUnits.startsOn), sql`${orgUnits.startsOn} <= ${period.to}`),
        sql`coalesce(${orgUnits.endsOn}, (${orgUnits.archivedAt} AT TIME ZONE 'UTC')::date, ${period.from}::date) >= ${period.from}::date`,
      ),
    )
    .orderBy(asc(orgUnits.name));
}
