import { z } from 'zod';
import { DEFAULT_ROUTING, DEFAULT_SCORING } from '../../../domain/portfolio/initiative.js';
import { invalid } from '../../../domain/shared/errors.js';
import { DEFAULT_FOLLOW_UPS_PER_YEAR } from '../../../domain/portfolio/toplist.js';
import type { SettingsSection } from '../../platform/surface.js';
import type { TenantSettings } from '../../platform/tables.js';
import { isOrgOwned } from '../organization/index.js';

const ScoringCriterion = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z_]{1,50}$/),
    label: z.string().trim().min(1).max(100),
    weight: z.number().min(0).max(100),
  })
  .strict();

/** Stored as follow-ups a year; a region that set the earlier cadence in months keeps it. */
export const topFollowUpsPerYear = (s: TenantSettings & { topFollowUpsPerYear?: number }) =>
  s.topFollowUpsPerYear ??
  (s.topFollowUpCadenceMonths
    ? Math.max(1, Math.round(12 / s.topFollowUpCadenceMonths))
    : DEFAULT_FOLLOW_UPS_PER_YEAR);

/** The routing rule's parameters and the scoring model: tenant settings, not code. */
export const settings: SettingsSection = {
  read: {
    portfolioDecidingBodyId: z.uuid().nullable(),
    crossUnitThreshold: z.number().int(),
    scoringModel: z.array(ScoringCriterion),
    topFollowUpsPerYear: z.number().int(),
  },
  update: {
    portfolioDecidingBodyId: z.uuid().nullable().optional(),
    crossUnitThreshold: z.number().int().min(2).max(50).optional(),
    scoringModel: z.array(ScoringCriterion).min(1).max(20).optional(),
    /** How many follow-ups a year a top list plans when neither the list nor its document says. */
    topFollowUpsPerYear: z.number().int().min(1).max(52).optional(),
  },
  load: (s) => ({
    portfolioDecidingBodyId: s.portfolioDecidingBodyId ?? null,
    crossUnitThreshold: s.crossUnitThreshold ?? DEFAULT_ROUTING.crossUnitThreshold,
    scoringModel: s.scoringModel ?? [...DEFAULT_SCORING],
    topFollowUpsPerYear: topFollowUpsPerYear(s),
  }),
  // The deciding body is the tenant's own unit.
  async check(db, ctx, changes) {
    const id = changes.portfolioDecidingBodyId;
    if (id && !(await isOrgOwned(db, ctx, 'unit', id)))
      throw invalid('errors.validation', [
        { path: 'portfolioDecidingBodyId', key: 'errors.referenceUnknown' },
      ]);
  },
};
