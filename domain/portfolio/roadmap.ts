import { z } from 'zod';
import { Id, RequiredText } from '../shared/schemas.js';

/**
 * Roadmaps (digitala färdplaner) and prioritisation rounds (the top lists are in toplist.ts). A roadmap
 * version is a named snapshot of a unit's (or the region's) initiatives on a timeline; two
 * versions compare as added, removed and moved.
 */
export type RoadmapItem = {
  initiativeId: string;
  title: string;
  phase: string;
  startOn: string | null;
  endOn: string | null;
  unitId: string | null;
};

export function compareRoadmaps(before: readonly RoadmapItem[], after: readonly RoadmapItem[]) {
  const old = new Map(before.map((i) => [i.initiativeId, i]));
  const now = new Map(after.map((i) => [i.initiativeId, i]));
  return {
    added: after.filter((i) => !old.has(i.initiativeId)),
    removed: before.filter((i) => !now.has(i.initiativeId)),
    moved: after
      .filter(
        (i) =>
          old.has(i.initiativeId) &&
          (old.get(i.initiativeId)!.startOn !== i.startOn ||
            old.get(i.initiativeId)!.endOn !== i.endOn),
      )
      .map((i) => ({
        initiativeId: i.initiativeId,
        title: i.title,
        from: { startOn: old.get(i.initiativeId)!.startOn, endOn: old.get(i.initiativeId)!.endOn },
        to: { startOn: i.startOn, endOn: i.endOn },
      })),
    unchanged: after.filter(
      (i) =>
        old.has(i.initiativeId) &&
        old.get(i.initiativeId)!.startOn === i.startOn &&
        old.get(i.initiativeId)!.endOn === i.endOn,
    ).length,
  };
}

/** Where an item falls on a horizon of whole years from `fromYear`: a year index, or "later". */
export function horizonSlot(
  item: { startOn: string | null },
  fromYear: number,
  years: number,
): number | 'later' | null {
  if (!item.startOn) return null;
  const y = Number(item.startOn.slice(0, 4)) - fromYear;
  return y < 0 ? 0 : y >= years ? 'later' : y;
}

export const RoadmapInput = z
  .object({
    name: RequiredText(200),
    unitId: Id.nullable().optional(),
    fromYear: z.number().int().min(2000).max(2100),
    horizonYears: z.number().int().min(1).max(10),
  })
  .strict();

export const RoundInput = z
  .object({
    name: RequiredText(200),
    forumId: Id.nullable().optional(),
    fromYear: z.number().int().min(2000).max(2100),
    toYear: z.number().int().min(2000).max(2100),
    budget: z.number().min(0).max(1e11),
    hours: z.number().min(0).max(1e8),
  })
  .strict()
  .refine((r) => r.fromYear <= r.toYear, { path: ['toYear'], message: 'portfolio.endBeforeStart' });
/** The forum's decision: the initiatives it chose (it may differ from the proposal) and the decision that records it. */
export const RoundDecision = z
  .object({ version: z.number().int().min(1), decidedIds: z.array(Id).max(500), decisionId: Id })
  .strict();
