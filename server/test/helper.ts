import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { openDatabase, type Database } from '../db/client.js';
import { provisionTenant } from '../modules/organization/provision.js';
import { sealOf } from '../platform/audit/seal.js';
import type { Role } from '../../domain/access/permissions.js';

/** A migrated database of its own for one test file: a copy of the PGlite template, or a new PostgreSQL database cloned from the template. */
export async function testDatabase(): Promise<Database & { label: string; url?: string }> {
  if (inject('dbKind') === 'postgres') {
    const adminUrl = inject('pgAdminUrl');
    const name = `t_${randomUUID().replace(/-/g, '')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE styrbord_template`);
    await admin.end();
    const url = adminUrl.replace(/\/postgres$/, `/${name}`);
    const database = await openDatabase({ url, migrate: false });
    return { ...database, label: 'postgres', url };
  }
  const dir = mkdtempSync(join(tmpdir(), 'styrbord-pglite-'));
  cpSync(inject('pgliteTemplate'), dir, { recursive: true });
  const database = await openDatabase({ dataDir: dir, migrate: false });
  return {
    ...database,
    label: 'pglite',
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A clock tests can set; the app reads time only through it. */
export function testClock(start = new Date('2026-03-15T09:00:00Z')) {
  let now = start;
  const clock = () => now;
  return {
    clock,
    set: (d: Date) => (now = d),
    advanceDays: (n: number) => (now = new Date(now.getTime() + n * 86_400_000)),
  };
}

export type TestEnv = Awaited<ReturnType<typeof testEnv>>;

/** An audit key of the test file's own, with a checkpoint folder in a temporary place. */
export function testSeal() {
  const checkpointDir = mkdtempSync(join(tmpdir(), 'styrbord-checkpoints-'));
  return sealOf(randomUUID() + randomUUID(), checkpointDir);
}

export async function testEnv() {
  const database = await testDatabase();
  const time = testClock();
  const seal = testSeal();
  const app = await buildApp({
    db: database.db,
    clock: time.clock,
    audit: seal,
    dump: database.dump ?? null,
  });
  await app.ready();
  return {
    app,
    db: database.db,
    time,
    seal,
    label: database.label,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(seal.checkpointDir!, { recursive: true, force: true });
    },
  };
}

export const PASSWORD = 'correct-horse-battery';

type Body = Record<string, unknown> | unknown[] | undefined;

/** A logged-in person talking to the API over HTTP (app.inject), with cookie and CSRF token. */
export class Client {
  constructor(
    readonly app: FastifyInstance,
    readonly cookie: string,
    readonly csrf: string,
    readonly me: { personId: string; tenantId: string; name: string },
    readonly lang: 'sv' | 'en' = 'sv',
  ) {}
  private req(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: Body,
    headers: Record<string, string> = {},
  ) {
    return this.app.inject({
      method,
      url,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        'accept-language': this.lang,
        ...headers,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  }
  get = (url: string) => this.req('GET', url);
  post = (url: string, body?: Body) => this.req('POST', url, body ?? {});
  patch = (url: string, body: Body) => this.req('PATCH', url, body);
  put = (url: string, body: Body) => this.req('PUT', url, body);
  delete = (url: string) => this.req('DELETE', url);
  inEnglish = () => new Client(this.app, this.cookie, this.csrf, this.me, 'en');
}

export async function login(
  app: FastifyInstance,
  email: string,
  password = PASSWORD,
): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
  });
  if (res.statusCode !== 200)
    throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const me = res.json<{ personId: string; tenantId: string; name: string; csrfToken: string }>();
  return new Client(app, cookie, me.csrfToken, me);
}

const json = <T = Record<string, unknown>>(res: LightMyRequestResponse): T => {
  if (res.statusCode >= 300)
    throw new Error(`expected success, got ${res.statusCode}: ${res.body}`);
  return res.json<T>();
};
export { json };

