import { createHash, createHmac } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import { auditEvents, tenants } from '../tables.js';
import { t, type Lang } from '../i18n/messages.js';
import type { Db, Tx } from '../../db/client.js';
import type { Ctx } from '../context.js';
import { stableStringify } from '../stable-json.js';
import { checkpointSigned, readCheckpoint, type Checkpoint } from './checkpoint.js';
import { auditSeal, requireAuditSeal, type AuditSeal } from './seal.js';

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

const contentOf = (e: HashedFields) =>
  // Only the listed fields: a row read back also carries id and hashes, which are not content.
  stableStringify({
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

/** Chain 1, the events written before the key: unkeyed SHA-256 (kept so old chains verify). */
export function hashEvent(prevHash: string, e: HashedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(contentOf(e)).digest('hex');
}

/** The chain every new event is written in. */
export const KEYED_CHAIN = 2;

/** Chain 2: HMAC-SHA256 under the audit key, so only a holder of the key can re-hash. */
export function macEvent(key: Buffer, prevHash: string, e: HashedFields): string {
  return createHmac('sha256', key)
    .update('styrbord-audit-v2\n')
    .update(prevHash)
    .update('\n')
    .update(contentOf(e))
    .digest('hex');
}

type Listener = (tenantId: string) => void;
let recorded: Listener | null = null;
/** Called after each event is appended (the checkpointer's cue); null to stop. */
export function onRecorded(listener: Listener | null) {
  recorded = listener;
}

/**
 * Appends one event to the tenant's chain, inside the caller's transaction, so the event exists
 * exactly when the change does. The advisory lock serialises appends per tenant across server
 * instances; it is released when the transaction ends.
 */
/** The tenant whose chain lock each open transaction holds. */
const locked = new WeakMap<object, string>();

export async function record(
  tx: Tx | Db,
  ctx: Pick<Ctx, 'tenantId' | 'actor' | 'now'> | { tenantId: string; actor: null; now: Date },
  input: AuditInput,
) {
  await recordMany(tx, ctx, [input]);
}

/**
 * Appends several events to the tenant's chain at once (an import's rows): one lock, one read of
 * the chain's end and one insert, each event linked to the one before it as `record` links them.
 */
export async function recordMany(
  tx: Tx | Db,
  ctx: Pick<Ctx, 'tenantId' | 'actor' | 'now'> | { tenantId: string; actor: null; now: Date },
  inputs: readonly AuditInput[],
) {
  if (!inputs.length) return;
  // The tenant's chain is appended to by one transaction at a time; a transaction takes the lock
  // once (it holds it until it ends).
  const held = locked.get(tx);
  if (held !== ctx.tenantId) {
    await tx.execute(
      sql`SELECT pg_advisory_xact_lock(hashtextextended(${ctx.tenantId}::text, 42))`,
    );
    if ('rollback' in tx) locked.set(tx, ctx.tenantId);
  }
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.tenantId, ctx.tenantId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS;
  const rows = inputs.map((input) => {
    const fields: HashedFields = {
      tenantId: ctx.tenantId,
      seq: ++seq,
      occurredAt: new Date(Math.floor(ctx.now.getTime())),
      actorId: ctx.actor?.personId ?? null,
      actorName: ctx.actor?.name ?? null,
      entityType: input.entityType,
      entityId: input.entityId,
      action: input.action,
      before: normalise(input.before ?? null),
      after: normalise(input.after ?? null),
    };
    const hash = macEvent(requireAuditSeal().key, prevHash, fields);
    const row = { ...fields, prevHash, hash, chain: KEYED_CHAIN };
    prevHash = hash;
    return row;
  });
  await tx.insert(auditEvents).values(rows);
  recorded?.(ctx.tenantId);
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

export const BREAK_REASONS = [
  'hash_mismatch',
  'broken_link',
  'missing_event',
  'rehashed',
  'truncated',
  'checkpoint_mismatch',
  'checkpoint_invalid',
  'key_missing',
  'wrong_key',
] as const;
export type BreakReason = (typeof BREAK_REASONS)[number];

export type VerifyResult = {
  intact: boolean;
  checked: number;
  lastSeq: number;
  firstBroken: { seq: number; id: string | null; reason: BreakReason } | null;
  /** The last signed checkpoint the chain was held against; null when there is none. */
  checkpoint: { seq: number; at: string } | null;
};

/**
 * Walks the chain in order, in batches, and reports the first event that does not hold: an
 * edited event (its hash does not fit), a deleted one (a gap, or a link to nothing), one re-hashed
 * without the key (an unkeyed hash where the key's belongs, or an unkeyed event after keyed
 * ones), and against the last checkpoint: newest events deleted (the chain ends before it) or
 * the whole tail rewritten (another hash at its number). The checkpoint is read before the chain,
 * so an event written meanwhile never looks like a cut.
 */
export async function verifyChain(
  db: Db,
  tenantId: string,
  opts: { batchSize?: number; seal?: AuditSeal | null } = {},
): Promise<VerifyResult> {
  const batchSize = opts.batchSize ?? 5000;
  const seal = opts.seal === undefined ? auditSeal() : opts.seal;
  const found = seal?.checkpointDir ? readCheckpoint(seal.checkpointDir, tenantId) : null;
  const invalid = found === 'unreadable' || (found !== null && !checkpointSigned(seal!, found));
  const cp: Checkpoint | null = found && found !== 'unreadable' ? found : null;
  const checkpoint = cp ? { seq: cp.seq, at: cp.at } : null;
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  let keyedSeen = false;
  const broken = (seq: number, id: string | null, reason: BreakReason): VerifyResult => ({
    intact: false,
    checked,
    lastSeq: Math.max(expectedSeq - 1, 0),
    firstBroken: { seq, id, reason },
    checkpoint,
  });
  if (cp && seal && cp.keyId !== seal.keyId) return broken(cp.seq, null, 'wrong_key');
  if (invalid) return broken(cp?.seq ?? 0, null, 'checkpoint_invalid');
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), gt(auditEvents.seq, expectedSeq - 1)))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    for (const e of rows) {
      if (e.seq !== expectedSeq) return broken(expectedSeq, null, 'missing_event');
      if (e.prevHash !== prevHash) return broken(e.seq, e.id, 'broken_link');
      if (e.chain >= KEYED_CHAIN) {
        if (!seal) return broken(e.seq, e.id, 'key_missing');
        if (macEvent(seal.key, prevHash, e) !== e.hash)
          return broken(
            e.seq,
            e.id,
            hashEvent(prevHash, e) === e.hash ? 'rehashed' : 'hash_mismatch',
          );
        keyedSeen = true;
      } else {
        const fits = hashEvent(prevHash, e) === e.hash;
        if (keyedSeen) return broken(e.seq, e.id, fits ? 'rehashed' : 'hash_mismatch');
        if (!fits) return broken(e.seq, e.id, 'hash_mismatch');
      }
      if (cp && e.seq === cp.seq && e.hash !== cp.hash)
        return broken(e.seq, e.id, 'checkpoint_mismatch');
      prevHash = e.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < batchSize) break;
  }
  const lastSeq = expectedSeq - 1;
  if (cp && cp.seq > lastSeq) return broken(lastSeq + 1, null, 'truncated');
  return { intact: true, checked, lastSeq, firstBroken: null, checkpoint };
}

/** What a verification found, in words: Swedish or English. */
export function verifyMessage(lang: Lang, r: VerifyResult): string {
  if (r.intact) {
    const against = r.checkpoint
      ? t(lang, 'audit.verify.checkpoint', { seq: r.checkpoint.seq, at: r.checkpoint.at })
      : t(lang, 'audit.verify.noCheckpoint');
    return `${t(lang, 'audit.verify.intact', { checked: r.checked })} ${against}`;
  }
  const b = r.firstBroken!;
  return t(lang, `audit.verify.${b.reason}`, {
    seq: b.seq,
    lastSeq: r.lastSeq,
    checkpointSeq: r.checkpoint?.seq ?? '—',
  });
}

/** Every tenant's chain (the command line and the host API). */
export async function verifyAllTenants(db: Db, lang: Lang) {
  const out = [];
  for (const tenant of await db
    .select({ id: tenants.id, name: tenants.name, slug: tenants.slug })
    .from(tenants)
    .orderBy(asc(tenants.name))) {
    const r = await verifyChain(db, tenant.id);
    out.push({
      tenantId: tenant.id,
      name: tenant.name,
      slug: tenant.slug,
      ...r,
      message: verifyMessage(lang, r),
    });
  }
  return out;
}
