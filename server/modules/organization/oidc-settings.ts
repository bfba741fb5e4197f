import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import {
  canTurnOffLocalPasswords,
  DEFAULT_GROUPS_CLAIM,
  OidcGroupRole,
  type OidcConfig,
} from '../../../domain/organization/oidc.js';
import { invalid } from '../../../domain/shared/errors.js';
import type { Db } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { tenants, type TenantSettings } from '../../platform/tables.js';
import { orgUnits } from './tables.js';

/** An issuer is an https URL; plain http only on this machine (a test or a local provider). */
const Issuer = z
  .url()
  .max(500)
  .refine(
    (u) => /^https:\/\//.test(u) || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(u),
    {
      message: 'org.oidc.issuerHttps',
    },
  );

/** The tenant's single sign-on fields of the settings; the client secret is written, never read. */
export const oidcSettings = {
  read: {
    oidcIssuer: z.string().nullable(),
    oidcClientId: z.string().nullable(),
    oidcClientSecretSet: z.boolean(),
    oidcGroupsClaim: z.string(),
    oidcGroupRoles: z.array(OidcGroupRole),
    localPasswords: z.boolean(),
  },
  update: {
    oidcIssuer: Issuer.nullable().optional(),
    oidcClientId: z.string().trim().min(1).max(500).nullable().optional(),
    oidcClientSecret: z.string().min(1).max(2000).nullable().optional(),
    oidcGroupsClaim: z.string().trim().min(1).max(200).optional(),
    oidcGroupRoles: z.array(OidcGroupRole).max(500).optional(),
    localPasswords: z.boolean().optional(),
  },
  load: (s: TenantSettings) => ({
    oidcIssuer: s.oidcIssuer ?? null,
    oidcClientId: s.oidcClientId ?? null,
    oidcClientSecretSet: Boolean(s.oidcClientSecret),
    oidcGroupsClaim: s.oidcGroupsClaim ?? DEFAULT_GROUPS_CLAIM,
    oidcGroupRoles: s.oidcGroupRoles ?? [],
    localPasswords: s.localPasswords ?? true,
  }),
};

export const oidcConfigOf = (s: TenantSettings): OidcConfig => ({
  issuer: s.oidcIssuer ?? null,
  clientId: s.oidcClientId ?? null,
  hasSecret: Boolean(s.oidcClientSecret),
  groupRoles: s.oidcGroupRoles ?? [],
});

/**
 * The mapping names the tenant's own units, and local passwords go off only when single sign-on
 * (as it will be after this change) lets a group administer the whole tenant.
 */
export async function checkOidcSettings(db: Db, ctx: Ctx, changes: Partial<TenantSettings>) {
  const mapping = changes.oidcGroupRoles;
  if (mapping?.length) {
    const ids = [...new Set(mapping.map((m) => m.unitId))];
    const found = await db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(
        and(
          eq(orgUnits.tenantId, ctx.tenantId),
          inArray(orgUnits.id, ids),
          isNull(orgUnits.archivedAt),
        ),
      );
    const known = new Set(found.map((u) => u.id));
    const bad = mapping.findIndex((m) => !known.has(m.unitId));
    if (bad >= 0)
      throw invalid('errors.validation', [
        { path: `oidcGroupRoles.${bad}.unitId`, key: 'errors.referenceUnknown' },
      ]);
  }
  const [t] = await db
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  const next = { ...t!.settings, ...changes };
  if ((next.localPasswords ?? true) === false) {
    const roots = await db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.tenantId, ctx.tenantId), isNull(orgUnits.parentId)));
    if (
      !canTurnOffLocalPasswords(
        oidcConfigOf(next),
        roots.map((r) => r.id),
      )
    )
      throw invalid('org.oidc.localPasswordsNeedSso', [
        { path: 'localPasswords', key: 'org.oidc.localPasswordsNeedSso' },
      ]);
  }
}
