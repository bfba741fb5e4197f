import { chmodSync, mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import { schema } from './schema.js';

export type Schema = typeof schema;
/** Both drivers give the same query builder; services only see this type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
  /** PGlite only: a consistent gzipped tar of the data folder, taken between transactions. */
  dump?: () => Promise<Blob>;
};

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// Dates come back as ISO strings ('2024-03-26'), never shifted by the server's time zone.
pg.types.setTypeParser(1082, (v) => v);

/** Opens the embedded PGlite database in a data folder (created if missing), or a PostgreSQL server. */
export async function openDatabase(opts: {
  url?: string | undefined;
  dataDir?: string | undefined;
  migrate?: boolean;
}): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    if (opts.migrate !== false) await migratePg(drizzlePg(pool), { migrationsFolder });
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  if (opts.dataDir) {
    // The folder holds password hashes and sessions: readable by its owner only, and so is every
    // file the database writes there from now on (PGlite creates its files world-readable).
    process.umask(0o077);
    mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
    chmodSync(opts.dataDir, 0o700);
  }
  const client = new PGlite({ dataDir: opts.dataDir, extensions: { pg_trgm } });
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  if (opts.migrate !== false) await migratePglite(drizzlePglite(client), { migrationsFolder });
  const dump = async () => {
    await client.exec('CHECKPOINT');
    // Holding PGlite's transaction lock: no transaction is half done while the files are read.
    return client.transaction(() => client.dumpDataDir('gzip'));
  };
  return { db, kind: 'pglite', close: () => client.close(), dump };
}
