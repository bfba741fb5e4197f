import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/*
 * The database part of a backup: PGlite's own dump of its data folder (a gzipped tar), or
 * PostgreSQL's pg_dump in its custom format, and the way back. The audit key is never part of it.
 */

/** Files of the data folder that are not the database's and never go into a backup. */
const NOT_BACKED_UP = new Set(['audit-key', 'styrbord.pid', 'setup-token']);

const BLOCK = 512;
const field = (b: Buffer, off: number, len: number) =>
  b
    .subarray(off, off + len)
    .toString('utf8')
    .replace(/\0.*$/s, '');

/**
 * The dump without the files that are not the database's: the key (a backup holding the key
 * could forge the trail it is meant to prove), the pid lock and the setup code.
 */
export function withoutPrivateFiles(gzipped: Buffer): Buffer {
  const tar = gunzipSync(gzipped);
  const kept: Buffer[] = [];
  let pending: Buffer[] = [];
  for (let off = 0; off + BLOCK <= tar.length;) {
    const header = tar.subarray(off, off + BLOCK);
    if (header.every((x) => x === 0)) break;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const end = off + BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    const entry = tar.subarray(off, end);
    off = end;
    const type = field(header, 156, 1);
    // pax and GNU long-name headers belong to the entry after them.
    if (type === 'x' || type === 'L' || type === 'K') {
      pending.push(entry);
      continue;
    }
    const prefix = field(header, 345, 155);
    const name = (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100))
      .replace(/^\.?\/+/, '')
      .replace(/^[^/]+\.tar(\.gz)?\//, '');
    if (!NOT_BACKED_UP.has(name)) kept.push(...pending, entry);
    pending = [];
  }
  kept.push(Buffer.alloc(BLOCK * 2));
  return gzipSync(Buffer.concat(kept));
}

/** Whether a folder has anything in it (a restore refuses such a target unless forced). */
export const folderHasFiles = (dir: string) => existsSync(dir) && readdirSync(dir).length > 0;

/** Unpacks a PGlite dump into an empty folder, and proves it opens. */
export async function restorePglite(dumpFile: string, dataDir: string) {
  const blob = new Blob([readFileSync(dumpFile)]);
  const client = new PGlite({ dataDir, loadDataDir: blob, extensions: { pg_trgm } });
  await client.waitReady;
  await client.query('SELECT 1');
  await client.close();
}

/** PostgreSQL's client programs: on PATH, PG_BIN, or Debian's newest /usr/lib/postgresql/<n>/bin. */
export function pgTool(name: 'pg_dump' | 'pg_restore' | 'psql'): string {
  if (process.env.PG_BIN) return join(process.env.PG_BIN, name);
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', name)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], 'bin', name);
  }
  const which = spawnSync('which', [name], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  throw new ToolMissing(name);
}

export class ToolMissing extends Error {
  constructor(readonly tool: string) {
    super(
      `${tool} hittades inte: installera PostgreSQL:s klientprogram (Debian: postgresql-client) ` +
        `eller sätt PG_BIN.\n${tool} was not found: install PostgreSQL's client programs ` +
        '(Debian: postgresql-client) or set PG_BIN.',
    );
  }
}

/** Runs a PostgreSQL program; its own error text is kept for the message. */
function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${cmd.split('/').pop()} stopped with code ${code}:\n${stderr.trim()}`)),
    );
  });
}

/** pg_dump in the custom format: one consistent snapshot of the whole database. */
export const pgDump = (url: string, file: string) =>
  run(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--no-acl', `--file=${file}`, url]);

/** pg_restore into an empty database (or, forced, over the objects that are there). */
export const pgRestore = (url: string, file: string, force: boolean) =>
  run(pgTool('pg_restore'), [
    '--no-owner',
    '--no-acl',
    '--exit-on-error',
    '--single-transaction',
    ...(force ? ['--clean', '--if-exists'] : []),
    `--dbname=${url}`,
    file,
  ]);
