import { z } from 'zod';
import { invalid } from '../../../domain/shared/errors.js';
import type { SettingsSection } from '../../platform/surface.js';
import { isOrgOwned } from '../organization/index.js';

/** Contract and classification warnings, and the top of every escalation path. */
export const settings: SettingsSection = {
  read: {
    contractWarningMonths: z.number().int(),
    classificationMaxAgeYears: z.number().int(),
    councilForumId: z.uuid().nullable(),
    regionalDirectorPersonId: z.uuid().nullable(),
  },
  update: {
    contractWarningMonths: z.number().int().min(1).max(120).optional(),
    classificationMaxAgeYears: z.number().int().min(1).max(20).optional(),
    councilForumId: z.uuid().nullable().optional(),
    regionalDirectorPersonId: z.uuid().nullable().optional(),
  },
  load: (s) => ({
    contractWarningMonths: s.contractWarningMonths ?? 18,
    classificationMaxAgeYears: s.classificationMaxAgeYears ?? 3,
    councilForumId: s.councilForumId ?? null,
    regionalDirectorPersonId: s.regionalDirectorPersonId ?? null,
  }),
  // The council and the director are the tenant's own forum and person.
  async check(db, ctx, changes) {
    for (const [field, entity, id] of [
      ['councilForumId', 'forum', changes.councilForumId],
      ['regionalDirectorPersonId', 'person', changes.regionalDirectorPersonId],
    ] as const) {
      if (id && !(await isOrgOwned(db, ctx, entity, id)))
        throw invalid('errors.validation', [{ path: field, key: 'errors.referenceUnknown' }]);
    }
  },
};
