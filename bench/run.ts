// `npm run bench`: builds a region-scale dataset in a temporary PGlite database, then prints the
// p50/p95 latency and requests/s of list endpoints under 50 concurrent connections, beside the
// bare time of the same service queries, and the server's memory. Figures, not assertions.
// Sizes: BENCH_UNITS (150), BENCH_DECISIONS (5000), BENCH_PERSONS (2000), BENCH_SYSTEMS (1000), BENCH_AUDIT_EVENTS (1000000).
// BENCH_DB=postgres runs the same against a PostgreSQL server the bench starts (as the tests do).
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.js';
import { openDatabase } from '../server/db/client.js';
import { provisionTenant } from '../server/modules/organization/provision.js';
import { decisions, orgUnits, persons } from '../server/modules/organization/tables.js';
import { listUnits } from '../server/modules/organization/units.service.js';
import { listDecisions } from '../server/modules/organization/decisions.service.js';
import { listEvents } from '../server/platform/audit/audit.js';
import { listSystems } from '../server/modules/services/systems.service.js';
import { overview } from '../server/modules/services/overview.service.js';
import { itSystems } from '../server/modules/services/tables.js';
import type { Ctx } from '../server/platform/context.js';
import { startPostgres } from '../server/test/pg-server.js';
import { throwAwaySeal, useAuditSeal } from '../server/platform/audit/seal.js';

const N_UNITS = Number(process.env.BENCH_UNITS ?? 150);
const N_DECISIONS = Number(process.env.BENCH_DECISIONS ?? 5000);
const N_PERSONS = Number(process.env.BENCH_PERSONS ?? 2000);
const N_EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);

const words = [
  'Digitaliseringsstrategi',
  'informationssäkerhet',
  'journalsystem',
  'e-tjänsteplattform',
  'vårdmöten',
  'biljettkanaler',
  'bredband',
  'molntjänster',
  'arkitektur',
  'tjänstekatalog',
  'upphandling',
  'färdplan',
  'handlingsplan',
  'riktlinje',
  'budget',
  'effekthemtagning',
];
const pick = <T>(a: T[], i: number) => a[i % a.length]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

const dir = mkdtempSync(join(tmpdir(), 'styrbord-bench-'));
const t0 = performance.now();
const pgServer = process.env.BENCH_DB === 'postgres' ? await startPostgres() : null;
const database = await openDatabase(pgServer ? { url: pgServer.url } : { dataDir: dir });
const db = database.db;
const now = new Date();
useAuditSeal(throwAwaySeal());
const t = await provisionTenant(db, {
  name: 'Benchregion',
  slug: 'bench',
  rootName: 'Regionfullmäktige',
  admin: { name: 'Bench Admin', email: 'bench@example.test', password: 'bench-password' },
  now,
});

// Units: boards under the root, administrations under boards, departments beneath.
const units: { id: string; path: string }[] = [{ id: t.rootUnitId, path: t.rootUnitId }];
const unitRows = [];
for (let i = 0; i < N_UNITS; i++) {
  const parent = i < 10 ? units[0]! : units[1 + ((i * 7) % Math.min(units.length - 1, 40))]!;
  const id = randomUUID();
  const path = `${parent.path}/${id}`;
  units.push({ id, path });
  unitRows.push({
    id,
    tenantId: t.tenantId,
    parentId: parent.id,
    path,
    kind: i < 10 ? 'board' : 'department',
    name: `${pick(['Hälso', 'Kultur', 'Trafik', 'Service', 'Utveckling', 'Digital'], i)}enheten ${i}`,
    createdAt: now,
    updatedAt: now,
  });
}
for (let i = 0; i < unitRows.length; i += 500)
  await db.insert(orgUnits).values(unitRows.slice(i, i + 500));
