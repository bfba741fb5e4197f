// A look at one request's cost without concurrency: `npx tsx bench/profile-request.ts`.
// BENCH_DB=postgres uses a PostgreSQL server. Runs each endpoint 300 times in sequence through app.inject against the demo region and prints
// the mean, to tell database time from HTTP and serialisation time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app.js';
import { openDatabase } from '../server/db/client.js';
import { loadDemo } from '../server/demo/demo.js';
import { startPostgres } from '../server/test/pg-server.js';
import { throwAwaySeal, useAuditSeal } from '../server/platform/audit/seal.js';

const dir = mkdtempSync(join(tmpdir(), 'styrbord-profile-'));
const pgServer = process.env.BENCH_DB === 'postgres' ? await startPostgres() : null;
const database = await openDatabase(pgServer ? { url: pgServer.url } : { dataDir: dir });
useAuditSeal(throwAwaySeal());
await loadDemo(database.db);
const app = await buildApp({ db: database.db });
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { email: 'admin@norrsund.example', password: 'styrbord-demo' },
});
const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
for (const url of [
  '/api/health',
  '/api/auth/me',
  '/api/units?limit=50',
  '/api/units/tree',
  '/api/decisions?limit=50',
  '/api/decisions?q=strategi',
  '/api/audit-trail?limit=50',
  '/api/forums',
]) {
  for (let i = 0; i < 30; i++) await app.inject({ url, headers: { cookie } });
  const t0 = performance.now();
  for (let i = 0; i < 300; i++) await app.inject({ url, headers: { cookie } });
  console.log(url.padEnd(30), `${((performance.now() - t0) / 300).toFixed(2)} ms per request`);
}
await app.close();
await database.close();
pgServer?.stop();
rmSync(dir, { recursive: true, force: true });
