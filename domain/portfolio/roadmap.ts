import { z } from 'zod';
import { Id, IsoDate, OptionalText, RequiredText } from '../shared/schemas.js';

/**
 * Roadmaps (digitala färdplaner) and the follow-up of the most important initiatives. A roadmap
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

/** The periods a cadence plans from the first follow-up until today ("2026-Q1" for quarterly, "2026-H1" half-yearly, "2026" yearly, "2026-03" monthly). */
export function plannedPeriods(firstOn: string, today: string, cadenceMonths: number): string[] {
  const key = (y: number, m: number) =>
    cadenceMonths === 3
      ? `${y}-Q${Math.floor(m / 3) + 1}`
      : cadenceMonths === 6
        ? `${y}-H${Math.floor(m / 6) + 1}`
        : cadenceMonths === 12
          ? String(y)
          : `${y}-${String(m + 1).padStart(2, '0')}`;
  const out: string[] = [];
  let y = Number(firstOn.slice(0, 4));
  let m = Math.floor((Number(firstOn.slice(5, 7)) - 1) / cadenceMonths) * cadenceMonths;
  const endY = Number(today.slice(0, 4));
  const endM = Number(today.slice(5, 7)) - 1;
  while (y < endY || (y === endY && m <= endM)) {
    out.push(key(y, m));
    m += cadenceMonths;
    if (m >= 12) {
      y += Math.floor(m / 12);
      m %= 12;
    }
  }
  return out;
}

/** The planned follow-ups that were not held: the gap the region's management shows. */
export function missedFollowUps(heldOn: readonly string[], today: string, cadenceMonths: number) {
  if (heldOn.length === 0) return [];
  const sorted = [...heldOn].sort();
  const held = new Set(sorted.flatMap((d) => plannedPeriods(d, d, cadenceMonths)));
  // The current period is not missed yet: it may still be held.
  return plannedPeriods(sorted[0]!, today, cadenceMonths)
    .slice(0, -1)
    .filter((p) => !held.has(p));
}

export const TOP_STATUSES = ['on_track', 'at_risk', 'off_track'] as const;
export const TopFollowUpInput = z
  .object({
    heldOn: IsoDate,
    forum: OptionalText(200),
    entries: z
      .array(
        z
          .object({
            initiativeId: Id,
            status: z.enum(TOP_STATUSES),
            effectsReached: z.number().int().min(0).max(100).nullable().optional(),
            comment: OptionalText(2000),
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();
export const TopListInput = z
  .object({ version: z.number().int().min(1).optional(), initiativeIds: z.array(Id).max(100) })
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
