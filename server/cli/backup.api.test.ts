import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, type Database, type Db } from '../db/client.js';
import { saveHostAdmin } from '../host/auth.js';
import { verifyChain } from '../platform/audit/audit.js';
import { writeAllCheckpoints } from '../platform/audit/checkpoint.js';
import { aFixture } from '../test/fixture.js';
import { aTenant, testEnv, type TestEnv, type Tenant } from '../test/helper.js';
import {
  backupPglite,
  backupPostgres,
  checkpointFiles,
  Refused,
  restoreBackup,
} from './backup-core.js';

let env: TestEnv;
let tenant: Tenant;
const scratch = mkdtempSync(join(tmpdir(), 'styrbord-backup-test-'));
beforeAll(async () => {
  env = await testEnv();
  tenant = await aTenant(env, 'Säkerhetskopierad');
  await aFixture(env, tenant);
  await writeAllCheckpoints(env.db, env.seal, env.time.clock());
});
afterAll(async () => {
  await env.close();
  rmSync(scratch, { recursive: true, force: true });
});

const rowsOf = async <T>(q: Promise<unknown>) => ((await q) as { rows: T[] }).rows;

/** Every table of the database, each row as JSON, in a fixed order. */
async function everyRow(db: Db) {
  const tables = await rowsOf<{ s: string; t: string }>(
    db.execute(
      sql`SELECT table_schema AS s, table_name AS t FROM information_schema.tables
        WHERE table_schema IN ('public', 'drizzle') AND table_type = 'BASE TABLE'
        ORDER BY 1, 2`,
    ),
  );
  const out: Record<string, string[]> = {};
  for (const { s, t } of tables) {
    const rows = await rowsOf<{ r: string }>(
      db.execute(sql.raw(`SELECT to_jsonb(x)::text AS r FROM "${s}"."${t}" x ORDER BY 1`)),
    );
    out[`${s}.${t}`] = rows.map((r) => r.r);
  }
  return out;
}

async function restoredEqualsOriginal(restored: Database, checkpointDir: string) {
  try {
    const [before, after] = [await everyRow(env.db), await everyRow(restored.db)];
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(before['public.audit_events']!.length).toBeGreaterThan(20);
    for (const table of Object.keys(before))
      expect([table, after[table]]).toEqual([table, before[table]]);
    const seal = { ...env.seal, checkpointDir };
    const chain = await verifyChain(restored.db, tenant.tenantId, { seal });
    expect(chain).toMatchObject({ intact: true, firstBroken: null });
    expect(chain.checkpoint?.seq).toBe(chain.lastSeq);
  } finally {
    await restored.close();
  }
}

describe.runIf(inject('dbKind') === 'pglite')('backup and restore on PGlite', () => {
  it('backs up through the running server, restores into a fresh folder, and every row is there', async () => {
    await saveHostAdmin(env.db, 'drift@host.example', 'host-password-long');
    const login = await env.app.inject({
      method: 'POST',
      url: '/api/host/login',
      payload: { email: 'drift@host.example', password: 'host-password-long' },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const dump = await env.app.inject({
      method: 'GET',
      url: '/api/host/backup',
      headers: { cookie },
    });
    expect(dump.statusCode).toBe(200);
    expect(dump.headers['content-type']).toBe('application/gzip');
    expect(dump.headers['x-styrbord-key-id']).toBe(env.seal.keyId);

    const out = join(scratch, 'pglite-backup');
    const manifest = await backupPglite(
      out,
      {
        checkpoints: async () => checkpointFiles(env.seal.checkpointDir!),
        dump: async () => dump.rawPayload,
      },
      env.seal.keyId,
      env.time.clock(),
    );
    expect(manifest).toMatchObject({ kind: 'pglite', keyId: env.seal.keyId, checkpoints: 1 });
    expect(readdirSync(join(out, 'audit-checkpoints'))).toEqual([`${tenant.tenantId}.json`]);

    const target = join(scratch, 'restored');
    const checkpointDir = join(target, 'audit-checkpoints');
    await restoreBackup({ from: out, dataDir: target, checkpointDir, force: false });
    expect(existsSync(join(target, 'audit-key'))).toBe(false);
    expect(existsSync(join(target, 'styrbord.pid'))).toBe(false);
    await restoredEqualsOriginal(
      await openDatabase({ dataDir: target, migrate: false }),
      checkpointDir,
    );

    // A second restore into the same folder is refused unless forced.
    await expect(
      restoreBackup({ from: out, dataDir: target, checkpointDir, force: false }),
    ).rejects.toThrow(Refused);
    await restoreBackup({ from: out, dataDir: target, checkpointDir, force: true });
    await restoredEqualsOriginal(
      await openDatabase({ dataDir: target, migrate: false }),
      checkpointDir,
    );
  });
});

describe.runIf(inject('dbKind') === 'postgres')('backup and restore on PostgreSQL', () => {
  it('pg_dump, pg_restore into a fresh database, and every row is there', async () => {
    const adminUrl = inject('pgAdminUrl');
    const [current] = await rowsOf<{ name: string }>(
      env.db.execute(sql`SELECT current_database() AS name`),
    );
    const sourceUrl = adminUrl.replace(/\/postgres$/, `/${current!.name}`);
    const out = join(scratch, 'pg-backup');
    await backupPostgres(out, sourceUrl, env.seal.checkpointDir!, env.seal.keyId, env.time.clock());

    const name = `restored_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const targetUrl = adminUrl.replace(/\/postgres$/, `/${name}`);
    const checkpointDir = join(scratch, 'pg-checkpoints');
    await restoreBackup({ from: out, databaseUrl: targetUrl, checkpointDir, force: false });
    await restoredEqualsOriginal(
      await openDatabase({ url: targetUrl, migrate: false }),
      checkpointDir,
    );
    await expect(
      restoreBackup({ from: out, databaseUrl: targetUrl, checkpointDir, force: false }),
    ).rejects.toThrow(Refused);
  });
});
