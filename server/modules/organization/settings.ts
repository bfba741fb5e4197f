import { z } from 'zod';
import { invalid } from '../../../domain/shared/errors.js';
import type { SettingsSection } from '../../platform/surface.js';

/** What the region calls its case numbers, and their format (checked on decisions). */
export const settings: SettingsSection = {
  read: {
    caseNumberLabel: z.enum(['diarienummer', 'ärendenummer']),
    caseNumberPattern: z.string().nullable(),
  },
  update: {
    caseNumberLabel: z.enum(['diarienummer', 'ärendenummer']).optional(),
    caseNumberPattern: z.string().trim().max(200).nullable().optional(),
  },
  load: (s) => ({
    caseNumberLabel: s.caseNumberLabel ?? 'diarienummer',
    caseNumberPattern: s.caseNumberPattern ?? null,
  }),
  async check(_db, _ctx, changes) {
    if (!changes.caseNumberPattern) return;
    try {
      new RegExp(changes.caseNumberPattern, 'u');
    } catch {
      throw invalid('errors.validation', [{ path: 'caseNumberPattern', key: 'errors.badValue' }]);
    }
  },
};
