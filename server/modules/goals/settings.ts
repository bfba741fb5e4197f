import { z } from 'zod';
import { PERIOD_KINDS } from '../../../domain/goals/periods.js';
import type { SettingsSection } from '../../platform/surface.js';

/** The follow-up period kinds the region uses. */
export const settings: SettingsSection = {
  read: { followUpPeriods: z.array(z.enum(PERIOD_KINDS)) },
  update: { followUpPeriods: z.array(z.enum(PERIOD_KINDS)).min(1).max(4).optional() },
  load: (s) => ({
    followUpPeriods: s.followUpPeriods ?? (['interim', 'annual'] as ('interim' | 'annual')[]),
  }),
};
