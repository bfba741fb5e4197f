import { z } from 'zod';
import { compileCaseNumberPattern } from '../../../domain/organization/case-number.js';
import { invalid } from '../../../domain/shared/errors.js';
import {
  DEFAULT_SESSION_MAX_AGE_DAYS,
  MAX_SESSION_MAX_AGE_DAYS,
} from '../../platform/auth/sessions.js';
import type { SettingsSection } from '../../platform/surface.js';
import { checkOidcSettings, oidcSettings } from './oidc-settings.js';

/** What the region calls its case numbers and their format (checked on decisions); sessions; single sign-on. */
export const settings: SettingsSection = {
  read: {
    caseNumberLabel: z.enum(['diarienummer', 'ärendenummer']),
    caseNumberPattern: z.string().nullable(),
    sessionMaxAgeDays: z.number().int(),
    ...oidcSettings.read,
  },
  update: {
    caseNumberLabel: z.enum(['diarienummer', 'ärendenummer']).optional(),
    caseNumberPattern: z.string().trim().max(200).nullable().optional(),
    sessionMaxAgeDays: z.number().int().min(1).max(MAX_SESSION_MAX_AGE_DAYS).optional(),
    ...oidcSettings.update,
  },
  load: (s) => ({
    caseNumberLabel: s.caseNumberLabel ?? 'diarienummer',
    caseNumberPattern: s.caseNumberPattern ?? null,
    sessionMaxAgeDays: s.sessionMaxAgeDays ?? DEFAULT_SESSION_MAX_AGE_DAYS,
    ...oidcSettings.load(s),
  }),
  async check(db, ctx, changes) {
    if (changes.caseNumberPattern && !compileCaseNumberPattern(changes.caseNumberPattern))
      throw invalid('errors.validation', [{ path: 'caseNumberPattern', key: 'setup.badPattern' }]);
    await checkOidcSettings(db, ctx, changes);
  },
};
