import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import {
  compareRoadmaps,
  missedFollowUps,
  RoadmapInput,
  RoundDecision,
  RoundInput,
  TopFollowUpInput,
  TopListInput,
} from '../../../domain/portfolio/roadmap.js';
import { invalid } from '../../../domain/shared/errors.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import { tenants } from '../../platform/tables.js';
import { assertOrgOwned, findUnit, splitPath, tenantUnits } from '../organization/index.js';
import { assertAllOwned, findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import { propose } from './initiatives.service.js';
import { initiatives, prioritisationRounds, roadmaps, topFollowUps, topLists } from './tables.js';

export async function listRoadmaps(db: Db, ctx: Ctx, q: { unitId?: string | undefined }) {
  authorize(ctx, 'org.read');
  return db
    .select()
    .from(roadmaps)
    .where(
      and(
        eq(roadmaps.tenantId, ctx.tenantId),
        q.unitId === undefined
          ? undefined
          : q.unitId
            ? eq(roadmaps.unitId, q.unitId)
            : isNull(roadmaps.unitId),
      ),
    )
    .orderBy(desc(roadmaps.createdAt));
}

export async function getRoadmap(db: Db, ctx: Ctx, id: string) {
  authorize(ctx, 'org.read');
  return findOwned(db, roadmaps, ctx, id, 'roadmap');
}

/** A new version: the unit's initiatives (its whole subtree) as they stand now, or the region's when no unit is named. */
export async function createRoadmap(db: Db, ctx: Ctx, raw: z.infer<typeof RoadmapInput>) {
  const input = parseInput(RoadmapInput, raw, ctx.lang);
  const unit = input.unitId ? await findUnit(db, ctx, input.unitId) : null;
  authorize(ctx, 'portfolio.edit', unit ? { unitPath: splitPath(unit.path) } : 'tenant');
  const units = await tenantUnits(db, ctx);
  const inScope = new Set(
    unit
      ? units.filter((u) => splitPath(u.path).includes(unit.id)).map((u) => u.id)
      : units.map((u) => u.id),
  );
  const rows = await db
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.tenantId, ctx.tenantId), ne(initiatives.phase, 'cancelled')))
    .orderBy(asc(initiatives.startOn), asc(initiatives.title));
  const items = rows
    .filter((r) => !unit || (r.ownerUnitId && inScope.has(r.ownerUnitId)))
    .map((r) => ({
      initiativeId: r.id,
      title: r.title,
      phase: r.phase,
      startOn: r.startOn,
      endOn: r.endOn,
      unitId: r.ownerUnitId,
    }));
  return db.transaction((tx) =>
    createAudited(
      tx,
      ctx,
      roadmaps,
      {
        name: input.name,
        unitId: input.unitId ?? null,
        fromYear: input.fromYear,
        horizonYears: input.horizonYears,
        items,
      },
      { entity: 'roadmap' },
    ),
  );
}

export async function compare(db: Db, ctx: Ctx, id: string, withId: string) {
  const a = await getRoadmap(db, ctx, withId);
  const b = await getRoadmap(db, ctx, id);
  return {
    from: { id: a.id, name: a.name },
    to: { id: b.id, name: b.name },
    ...compareRoadmaps(a.items, b.items),
  };
}

// The most important initiatives ------------------------------------------------------------------

async function cadence(db: Db, tenantId: string) {
  const [t] = await db
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return t?.settings.topFollowUpCadenceMonths ?? 3;
}

/** The list, each initiative's latest follow-up entry, the follow-up history, and the planned follow-ups that were not held. */
export async function topList(db: Db, ctx: Ctx) {
  authorize(ctx, 'org.read');
  const [list] = await db.select().from(topLists).where(eq(topLists.tenantId, ctx.tenantId));
  const ids = list?.initiativeIds ?? [];
  const rows = ids.length
    ? await db
        .select({
          id: initiatives.id,
          title: initiatives.title,
          phase: initiatives.phase,
          ownerUnitId: initiatives.ownerUnitId,
        })
        .from(initiatives)
        .where(inArray(initiatives.id, ids))
    : [];
  const followUps = await db
    .select()
    .from(topFollowUps)
    .where(eq(topFollowUps.tenantId, ctx.tenantId))
    .orderBy(asc(topFollowUps.heldOn));
  const months = await cadence(db, ctx.tenantId);
  return {
    version: list?.version ?? null,
    items: ids
      .map((id) => rows.find((r) => r.id === id))
      .filter((r): r is (typeof rows)[number] => Boolean(r))
      .map((r) => ({
        ...r,
        latest:
          [...followUps]
            .reverse()
            .flatMap((f) =>
              f.entries
                .filter((e) => e.initiativeId === r.id)
                .map((e) => ({ ...e, heldOn: f.heldOn })),
            )[0] ?? null,
      })),
    followUps: followUps.map((f) => ({
      id: f.id,
      heldOn: f.heldOn,
      forum: f.forum,
      entries: f.entries,
    })),
    cadenceMonths: months,
    missed: missedFollowUps(
      followUps.map((f) => f.heldOn),
      todayOf(ctx.now),
      months,
    ),
  };
}

