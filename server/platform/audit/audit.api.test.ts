import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import {
  aTenant,
  aUnit,
  aUserWith,
  json,
  testEnv,
  type TestEnv,
  type Tenant,
} from '../../test/helper.js';
import { auditEvents } from '../tables.js';
import { verifyChain } from './audit.js';

let env: TestEnv;
let tenant: Tenant;
beforeAll(async () => {
  env = await testEnv();
  tenant = await aTenant(env);
});
afterAll(() => env.close());

type Event = {
  seq: number;
  action: string;
  entityType: string;
  entityId: string;
  actorName: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};
type EventPage = { items: Event[]; total: number };

describe('the audit trail', () => {
  it('records every write with who, what and before/after, newest first', async () => {
    const unit = await aUnit(tenant.admin, tenant.rootUnitId, { name: 'Kulturnämnden' });
    json(
      await tenant.admin.patch(`/api/units/${unit.id}`, {
        version: unit.version,
        name: 'Kultur- och bildningsnämnden',
      }),
    );
    const page = json<EventPage>(await tenant.admin.get(`/api/audit-trail?entityId=${unit.id}`));
    expect(page.items.map((e) => e.action)).toEqual(['update', 'create']);
    expect(page.items[0]).toMatchObject({ entityType: 'unit', actorName: tenant.admin.me.name });
    expect(page.items[0]!.before).toMatchObject({ name: 'Kulturnämnden' });
    expect(page.items[0]!.after).toMatchObject({
      name: 'Kultur- och bildningsnämnden',
      version: 2,
    });
  });

  it('a refused write leaves neither a change nor an event', async () => {
    const unit = await aUnit(tenant.admin, tenant.rootUnitId);
    const before = json<EventPage>(await tenant.admin.get('/api/audit-trail?limit=1')).total;
    const stale = await tenant.admin.patch(`/api/units/${unit.id}`, {
      version: unit.version + 5,
      name: 'Nytt namn',
    });
    expect(stale.statusCode).toBe(409);
    expect(json<EventPage>(await tenant.admin.get('/api/audit-trail?limit=1')).total).toBe(before);
    expect(json<{ name: string }>(await tenant.admin.get(`/api/units/${unit.id}`)).name).toBe(
      unit.name,
    );
  });

  it('filters by entity type, actor, action and time, and pages with a cursor', async () => {
    const editor = await aUserWith(env, tenant, 'editor');
    await aUnit(editor, tenant.rootUnitId, { name: 'Redaktörens enhet' });
    const byActor = json<EventPage>(
      await tenant.admin.get(`/api/audit-trail?actorId=${editor.me.personId}`),
    );
    expect(byActor.total).toBe(1);
    expect(byActor.items[0]!.after).toMatchObject({ name: 'Redaktörens enhet' });
    const grants = json<EventPage>(
      await tenant.admin.get('/api/audit-trail?entityType=grant&action=create'),
    );
    expect(grants.items.every((e) => e.entityType === 'grant' && e.action === 'create')).toBe(true);
    expect(json<EventPage>(await tenant.admin.get('/api/audit-trail?from=2099-01-01')).total).toBe(
      0,
    );
    const first = json<EventPage>(await tenant.admin.get('/api/audit-trail?limit=2'));
    const next = json<EventPage>(
      await tenant.admin.get(`/api/audit-trail?limit=2&beforeSeq=${first.items[1]!.seq}`),
    );
    expect(next.items[0]!.seq).toBe(first.items[1]!.seq - 1);
  });

  it('exports the same query as CSV and Excel', async () => {
    const csv = await tenant.admin.get('/api/audit-trail?format=csv&entityType=unit');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Tidpunkt;Vem;Händelse');
    const xlsx = await tenant.admin.get('/api/audit-trail?format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('verify says the chain is intact, and names the first event that was tampered with', async () => {
    const t = await aTenant(env, 'Manipulerad');
    for (let i = 0; i < 3; i++) await aUnit(t.admin, t.rootUnitId);
    const ok = json<{ intact: boolean; checked: number }>(
      await t.admin.get('/api/audit-trail/verify'),
    );
    expect(ok.intact).toBe(true);
    expect(ok.checked).toBe(4);
    await env.db.execute(
      sql`UPDATE audit_events SET after = jsonb_set(after, '{name}', '"Förfalskad"') WHERE tenant_id = ${t.tenantId} AND seq = 3`,
    );
    const broken = json<{ intact: boolean; firstBroken: { seq: number; reason: string } }>(
      await t.admin.get('/api/audit-trail/verify'),
    );
    expect(broken).toMatchObject({
      intact: false,
      firstBroken: { seq: 3, reason: 'hash_mismatch' },
    });
    // Other tenants' chains are untouched.
    expect(
      json<{ intact: boolean }>(await tenant.admin.get('/api/audit-trail/verify')).intact,
    ).toBe(true);
  });

  it('a removed event is found as a gap in the chain', async () => {
    const t = await aTenant(env, 'Raderad');
    await aUnit(t.admin, t.rootUnitId);
    await aUnit(t.admin, t.rootUnitId);
    await env.db
      .delete(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.tenantId), eq(auditEvents.seq, 2)));
    const result = await verifyChain(env.db, t.tenantId);
    expect(result).toMatchObject({
      intact: false,
      firstBroken: { seq: 2, reason: 'missing_event' },
    });
  });

  it('concurrent writes keep one unbroken chain', async () => {
    const t = await aTenant(env, 'Samtidig');
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => aUnit(t.admin, t.rootUnitId, { name: `Enhet ${i}` })),
    );
    const result = await verifyChain(env.db, t.tenantId);
    expect(result).toMatchObject({ intact: true, checked: 13 });
  });

  it('auditors read it; readers and editors may not', async () => {
    const auditor = await aUserWith(env, tenant, 'auditor');
    expect((await auditor.get('/api/audit-trail')).statusCode).toBe(200);
    expect((await auditor.get('/api/audit-trail/verify')).statusCode).toBe(200);
    const reader = await aUserWith(env, tenant, 'reader');
    expect((await reader.get('/api/audit-trail')).statusCode).toBe(403);
    const editor = await aUserWith(env, tenant, 'editor');
    expect((await editor.get('/api/audit-trail/verify')).statusCode).toBe(403);
  });
});
