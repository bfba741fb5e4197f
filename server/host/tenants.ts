import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { TenantCreate } from '../../domain/organization/setup.js';
import { conflict, notFound } from '../../domain/shared/errors.js';
import type { Db } from '../db/client.js';
import { record } from '../platform/audit/audit.js';
import type { Lang } from '../platform/i18n/messages.js';
import { sessions, tenants } from '../platform/tables.js';
import { parseInput } from '../platform/write.js';
import { countsByTenant, provisionTenant } from '../modules/organization/index.js';

/*
 * The host's use cases, outside every tenant: list, create, disable and enable tenants. They read
 * the tenants table and counts, never a tenant's records, and take no tenant context.
 */

export type TenantSummary = {
  id: string;
  name: string;
  slug: string;
  emailDomains: string[];
  disabledAt: Date | null;
  units: number;
  people: number;
};

export async function listTenants(db: Db): Promise<TenantSummary[]> {
  const [rows, counts] = await Promise.all([
    db
      .select({
        id: tenants.id,
        name: tenants.name,
        slug: tenants.slug,
        emailDomains: tenants.emailDomains,
        disabledAt: tenants.disabledAt,
      })
      .from(tenants)
      .orderBy(tenants.name),
    countsByTenant(db),
  ]);
  return rows.map((t) => ({ ...t, ...(counts.get(t.id) ?? { units: 0, people: 0 }) }));
}

export async function createTenant(db: Db, raw: unknown, opts: { lang: Lang; now: Date }) {
  const input = parseInput(TenantCreate, raw, opts.lang);
  const [taken] = await db
    .select({ id: tenants.id })
    .from(tenants)
    .where(eq(tenants.slug, input.slug));
  if (taken) throw conflict('host.slugTaken', { slug: input.slug });
  // A domain belongs to one tenant, or login by domain could not tell them apart.
  for (const domain of input.emailDomains) {
    const [owner] = await db
      .select({ name: tenants.name })
      .from(tenants)
      .where(sql`${domain} = ANY(${tenants.emailDomains})`);
    if (owner) throw conflict('host.domainTaken', { domain, tenant: owner.name });
  }
  return provisionTenant(db, {
    name: input.name,
    slug: input.slug,
    rootName: input.rootName,
    emailDomains: [...new Set(input.emailDomains)],
    admin: { name: input.adminName, email: input.adminEmail, password: input.adminPassword },
    now: opts.now,
  });
}

/**
 * Disables (or enables) a tenant: its people cannot log in and their sessions end at once; its
 * data stays. Recorded in the tenant's own audit trail.
 */
export async function setTenantDisabled(
  db: Db,
  where: { id: string } | { slug: string },
  disabled: boolean,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [tenant] = await tx
      .update(tenants)
      .set({ disabledAt: disabled ? now : null, updatedAt: now })
      .where(
        and(
          'id' in where ? eq(tenants.id, where.id) : eq(tenants.slug, where.slug),
          disabled ? isNull(tenants.disabledAt) : isNotNull(tenants.disabledAt),
        ),
      )
      .returning({ id: tenants.id });
    const target =
      tenant ??
      (
        await tx
          .select({ id: tenants.id })
          .from(tenants)
          .where('id' in where ? eq(tenants.id, where.id) : eq(tenants.slug, where.slug))
      )[0];
    if (!target) throw notFound('tenant');
    if (!tenant) return { id: target.id, changed: false };
    if (disabled) await tx.delete(sessions).where(eq(sessions.tenantId, tenant.id));
    await record(
      tx,
      { tenantId: tenant.id, actor: null, now },
      { entityType: 'tenant', entityId: tenant.id, action: disabled ? 'disable' : 'enable' },
    );
    return { id: tenant.id, changed: true };
  });
}
