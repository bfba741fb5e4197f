// What `npm run backup` and `npm run restore` do, as functions a test can call. A backup is a
// folder: manifest.json, the database (pglite.tar.gz or postgres.dump) and the signed
// checkpoints (audit-checkpoints/<tenant>.json). The audit key is never in it (see README).
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import {
  folderHasFiles,
  pgDump,
  pgRestore,
  restorePglite,
  withoutPrivateFiles,
} from '../db/backup.js';
import type { Checkpoint } from '../platform/audit/checkpoint.js';

export type Manifest = {
  format: 'styrbord-backup';
  version: 1;
  kind: 'pglite' | 'postgres';
  createdAt: string;
  /** The fingerprint of the audit key the chains are signed with (not the key). */
  keyId: string | null;
  database: 'pglite.tar.gz' | 'postgres.dump';
  checkpoints: number;
};

/** A refusal said in Swedish and English; the command exits with 1. */
export class Refused extends Error {}

export function prepareOut(out: string) {
  if (folderHasFiles(out))
    throw new Refused(
      `Mappen ${out} finns redan och är inte tom; välj en ny med --out.\n` +
        `The folder ${out} exists and is not empty; choose a new one with --out.`,
    );
  mkdirSync(join(out, 'audit-checkpoints'), { recursive: true, mode: 0o700 });
}

/** The signed checkpoint files of a folder, as they are. */
export function checkpointFiles(dir: string): Checkpoint[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^[0-9a-f-]{36}\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Checkpoint);
}

export function writeBackup(
  out: string,
  parts: {
    kind: Manifest['kind'];
    keyId: string | null;
    checkpoints: Checkpoint[];
    now: Date;
  },
) {
  for (const c of parts.checkpoints)
    writeFileSync(join(out, 'audit-checkpoints', `${c.tenantId}.json`), `${JSON.stringify(c)}\n`);
  const manifest: Manifest = {
    format: 'styrbord-backup',
    version: 1,
    kind: parts.kind,
    createdAt: parts.now.toISOString(),
    keyId: parts.keyId,
    database: parts.kind === 'pglite' ? 'pglite.tar.gz' : 'postgres.dump',
    checkpoints: parts.checkpoints.length,
  };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** PGlite: the checkpoints first, then the dump, so the dump holds every event they name. */
export async function backupPglite(
  out: string,
  source: { checkpoints: () => Promise<Checkpoint[]>; dump: () => Promise<Buffer> },
  keyId: string | null,
  now: Date,
) {
  prepareOut(out);
  const checkpoints = await source.checkpoints();
  writeFileSync(join(out, 'pglite.tar.gz'), withoutPrivateFiles(await source.dump()), {
    mode: 0o600,
  });
  return writeBackup(out, { kind: 'pglite', keyId, checkpoints, now });
}

export async function backupPostgres(
  out: string,
  url: string,
  checkpointDir: string,
  keyId: string | null,
  now: Date,
) {
  prepareOut(out);
  const checkpoints = checkpointFiles(checkpointDir);
  await pgDump(url, join(out, 'postgres.dump'));
  return writeBackup(out, { kind: 'postgres', keyId, checkpoints, now });
}

export function readManifest(from: string): Manifest {
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(join(from, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    throw new Refused(
      `${from} är inte en säkerhetskopia från npm run backup (manifest.json saknas).\n` +
        `${from} is not a backup made by npm run backup (manifest.json is missing).`,
    );
  }
  if (m.format !== 'styrbord-backup' || m.version !== 1)
    throw new Refused(`Okänt format / unknown format: ${m.format} ${m.version}`);
  return m;
}

/** Whether a PostgreSQL database has any table of its own. */
async function databaseHasTables(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    return (rows[0]?.n ?? 0) > 0;
  } finally {
    await client.end();
  }
}

const notEmpty = (what: string) =>
  new Refused(
    `${what} är inte tom. Återställ till en ny, tom mapp eller databas, eller skriv över med --force.\n` +
      `${what} is not empty. Restore into a new, empty folder or database, or overwrite with --force.`,
  );

/**
 * Restores into an empty folder or database (or, with force, over one): the database, then the
 * checkpoints into `checkpointDir`. A forced PGlite restore keeps the folder's audit key file.
 */
export async function restoreBackup(opts: {
  from: string;
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  checkpointDir: string;
  force: boolean;
}): Promise<Manifest> {
  const m = readManifest(opts.from);
  if (m.kind === 'pglite') {
    if (!opts.dataDir)
      throw new Refused(
        'Säkerhetskopian är av PGlite: ange en mapp med --data-dir.\n' +
          'The backup is of PGlite: give a folder with --data-dir.',
      );
    if (folderHasFiles(opts.dataDir)) {
      if (!opts.force) throw notEmpty(opts.dataDir);
      for (const f of readdirSync(opts.dataDir))
        if (f !== 'audit-key') rmSync(join(opts.dataDir, f), { recursive: true, force: true });
    }
    mkdirSync(opts.dataDir, { recursive: true });
    await restorePglite(join(opts.from, m.database), opts.dataDir);
  } else {
    if (!opts.databaseUrl)
      throw new Refused(
        'Säkerhetskopian är av PostgreSQL: ange databasen med --database-url eller DATABASE_URL.\n' +
          'The backup is of PostgreSQL: give the database with --database-url or DATABASE_URL.',
      );
    if (!opts.force && (await databaseHasTables(opts.databaseUrl)))
      throw notEmpty('Databasen / the database');
    await pgRestore(opts.databaseUrl, join(opts.from, m.database), opts.force);
  }
  const from = join(opts.from, 'audit-checkpoints');
  if (existsSync(from)) {
    mkdirSync(opts.checkpointDir, { recursive: true, mode: 0o700 });
    for (const f of readdirSync(from)) copyFileSync(join(from, f), join(opts.checkpointDir, f));
  }
  return m;
}
