import { z } from 'zod';
import type { Role } from '../access/permissions.js';
import { Id } from '../shared/schemas.js';
import { Role as RoleSchema } from './person.js';

/** One line of the group mapping: members of `group` at the provider get `role` on `unitId`. */
export const OidcGroupRole = z
  .object({ group: z.string().trim().min(1).max(200), role: RoleSchema, unitId: Id })
  .strict();
export type OidcGroupRole = z.infer<typeof OidcGroupRole>;

export const DEFAULT_GROUPS_CLAIM = 'groups';

/** What single sign-on needs of a tenant's settings. */
export type OidcConfig = {
  issuer: string | null;
  clientId: string | null;
  hasSecret: boolean;
  groupRoles: readonly OidcGroupRole[];
};

/** Sign-in through the provider is possible: an issuer, a client and its secret. */
export const isOidcConfigured = (c: OidcConfig) => Boolean(c.issuer && c.clientId && c.hasSecret);

/**
 * Local passwords may be turned off only when single sign-on works and lets someone administer the
 * whole tenant, or the administrator who turns them off locks everyone out.
 */
export const canTurnOffLocalPasswords = (c: OidcConfig, rootUnitIds: readonly string[]) =>
  isOidcConfigured(c) &&
  c.groupRoles.some((g) => g.role === 'administrator' && rootUnitIds.includes(g.unitId));

/**
 * The grants a person's provider groups give, one per (role, unit). A claim that is a single
 * string (some providers send one group so) counts as one group; anything else as none.
 */
export function grantsFromGroups(
  groupsClaim: unknown,
  mapping: readonly OidcGroupRole[],
): { role: Role; unitId: string }[] {
  const groups = new Set(
    (Array.isArray(groupsClaim) ? groupsClaim : [groupsClaim]).filter(
      (g): g is string => typeof g === 'string',
    ),
  );
  const out = new Map<string, { role: Role; unitId: string }>();
  for (const m of mapping)
    if (groups.has(m.group)) out.set(`${m.role}/${m.unitId}`, { role: m.role, unitId: m.unitId });
  return [...out.values()];
}
