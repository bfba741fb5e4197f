import { z } from 'zod';
import { eq } from 'drizzle-orm';
import {
  caseNumberMatches,
  compileCaseNumberPattern,
} from '../../../domain/organization/case-number.js';
import type { Db } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { tenants, type TenantSettings } from '../../platform/tables.js';
import { invalid } from '../../../domain/shared/errors.js';
import {
  DEFAULT_SESSION_MAX_AGE_DAYS,
  MAX_SESSION_MAX_AGE_DAYS,
} from '../../platform/auth/sessions.js';
import type { SettingsSection } from '../../platform/surface.js';
import { checkOidcSettings, oidcSettings } from './oidc-settings.js';

/** The words that explain the case-number format (kept in the tenant's settings beside the pattern). */
export type CaseNumberWords = {
  caseNumberExample?: string | null;
  caseNumberDescription?: string | null;
};

/** What the region calls its case numbers and their format (checked on decisions); sessions; single sign-on. */
export const settings: SettingsSection = {
  read: {
    caseNumberLabel: z.enum(['diarienummer', 'ärendenummer']),
    caseNumberPattern: z.string().nullable(),
    caseNumberExample: z.string().nullable(),
    caseNumberDescription: z.string().nullable(),
    sessionMaxAgeDays: z.number().int(),
    ...oidcSettings.read,
  },
  update: {
    caseNumberLabel: z.enum(['diarienummer', 'ärendenummer']).optional(),
    caseNumberPattern: z.string().trim().max(200).nullable().optional(),
    /** What a person is told when a case number does not follow the format: an example and words. */
    caseNumberExample: z.string().trim().max(80).nullable().optional(),
    caseNumberDescription: z.string().trim().max(300).nullable().optional(),
    sessionMaxAgeDays: z.number().int().min(1).max(MAX_SESSION_MAX_AGE_DAYS).optional(),
    ...oidcSettings.update,
  },
  load: (s) => ({
    caseNumberLabel: s.caseNumberLabel ?? 'diarienummer',
    caseNumberPattern: s.caseNumberPattern ?? null,
    caseNumberExample: (s as CaseNumberWords).caseNumberExample ?? null,
    caseNumberDescription: (s as CaseNumberWords).caseNumberDescription ?? null,
    sessionMaxAgeDays: s.sessionMaxAgeDays ?? DEFAULT_SESSION_MAX_AGE_DAYS,
    ...oidcSettings.load(s),
  }),
  async check(db, ctx, changes) {
    if (changes.caseNumberPattern && !compileCaseNumberPattern(changes.caseNumberPattern))
      throw invalid('errors.validation', [{ path: 'caseNumberPattern', key: 'setup.badPattern' }]);
    const example = (changes as CaseNumberWords).caseNumberExample;
    const pattern =
      changes.caseNumberPattern !== undefined
        ? changes.caseNumberPattern
        : (await storedSettings(db, ctx)).caseNumberPattern;
    if (example && pattern && !caseNumberMatches(example, pattern))
      throw invalid('errors.validation', [
        { path: 'caseNumberExample', key: 'org.settings.exampleNotInFormat' },
      ]);
    await checkOidcSettings(db, ctx, changes);
  },
};

async function storedSettings(db: Db, ctx: Pick<Ctx, 'tenantId'>): Promise<TenantSettings> {
  const [row] = await db
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  return row?.settings ?? {};
}
