import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { conflict, notFound } from '../../domain/shared/errors.js';
import type { Db, Tx } from '../db/client.js';
import type { Ctx } from './context.js';
import { auditEvents } from './tables.js';
import { t } from './i18n/messages.js';

export type VersionedTable = PgTable & {
  id: PgColumn;
  tenantId: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
  updatedBy: PgColumn;
};

/** Loads one row of the tenant, or NotFound: another tenant's id is as absent as a made-up one. */
export async function findOwned<T extends VersionedTable>(
  db: Db | Tx,
  table: T,
  ctx: Pick<Ctx, 'tenantId'>,
  id: string,
  entity: string,
): Promise<T['$inferSelect']> {
  const rows = (await db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), eq(table.tenantId, ctx.tenantId)))
    .limit(1)) as T['$inferSelect'][];
  const row = rows[0];
  if (!row) throw notFound(`entity.${entity}`);
  return row;
}

/** All the ids belong to the tenant, checked in one query; the first missing one is NotFound. */
export async function assertAllOwned(
  db: Db | Tx,
  table: VersionedTable,
  ctx: Pick<Ctx, 'tenantId'>,
  ids: readonly (string | null | undefined)[],
  entity: string,
): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return;
  const rows = (await db
    .select({ id: table.id })
    .from(table as PgTable)
    .where(and(inArray(table.id, wanted), eq(table.tenantId, ctx.tenantId)))) as { id: string }[];
  if (rows.length < wanted.length) throw notFound(`entity.${entity}`);
}

/**
 * The update names the version it read. Zero rows changed means someone else got there first:
 * a Conflict that says who (from the audit trail) and when, never a silent overwrite.
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: Tx,
  table: T,
  ctx: Ctx,
  id: string,
  version: number,
  values: Partial<T['$inferInsert']>,
  entity: string,
): Promise<T['$inferSelect']> {
  const rows = (await tx
    .update(table as PgTable)
    .set({
      ...values,
      version: sql`${table.version} + 1`,
      updatedAt: ctx.now,
      updatedBy: ctx.actor.personId,
    } as never)
    .where(and(eq(table.id, id), eq(table.tenantId, ctx.tenantId), eq(table.version, version)))
    .returning()) as T['$inferSelect'][];
  if (rows[0]) return rows[0];
  const current = (await findOwned(tx, table, ctx, id, entity)) as {
    version: number;
    updatedAt: Date;
  };
  throw await staleVersion(tx, ctx, id, current, version);
}

/** The Conflict for a stale version: who changed the record last (from the audit trail) and when. */
export async function staleVersion(
  tx: Tx,
  ctx: Ctx,
  id: string,
  current: { version: number; updatedAt: Date },
  version: number,
) {
  const [last] = await tx
    .select({ actorName: auditEvents.actorName, occurredAt: auditEvents.occurredAt })
    .from(auditEvents)
    .where(and(eq(auditEvents.tenantId, ctx.tenantId), eq(auditEvents.entityId, id)))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const at = (last?.occurredAt ?? current.updatedAt).toLocaleString(
    ctx.lang === 'en' ? 'en-GB' : 'sv-SE',
    { timeZone: 'Europe/Stockholm' },
  );
  return conflict('errors.versionConflict', {
    by: last?.actorName ?? t(ctx.lang, 'errors.someone'),
    at,
    current: current.version,
    sent: version,
  });
}

/** Stamps for a new row. */
export const created = (ctx: Ctx) => ({
  createdBy: ctx.actor.personId,
  updatedBy: ctx.actor.personId,
  createdAt: ctx.now,
  updatedAt: ctx.now,
});
