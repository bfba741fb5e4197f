import { and, asc, desc, eq, isNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import {
  compareRoadmaps,
  RoadmapInput,
  RoundDecision,
  RoundInput,
} from '../../../domain/portfolio/roadmap.js';
import { invalid } from '../../../domain/shared/errors.js';
import type { Db } from '../../db/client.js';
import { authorize } from '../../platform/authorize.js';
import type { Ctx } from '../../platform/context.js';
import { assertOrgOwned, findUnit, splitPath, tenantUnits } from '../organization/index.js';
import { findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import { propose } from './initiatives.service.js';
import { initiatives, prioritisationRounds, roadmaps } from './tables.js';

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
