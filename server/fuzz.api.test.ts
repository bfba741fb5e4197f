import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTenant, login, testEnv, type Client, type Tenant, type TestEnv } from './test/helper.js';
import { aFixture, type Fixture } from './test/fixture.js';

// Issue 13: no answer of 500 for bad input. Walks every operation of the OpenAPI document, as an
// administrator with real records, and sends each the input an attacker or a broken client
// sends: NUL and lone surrogates in every text, integers beyond the database's range, broken JSON
// and multipart, hostile path and query values. Every answer must be a 4xx (or a success) in
// problem+json, never a 5xx.

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  format?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
};
type Operation = {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

let env: TestEnv;
let tenant: Tenant;
let fixture: Fixture;
let admin: Client;
beforeAll(async () => {
  env = await testEnv();
  tenant = await aTenant(env, 'Fuzz');
  fixture = await aFixture(env, tenant);
  admin = tenant.admin;
}, 180_000);
afterAll(() => env?.close());

/** A real record for a path's `{id}`, by the collection the path names; else an unknown one. */
function idFor(collection: string): string {
  const f = fixture as unknown as Record<string, { id: string } | string | null>;
  const key: Record<string, string> = {
    actions: 'action',
    assignments: 'assignment',
    attachments: 'attachmentId',
    'audit-questions': 'question',
    audits: 'audit',
    benefits: 'benefit',
    contracts: 'contract',
    decisions: 'decision',
    documents: 'document',
    findings: 'finding',
    forums: 'forum',
    goals: 'goal',
    indicators: 'indicator',
    initiatives: 'initiative',
    integrations: 'integrationId',
    'management-objects': 'object',
    'management-plans': 'plan',
    meetings: 'meeting',
    members: 'memberId',
    persons: 'person',
    posts: 'postId',
    'prioritisation-rounds': 'round',
    recommendations: 'recommendation',
    replies: 'reply',
    roadmaps: 'roadmap',
    'role-grants': 'grantId',
    'service-nodes': 'node',
    successions: 'successionId',
    systems: 'system',
    units: 'unitA',
  };
  const v = f[key[collection] ?? ''];
  return typeof v === 'string' ? v : (v?.id ?? randomUUID());
}

const HOSTILE_TEXT = ['a\u0000b', '\ud800x', 'x'.repeat(100_000)];
const HOSTILE_INT = [2 ** 31, 2 ** 53 + 1, -(2 ** 31) - 1, 1e308];

/** A body shaped like the schema, with `text` in every string and `int` in every number. */
function hostile(s: Schema | undefined, text: string, int: number, depth = 0): unknown {
  if (!s || depth > 6) return text;
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return hostile(alt.find((a) => a.type !== 'null') ?? alt[0], text, int, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (s.enum) return s.enum[0];
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([k, v]) => [k, hostile(v, text, int, depth + 1)]),
      );
    case 'array':
      return [hostile(s.items, text, int, depth + 1)];
    case 'integer':
    case 'number':
      return int;
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'date') return '2026-02-30';
      if (s.format === 'date-time') return '2026-13-01T25:00:00Z';
      return text;
    case undefined:
    default:
      return text;
  }
}

describe('no bad input is a 500', () => {
  it('every operation answers hostile bodies, paths, queries and uploads with a 4xx in problem+json', async () => {
    const spec = (await env.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    let client = admin;
    const failures: string[] = [];
    let sent = 0;
    const send = async (
      method: string,
      url: string,
      payload: string | Buffer | undefined,
      contentType = 'application/json',
    ) => {
      sent += 1;
      let res = await env.app.inject({
        method: method as 'GET',
        url,
        headers: {
          cookie: client.cookie,
          'x-csrf-token': client.csrf,
          ...(payload !== undefined ? { 'content-type': contentType } : {}),
        },
        ...(payload !== undefined ? { payload } : {}),
      });
      if (res.statusCode >= 500)
        failures.push(
          `${method} ${url.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 200)}`,
        );
      else if (
        res.statusCode >= 400 &&
        !String(res.headers['content-type']).includes('problem+json')
      )
        failures.push(`${method} ${url.slice(0, 120)} → ${res.statusCode} not problem+json`);
      // An operation that ended the session (logout, a password change): log in again.
      if (res.statusCode === 401 && url.startsWith('/api/') && !url.startsWith('/api/host')) {
        const me = await env.app.inject({
          url: '/api/auth/me',
          headers: { cookie: client.cookie },
        });
        if (me.statusCode === 401) client = await login(env.app, adminEmail());
        res = me;
      }
      return res;
    };
    const adminEmail = () => `admin-${tenant.tag}@test.example`;

    for (const [path, ops] of Object.entries(spec.paths))
      for (const [m, op] of Object.entries(ops)) {
        const method = m.toUpperCase();
        // The session's own end is tried last, by itself.
        if (path === '/api/auth/logout') continue;
        const fill = (value: (param: string, collection: string) => string) =>
          path.replace(/\{([^}]+)\}/g, (_, param: string) => {
            const before = path
              .slice(0, path.indexOf(`{${param}}`))
              .split('/')
              .filter(Boolean);
            return encodeURIComponent(value(param, before.at(-1) ?? ''));
          });
        const real = fill((_, collection) => idFor(collection));
        const query = (op.parameters ?? []).filter((p) => p.in === 'query');
        // Hostile path values: NUL, a lone surrogate, not a uuid, very long.
        if (path.includes('{'))
          for (const bad of ['\u0000', 'x', 'a'.repeat(3000), '%ff'])
            await send(
              method,
              fill(() => bad),
              method === 'GET' ? undefined : '{}',
            );
        // Hostile query values in every query parameter.
        for (const bad of [
          '%00',
          '%ED%A0%80',
          '99999999999999999999',
          '-1',
          '1e400',
          'a'.repeat(5000),
        ])
          if (query.length)
            await send(
              method,
              `${real}?${query.map((p) => `${p.name}=${bad}`).join('&')}`,
              method === 'GET' ? undefined : '{}',
            );
        if (method === 'GET' || method === 'DELETE') {
          await send(method, `${real}?lang=%00`, undefined);
          continue;
        }
        const content = op.requestBody?.content ?? {};
        if (content['multipart/form-data']) {
          const b = 'fuzz';
          for (const body of [
            `--${b}\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\n\r\nPK\u0003\u0004`,
            `--${b}\r\nContent-Disposition: form-data; name="version"\r\n\r\n${2 ** 31}\r\n--${b}--\r\n`,
            `--${b}\r\nContent-Disposition: form-data\r\n\r\n\u0000\r\n--${b}--\r\n`,
            'not multipart at all',
          ])
            await send(method, real, Buffer.from(body), `multipart/form-data; boundary=${b}`);
          await send(method, real, Buffer.from('x'), 'multipart/form-data');
        }
        const schema = content['application/json']?.schema;
        for (const text of HOSTILE_TEXT)
          await send(method, real, JSON.stringify(hostile(schema, text, 1)));
        for (const int of HOSTILE_INT)
          await send(method, real, JSON.stringify(hostile(schema, 'Text', int)));
        for (const raw of [
          '{',
          '[]',
          'null',
          '"x"',
          '['.repeat(5000) + ']'.repeat(5000),
          '{"__proto__":{"x":1}}',
        ])
          await send(method, real, raw);
      }
    await send('POST', '/api/auth/logout', '{"x":"\u0000"}');
    if (process.env.FUZZ_REPORT) console.log(`fuzz: ${sent} requests`);
    expect(failures).toEqual([]);
    // Every operation was tried: a few thousand requests.
    expect(sent).toBeGreaterThan(1000);
  }, 600_000);
});
