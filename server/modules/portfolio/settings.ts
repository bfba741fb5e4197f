import { z } from 'zod';
import { DEFAULT_ROUTING, DEFAULT_SCORING } from '../../../domain/portfolio/initiative.js';
import { invalid } from '../../../domain/shared/errors.js';
import type { SettingsSection } from '../../platform/surface.js';
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

/** The routing rule's parameters and the scoring model: tenant settings, not code. */
export const settings: SettingsSection = {
  read: {
    portfolioDecidingBodyId: z.uuid().nullable(),
    crossUnitThreshold: z.number().int(),
    scoringModel: z.array(ScoringCriterion),
  },
  update: {
    portfolioDecidingBodyId: z.uuid().nullable().optional(),
    crossUnitThreshold: z.number().int().min(2).max(50).optional(),
    scoringModel: z.array(ScoringCriterion).min(1).max(20).optional(),
  },
  load: (s) => ({
    portfolioDecidingBodyId: s.portfolioDecidingBodyId ?? null,
    crossUnitThreshold: s.crossUnitThreshold ?? DEFAULT_ROUTING.crossUnitThreshold,
    scoringModel: s.scoringModel ?? [...DEFAULT_SCORING],
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
