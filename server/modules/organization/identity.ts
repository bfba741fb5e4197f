import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Grant, Role } from '../../../domain/access/permissions.js';
import type { IdentityProvider } from '../../platform/auth/plugin.js';
import type { PasswordStore } from '../../platform/auth/routes.js';
import { sessionIsLive } from '../../platform/auth/sessions.js';
import { sessions, tenants } from '../../platform/tables.js';
import { endSessionUrl } from './oidc.service.js';
import { orgUnits, persons, roleGrants } from './tables.js';

export const splitPath = (path: string): string[] => path.split('/');

const grantsOf = (
  rows: { role: string | null; unitId: string | null; path: string | null }[],
): Grant[] =>
  rows
    .filter((r) => r.role && r.unitId && r.path)
    .map((r) => ({ role: r.role as Role, unitId: r.unitId!, unitPath: splitPath(r.path!) }));

/** The organisation context publishes who people are and what they may do, for the platform's auth. */
export const identity: IdentityProvider = {
  async findLogins(db, email) {
    const rows = await db
      .select({
        personId: persons.id,
        tenantId: persons.tenantId,
        tenantSlug: tenants.slug,
        emailDomains: tenants.emailDomains,
        disabledAt: tenants.disabledAt,
        passwordHash: persons.passwordHash,
        archivedAt: persons.archivedAt,
        settings: tenants.settings,
      })
      .from(persons)
      .innerJoin(tenants, eq(tenants.id, persons.tenantId))
      .where(and(eq(persons.email, email), eq(persons.canLogIn, true)));
    return rows.map((p) => ({
      personId: p.personId,
      tenantId: p.tenantId,
      tenantSlug: p.tenantSlug,
      emailDomains: p.emailDomains,
      tenantDisabled: p.disabledAt !== null,
      passwordHash: p.passwordHash,
      canLogIn: !p.archivedAt,
      localPasswords: p.settings.localPasswords ?? true,
    }));
  },
  endSessionUrl,
  /** The session and its person with grants in one query: this runs on every API request. */
  async loadSessionActor(db, sessionId, now) {
    const rows = await db
      .select({
        session: sessions,
        name: persons.name,
        email: persons.email,
        canLogIn: persons.canLogIn,
        archivedAt: persons.archivedAt,
        role: roleGrants.role,
        unitId: roleGrants.unitId,
        path: orgUnits.path,
      })
      .from(sessions)
      .innerJoin(
        persons,
        and(eq(persons.id, sessions.personId), eq(persons.tenantId, sessions.tenantId)),
      )
      // A disabled tenant's sessions end at once, even one created just before it was disabled.
      .innerJoin(tenants, and(eq(tenants.id, sessions.tenantId), isNull(tenants.disabledAt)))
      .leftJoin(roleGrants, eq(roleGrants.personId, persons.id))
      .leftJoin(orgUnits, and(eq(orgUnits.id, roleGrants.unitId), isNull(orgUnits.archivedAt)))
      .where(and(eq(sessions.id, sessionId), sessionIsLive(now)));
    const first = rows[0];
    if (!first || !first.canLogIn || first.archivedAt) return null;
    return {
      session: first.session,
      actor: { name: first.name, email: first.email, grants: grantsOf(rows) },
    };
  },
  async loadActor(db, tenantId, personId) {
    const rows = await db
      .select({
        name: persons.name,
        email: persons.email,
        canLogIn: persons.canLogIn,
        archivedAt: persons.archivedAt,
        role: roleGrants.role,
        unitId: roleGrants.unitId,
        path: orgUnits.path,
      })
      .from(persons)
      .leftJoin(roleGrants, eq(roleGrants.personId, persons.id))
      .leftJoin(orgUnits, and(eq(orgUnits.id, roleGrants.unitId), isNull(orgUnits.archivedAt)))
      .where(and(eq(persons.id, personId), eq(persons.tenantId, tenantId)));
    const first = rows[0];
    if (!first || !first.canLogIn || first.archivedAt) return null;
    return { name: first.name, email: first.email, grants: grantsOf(rows) };
  },
};

export const passwords: PasswordStore = {
  async passwordHashOf(db, tenantId, personId) {
    const [p] = await db
      .select({ h: persons.passwordHash })
      .from(persons)
      .where(and(eq(persons.id, personId), eq(persons.tenantId, tenantId)));
    return p?.h ?? null;
  },
  async setPasswordHash(db, tenantId, personId, hash, now) {
    await db
      .update(persons)
      .set({
        passwordHash: hash,
        passwordChangedAt: now,
        version: sql`${persons.version} + 1`,
        updatedAt: now,
        updatedBy: personId,
      })
      .where(and(eq(persons.id, personId), eq(persons.tenantId, tenantId)));
  },
  async tenantName(db, tenantId) {
    const [row] = await db
      .select({ name: tenants.name })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    return row?.name ?? '';
  },
};