export async function setTopList(db: Db, ctx: Ctx, raw: z.infer<typeof TopListInput>) {
  const input = parseInput(TopListInput, raw, ctx.lang);
  authorize(ctx, 'portfolio.edit');
  await assertAllOwned(db, initiatives, ctx, input.initiativeIds, 'initiative');
  const [existing] = await db.select().from(topLists).where(eq(topLists.tenantId, ctx.tenantId));
  const ids = [...new Set(input.initiativeIds)];
  return db.transaction(async (tx) => {
    if (!existing) {
      await createAudited(tx, ctx, topLists, { initiativeIds: ids }, { entity: 'top_list' });
      return;
    }
    if (input.version === undefined)
      throw invalid('errors.validation', [{ path: 'version', key: 'errors.versionRequired' }]);
    await updateAudited(
      tx,
      ctx,
      topLists,
      existing.id,
      input.version,
      { initiativeIds: ids },
      { entity: 'top_list', notFound: 'topList', before: existing },
    );
  });
}

export async function recordTopFollowUp(db: Db, ctx: Ctx, raw: z.infer<typeof TopFollowUpInput>) {
  const input = parseInput(TopFollowUpInput, raw, ctx.lang);
  authorize(ctx, 'portfolio.edit');
  await assertAllOwned(
    db,
    initiatives,
    ctx,
    input.entries.map((e) => e.initiativeId),
    'initiative',
  );
  return db.transaction((tx) =>
    createAudited(tx, ctx, topFollowUps, input, { entity: 'top_follow_up' }),
  );
}

// Prioritisation rounds ---------------------------------------------------------------------------

/** A round keeps the ranking and the proposal as they were, so the forum's decision can be read against them later. */
export async function createRound(db: Db, ctx: Ctx, raw: z.infer<typeof RoundInput>) {
  const input = parseInput(RoundInput, raw, ctx.lang);
  authorize(ctx, 'portfolio.edit');
  await assertOrgOwned(db, ctx, 'forum', [input.forumId]);
  const p = await propose(db, ctx, {
    budget: input.budget,
    hours: input.hours,
    fromYear: input.fromYear,
    toYear: input.toYear,
    phases: ['idea', 'preparation'],
  });
  return db.transaction((tx) =>
    createAudited(
      tx,
      ctx,
      prioritisationRounds,
      {
        ...input,
        forumId: input.forumId ?? null,
        ranking: p.candidates.map((c) => ({
          id: c.id,
          title: c.title,
          score: c.score,
          cost: c.cost,
          hours: c.hours,
        })),
        proposedIds: p.selection.ids,
      },
      { entity: 'prioritisation_round' },
    ),
  );
}

export async function listRounds(db: Db, ctx: Ctx) {
  authorize(ctx, 'org.read');
  return db
    .select()
    .from(prioritisationRounds)
    .where(eq(prioritisationRounds.tenantId, ctx.tenantId))
    .orderBy(desc(prioritisationRounds.createdAt));
}

export async function decideRound(
  db: Db,
  ctx: Ctx,
  id: string,
  raw: z.infer<typeof RoundDecision>,
) {
  const input = parseInput(RoundDecision, raw, ctx.lang);
  authorize(ctx, 'portfolio.edit');
  const before = await findOwned(db, prioritisationRounds, ctx, id, 'round');
  await assertOrgOwned(db, ctx, 'decision', [input.decisionId]);
  const ranked = new Set(before.ranking.map((r) => r.id));
  const errors = input.decidedIds.flatMap((d, i) =>
    ranked.has(d) ? [] : [{ path: `decidedIds.${i}`, key: 'portfolio.notInRound' }],
  );
  if (errors.length) throw invalid('errors.validation', errors);
  return db.transaction((tx) =>
    updateAudited(
      tx,
      ctx,
      prioritisationRounds,
      id,
      input.version,
      { decidedIds: [...new Set(input.decidedIds)], decisionId: input.decisionId },
      { entity: 'prioritisation_round', notFound: 'round', action: 'decide', before },
    ),
  );
}
