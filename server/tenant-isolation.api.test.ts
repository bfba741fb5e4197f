import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aFixture, type Fixture } from './test/fixture.js';
import { aTenant, testEnv, type TestEnv, type Tenant } from './test/helper.js';

/**
 * Tenant isolation through the HTTP API: tenant A has one of every record (the fixture of
 * server/authorization.api.test.ts); B's administrator, who may read everything in B, asks every
 * read route of the API (from /api/openapi.json) for A's ids. Each answer is a 404 or 403, never
 * A's data, never a 500; a list without ids answers B's records only.
 */

/** The fixture's id for a path's `{id}`, by the collection it names. */
const ID_OF: Record<string, (f: Fixture) => string> = {
  units: (f) => f.unitA,
  persons: (f) => f.person.id,
  forums: (f) => f.forum.id,
  meetings: (f) => f.meeting.id,
  attachments: (f) => f.attachmentId ?? '',
  decisions: (f) => f.decision.id,
  goals: (f) => f.goal.id,
  systems: (f) => f.system.id,
  'service-nodes': (f) => f.node.id,
  'management-objects': (f) => f.object.id,
  audits: (f) => f.audit.id,
  recommendations: (f) => f.recommendation.id,
  assignments: (f) => f.assignment.id,
  initiatives: (f) => f.initiative.id,
  roadmaps: (f) => f.roadmap.id,
  documents: (f) => f.document.id,
  'prioritisation-rounds': (f) => f.round.id,
  'top-lists': (f) => f.topList.id,
};

/** Query parameters a read needs (ids in them are A's too). */
const QUERY_OF: Record<string, (f: Fixture) => string> = {
  '/api/goals/{id}/suggestion': () => 'periodKey=2026-D',
  '/api/roadmaps/{id}/compare': (f) => `with=${f.roadmap.id}`,
  '/api/follow-up': () => 'year=2026',
  '/api/decisions/information-counts': () => 'subject=digitalisering&year=2026',
  '/api/goal-counts': () => 'year=2026',
  '/api/audits/{id}/reply-draft.docx': (f) => `bodyId=${f.unitA}`,
  '/api/initiatives/proposal': () => 'budget=1000&hours=100&fromYear=2026&toYear=2027',
  '/api/outcomes/template.xlsx': () => 'periodKey=2026-D',
  '/api/reports/follow-up.pdf': (f) => `ownerUnitId=${f.unitA}&periodKey=2026-D`,
};

/** Reads that are not a tenant's data. */
const NOT_TENANT_DATA = new Set([
  '/api/health',
  '/api/setup',
  '/api/calendar/{token}.ics',
  '/api/host/me',
  '/api/host/tenants',
  '/api/host/audit/verify',
  '/api/host/audit/checkpoints',
  '/api/host/backup',
  // Single sign-on: a redirect to the provider, or back to the login page with a reason; the
  // sign-on's own state decides the tenant (server/modules/organization/oidc.api.test.ts).
  '/api/auth/oidc/{tenantSlug}/start',
  '/api/auth/oidc/callback',
]);

let env: TestEnv;
let a: Tenant;
let b: Tenant;
let fixture: Fixture;

beforeAll(async () => {
  env = await testEnv();
  a = await aTenant(env, 'Region A');
  b = await aTenant(env, 'Region B');
  fixture = await aFixture(env, a);
});
afterAll(() => env.close());

/** Every uuid of tenant A the fixture holds. */
const idsOfA = (f: Fixture): string[] => {
  const ids = new Set<string>([a.tenantId, a.rootUnitId, a.adminId]);
  const walk = (v: unknown) => {
    if (typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v)) ids.add(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(f);
  return [...ids];
};

describe('tenant isolation', () => {
  it('no read route answers tenant B with tenant A’s records', async () => {
    const spec = (await env.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const reads = Object.entries(spec.paths)
      .filter(([path, ops]) => 'get' in ops && !NOT_TENANT_DATA.has(path))
      .map(([path]) => path);
    expect(reads.length).toBeGreaterThan(60);
    const aIds = idsOfA(fixture);
    const unmapped: string[] = [];
    let byId = 0;
    const wrong: string[] = [];
    for (const path of reads) {
      const segment = path.split('/')[2] ?? '';
      let url = path;
      if (path.includes('{')) {
        const id = ID_OF[segment]?.(fixture);
        if (!id) {
          unmapped.push(path);
          continue;
        }
        url = path.replace(/\{[a-zA-Z]+\}/g, id);
      }
      const query = QUERY_OF[path]?.(fixture);
      if (query) url += `?${query}`;
      const res = await b.admin.get(url);
      const label = `${path} → ${res.statusCode} ${res.body.slice(0, 160)}`;
      // A problem's `instance` repeats the URL; only an answer with data could leak.
      const leaked = res.statusCode < 300 ? aIds.filter((id) => res.body.includes(id)) : [];
      if (res.statusCode >= 500 || leaked.length > 0)
        wrong.push(`${label} holds ${leaked.join(', ')}`);
      else if (aIds.some((id) => url.includes(id))) {
        byId += 1;
        if (res.statusCode !== 403 && res.statusCode !== 404) wrong.push(label);
      } else if (res.statusCode !== 200) wrong.push(label);
    }
    expect(wrong, 'reads that answer B with A’s ids otherwise than 403/404').toEqual([]);
    expect(unmapped, 'paths with an id the test cannot fill from tenant A').toEqual([]);
    expect(byId).toBeGreaterThan(40);
  });

  it('tenant A’s own administrator reads the same ids (the test above can fail)', async () => {
    for (const url of [
      `/api/units/${fixture.unitA}`,
      `/api/goals/${fixture.goal.id}`,
      `/api/audits/${fixture.audit.id}`,
      `/api/initiatives/${fixture.initiative.id}`,
      `/api/documents/${fixture.document.id}`,
    ])
      expect((await a.admin.get(url)).statusCode, url).toBe(200);
  });
});