const personRows = Array.from({ length: N_PERSONS }, (_, i) => ({
  tenantId: t.tenantId,
  name: `Person ${i}`,
  email: `p${i}@bench.test`,
  unitId: pick(units, i).id,
  createdAt: now,
  updatedAt: now,
}));
for (let i = 0; i < personRows.length; i += 1000)
  await db.insert(persons).values(personRows.slice(i, i + 1000));
const decisionRows = Array.from({ length: N_DECISIONS }, (_, i) => ({
  tenantId: t.tenantId,
  bodyUnitId: pick(units, i).id,
  level: 'board',
  outcome: 'approved',
  kind: 'decision',
  decidedOn: new Date(Date.UTC(2015 + (i % 11), i % 12, 1 + (i % 28))).toISOString().slice(0, 10),
  paragraph: String(i % 300),
  caseNumber: `RS ${2015 + (i % 11)}/${i}`,
  title: `${pick(words, i)} – beslut ${i}`,
  body: `Beslut om ${pick(words, i * 3)} och ${pick(words, i * 5)}.`,
  createdAt: now,
  updatedAt: now,
}));
for (let i = 0; i < decisionRows.length; i += 500)
  await db.insert(decisions).values(decisionRows.slice(i, i + 500));
const N_SYSTEMS = Number(process.env.BENCH_SYSTEMS ?? 1000);
const systemRows = Array.from({ length: N_SYSTEMS }, (_, i) => ({
  tenantId: t.tenantId,
  name: `${pick(['Journal', 'Bokning', 'Ekonomi', 'Arkiv', 'Portal', 'Lön'], i)} ${i}`,
  aliases: i % 5 ? [] : [`SYS-${i}`],
  category: pick(['core', 'support', 'infrastructure'], i),
  lifecycle: pick(['operating', 'operating', 'operating', 'phasing_out', 'phased_out'], i),
  ownerUnitId: pick(units, i).id,
  capabilities: [pick(['journalföring', 'tidbokning', 'ekonomi', 'arkiv', 'e-tjänster'], i)],
  supplierName: pick(['Nordsystem AB', 'Vårddata AB'], i),
  confidentiality: i % 7 ? 2 : null,
  integrity: i % 7 ? 2 : null,
  availability: i % 7 ? 3 : null,
  createdAt: now,
  updatedAt: now,
}));
for (let i = 0; i < systemRows.length; i += 500)
  await db.insert(itSystems).values(systemRows.slice(i, i + 500));
const tEvents = performance.now();
// The audit trail, generated in SQL (the chain's hashes are placeholders: this measures reading it).
for (let start = 2; start <= N_EVENTS + 1; start += 250_000) {
  const end = Math.min(N_EVENTS + 1, start + 249_999);
  await db.execute(sql`
    INSERT INTO audit_events (tenant_id, seq, occurred_at, actor_id, actor_name, entity_type, entity_id, action, before, after, prev_hash, hash)
    SELECT ${t.tenantId}::uuid, g, now() - make_interval(secs => ${N_EVENTS + 2} - g), ${t.adminId}::uuid, 'Bench Admin',
           (ARRAY['unit','decision','forum','person'])[1 + g % 4], gen_random_uuid(), (ARRAY['create','update','move'])[1 + g % 3],
           jsonb_build_object('name', 'Före ' || g), jsonb_build_object('name', 'Efter ' || g), md5(g::text), md5((g + 1)::text)
    FROM generate_series(${start}::int, ${end}::int) g`);
}
await db.execute(sql`ANALYZE`);
console.log(
  `dataset: ${units.length} units, ${N_PERSONS} persons, ${N_DECISIONS} decisions, ${N_SYSTEMS} IT systems, ${N_EVENTS.toLocaleString('sv-SE')} audit events in ${((performance.now() - t0) / 1000).toFixed(1)} s (audit events ${((performance.now() - tEvents) / 1000).toFixed(1)} s)`,
);

