import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
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
import { GENESIS, hashEvent, verifyChain } from './audit.js';
import { writeCheckpoint } from './checkpoint.js';
import { sealOf } from './seal.js';

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

type Verify = {
  intact: boolean;
  checked: number;
  lastSeq: number;
  firstBroken: { seq: number; reason: string } | null;
  checkpoint: { seq: number } | null;
  message: string;
};

/** What someone with the database but not the key can do: recompute every hash from `from` on. */
async function rehashWithoutKey(tenantId: string, from: number, chain: 1 | 2) {
  const rows = await env.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.tenantId, tenantId))
    .orderBy(asc(auditEvents.seq));
  let prev = GENESIS;
  for (const e of rows) {
    if (e.seq >= from) {
      const hash = hashEvent(prev, e);
      await env.db
        .update(auditEvents)
        .set({ prevHash: prev, hash, chain })
        .where(eq(auditEvents.id, e.id));
      prev = hash;
    } else prev = e.hash;
  }
}

describe('the keyed chain and its signed checkpoint', () => {
  const tampered = async (t: Tenant) => json<Verify>(await t.admin.get('/api/audit-trail/verify'));
  const aChain = async (name: string) => {
    const t = await aTenant(env, name);
    for (let i = 0; i < 4; i++) await aUnit(t.admin, t.rootUnitId);
    await writeCheckpoint(env.db, env.seal, t.tenantId, env.time.clock());
    return t;
  };

  it('verifies a chain with the key and against the checkpoint, and says so', async () => {
    const t = await aChain('Obruten');
    const ok = await tampered(t);
    expect(ok).toMatchObject({ intact: true, checked: 5, checkpoint: { seq: 5 } });
    expect(ok.message).toContain('obruten');
    expect(ok.message).toContain('kontrollpunkten vid nr 5');
    const en = json<Verify>(await t.admin.inEnglish().get('/api/audit-trail/verify'));
    expect(en.message).toContain('intact');
  });

  it('an edited event is found', async () => {
    const t = await aChain('Ändrad');
    await env.db.execute(
      sql`UPDATE audit_events SET actor_name = 'Någon annan' WHERE tenant_id = ${t.tenantId} AND seq = 2`,
    );
    const r = await tampered(t);
    expect(r).toMatchObject({ intact: false, firstBroken: { seq: 2, reason: 'hash_mismatch' } });
    expect(r.message).toBe(
      'Händelse nr 2 har ändrats i efterhand: innehållet stämmer inte med dess kontrollsumma.',
    );
  });

  it('a deleted event in the middle is found', async () => {
    const t = await aChain('Mittenraderad');
    await env.db
      .delete(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.tenantId), eq(auditEvents.seq, 3)));
    const r = await tampered(t);
    expect(r).toMatchObject({ intact: false, firstBroken: { seq: 3, reason: 'missing_event' } });
    expect(r.message).toContain('nr 3 saknas');
  });

  it('deleting the newest events is found against the checkpoint', async () => {
    const t = await aChain('Avkortad');
    await env.db
      .delete(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.tenantId), gt(auditEvents.seq, 3)));
    const r = await tampered(t);
    expect(r).toMatchObject({
      intact: false,
      lastSeq: 3,
      firstBroken: { seq: 4, reason: 'truncated' },
    });
    expect(r.message).toBe(
      'De senaste händelserna har tagits bort: den signerade kontrollpunkten visar nr 5, men kedjan slutar vid nr 3.',
    );
    // The server keeps the evidence: a new checkpoint never replaces a later one.
    await writeCheckpoint(env.db, env.seal, t.tenantId, env.time.clock());
    expect((await tampered(t)).firstBroken?.reason).toBe('truncated');
  });

  it('an edit re-hashed without the key is found, as keyed events or as unkeyed ones', async () => {
    const t = await aChain('Omräknad');
    await env.db.execute(
      sql`UPDATE audit_events SET after = jsonb_set(after, '{name}', '"Förfalskad"') WHERE tenant_id = ${t.tenantId} AND seq = 3`,
    );
    await rehashWithoutKey(t.tenantId, 3, 2);
    expect(await tampered(t)).toMatchObject({
      intact: false,
      firstBroken: { seq: 3, reason: 'rehashed' },
    });
    // Passed off as events from before the key: unkeyed events cannot follow keyed ones.
    await rehashWithoutKey(t.tenantId, 3, 1);
    const r = await tampered(t);
    expect(r).toMatchObject({ intact: false, firstBroken: { seq: 3, reason: 'rehashed' } });
    expect(r.message).toContain('räknats om utan nyckeln från händelse nr 3');
  });

  it('a whole chain re-hashed as if it were from before the key is found by the checkpoint', async () => {
    const t = await aChain('Helt omräknad');
    await env.db.execute(
      sql`UPDATE audit_events SET actor_name = 'X' WHERE tenant_id = ${t.tenantId} AND seq = 1`,
    );
    await rehashWithoutKey(t.tenantId, 1, 1);
    expect(await tampered(t)).toMatchObject({
      intact: false,
      firstBroken: { seq: 5, reason: 'checkpoint_mismatch' },
    });
  });

  it('a chain from before the key still verifies, and keyed events follow it', async () => {
    const t = await aTenant(env, 'Gammal kedja');
    await aUnit(t.admin, t.rootUnitId);
    // As a database made before this change has it: every event unkeyed, no checkpoint.
    await rehashWithoutKey(t.tenantId, 1, 1);
    expect(await tampered(t)).toMatchObject({ intact: true, checked: 2, checkpoint: null });
    expect((await tampered(t)).message).toContain('Ingen signerad kontrollpunkt');
    await aUnit(t.admin, t.rootUnitId);
    await writeCheckpoint(env.db, env.seal, t.tenantId, env.time.clock());
    expect(await tampered(t)).toMatchObject({ intact: true, checked: 3, checkpoint: { seq: 3 } });
  });

  it('a forged checkpoint, or another key, is said as such', async () => {
    const t = await aChain('Förfalskad kontrollpunkt');
    const file = `${env.seal.checkpointDir}/${t.tenantId}.json`;
    const { readFileSync, writeFileSync } = await import('node:fs');
    const cp = JSON.parse(readFileSync(file, 'utf8')) as { seq: number };
    writeFileSync(file, JSON.stringify({ ...cp, seq: 4 }));
    expect((await tampered(t)).firstBroken?.reason).toBe('checkpoint_invalid');
    writeFileSync(file, JSON.stringify(cp));
    const other = sealOf('another key that is long enough to be a key', env.seal.checkpointDir);
    const r = await verifyChain(env.db, t.tenantId, { seal: other });
    expect(r.firstBroken?.reason).toBe('wrong_key');
    expect((await verifyChain(env.db, t.tenantId, { seal: null })).firstBroken?.reason).toBe(
      'key_missing',
    );
  });

  it('the server writes checkpoints after writes without being asked', async () => {
    const { checkpointer } = await import('./checkpoint.js');
    const t = await aTenant(env, 'Automatisk');
    const c = checkpointer({ db: env.db, seal: env.seal, clock: env.time.clock, debounceMs: 10 });
    c.notify(t.tenantId);
    await new Promise((r) => setTimeout(r, 200));
    await c.stop();
    expect((await tampered(t)).checkpoint).toMatchObject({ seq: 1 });
  });
});
