// A throw-away region for a bench: a temporary PGlite folder with one tenant, the app, and its
// administrator logged in. Removed when `work` ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.js';
import { openDatabase, type Db } from '../server/db/client.js';
import { provisionTenant } from '../server/modules/organization/provision.js';
import { throwAwaySeal, useAuditSeal } from '../server/platform/audit/seal.js';

export type BenchRegion = { app: FastifyInstance; db: Db; cookie: string; csrf: string };

export async function withBenchRegion(label: string, work: (r: BenchRegion) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), `styrbord-bench-${label}-`));
  const database = await openDatabase({ dataDir: dir });
  try {
    useAuditSeal(throwAwaySeal());
    await provisionTenant(database.db, {
      name: 'Region Bänk',
      slug: 'bank',
      rootName: 'Regionfullmäktige',
      admin: { name: 'Admin', email: 'admin@bank.example', password: 'bänkens-långa-lösenord' },
    });
    const app = await buildApp({ db: database.db });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'admin@bank.example', password: 'bänkens-långa-lösenord' },
    });
    const cookie = login.headers['set-cookie'] as string;
    const csrf = login.json<{ csrfToken: string }>().csrfToken;
    await work({ app, db: database.db, cookie, csrf });
    await app.close();
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
