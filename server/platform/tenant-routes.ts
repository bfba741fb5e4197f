import type { FastifyInstance } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../db/client.js';
import { record } from './audit/audit.js';
import { requireCtx } from './auth/plugin.js';
import { authorize } from './authorize.js';
import type { Ctx } from './context.js';
import { readProblems, typed, writeProblems, type RouteOpts } from './route-kit.js';
import type { SettingsSection } from './surface.js';
import { tenants, type TenantSettings } from './tables.js';
import { staleVersion } from './versioning.js';
import { parseInput } from './write.js';

/** The answer and the accepted change, composed from the contexts' settings sections. */
function settingsSchemas(sections: readonly SettingsSection[]) {
  const read = Object.assign({}, ...sections.map((s) => s.read)) as z.ZodRawShape;
  const update = Object.assign({}, ...sections.map((s) => s.update)) as z.ZodRawShape;
  return {
    Settings: z.object({ name: z.string(), version: z.number().int(), ...read }),
    SettingsUpdate: z
      .object({
        version: z.number().int().min(1),
        name: z.string().trim().min(1).max(200).optional(),
        ...update,
      })
      .strict(),
  };
}

/** The region's settings, each context's fields with its defaults where the region set nothing. */
async function loadSettings(db: Db | Tx, sections: readonly SettingsSection[], tenantId: string) {
  const [t] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  return {
    name: t!.name,
    version: t!.version,
    ...(Object.assign({}, ...sections.map((s) => s.load(t!.settings))) as Record<string, unknown>),
  };
}

/**
 * Changes the region's settings through the one write path: the schema the contexts compose, the
 * tenant administrator, each context's reference checks, the version it read (a stale one is a
 * Conflict naming who changed them and when) and the audit event, in one transaction.
 */
export async function updateSettings(
  db: Db,
  ctx: Ctx,
  sections: readonly SettingsSection[],
  raw: { version: number; name?: string } & Partial<TenantSettings>,
) {
  const { SettingsUpdate } = settingsSchemas(sections);
  const input = parseInput(SettingsUpdate, raw, ctx.lang) as {
    version: number;
    name?: string;
  } & Record<string, unknown>;
  authorize(ctx, 'tenant.admin');
  const { version, name, ...settings } = input;
  for (const section of sections)
    await section.check?.(db, ctx, settings as Partial<TenantSettings>);
  const before = await loadSettings(db, sections, ctx.tenantId);
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(tenants)
      .set({
        ...(name ? { name } : {}),
        settings: sql`${tenants.settings} || ${JSON.stringify(settings)}::jsonb`,
        version: sql`${tenants.version} + 1`,
        updatedAt: ctx.now,
        updatedBy: ctx.actor.personId,
      })
      .where(and(eq(tenants.id, ctx.tenantId), eq(tenants.version, version)))
      .returning({ id: tenants.id });
    if (rows.length === 0) {
      const [current] = await tx
        .select({ version: tenants.version, updatedAt: tenants.updatedAt })
        .from(tenants)
        .where(eq(tenants.id, ctx.tenantId));
      throw await staleVersion(tx, ctx, ctx.tenantId, current!, version);
    }
    // The event holds the settings as they read, so a secret (the OIDC client's) is never in it.
    await record(tx, ctx, {
      entityType: 'tenant',
      entityId: ctx.tenantId,
      action: 'update_settings',
      before,
      after: await loadSettings(tx, sections, ctx.tenantId),
    });
  });
  return loadSettings(db, sections, ctx.tenantId);
}

/** The region's own settings: each context declares its fields (the registry passes them in order). */
export async function tenantRoutes(
  app: FastifyInstance,
  { db, sections }: RouteOpts & { sections: readonly SettingsSection[] },
) {
  const r = typed(app);
  const { Settings, SettingsUpdate } = settingsSchemas(sections);
  r.get('/api/settings', {
    schema: {
      tags: ['settings'],
      summary: 'The tenant’s settings',
      response: { 200: Settings, ...readProblems },
    },
    handler: async (req) => {
      const ctx = requireCtx(req);
      authorize(ctx, 'org.read');
      return loadSettings(db, sections, ctx.tenantId);
    },
  });
  r.put('/api/settings', {
    schema: {
      tags: ['settings'],
      summary: 'Change the tenant’s settings (administrator of the whole organisation)',
      body: SettingsUpdate,
      response: { 200: Settings, ...writeProblems },
    },
    handler: async (req) =>
      updateSettings(db, requireCtx(req), sections, req.body as { version: number }),
  });
}
