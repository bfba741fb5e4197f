import type { FastifyInstance } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { record } from './audit/audit.js';
import { requireCtx } from './auth/plugin.js';
import { authorize } from './authorize.js';
import type { Ctx } from './context.js';
import { readProblems, typed, writeProblems, type RouteOpts } from './route-kit.js';
import { tenants } from './tables.js';
import { staleVersion } from './versioning.js';
import { parseInput } from './write.js';
import { invalid } from '../../domain/shared/errors.js';
import { PERIOD_KINDS } from '../../domain/goals/periods.js';
import { DEFAULT_ROUTING, DEFAULT_SCORING } from '../../domain/portfolio/initiative.js';

const ScoringCriterion = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z_]{1,50}$/),
    label: z.string().trim().min(1).max(100),
    weight: z.number().min(0).max(100),
  })
  .strict();
const Settings = z.object({
  name: z.string(),
  version: z.number().int(),
  caseNumberLabel: z.enum(['diarienummer', 'ärendenummer']),
  caseNumberPattern: z.string().nullable(),
  followUpPeriods: z.array(z.enum(PERIOD_KINDS)),
  documentMaxAgeYears: z.number().int(),
  contractWarningMonths: z.number().int(),
  classificationMaxAgeYears: z.number().int(),
  councilForumId: z.uuid().nullable(),
  regionalDirectorPersonId: z.uuid().nullable(),
  portfolioDecidingBodyId: z.uuid().nullable(),
  crossUnitThreshold: z.number().int(),
  scoringModel: z.array(ScoringCriterion),
});
const SettingsUpdate = z
  .object({
    version: z.number().int().min(1),
    name: z.string().trim().min(1).max(200).optional(),
    caseNumberLabel: z.enum(['diarienummer', 'ärendenummer']).optional(),
    caseNumberPattern: z.string().trim().max(200).nullable().optional(),
    followUpPeriods: z.array(z.enum(PERIOD_KINDS)).min(1).max(4).optional(),
    documentMaxAgeYears: z.number().int().min(1).max(50).optional(),
    contractWarningMonths: z.number().int().min(1).max(120).optional(),
    classificationMaxAgeYears: z.number().int().min(1).max(20).optional(),
    councilForumId: z.uuid().nullable().optional(),
    regionalDirectorPersonId: z.uuid().nullable().optional(),
    portfolioDecidingBodyId: z.uuid().nullable().optional(),
    crossUnitThreshold: z.number().int().min(2).max(50).optional(),
    scoringModel: z.array(ScoringCriterion).min(1).max(20).optional(),
  })
  .strict();

/** The region's settings, with the defaults where it has set nothing. */
async function loadSettings(db: Db, tenantId: string) {
  const [t] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  return {
    name: t!.name,
    version: t!.version,
    caseNumberLabel: t!.settings.caseNumberLabel ?? 'diarienummer',
    caseNumberPattern: t!.settings.caseNumberPattern ?? null,
    followUpPeriods:
      t!.settings.followUpPeriods ?? (['interim', 'annual'] as ('interim' | 'annual')[]),
    documentMaxAgeYears: t!.settings.documentMaxAgeYears ?? 4,
    contractWarningMonths: t!.settings.contractWarningMonths ?? 18,
    classificationMaxAgeYears: t!.settings.classificationMaxAgeYears ?? 3,
    councilForumId: t!.settings.councilForumId ?? null,
    regionalDirectorPersonId: t!.settings.regionalDirectorPersonId ?? null,
    portfolioDecidingBodyId: t!.settings.portfolioDecidingBodyId ?? null,
    crossUnitThreshold: t!.settings.crossUnitThreshold ?? DEFAULT_ROUTING.crossUnitThreshold,
    scoringModel: t!.settings.scoringModel ?? [...DEFAULT_SCORING],
  };
}

/**
 * Changes the region's settings through the one write path: the schema, the tenant administrator,
 * the version it read (a stale one is a Conflict naming who changed them and when), the audit event.
 */
export async function updateSettings(db: Db, ctx: Ctx, raw: z.input<typeof SettingsUpdate>) {
  const input = parseInput(SettingsUpdate, raw, ctx.lang);
  authorize(ctx, 'tenant.admin');
  const { version, name, ...settings } = input;
  if (settings.caseNumberPattern) {
    try {
      new RegExp(settings.caseNumberPattern, 'u');
    } catch {
      throw invalid('errors.validation', [{ path: 'caseNumberPattern', key: 'errors.badValue' }]);
    }
  }
  // The council and the director are the tenant's own forum and person (raw SQL: the platform does not import modules).
  for (const [field, table, id] of [
    ['councilForumId', 'forums', settings.councilForumId],
    ['regionalDirectorPersonId', 'persons', settings.regionalDirectorPersonId],
    ['portfolioDecidingBodyId', 'org_units', settings.portfolioDecidingBodyId],
  ] as const) {
    if (!id) continue;
    const found = (await db.execute(
      sql`SELECT 1 FROM ${sql.identifier(table)} WHERE id = ${id} AND tenant_id = ${ctx.tenantId}`,
    )) as unknown as { rows: unknown[] };
    if (found.rows.length === 0)
      throw invalid('errors.validation', [{ path: field, key: 'errors.referenceUnknown' }]);
  }
  const before = await loadSettings(db, ctx.tenantId);
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
    await record(tx, ctx, {
      entityType: 'tenant',
      entityId: ctx.tenantId,
      action: 'update_settings',
      before,
      after: { ...before, ...settings, ...(name ? { name } : {}) },
    });
  });
  return loadSettings(db, ctx.tenantId);
}

/** The region's own settings: what its case numbers are called and their format. */
export async function tenantRoutes(app: FastifyInstance, { db }: RouteOpts) {
  const r = typed(app);
  const load = (tenantId: string) => loadSettings(db, tenantId);
  r.get('/api/settings', {
    schema: {
      tags: ['settings'],
      summary: 'The tenant’s settings',
      response: { 200: Settings, ...readProblems },
    },
    handler: async (req) => {
      const ctx = requireCtx(req);
      authorize(ctx, 'org.read');
      return load(ctx.tenantId);
    },
  });
  r.put('/api/settings', {
    schema: {
      tags: ['settings'],
      summary: 'Change the tenant’s settings (administrator of the whole organisation)',
      body: SettingsUpdate,
      response: { 200: Settings, ...writeProblems },
    },
    handler: async (req) => updateSettings(db, requireCtx(req), req.body),
  });
}
