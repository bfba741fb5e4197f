import { z } from 'zod';
import { compileCaseNumberPattern } from '../../../domain/organization/case-number.js';
import { invalid } from '../../../domain/shared/errors.js';
import type { SettingsSection } from '../../platform/surface.js';
import { checkOidcSettings, oidcSettings } from './oidc-settings.js';

/** What the region calls its case numbers and their format (checked on decisions); single sign-on. */
export const settings: SettingsSection = {
  read: {
    caseNumberLabel: z.enum(['diarienummer', 'ärendenummer']),
    caseNumberPattern: z.string().nullable(),
    ...oidcSettings.read,
  },
  update: {
    caseNumberLabel: z.enum(['diarienummer', 'ärendenummer']).optional(),
    caseNumberPattern: z.string().trim().max(200).nullable().optional(),
    ...oidcSettings.update,
  },
  load: (s) => ({
    caseNumberLabel: s.caseNumberLabel ?? 'diarienummer',
    caseNumberPattern: s.caseNumberPattern ?? null,
    ...oidcSettings.load(s),
  }),
  async check(db, ctx, changes) {
    if (changes.caseNumberPattern && !compileCaseNumberPattern(changes.caseNumberPattern))
      throw invalid('errors.validation', [{ path: 'caseNumberPattern', key: 'setup.badPattern' }]);
    await checkOidcSettings(db, ctx, changes);
  },
};
