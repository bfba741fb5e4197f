import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { conflict } from '../../../domain/shared/errors.js';
import { slugOf, type RegionSetup } from '../../../domain/organization/setup.js';
import type { Db } from '../../db/client.js';
import { record } from '../../platform/audit/audit.js';
import { assertAcceptablePassword, hashPassword } from '../../platform/auth/password.js';
import { tenantHistory, tenants, type TenantSettings } from '../../platform/tables.js';
import { orgUnitPlacements, orgUnits, persons, roleGrants } from './tables.js';

/**
 * A new tenant: its root unit (the assembly, regionfullmäktige or kommunfullmäktige) and a first
 * administrator on that root. Used by the demo loader, the command line and the tests.
 */
export async function provisionTenant(
  db: Db,
  input: {
    name: string;
    slug: string;
    rootName: string;
    admin: { name: string; email: string; password: string };
    settings?: TenantSettings;
    /** The e-mail domains login finds this tenant by (several tenants on one installation). */
    emailDomains?: string[];
    now?: Date;
    /** First-run setup: refuse (409) when any region exists, checked under a lock. */
    onlyIfFirst?: boolean;
  },
) {
  const now = input.now ?? new Date();
  assertAcceptablePassword(input.admin.password, 'adminPassword', [
    input.admin.email,
    input.admin.name,
    input.name,
  ]);
  const passwordHash = await hashPassword(input.admin.password);
  return db.transaction(async (tx) => {
    if (input.onlyIfFirst) {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended('styrbord-setup', 7))`);
      const [any] = await tx.select({ id: tenants.id }).from(tenants).limit(1);
      if (any) throw conflict('setup.regionExists');
    }
    const [tenant] = await tx
      .insert(tenants)
      .values({
        name: input.name,
        slug: input.slug,
        settings: input.settings ?? { caseNumberLabel: 'diarienummer' },
        emailDomains: input.emailDomains ?? [],
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const tenantId = tenant!.id;
    // Remembered beyond the tenant's rows: the demo never loads where a real tenant has been.
    await tx
      .insert(tenantHistory)
      .values({ slug: input.slug, createdAt: now })
      .onConflictDoNothing();
    const rootId = randomUUID();
    await tx.insert(orgUnits).values({
      id: rootId,
      tenantId,
      parentId: null,
      path: rootId,
      kind: 'assembly',
      name: input.rootName,
      createdAt: now,
      updatedAt: now,
    });
    await tx
      .insert(orgUnitPlacements)
      .values({ tenantId, unitId: rootId, parentId: null, fromAt: now });
    const [admin] = await tx
      .insert(persons)
      .values({
        tenantId,
        name: input.admin.name,
        email: input.admin.email.toLowerCase(),
        canLogIn: true,
        passwordHash,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: persons.id });
    await tx.insert(roleGrants).values({
      tenantId,
      personId: admin!.id,
      role: 'administrator',
      unitId: rootId,
      createdAt: now,
      updatedAt: now,
    });
    await record(
      tx,
      { tenantId, actor: null, now },
      {
        entityType: 'tenant',
        entityId: tenantId,
        action: 'provision',
        after: { name: input.name, slug: input.slug, rootUnitId: rootId, adminId: admin!.id },
      },
    );
    return { tenantId, rootUnitId: rootId, adminId: admin!.id };
  });
}

/**
 * The installation's first region from what the setup page or `npm run setup` asked for: its
 * root body, case-number settings and first administrator. Refused (409) when a region exists.
 */
export function setUpFirstRegion(db: Db, s: RegionSetup) {
  return provisionTenant(db, {
    name: s.regionName,
    slug: slugOf(s.regionName),
    rootName: s.rootName,
    admin: { name: s.adminName, email: s.adminEmail, password: s.adminPassword },
    settings: {
      caseNumberLabel: s.caseNumberLabel,
      caseNumberPattern: s.caseNumberPattern ?? null,
    },
    onlyIfFirst: true,
  });
}
