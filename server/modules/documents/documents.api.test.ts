import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aTenant,
  aUnit,
  aUserWith,
  json,
  testEnv,
  type TestEnv,
  type Tenant,
} from '../../test/helper.js';

let env: TestEnv;
let tenant: Tenant;
let rs: { id: string };
beforeAll(async () => {
  env = await testEnv(); // 2026-03-15
  tenant = await aTenant(env);
  rs = await aUnit(tenant.admin, tenant.rootUnitId, {
    name: 'Regionstyrelsen',
    kind: 'regional_board',
  });
});
afterAll(() => env.close());

type Doc = {
  id: string;
  version: number;
  flags: string[];
  adoptionLevel: string;
  adoptedOn: string | null;
  versionCount: number;
};
const aDocument = async (over: Record<string, unknown> = {}) =>
  json<Doc>(
    await tenant.admin.post('/api/documents', {
      title: 'Digital agenda 2030',
      type: 'strategi',
      state: 'adopted',
      ownerUnitId: rs.id,
      adoptionLevel: 'assembly',
      adoptedOn: '2024-04-16',
      reviewOn: '2027-12-31',
      followUpText: 'Följs upp mot effektmålen i årsredovisningen.',
      followUpsPerYear: 1,
      ...over,
    }),
  );

describe('the steering-document register', () => {
  it('records an unknown adopter and date as unknown, and flags it', async () => {
    const d = await aDocument({
      title: 'Strategi för molntjänster',
      adoptionLevel: undefined,
      adoptedOn: undefined,
    });
    expect(d).toMatchObject({ adoptionLevel: 'unknown', adoptedOn: null });
    // Unknown is not the same as an official adoption: it is a missing level and decision-maker.
    expect(d.flags).toContain('no_decision_level');
    expect(d.flags).not.toContain('not_political');
  });

  it('flags documents adopted by officials, past review, too old, serving no goal, and superseded in force', async () => {
    const goal = json<{ id: string }>(
      await tenant.admin.post('/api/goals', {
        level: 'impact',
        ownerUnitId: tenant.rootUnitId,
        title: 'En digital region',
        validFrom: '2023-01-01',
      }),
    );
    const good = await aDocument({ goalIds: [goal.id] });
    expect(good.flags).toEqual([]);
    expect((await aDocument({ adoptionLevel: 'official', goalIds: [goal.id] })).flags).toEqual([
      'not_political',
    ]);
    expect((await aDocument({ reviewOn: '2025-12-31', goalIds: [goal.id] })).flags).toEqual([
      'review_overdue',
    ]);
    expect((await aDocument({ adoptedOn: '2016-05-24', goalIds: [goal.id] })).flags).toEqual([
      'old',
    ]);
    expect((await aDocument()).flags).toEqual(['serves_no_goal']);
    const old = await aDocument({ title: 'IT-strategi 2016', goalIds: [goal.id] });
    const replaced = json<Doc>(
      await tenant.admin.patch(`/api/documents/${old.id}`, {
        version: old.version,
        supersededById: good.id,
      }),
    );
    expect(replaced.flags).toEqual(['superseded_in_force']);
    const listed = json<{ items: { id: string }[] }>(
      await tenant.admin.get('/api/documents?flag=superseded_in_force'),
    );
    expect(listed.items.map((d) => d.id)).toEqual([old.id]);
    const csv = await tenant.admin.get('/api/documents?format=csv&flag=old');
    expect(csv.body.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('keeps each uploaded file as a version with its checksum', async () => {
    const d = await aDocument({ title: 'Riktlinje för informationssäkerhet', type: 'riktlinje' });
    const boundary = 'docb';
    const upload = (label: string, body: string, type = 'application/pdf') =>
      env.app.inject({
        method: 'POST',
        url: `/api/documents/${d.id}/versions`,
        headers: {
          cookie: tenant.admin.cookie,
          'x-csrf-token': tenant.admin.csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload: `--${boundary}\r\nContent-Disposition: form-data; name="label"\r\n\r\n${label}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="riktlinje.pdf"\r\nContent-Type: ${type}\r\n\r\n${body}\r\n--${boundary}--\r\n`,
      });
    expect((await upload('v.1', '%PDF-1.4 första')).statusCode).toBe(201);
    const start = env.time.clock();
    env.time.set(new Date(start.getTime() + 60_000)); // a minute later
    expect((await upload('v.2', '%PDF-1.4 andra')).statusCode).toBe(201);
    env.time.set(start);
    expect((await upload('v.3', 'MZ', 'application/x-msdownload')).statusCode).toBe(400);
    const versions = json<{
      items: { label: string; attachment: { id: string; sha256: string } }[];
    }>(await tenant.admin.get(`/api/documents/${d.id}/versions`));
    expect(versions.items.map((v) => v.label)).toEqual(['v.2', 'v.1']);
    const file = await tenant.admin.get(`/api/attachments/${versions.items[1]!.attachment.id}`);
    expect(file.body).toBe('%PDF-1.4 första');
    expect(file.headers['x-content-sha256']).toBe(versions.items[1]!.attachment.sha256);
    expect(json<Doc>(await tenant.admin.get(`/api/documents/${d.id}`)).versionCount).toBe(2);
  });

  it('an editor registers documents for their own unit only', async () => {
    const other = await aUnit(tenant.admin, tenant.rootUnitId, { name: 'KBN' });
    const editor = await aUserWith(env, tenant, 'editor', rs.id);
    expect(
      (
        await editor.post('/api/documents', {
          title: 'Rutin',
          type: 'rutin',
          state: 'draft',
          ownerUnitId: rs.id,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await editor.post('/api/documents', {
          title: 'Rutin',
          type: 'rutin',
          state: 'draft',
          ownerUnitId: other.id,
        })
      ).statusCode,
    ).toBe(403);
  });
});