const ctx: Ctx = {
  tenantId: t.tenantId,
  lang: 'sv',
  now,
  actor: {
    personId: t.adminId,
    name: 'Bench Admin',
    grants: [{ role: 'administrator', unitId: t.rootUnitId, unitPath: [t.rootUnitId] }],
  },
};
const base = { limit: 50, offset: 0, format: 'json' as const, includeArchived: false };
const bare: [string, () => Promise<unknown>][] = [
  ['units list', () => listUnits(db, ctx, { ...base }, base)],
  ['decision search "strategi"', () => listDecisions(db, ctx, { ...base, q: 'strategi' }, base)],
  ['decision list', () => listDecisions(db, ctx, { ...base }, base)],
  ['audit trail list', () => listEvents(db, t.tenantId, {}, base)],
  ['audit trail by type', () => listEvents(db, t.tenantId, { entityType: 'unit' }, base)],
  ['systems list', () => listSystems(db, ctx, { ...base })],
  ['systems search "journal"', () => listSystems(db, ctx, { ...base, q: 'journal' })],
  ['systems flag no_owner', () => listSystems(db, ctx, { ...base, flag: 'no_owner' })],
  ['systems overview', () => overview(db, ctx)],
];
const bareTimes = new Map<string, { p50: number; p95: number }>();
for (const [name, fn] of bare) {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const s = performance.now();
    await fn();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  bareTimes.set(name, {
    p50: times[Math.floor(times.length * 0.5)]!,
    p95: times[Math.floor(times.length * 0.95)]!,
  });
}

const app = await buildApp({ db });
await app.listen({ port: 0, host: '127.0.0.1' });
const addr = app.server.address();
const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
const login = await fetch(`${url}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'bench@example.test', password: 'bench-password' }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

const endpoints: [string, string][] = [
  ['units list', '/api/units?limit=50'],
  ['decision search "strategi"', '/api/decisions?q=strategi&limit=50'],
  ['decision list', '/api/decisions?limit=50'],
  ['audit trail list', '/api/audit-trail?limit=50'],
  ['audit trail by type', '/api/audit-trail?limit=50&entityType=unit'],
  ['systems list', '/api/systems?limit=50'],
  ['systems search "journal"', '/api/systems?limit=50&q=journal'],
  ['systems flag no_owner', '/api/systems?limit=50&flag=no_owner'],
  ['systems overview', '/api/systems/overview'],
];
console.log(
  `\nHTTP, 50 connections, ${DURATION} s each (${pgServer ? 'PostgreSQL server, pool of 10' : 'PGlite, one process'}):`,
);
console.log(
  'endpoint'.padEnd(30),
  'p50'.padStart(10),
  'p95'.padStart(10),
  'req/s'.padStart(8),
  '| bare p50'.padStart(12),
  'bare p95'.padStart(10),
);
let peakRss = process.memoryUsage().rss;
for (const [name, path] of endpoints) {
  const r = await autocannon({
    url: `${url}${path}`,
    connections: 50,
    duration: DURATION,
    headers: { cookie },
    workers: 1,
  }); // load from a worker thread, so it does not share the server's event loop
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const b = bareTimes.get(name)!;
  const p95 = (r.latency as unknown as { p97_5: number; p99: number; p90: number }).p90; // autocannon reports p90/p97.5; p95 lies between
  const p975 = (r.latency as unknown as { p97_5: number }).p97_5;
  console.log(
    name.padEnd(30),
    ms(r.latency.p50).padStart(10),
    `${ms(p95)}–${ms(p975)}`.padStart(10),
    String(Math.round(r.requests.average)).padStart(8),
    `| ${ms(b.p50)}`.padStart(12),
    ms(b.p95).padStart(10),
    r.non2xx ? `(${r.non2xx} non-2xx!)` : '',
  );
}
console.log(
  `\n(p95 shown as autocannon's p90–p97.5 range.) Server memory: rss ${(peakRss / 1024 / 1024).toFixed(0)} MB peak, heap ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB now.`,
);
await app.close();
await database.close();
pgServer?.stop();
rmSync(dir, { recursive: true, force: true });
