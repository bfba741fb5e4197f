import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { provisionTenant } from '../modules/organization/provision.js';
import { tenants } from '../platform/tables.js';
import { auditSeal } from '../platform/audit/seal.js';
import { json, login, PASSWORD, testDatabase, testEnv, type TestEnv } from '../test/helper.js';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoIfEmpty } from './demo.js';
import { DemoRefused } from './guard.js';
import { verifyChain } from '../platform/audit/audit.js';

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});
afterAll(() => env.close());

describe('the demo region', () => {
  it('loads on an empty database, once, through the audited services', async () => {
    expect(await loadDemoIfEmpty(env.db, new Date('2026-11-23T08:00:00Z'))).toBe(true);
    expect(await loadDemoIfEmpty(env.db)).toBe(false);
    const admin = await login(env.app, 'admin@norrsund.example', DEMO_PASSWORD);
    expect(json<{ total: number }>(await admin.get('/api/units')).total).toBeGreaterThanOrEqual(20);
    expect(json<{ total: number }>(await admin.get('/api/decisions')).total).toBeGreaterThanOrEqual(
      20,
    );
    expect(json<{ total: number }>(await admin.get('/api/goals')).total).toBeGreaterThanOrEqual(8);
    const flagged = json<{ items: { flags: string[] }[] }>(
      await admin.get('/api/documents?limit=200'),
    ).items.flatMap((d) => d.flags);
    for (const flag of [
      'not_political',
      'review_overdue',
      'old',
      'serves_no_goal',
      'superseded_in_force',
      'validity_passed',
      'no_follow_up_spec',
      'no_decision_level',
      'goals_without_overarching',
      'level_differs_from_decision',
    ])
      expect(flagged).toContain(flag);
    // The strategy the predecessor body adopted counts for the regional board that succeeded it.
    const counts = json<{
      items: { bodyName: string | null; evidence: { records: { title: string }[] } }[];
    }>(await admin.get('/api/documents/strategy-counts')).items;
    expect(
      counts.find((c) => c.bodyName === 'Regionstyrelsen')?.evidence.records.map((r) => r.title),
    ).toContain('Strategi för e-förvaltning');
    const systems = json<{ total: number; items: { flags: string[] }[] }>(
      await admin.get('/api/systems?limit=200'),
    );
    expect(systems.total).toBe(250);
    const all = json<{ items: { flags: string[] }[] }>(
      await admin.get('/api/systems?limit=200&offset=200'),
    )
      .items.concat(systems.items)
      .flatMap((s) => s.flags);
    for (const flag of [
      'no_owner',
      'no_manager',
      'owner_external',
      'no_classification',
      'classification_stale',
      'personal_data_no_dpa',
      'personal_data_no_dpia',
      'contract_ending',
      'contract_expired',
      'phased_out_with_contract',
    ])
      expect(all, flag).toContain(flag);
    const nodes = json<{
      items: {
        kind: string;
        flags: string[];
        mandatory: boolean;
        externalUsers: unknown[];
        systemIds: string[];
      }[];
    }>(await admin.get('/api/service-nodes')).items;
    const count = (k: string) => nodes.filter((x) => x.kind === k).length;
    expect([count('coordination_area'), count('service_area')]).toEqual([3, 11]);
    expect(count('service')).toBeGreaterThanOrEqual(38);
    for (const flag of [
      'no_responsible',
      'not_appointed',
      'duplicate_unapproved',
      'duplicate_of_mandatory',
    ])
      expect(
        nodes.flatMap((x) => x.flags),
        flag,
      ).toContain(flag);
    expect(nodes.some((x) => x.mandatory) && nodes.some((x) => x.externalUsers.length > 0)).toBe(
      true,
    );
    expect(new Set(nodes.flatMap((x) => x.systemIds)).size).toBeGreaterThan(200);
    const objects = json<{ items: { planYears: number[] }[] }>(
      await admin.get('/api/management-objects'),
    ).items;
    expect(objects.length).toBeGreaterThanOrEqual(7);
    expect(objects.every((o) => o.planYears.includes(2026))).toBe(true);
    const gaps = json<{ objects: unknown[] }>(await admin.get('/api/ownership-gaps'));
    expect(gaps.objects.length).toBeGreaterThanOrEqual(1);
    const overview = json<{ capabilityMap: { capabilities: string[] }; contracts: unknown[] }>(
      await admin.get('/api/systems/overview'),
    );
    expect(overview.capabilityMap.capabilities.length).toBeGreaterThanOrEqual(5);
    expect(overview.contracts.length).toBeGreaterThan(20);
    const audits = json<{ items: { kind: string; followedUpBy: unknown[] }[] }>(
      await admin.get('/api/audits'),
    ).items;
    expect(audits.map((a) => a.kind).sort()).toEqual([
      'commissioned_review',
      'deep_audit',
      'follow_up',
    ]);
    expect(audits.find((a) => a.kind === 'deep_audit')!.followedUpBy).toHaveLength(1);
    const deep = json<{ items: { id: string; kind: string }[] }>(
      await admin.get('/api/audits?kind=deep_audit'),
    ).items[0]!;
    const questions = json<{ items: { parentId: string | null }[] }>(
      await admin.get(`/api/audits/${deep.id}/questions`),
    ).items;
    expect(questions.filter((q) => !q.parentId)).toHaveLength(6);
    const actions = json<{ items: { status: string; flags: string[] }[] }>(
      await admin.get(`/api/audits/${deep.id}/actions`),
    ).items;
    expect(new Set(actions.map((a) => a.status))).toEqual(
      new Set(['planned', 'in_progress', 'done', 'stopped']),
    );
    expect(actions.flatMap((a) => a.flags)).toEqual(
      expect.arrayContaining(['no_owner', 'no_due_date', 'overdue']),
    );
    const assignments = json<{ items: { flags: string[] }[] }>(
      await admin.get('/api/assignments?limit=100'),
    ).items.flatMap((a) => a.flags);
    expect(assignments).toEqual(expect.arrayContaining(['overdue', 'no_report_back']));
    expect(
      json<{ items: { state: string }[] }>(await admin.get('/api/recommendations/open')).items.map(
        (o) => o.state,
      ),
    ).toEqual(expect.arrayContaining(['no_addressee', 'awaiting_reply', 'open']));
    const portfolio = json<{ total: number; items: { phase: string; flags: string[] }[] }>(
      await admin.get('/api/initiatives?limit=200'),
    );
    expect(portfolio.total).toBeGreaterThanOrEqual(58);
    expect(new Set(portfolio.items.map((i) => i.phase))).toEqual(
      new Set([
        'idea',
        'preparation',
        'decided',
        'running',
        'paused',
        'cancelled',
        'closed',
        'in_operation',
      ]),
    );
    for (const flag of [
      'cross_unit_without_council',
      'started_without_decision',
      'closed_without_benefit_plan',
      'benefit_overdue',
      'no_owner',
      'steering_document_expired',
    ])
      expect(
        portfolio.items.flatMap((i) => i.flags),
        flag,
      ).toContain(flag);
    const rounds = json<{ items: { decidedIds: string[] | null; proposedIds: string[] }[] }>(
      await admin.get('/api/prioritisation-rounds'),
    ).items;
    expect(rounds).toHaveLength(1);
    expect(rounds[0]!.decidedIds?.length).toBeGreaterThan(0);
    // Top lists: named, per year, adopted; one behind its cadence, one with an entry left
    // without status in its latest follow-up, one archived.
    type TopListDto = {
      name: string;
      decision: { level: string } | null;
      held: { figure: number };
      planned: number;
      behind: boolean;
      entries: { expectedEffects: string | null; latest: { status: string | null } | null }[];
    };
    const lists = json<{ items: TopListDto[] }>(await admin.get('/api/top-lists')).items;
    expect(lists.length).toBeGreaterThanOrEqual(3);
    expect(lists.some((l) => l.behind && l.decision?.level === 'board')).toBe(true);
    expect(lists.some((l) => l.entries.some((e) => e.latest && e.latest.status === null))).toBe(
      true,
    );
    expect(lists.some((l) => l.entries.some((e) => e.expectedEffects))).toBe(true);
    expect(
      json<{ items: unknown[] }>(await admin.get('/api/top-lists?archived=true')).items,
    ).toHaveLength(1);
    const portfolioCounts = json<{
      crossUnit: { figure: number };
      expiredDocuments: { figure: number; records: { title: string }[] };
    }>(await admin.get('/api/initiatives/evidence'));
    expect(portfolioCounts.crossUnit.figure).toBeGreaterThan(0);
    expect(portfolioCounts.expiredDocuments.records.map((r) => r.title)).toContain(
      'Gemensam schemaläggning i hälso- och sjukvården',
    );
    const versions = json<{ items: { id: string }[] }>(
      await admin.get(
        '/api/roadmaps?unitId=' +
          json<{ items: { id: string; name: string }[] }>(
            await admin.get('/api/units?q=Hälso- och sjukvårdsnämnden'),
          ).items[0]!.id,
      ),
    ).items;
    expect(versions).toHaveLength(2);
    const diff = json<{ added: unknown[]; moved: unknown[] }>(
      await admin.get(`/api/roadmaps/${versions[0]!.id}/compare?with=${versions[1]!.id}`),
    );
    expect(diff.added.length + diff.moved.length).toBeGreaterThanOrEqual(2);
    // Forums and decisions (issue 16): every stage and flag, every kind and date precision.
    const forums = json<{ items: { status: string; flags: string[] }[] }>(
      await admin.get('/api/forums?limit=200'),
    ).items;
    expect(new Set(forums.map((f) => f.status))).toEqual(
      new Set(['planned', 'under_establishment', 'active', 'discontinued']),
    );
    for (const flag of ['no_mandate', 'no_members', 'missed_cadence'])
      expect(
        forums.flatMap((f) => f.flags),
        flag,
      ).toContain(flag);
    const kinds = json<{
      items: { kind: string; datePrecision: string; warnings: unknown[]; subjects: string[] }[];
    }>(await admin.get('/api/decisions?limit=200')).items;
    expect(new Set(kinds.map((d) => d.kind))).toEqual(
      new Set(['decision', 'recommendation', 'information', 'executive']),
    );
    expect(new Set(kinds.map((d) => d.datePrecision))).toEqual(
      new Set(['day', 'month', 'unknown']),
    );
    expect(kinds.some((d) => d.warnings.length > 0)).toBe(true);
    const informed = json<{ items: { evidence: { figure: number } }[] }>(
      await admin.get('/api/decisions/information-counts?subject=digitalisering&year=2026'),
    ).items;
    expect(informed.length).toBeGreaterThanOrEqual(2);
    expect((await verifyChain(env.db, admin.me.tenantId)).intact).toBe(true);
  }, 240_000); // the whole demo region through the services: heavy on a shared two-core machine

  it('every demo user logs in with the password the README names, holding their role', async () => {
    for (const u of DEMO_USERS) {
      const c = await login(env.app, u.email, DEMO_PASSWORD);
      const me = json<{ roles: string[] }>(await c.get('/api/auth/me'));
      expect(me.roles, u.email).toEqual([u.role]);
    }
    const reader = await login(env.app, 'lasare@norrsund.example', DEMO_PASSWORD);
    const root = json<{ items: { id: string; parentId: string | null }[] }>(
      await reader.get('/api/units/tree'),
    ).items.find((u) => !u.parentId)!;
    expect(
      (await reader.post('/api/units', { parentId: root.id, kind: 'unit', name: 'Nej' }))
        .statusCode,
    ).toBe(403);
    const auditor = await login(env.app, 'revisor@norrsund.example', DEMO_PASSWORD);
    expect((await auditor.get('/api/audit-trail/verify')).statusCode).toBe(200);
  });
});

