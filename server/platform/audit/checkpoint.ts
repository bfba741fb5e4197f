import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { stableStringify } from '../stable-json.js';
import { auditEvents, tenants } from '../tables.js';
import type { AuditSeal } from './seal.js';

/*
 * Signed checkpoints: the newest event of a tenant's chain (sequence number and hash), signed
 * with the audit key and kept outside the database, in a file per tenant and in the log. The
 * chain alone cannot show that its newest events were deleted; the last checkpoint can.
 */

export type Checkpoint = {
  tenantId: string;
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  sig: string;
};

const signature = (seal: AuditSeal, c: Omit<Checkpoint, 'sig'>) =>
  createHmac('sha256', seal.key)
    .update('styrbord-audit-checkpoint-v1\n')
    .update(
      stableStringify({ tenantId: c.tenantId, seq: c.seq, hash: c.hash, at: c.at, keyId: c.keyId }),
    )
    .digest('hex');

export function signCheckpoint(
  seal: AuditSeal,
  c: { tenantId: string; seq: number; hash: string; at: Date },
): Checkpoint {
  const body = { ...c, at: c.at.toISOString(), keyId: seal.keyId };
  return { ...body, sig: signature(seal, body) };
}

/** Whether the signature is this key's over exactly these fields. */
export function checkpointSigned(seal: AuditSeal, c: Checkpoint): boolean {
  const expected = Buffer.from(signature(seal, c), 'hex');
  const given = Buffer.from(typeof c.sig === 'string' ? c.sig : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const fileOf = (dir: string, tenantId: string) => join(dir, `${tenantId}.json`);

/** The tenant's last checkpoint; 'unreadable' for a file that is there but is not one. */
export function readCheckpoint(dir: string, tenantId: string): Checkpoint | 'unreadable' | null {
  let text: string;
  try {
    text = readFileSync(fileOf(dir, tenantId), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return 'unreadable';
  }
  try {
    const c = JSON.parse(text) as Checkpoint;
    const ok =
      c.tenantId === tenantId &&
      Number.isSafeInteger(c.seq) &&
      typeof c.hash === 'string' &&
      typeof c.at === 'string' &&
      typeof c.keyId === 'string' &&
      typeof c.sig === 'string';
    return ok ? c : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

export type CheckpointLog = {
  info: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
};

/**
 * Signs the tenant's newest event and keeps it: the file `<tenant>.json` (replaced atomically),
 * a line in `<tenant>.jsonl` (the history) and a line in the log. Never replaces a checkpoint of
 * a later event, or of the same event with another hash: that is the evidence that events were
 * deleted or rewritten, so it is kept and said in the log instead.
 */
export async function writeCheckpoint(
  db: Db,
  seal: AuditSeal,
  tenantId: string,
  now: Date,
  log?: CheckpointLog,
  logUnchanged = false,
): Promise<Checkpoint | null> {
  const dir = seal.checkpointDir;
  if (!dir) return null;
  const [last] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.tenantId, tenantId))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  if (!last) return null;
  const previous = readCheckpoint(dir, tenantId);
  if (previous && previous !== 'unreadable') {
    if (previous.seq === last.seq && previous.hash === last.hash) {
      if (logUnchanged) log?.info({ auditCheckpoint: previous }, 'audit checkpoint');
      return previous;
    }
    if (previous.seq >= last.seq) {
      log?.warn(
        { tenantId, checkpoint: previous, newest: last },
        'audit trail is shorter than or differs from its last checkpoint; checkpoint kept',
      );
      return previous;
    }
  }
  const checkpoint = signCheckpoint(seal, { tenantId, seq: last.seq, hash: last.hash, at: now });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = fileOf(dir, tenantId);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(checkpoint)}\n`);
  renameSync(tmp, file);
  appendFileSync(join(dir, `${tenantId}.jsonl`), `${JSON.stringify(checkpoint)}\n`);
  log?.info({ auditCheckpoint: checkpoint }, 'audit checkpoint');
  return checkpoint;
}

/** Every tenant's checkpoint, now. */
export async function writeAllCheckpoints(
  db: Db,
  seal: AuditSeal,
  now: Date,
  log?: CheckpointLog,
  logUnchanged = false,
): Promise<Checkpoint[]> {
  const out: Checkpoint[] = [];
  for (const t of await db.select({ id: tenants.id }).from(tenants)) {
    const c = await writeCheckpoint(db, seal, t.id, now, log, logUnchanged);
    if (c) out.push(c);
  }
  return out;
}

/** Every checkpoint file in the folder (for a backup). */
export function readAllCheckpoints(dir: string, tenantIds: string[]): Checkpoint[] {
  return tenantIds.flatMap((id) => {
    const c = readCheckpoint(dir, id);
    return c && c !== 'unreadable' ? [c] : [];
  });
}

/**
 * Keeps checkpoints current at little cost: a tenant that had an event is checkpointed at most
 * every `debounceMs`, every tenant every `intervalMs` (events from other instances or commands),
 * and all at `flush` (the start and the stop).
 */
export function checkpointer(opts: {
  db: Db;
  seal: AuditSeal;
  clock: () => Date;
  log?: CheckpointLog;
  debounceMs?: number;
  intervalMs?: number;
}) {
  const { db, seal, clock, log } = opts;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const guarded = (work: () => Promise<unknown>) => {
    running = running
      .then(work)
      .catch((err: unknown) => log?.warn({ err }, 'audit checkpoint failed'));
    return running;
  };
  const writePending = () => {
    timer = null;
    const ids = [...pending];
    pending.clear();
    return guarded(async () => {
      for (const id of ids) await writeCheckpoint(db, seal, id, clock(), log);
    });
  };
  const interval = setInterval(
    () => void guarded(() => writeAllCheckpoints(db, seal, clock(), log)),
    opts.intervalMs ?? 15 * 60_000,
  );
  interval.unref();
  return {
    notify(tenantId: string) {
      pending.add(tenantId);
      if (!timer) {
        timer = setTimeout(() => void writePending(), opts.debounceMs ?? 5_000);
        timer.unref();
      }
    },
    // At the start and the stop the log gets every tenant's checkpoint, changed or not.
    flush: () => guarded(() => writeAllCheckpoints(db, seal, clock(), log, true)),
    async stop() {
      clearInterval(interval);
      if (timer) clearTimeout(timer);
      timer = null;
      pending.clear();
      await guarded(() => writeAllCheckpoints(db, seal, clock(), log, true));
    },
  };
}
