import { z } from 'zod';
import type { SettingsSection } from '../../platform/surface.js';

/** A steering document older than this is flagged. */
export const settings: SettingsSection = {
  read: { documentMaxAgeYears: z.number().int() },
  update: { documentMaxAgeYears: z.number().int().min(1).max(50).optional() },
  load: (s) => ({ documentMaxAgeYears: s.documentMaxAgeYears ?? 4 }),
};
