import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  DEFAULT_ROUTING,
  DEFAULT_SCORING,
  TRANSITIONS,
  initiativeFlags,
  realisedShare,
  isCrossUnit,
  nextMeasurementDue,
  proposeSelection,
  transitionFailures,
  weightedScore,
  BenefitInput,
  BenefitUpdate,
  InitiativeInput,
  InitiativeUpdate,
  MeasurementInput,
  PHASES,
  type Phase,
  type RoutingRule,
  TransitionInput,
} from '../../../domain/portfolio/initiative.js';
import { boardOf } from '../../../domain/portfolio/routing.js';
import { invalid } from '../../../domain/shared/errors.js';
import type { Db, Tx } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import { t as say } from '../../platform/i18n/messages.js';
import { tenants } from '../../platform/tables.js';
import { assertAllOwned, findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import {
  assertAdoptingDecision,
  assertOrgOwned,
  decisionUnits,
  findUnit,
  personName,
  personNames,
  forumNames,
  splitPath,
  tenantUnits,
  unitName,
  unitsOfKinds,
} from '../organization/index.js';
import { benefits, initiativeTransitions, initiatives } from './tables.js';
import { assertSystemsOwned } from '../services/index.js';
import { assertGoalsOwned } from '../goals/index.js';
import { assertDocumentsOwned, documentsByIds, type LinkedDocument } from '../documents/index.js';

type Row = typeof initiatives.$inferSelect;
type BenefitRow = typeof benefits.$inferSelect;

/** The region's routing rule and scoring model, from its settings. */
export async function portfolioSettings(
  db: Db | Tx,
  tenantId: string,
): Promise<{ rule: RoutingRule; scoring: { key: string; label: string; weight: number }[] }> {
  const [t] = await db
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  const s = t?.settings;
  return {
    rule: {
      councilForumId: s?.councilForumId ?? null,
      decidingBodyId: s?.portfolioDecidingBodyId ?? null,
      crossUnitThreshold: s?.crossUnitThreshold ?? DEFAULT_ROUTING.crossUnitThreshold,
    },
    scoring: s?.scoringModel?.length ? s.scoringModel : [...DEFAULT_SCORING],
  };
}

/** What the rules need about many initiatives at once: unit paths, deciding decisions, benefits. */
async function context(db: Db | Tx, ctx: Ctx, rows: Row[]) {
  const units = await tenantUnits(db, ctx);
  const unitPath = new Map(units.map((u) => [u.id, splitPath(u.path)]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const unitKind = new Map(units.map((u) => [u.id, u.kind]));
  const boardOfPath = (path: readonly string[]) => boardOf(path, (id) => unitKind.get(id));
  const decisionIds = [
    ...new Set(rows.map((r) => r.decisionId).filter((x): x is string => Boolean(x))),
  ];
  const decs = await decisionUnits(db, decisionIds);
  const ids = rows.map((r) => r.id);
  const bens = ids.length
    ? await db.select().from(benefits).where(inArray(benefits.initiativeId, ids))
    : [];
  const personIds = [
    ...new Set(rows.map((r) => r.ownerPersonId).filter((x): x is string => Boolean(x))),
  ];
  const forumIds = rows.map((r) => r.preparedByForumId).filter((x): x is string => Boolean(x));
  const docs = await documentsByIds(
    db,
    ctx,
    rows.flatMap((r) => r.documentIds),
    todayOf(ctx.now),
  );
  return {
    unitPath,
    unitName,
    boardOfPath,
    documents: new Map<string, LinkedDocument>(docs.map((d) => [d.id, d])),
    decs,
    bens,
    personName: await personNames(db, personIds),
    forumName: await forumNames(db, forumIds),
  };
}
type Context = Awaited<ReturnType<typeof context>>;

function guardInputOf(r: Row, c: Context) {
  const d = r.decisionId ? c.decs.find((x) => x.id === r.decisionId) : undefined;
  const decisionUnit = d ? (d.bodyUnitId ?? d.forumUnitId) : null;
  const ownerUnitPath = r.ownerUnitId ? (c.unitPath.get(r.ownerUnitId) ?? []) : [];
  const affectedUnitPaths = r.affectedUnitIds.map((u) => c.unitPath.get(u) ?? [u]);
  return {
    phase: r.phase as Phase,
    ownerUnitPath,
    affectedUnitPaths,
    ownerBoardId: c.boardOfPath(ownerUnitPath),
    affectedBoardIds: affectedUnitPaths.map((p) => c.boardOfPath(p)),
    decision: r.decisionId
      ? {
          unitId: decisionUnit ?? null,
          unitPath: decisionUnit ? (c.unitPath.get(decisionUnit) ?? null) : null,
        }
      : null,
    preparedByForumId: r.preparedByForumId,
    routingExceptionDecisionId: r.routingExceptionDecisionId,
    benefits: c.bens.filter((b) => b.initiativeId === r.id),
  };
}

function view(
  r: Row,
  c: Context,
  settings: Awaited<ReturnType<typeof portfolioSettings>>,
  today: string,
) {
  const g = guardInputOf(r, c);
  // A document archived or no longer the tenant's is left out; the rest in the given order.
  const documents = r.documentIds.flatMap((id) => {
    const d = c.documents.get(id);
    return d ? [d] : [];
  });
  return {
    ...r,
    documents,
    ownerUnit: r.ownerUnitId
      ? { id: r.ownerUnitId, name: c.unitName.get(r.ownerUnitId) ?? '—' }
      : null,
    ownerPerson: r.ownerPersonId
      ? { id: r.ownerPersonId, name: c.personName.get(r.ownerPersonId) ?? '—' }
      : null,
    // Names beside the ids, so a page never looks them up one by one.
    affectedUnits: r.affectedUnitIds.map((id) => ({ id, name: c.unitName.get(id) ?? '—' })),
    payerUnit: r.payerUnitId
      ? { id: r.payerUnitId, name: c.unitName.get(r.payerUnitId) ?? '—' }
      : null,
    costSplitNamed: r.costSplit.map((x) => ({
      ...x,
      unitName: c.unitName.get(x.unitId) ?? '—',
    })),
    preparedByForum: r.preparedByForumId
      ? { id: r.preparedByForumId, name: c.forumName.get(r.preparedByForumId) ?? '—' }
      : null,
    score: weightedScore(settings.scoring, r.scores),
    investmentTotal: r.investment.reduce((s, x) => s + x.amount, 0),
    crossUnit: isCrossUnit(g, settings.rule),
    flags: initiativeFlags(
      {
        ...g,
        ownerPersonId: r.ownerPersonId,
        ownerUnitId: r.ownerUnitId,
        benefits: g.benefits,
        documents,
      },
      today,
      settings.rule,
    ),
  };
}
export type InitiativeView = ReturnType<typeof view>;

async function views(db: Db | Tx, ctx: Ctx, rows: Row[]) {
  const [c, settings] = await Promise.all([
    context(db, ctx, rows),
    portfolioSettings(db, ctx.tenantId),
  ]);
  const today = todayOf(ctx.now);
  return rows.map((r) => view(r, c, settings, today));
}

export type ListQuery = {
  q?: string | undefined;
  systemId?: string | undefined;
  phase?: string | undefined;
  category?: string | undefined;
  workKind?: string | undefined;
  ownerUnitId?: string | undefined;
  flag?: string | undefined;
  limit: number;
  offset: number;
};

/** The portfolio, every unit's initiatives visible to every reader (information sharing). */
export async function listInitiatives(db: Db, ctx: Ctx, q: ListQuery) {
  authorize(ctx, 'org.read');
  const rows = await db
    .select()
    .from(initiatives)
    .where(
      and(
        eq(initiatives.tenantId, ctx.tenantId),
        q.phase ? eq(initiatives.phase, q.phase) : undefined,
        q.category ? eq(initiatives.category, q.category) : undefined,
        q.workKind ? eq(initiatives.workKind, q.workKind) : undefined,
        q.ownerUnitId ? eq(initiatives.ownerUnitId, q.ownerUnitId) : undefined,
        q.systemId ? sql`${initiatives.systemIds} ? ${q.systemId}` : undefined,
      ),
    )
    .orderBy(asc(initiatives.title))
    .limit(10_000);
  const text = q.q?.toLowerCase();
  const all = (await views(db, ctx, rows)).filter(
    (v) =>
      (!q.flag || v.flags.includes(q.flag as never)) &&
      (!text ||
        [v.title, v.description ?? '', v.need ?? '', ...v.strategicAreas].some((s) =>
          s.toLowerCase().includes(text),
        )),
  );
  return { all, items: all.slice(q.offset, q.offset + q.limit), total: all.length };
}

export async function getInitiative(db: Db | Tx, ctx: Ctx, id: string) {
  authorize(ctx, 'org.read');
  const row = await findOwned(db, initiatives, ctx, id, 'initiative');
  return (await views(db, ctx, [row]))[0]!;
}

async function target(db: Db | Tx, ctx: Ctx, ownerUnitId: string | null | undefined) {
  if (!ownerUnitId) return 'tenant' as const;
  const unit = await findUnit(db, ctx, ownerUnitId);
  return { unitPath: splitPath(unit.path) };
}

async function checkRefs(db: Db | Tx, ctx: Ctx, i: Partial<InitiativeInput>, selfId?: string) {
  await assertSystemsOwned(db, ctx, i.systemIds ?? []);
  await assertGoalsOwned(db, ctx, i.goalIds ?? []);
  await assertOrgOwned(db, ctx, 'unit', [
    i.ownerUnitId,
    i.payerUnitId,
    ...(i.affectedUnitIds ?? []),
    ...(i.costSplit ?? []).map((s) => s.unitId),
  ]);
  await assertOrgOwned(db, ctx, 'person', [
    i.ownerPersonId,
    ...(i.risks ?? []).map((r) => r.ownerPersonId),
  ]);
  await assertOrgOwned(db, ctx, 'decision', [
    i.decisionId,
    i.routingExceptionDecisionId,
    ...(i.decisionIds ?? []),
  ]);
  // The decision that decided the initiative, and one that decided an exception to the routing
  // rule, are cited as adoptions: only a beslut with outcome bifall adopts.
  await assertAdoptingDecision(db, ctx, i.decisionId, 'decisionId');
  await assertAdoptingDecision(db, ctx, i.routingExceptionDecisionId, 'routingExceptionDecisionId');
  await assertOrgOwned(db, ctx, 'forum', [i.preparedByForumId]);
  await assertDocumentsOwned(db, ctx, i.documentIds ?? []);
  await assertAllOwned(db, initiatives, ctx, i.dependsOnIds ?? [], 'initiative');
  if (selfId && i.dependsOnIds?.includes(selfId))
    throw invalid('errors.validation', [
      { path: 'dependsOnIds', key: 'portfolio.dependsOnItself' },
    ]);
}

export async function createInitiative(db: Db, ctx: Ctx, raw: InitiativeInput) {
  const input = parseInput(InitiativeInput, raw, ctx.lang);
  authorize(ctx, 'portfolio.edit', await target(db, ctx, input.ownerUnitId));
  await checkRefs(db, ctx, input);
  return db.transaction(async (tx) => {
    const row = await createAudited(
      tx,
      ctx,
      initiatives,
      { ...input, phase: 'idea' },
      { entity: 'initiative' },
    );
    return getInitiative(tx, ctx, row.id);
  });
}

/**
 * Registers an initiative as an earlier list has it, in the phase it has reached, without the
 * phase moves' guards: a region's old portfolio is recorded as it is, and the flags then show
 * where it broke the rules (started without a decision, closed without a benefits plan). Still
 * the schema, region-wide authority (a phase is set, not moved) and an `import` audit event.
 */
export async function registerFoundInitiative(
  db: Db,
  ctx: Ctx,
  raw: InitiativeInput & { phase: Phase },
) {
  const { phase, ...rest } = raw;
  const input = parseInput(InitiativeInput, rest, ctx.lang);
  const found = parseInput(z.enum(PHASES), phase, ctx.lang);
  authorize(ctx, 'portfolio.edit', 'tenant');
  await checkRefs(db, ctx, input);
  return db.transaction(async (tx) => {
    const row = await createAudited(
      tx,
      ctx,
      initiatives,
      { ...input, phase: found },
      { entity: 'initiative', action: 'import' },
    );
    return getInitiative(tx, ctx, row.id);
  });
}

export async function updateInitiative(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: Partial<InitiativeInput> & { version: number },
) {
  const input = parseInput(InitiativeUpdate, raw, ctx.lang);
  const before = await findOwned(db, initiatives, ctx, id, 'initiative');
  authorize(ctx, 'portfolio.edit', await target(db, ctx, before.ownerUnitId));
  if (input.ownerUnitId !== undefined && input.ownerUnitId !== before.ownerUnitId)
    authorize(ctx, 'portfolio.edit', await target(db, ctx, input.ownerUnitId));
  await checkRefs(db, ctx, input, id);
  const { version, ...changes } = input;
  return db.transaction(async (tx) => {
    await updateAudited(tx, ctx, initiatives, id, version, changes, {
      entity: 'initiative',
      before,
    });
    return getInitiative(tx, ctx, id);
  });
}

/** Which moves are open from here and, for each refused one, why: for the web to show. */
export async function allowedMoves(db: Db, ctx: Ctx, id: string) {
  authorize(ctx, 'org.read');
  const row = await findOwned(db, initiatives, ctx, id, 'initiative');
  const [c, settings] = await Promise.all([
    context(db, ctx, [row]),
    portfolioSettings(db, ctx.tenantId),
  ]);
  const g = guardInputOf(row, c);
  return TRANSITIONS[row.phase as Phase].map((to) => ({
    to,
    failures: transitionFailures(g, to, settings.rule),
  }));
}

/** A move between phases, checked by the domain rule, recorded with who, when and why. */
export async function transition(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: z.infer<typeof TransitionInput>,
) {
  const input = parseInput(TransitionInput, raw, ctx.lang);
  const before = await findOwned(db, initiatives, ctx, id, 'initiative');
  authorize(ctx, 'portfolio.edit', await target(db, ctx, before.ownerUnitId));
  const [c, settings] = await Promise.all([
    context(db, ctx, [before]),
    portfolioSettings(db, ctx.tenantId),
  ]);
  const failures = transitionFailures(guardInputOf(before, c), input.to, settings.rule);
  if (failures.length) {
    // The phases are named in the reader's words (Idé, Beredning …), never by their codes.
    const open = TRANSITIONS[before.phase as Phase].map((p) => say(ctx.lang, `phase.${p}`));
    const or = ctx.lang === 'en' ? ' or ' : ' eller ';
    const allowed =
      open.length > 1 ? `${open.slice(0, -1).join(', ')}${or}${open.at(-1)}` : open[0];
    throw invalid(
      'portfolio.moveRefused',
      failures.map((f) =>
        f === 'not_allowed'
          ? {
              path: 'to',
              key: allowed ? 'portfolio.guard.not_allowed' : 'portfolio.guard.not_allowed_final',
              params: { from: `phase.${before.phase}`, allowed: allowed ?? '' },
            }
          : { path: 'to', key: `portfolio.guard.${f}` },
      ),
      { from: `phase.${before.phase}`, to: `phase.${input.to}` },
    );
  }
  return db.transaction(async (tx) => {
    await updateAudited(
      tx,
      ctx,
      initiatives,
      id,
      input.version,
      { phase: input.to },
      {
        entity: 'initiative',
        action: `phase:${input.to}`,
        event: {
          before: { phase: before.phase },
          after: { phase: input.to, reason: input.reason },
        },
      },
    );
    await tx.insert(initiativeTransitions).values({
      tenantId: ctx.tenantId,
      initiativeId: id,
      fromPhase: before.phase,
      toPhase: input.to,
      reason: input.reason,
      at: ctx.now,
      byPersonId: ctx.actor.personId,
      byName: ctx.actor.name,
    });
    return getInitiative(tx, ctx, id);
  });
}

export async function listTransitions(db: Db, ctx: Ctx, id: string) {
  await getInitiative(db, ctx, id);
  return db
    .select()
    .from(initiativeTransitions)
    .where(
      and(
        eq(initiativeTransitions.tenantId, ctx.tenantId),
        eq(initiativeTransitions.initiativeId, id),
      ),
    )
    .orderBy(asc(initiativeTransitions.at));
}

// Benefits ---------------------------------------------------------------------------------------

export const benefitView = (b: BenefitRow, today: string, ownerPersonName: string | null) => {
  const nextDue = nextMeasurementDue(b);
  const sorted = [...b.measurements].sort((x, y) => x.on.localeCompare(y.on));
  return {
    ...b,
    ownerPersonName,
    measurements: sorted,
    nextDue,
    overdue: Boolean(nextDue && nextDue < today),
    latest: sorted.at(-1)?.value ?? null,
  };
};

export async function listBenefits(db: Db, ctx: Ctx, initiativeId: string) {
  await getInitiative(db, ctx, initiativeId);
  const rows = await db
    .select({ b: benefits, ownerPersonName: personName(benefits.ownerPersonId) })
    .from(benefits)
    .where(and(eq(benefits.tenantId, ctx.tenantId), eq(benefits.initiativeId, initiativeId)))
    .orderBy(asc(benefits.createdAt));
  return rows.map((r) => benefitView(r.b, todayOf(ctx.now), r.ownerPersonName));
}

async function benefitTarget(db: Db | Tx, ctx: Ctx, initiativeId: string) {
  const i = await findOwned(db, initiatives, ctx, initiativeId, 'initiative');
  authorize(ctx, 'portfolio.edit', await target(db, ctx, i.ownerUnitId));
}

export async function createBenefit(db: Db, ctx: Ctx, raw: z.infer<typeof BenefitInput>) {
  const input = parseInput(BenefitInput, raw, ctx.lang);
  await benefitTarget(db, ctx, input.initiativeId);
  await assertOrgOwned(db, ctx, 'person', [input.ownerPersonId]);
  return db.transaction(async (tx) => {
    const row = await createAudited(
      tx,
      ctx,
      benefits,
      { ...input, measurements: [] },
      { entity: 'benefit' },
    );
    return benefitView(
      row,
      todayOf(ctx.now),
      row.ownerPersonId
        ? ((await personNames(tx, [row.ownerPersonId])).get(row.ownerPersonId) ?? null)
        : null,
    );
  });
}

export async function updateBenefit(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: z.infer<typeof BenefitUpdate>,
) {
  const input = parseInput(BenefitUpdate, raw, ctx.lang);
  const before = await findOwned(db, benefits, ctx, id, 'benefit');
  await benefitTarget(db, ctx, before.initiativeId);
  await assertOrgOwned(db, ctx, 'person', [input.ownerPersonId as string | null | undefined]);
  const { version, ...changes } = input;
  return db.transaction(async (tx) => {
    const after = await updateAudited(tx, ctx, benefits, id, version, changes, {
      entity: 'benefit',
      before,
    });
    return benefitView(
      after,
      todayOf(ctx.now),
      after.ownerPersonId
        ? ((await personNames(tx, [after.ownerPersonId])).get(after.ownerPersonId) ?? null)
        : null,
    );
  });
}

/** A measurement, also after the initiative has closed and been handed over to operation. */
export async function addMeasurement(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: z.infer<typeof MeasurementInput>,
) {
  const input = parseInput(MeasurementInput, raw, ctx.lang);
  const before = await findOwned(db, benefits, ctx, id, 'benefit');
  await benefitTarget(db, ctx, before.initiativeId);
  const { version, ...m } = input;
  const measurements = [...before.measurements.filter((x) => x.on !== m.on), m];
  return db.transaction(async (tx) => {
    const after = await updateAudited(
      tx,
      ctx,
      benefits,
      id,
      version,
      { measurements },
      {
        entity: 'benefit',
        action: 'measure',
        event: { before: { measurements: before.measurements }, after: { measurements } },
      },
    );
    return benefitView(
      after,
      todayOf(ctx.now),
      after.ownerPersonId
        ? ((await personNames(tx, [after.ownerPersonId])).get(after.ownerPersonId) ?? null)
        : null,
    );
  });
}

// Portfolio views --------------------------------------------------------------------------------

/** Boards and administrations that own no initiative at all: work kept outside the tool is invisible work. */
export async function silentUnits(db: Db, ctx: Ctx) {
  authorize(ctx, 'org.read');
  const units = await unitsOfKinds(db, ctx, ['board', 'regional_board', 'administration']);
  const owners = new Set(
    (
      await db
        .select({ id: initiatives.ownerUnitId })
        .from(initiatives)
        .where(eq(initiatives.tenantId, ctx.tenantId))
    ).map((r) => r.id),
  );
  const today = todayOf(ctx.now);
  return units
    .filter((u) => !u.archivedAt && (!u.endsOn || u.endsOn >= today) && !owners.has(u.id))
    .map((u) => ({ id: u.id, name: u.name, kind: u.kind }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/**
 * The prioritisation proposal: candidates (ideas and initiatives in preparation unless others are
 * named) ranked by weighted score, and the exact best set that fits the budget and IT capacity of
 * the period. Cost is the investment in the period's years; hours are the resource need in its quarters.
 */
export async function propose(
  db: Db,
  ctx: Ctx,
  q: { budget: number; hours: number; fromYear: number; toYear: number; phases: Phase[] },
) {
  authorize(ctx, 'org.read');
  const rows = await db
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.tenantId, ctx.tenantId), inArray(initiatives.phase, q.phases)));
  const vs = await views(db, ctx, rows);
  const inPeriod = (year: number) => year >= q.fromYear && year <= q.toYear;
  const candidates = vs
    .map((v) => ({
      id: v.id,
      title: v.title,
      score: v.score,
      ownerUnit: v.ownerUnit,
      phase: v.phase as Phase,
      flags: v.flags,
      cost: v.investment.filter((x) => inPeriod(x.year)).reduce((s, x) => s + x.amount, 0),
      hours: v.resourceNeed
        .filter((x) => inPeriod(Number(x.quarter.slice(0, 4))))
        .reduce((s, x) => s + x.hours, 0),
    }))
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'sv'));
  const started = performance.now();
  const selection = proposeSelection(candidates, { budget: q.budget, hours: q.hours });
  return { candidates, selection: { ...selection, ms: Math.round(performance.now() - started) } };
}

/**
 * Benefit realisation: every benefit with its target and its latest measurement, the share reached,
 * and the same summed per owning unit and for the whole region (planned vs realised).
 */
export async function realisation(db: Db, ctx: Ctx) {
  authorize(ctx, 'org.read');
  const today = todayOf(ctx.now);
  const rows = await db
    .select({
      b: benefits,
      title: initiatives.title,
      phase: initiatives.phase,
      ownerUnitId: initiatives.ownerUnitId,
      unitName: unitName(initiatives.ownerUnitId),
    })
    .from(benefits)
    .innerJoin(initiatives, eq(initiatives.id, benefits.initiativeId))
    .where(eq(benefits.tenantId, ctx.tenantId))
    .orderBy(asc(unitName(initiatives.ownerUnitId)), asc(initiatives.title));
  const items = rows.map((r) => {
    const v = benefitView(r.b, today, null);
    return {
      benefitId: v.id,
      initiativeId: r.b.initiativeId,
      initiative: r.title,
      phase: r.phase as Phase,
      unitId: r.ownerUnitId,
      unitName: r.unitName,
      measure: v.measure,
      unit: v.unit,
      baseline: v.baseline,
      target: v.target,
      latest: v.latest,
      targetDate: v.targetDate,
      overdue: v.overdue,
      share: realisedShare(v),
    };
  });
  const summarise = (list: typeof items) => {
    const shares = list.map((x) => x.share).filter((x): x is number => x !== null);
    return {
      benefits: list.length,
      measured: list.filter((x) => x.latest !== null).length,
      reached: shares.filter((s) => s >= 1).length,
      overdue: list.filter((x) => x.overdue).length,
      averageShare: shares.length
        ? shares.reduce((a, b) => a + Math.min(1, b), 0) / shares.length
        : null,
    };
  };
  const unitIds = [...new Set(items.map((x) => x.unitId))];
  return {
    items,
    units: unitIds.map((id) => ({
      unitId: id,
      unitName: items.find((x) => x.unitId === id)?.unitName ?? null,
      ...summarise(items.filter((x) => x.unitId === id)),
    })),
    region: summarise(items),
  };
}
