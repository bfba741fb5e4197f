import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents, tenants } from '../tables.js';

/*
 * The audit trail's key. Events are chained with HMAC-SHA256 under a key that lives outside the
 * database (the environment, or a file beside the data), so someone who can write the database
 * but not read the key cannot re-hash a chain they edited, and a checkpoint signed with the same
 * key, kept outside the database too, shows whether newest events were cut off.
 */

/** The key in use in this process, with its fingerprint and where checkpoints are kept. */
export type AuditSeal = {
  key: Buffer;
  /** A fingerprint of the key (not the key): says which key signed a checkpoint. */
  keyId: string;
  /** The folder of signed checkpoints; null: none are written or checked (tests). */
  checkpointDir: string | null;
};

/** A key shorter than this is refused: 32 characters of hex are 128 bits. */
export const MIN_KEY_LENGTH = 32;

export function sealOf(material: string, checkpointDir: string | null): AuditSeal {
  const key = Buffer.from(material.trim(), 'utf8');
  if (key.length < MIN_KEY_LENGTH) throw new AuditKeyError('short');
  const keyId = createHmac('sha256', key)
    .update('styrbord-audit-key-id')
    .digest('hex')
    .slice(0, 16);
  return { key, keyId, checkpointDir };
}

export type KeyProblem = 'missing' | 'short' | 'unreadable' | 'keyed_events_without_key';
/** The key could not be used; `problem` says why, in words the CLI and the start give. */
export class AuditKeyError extends Error {
  constructor(
    readonly problem: KeyProblem,
    readonly file?: string,
  ) {
    super(`audit key: ${problem}${file ? ` (${file})` : ''}`);
  }
}

export const keyProblemText = (e: AuditKeyError): string => {
  const file = e.file ?? 'AUDIT_KEY_FILE';
  switch (e.problem) {
    case 'missing':
      return (
        `Granskningsloggens nyckel saknas: sätt AUDIT_KEY eller lägg nyckelfilen i ${file}.\n` +
        `The audit trail's key is missing: set AUDIT_KEY or put the key file at ${file}.`
      );
    case 'short':
      return (
        `Granskningsloggens nyckel är för kort (minst ${MIN_KEY_LENGTH} tecken).\n` +
        `The audit trail's key is too short (at least ${MIN_KEY_LENGTH} characters).`
      );
    case 'unreadable':
      return (
        `Granskningsloggens nyckelfil ${file} kan inte läsas.\n` +
        `The audit trail's key file ${file} cannot be read.`
      );
    case 'keyed_events_without_key':
      return (
        `Databasen har händelser som är signerade med en nyckel, men nyckeln saknas (${file} eller ` +
        'AUDIT_KEY). Lägg tillbaka nyckeln från säkerhetskopian av nyckeln; en ny nyckel skapas inte, ' +
        'eftersom kedjan då inte längre kunde kontrolleras.\n' +
        `The database has events signed with a key, but the key is missing (${file} or AUDIT_KEY). ` +
        'Put back the key from where it was backed up; no new key is made, since the chain could ' +
        'then no longer be verified.'
      );
  }
};

/** The key from the environment or the file, or null when there is neither (never creates one). */
export function readAuditSeal(opts: {
  key?: string | undefined;
  file: string;
  checkpointDir: string | null;
}): AuditSeal | null {
  if (opts.key) return sealOf(opts.key, opts.checkpointDir);
  if (!existsSync(opts.file)) return null;
  let material: string;
  try {
    material = readFileSync(opts.file, 'utf8');
  } catch {
    throw new AuditKeyError('unreadable', opts.file);
  }
  return sealOf(material, opts.checkpointDir);
}

/**
 * The key for the server: read, or on the first start made (32 random bytes as hex, a file only
 * the server's user can read). A database that already has keyed events gets no new key: the old
 * key must be put back, or the chain could not be verified any more.
 */
export async function loadOrCreateAuditSeal(
  db: Db,
  opts: { key?: string | undefined; file: string; checkpointDir: string | null },
): Promise<{ seal: AuditSeal; created: boolean }> {
  const found = readAuditSeal(opts);
  if (found) return { seal: found, created: false };
  if (await hasKeyedEvents(db)) throw new AuditKeyError('keyed_events_without_key', opts.file);
  mkdirSync(dirname(opts.file), { recursive: true });
  // 'wx': never overwrite a key another process wrote a moment ago.
  writeFileSync(opts.file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(opts.file, 0o600);
  return { seal: readAuditSeal(opts)!, created: true };
}

/** Whether any tenant's newest event is keyed (chains are keyed from some event on, never back). */
export async function hasKeyedEvents(db: Db): Promise<boolean> {
  for (const t of await db.select({ id: tenants.id }).from(tenants)) {
    const [last] = await db
      .select({ chain: auditEvents.chain })
      .from(auditEvents)
      .where(eq(auditEvents.tenantId, t.id))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    if (last && last.chain >= 2) return true;
  }
  return false;
}

/** A key for this process only, with no checkpoints: tests and benchmarks, never a server. */
export const throwAwaySeal = () => sealOf(randomBytes(32).toString('hex'), null);

let current: AuditSeal | null = null;

/** Sets the key this process chains with (the start, a command, a test's app). */
export function useAuditSeal(seal: AuditSeal | null) {
  current = seal;
}

export function auditSeal(): AuditSeal | null {
  return current;
}

/** The key, or a clear failure: an event is never written without it. */
export function requireAuditSeal(): AuditSeal {
  if (!current)
    throw new Error('The audit key is not loaded: call useAuditSeal at start (see seal.ts)');
  return current;
}
