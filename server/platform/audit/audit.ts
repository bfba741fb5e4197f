import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { auditEvents } from '../tables.js';
import type { Db, Tx } from '../../db/client.js';
import type { Ctx } from '../context.js';
import { stableStringify } from '../stable-json.js';

export const GENESIS = '0'.repeat(64);

export type AuditInput = {
  entityType: string;
  entityId: string | null;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

type HashedFields = {
  tenantId: string;
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorName: string | null;
  entityType: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
};

export function hashEvent(prevHash: string, e: HashedFields): string {
  // Only the listed fields: a row read back also carries id and hashes, which are not content.
  const content = stableStringify({
    tenantId: e.tenantId,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    entityType: e.entityType,
    entityId: e.entityId,
    action: e.action,
    before: e.before,
    after: e.after,
  });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/**
 * Appends one event to the tenant's chain, inside the caller's transaction, so the event exists
 * exactly when the change does. The advisory lock serialises appends per tenant across server
 * instances; it is released when the transaction ends.
 */
export async function record(
  tx: Tx | Db,
  ctx: Pick<Ctx, 'tenantId' | 'actor' | 'now'> | { tenantId: string; actor: null; now: Date },
  input: AuditInput,
) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${ctx.tenantId}::text, 42))`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.tenantId, ctx.tenantId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const fields: HashedFields = {
    tenantId: ctx.tenantId,
    seq: (last?.seq ?? 0) + 1,
    occurredAt: new Date(Math.floor(ctx.now.getTime())),
    actorId: ctx.actor?.personId ?? null,
    actorName: ctx.actor?.name ?? null,
    entityType: input.entityType,
    entityId: input.entityId,
    action: input.action,
    before: normalise(input.before ?? null),
    after: normalise(input.after ?? null),
  };
  const prevHash = last?.hash ?? GENESIS;
  await tx.insert(auditEvents).values({ ...fields, prevHash, hash: hashEvent(prevHash, fields) });
}

/** What jsonb will give back: plain JSON (no undefined, dates as strings). */
const normalise = (v: unknown): unknown => (v == null ? null : JSON.parse(JSON.stringify(v)));

export type AuditFilter = {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

function whereOf(tenantId: string, f: AuditFilter): { where: SQL | undefined; filtered: boolean } {
  const conds: (SQL | undefined)[] = [
    f.entityType ? eq(auditEvents.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
    f.actorId ? eq(auditEvents.actorId, f.actorId) : undefined,
    f.action ? eq(auditEvents.action, f.action) : undefined,
    f.from ? gte(auditEvents.occurredAt, new Date(`${f.from}T00:00:00Z`)) : undefined,
    f.to ? lte(auditEvents.occurredAt, new Date(`${f.to}T23:59:59.999Z`)) : undefined,
  ];
  const filtered = conds.some(Boolean);
  return { where: and(eq(auditEvents.tenantId, tenantId), ...conds), filtered };
}

/** A filtered list counts at most this many events; beyond it the total says "at least". */
export const COUNT_CAP = 1_000;

/**
 * Newest first. `beforeSeq` is a cursor that stays fast a million events deep; offset works too.
 * Unfiltered, the total is the last sequence number (the chain has no gaps), so no count scan.
 */
export async function listEvents(
  db: Db,
  tenantId: string,
  f: AuditFilter,
  page: { limit: number; offset: number; beforeSeq?: number | undefined },
) {
  const { where, filtered } = whereOf(tenantId, f);
  const cursor = page.beforeSeq ? lt(auditEvents.seq, page.beforeSeq) : undefined;
  const items = await db
    .select()
    .from(auditEvents)
    .where(and(where, cursor))
    .orderBy(desc(auditEvents.seq))
    .limit(page.limit)
    .offset(page.beforeSeq ? 0 : page.offset);
  let total: number;
  let totalIsCapped = false;
  if (filtered) {
    // Counting a filter over a million events costs more than the page itself: count up to a cap.
    const capped = db
      .select({ one: sql`1` })
      .from(auditEvents)
      .where(where)
      .limit(COUNT_CAP + 1)
      .as('capped');
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
    total = Math.min(row?.n ?? 0, COUNT_CAP);
    totalIsCapped = (row?.n ?? 0) > COUNT_CAP;
  } else {
    const [row] = await db
      .select({ n: sql<number>`coalesce(max(${auditEvents.seq}), 0)::int` })
      .from(auditEvents)
      .where(eq(auditEvents.tenantId, tenantId));
    total = row?.n ?? 0;
  }
  return { items, total, totalIsCapped };
}

export type VerifyResult = {
  intact: boolean;
  checked: number;
  lastSeq: number;
  firstBroken: {
    seq: number;
    id: string | null;
    reason: 'hash_mismatch' | 'broken_link' | 'missing_event';
  } | null;
};

/** Walks the chain in order, in batches, and reports the first event that does not hold. */
export async function verifyChain(
  db: Db,
  tenantId: string,
  batchSize = 5000,
): Promise<VerifyResult> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), gt(auditEvents.seq, expectedSeq - 1)))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    for (const e of rows) {
      if (e.seq !== expectedSeq)
        return {
          intact: false,
          checked,
          lastSeq: expectedSeq - 1,
          firstBroken: { seq: expectedSeq, id: null, reason: 'missing_event' },
        };
      if (e.prevHash !== prevHash)
        return {
          intact: false,
          checked,
          lastSeq: e.seq,
          firstBroken: { seq: e.seq, id: e.id, reason: 'broken_link' },
        };
      const expected = hashEvent(prevHash, e);
      if (expected !== e.hash)
        return {
          intact: false,
          checked,
          lastSeq: e.seq,
          firstBroken: { seq: e.seq, id: e.id, reason: 'hash_mismatch' },
        };
      prevHash = e.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < batchSize) break;
  }
  return { intact: true, checked, lastSeq: expectedSeq - 1, firstBroken: null };
}