/** The one field error of a refusal, as `path: message` (fails when there are more or none). */
export function onlyFieldError(res: LightMyRequestResponse): string {
  const errors = res.json<{ errors?: { path: string; message: string }[] }>().errors ?? [];
  if (errors.length !== 1) throw new Error(`expected one field error, got ${res.body}`);
  return `${errors[0]!.path}: ${errors[0]!.message}`;
}

/** A tenant of its own with its root unit and an administrator, so tests never share data. */
export async function aTenant(env: TestEnv, name = 'Region Test') {
  const tag = randomUUID().slice(0, 8);
  const adminEmail = `admin-${tag}@test.example`;
  const t: { tenantId: string; rootUnitId: string; adminId: string } = await provisionTenant(
    env.db,
    {
      name: `${name} ${tag}`,
      slug: `t-${tag}`,
      rootName: 'Regionfullmäktige',
      admin: { name: `Admin ${tag}`, email: adminEmail, password: PASSWORD },
      now: env.time.clock(),
    },
  );
  const admin = await login(env.app, adminEmail);
  return { ...t, tag, admin };
}
export type Tenant = Awaited<ReturnType<typeof aTenant>>;

export async function aUnit(
  client: Client,
  parentId: string,
  overrides: Record<string, unknown> = {},
) {
  return json<{ id: string; version: number; path: string[]; name: string }>(
    await client.post('/api/units', {
      parentId,
      kind: 'board',
      name: `Nämnd ${randomUUID().slice(0, 6)}`,
      ...overrides,
    }),
  );
}

/** A person who can log in, holding `role` on `unitId`, logged in. */
export async function aUserWith(
  env: TestEnv,
  tenant: Tenant,
  role: Role | null,
  unitId: string = tenant.rootUnitId,
): Promise<Client> {
  const email = `${role ?? 'none'}-${randomUUID().slice(0, 8)}@test.example`;
  const person = json<{ id: string }>(
    await tenant.admin.post('/api/persons', {
      name: `Person ${email}`,
      email,
      canLogIn: true,
      password: PASSWORD,
    }),
  );
  if (role)
    json(await tenant.admin.post('/api/role-grants', { personId: person.id, role, unitId }));
  return login(env.app, email);
}

export async function aForum(
  client: Client,
  parentUnitId: string,
  overrides: Record<string, unknown> = {},
) {
  return json<{ id: string; version: number; flags: string[] }>(
    await client.post('/api/forums', {
      parentUnitId,
      name: `Råd ${randomUUID().slice(0, 6)}`,
      kind: 'digitalisation_council',
      mandate: 'prepares',
      ...overrides,
    }),
  );
}

export async function aDecision(
  client: Client,
  bodyUnitId: string,
  overrides: Record<string, unknown> = {},
) {
  return json<{ id: string; version: number; reference: string }>(
    await client.post('/api/decisions', {
      bodyUnitId,
      level: 'board',
      outcome: 'approved',
      title: `Beslut ${randomUUID().slice(0, 6)}`,
      decidedOn: '2026-01-20',
      ...overrides,
    }),
  );
}

/** Sends `file` as the multipart field `file` (after any text `fields`), as a browser form does. */
export function upload(
  client: Client,
  url: string,
  file: Buffer,
  opts: { filename?: string; contentType?: string; fields?: Record<string, string> } = {},
) {
  const b = `----styrbord${randomUUID().slice(0, 8)}`;
  const fields = Object.entries(opts.fields ?? {}).map(([name, value]) =>
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  const payload = Buffer.concat([
    ...fields,
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${opts.filename ?? 'file.xlsx'}"\r\n` +
        `Content-Type: ${opts.contentType ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return client.app.inject({
    method: 'POST',
    url,
    payload,
    headers: {
      cookie: client.cookie,
      'x-csrf-token': client.csrf,
      'accept-language': client.lang,
      'content-type': `multipart/form-data; boundary=${b}`,
    },
  });
}