describe('the demo never enters a database with real tenants', () => {
  const aRealTenant = (db: Parameters<typeof provisionTenant>[0]) =>
    provisionTenant(db, {
      name: 'Region Verklig',
      slug: 'verklig',
      rootName: 'Regionfullmäktige',
      admin: { name: 'Vera Verklig', email: 'vera@verklig.example', password: PASSWORD },
    });

  it('refuses when another tenant exists, and still once that tenant’s rows are gone', async () => {
    const database = await testDatabase();
    try {
      await aRealTenant(database.db);
      await expect(loadDemoIfEmpty(database.db)).rejects.toBeInstanceOf(DemoRefused);
      await database.db.delete(tenants);
      await expect(loadDemoIfEmpty(database.db)).rejects.toThrow(/verklig/);
    } finally {
      await database.close();
    }
  });

  it('DEMO=true on such a database stops the start with a message and exit code 3', async () => {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      DEMO: 'true',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      REMINDER_INTERVAL_MINUTES: '0',
      // The key the real tenant's events were signed with, as its server would have it.
      AUDIT_KEY: auditSeal()!.key.toString('utf8'),
    };
    let cleanup = () => {};
    if (inject('dbKind') === 'postgres') {
      const database = await testDatabase();
      await aRealTenant(database.db);
      await database.close();
      env.DATABASE_URL = database.url!;
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'styrbord-demo-guard-'));
      cpSync(inject('pgliteTemplate'), dir, { recursive: true });
      const database = await openDatabase({ dataDir: dir, migrate: false });
      await aRealTenant(database.db);
      await database.close();
      env.DATA_DIR = dir;
      cleanup = () => rmSync(dir, { recursive: true, force: true });
    }
    try {
      const root = fileURLToPath(new URL('../..', import.meta.url));
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.stderr).toContain('DEMO=true, but this database has had other tenants (verklig)');
      expect(run.status).toBe(3);
    } finally {
      cleanup();
    }
  }, 90_000);
});
