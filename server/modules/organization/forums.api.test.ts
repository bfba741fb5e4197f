import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aDecision,
  aForum,
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
beforeAll(async () => {
  env = await testEnv();
  tenant = await aTenant(env);
});
afterAll(() => env.close());

type Forum = {
  id: string;
  version: number;
  flags: string[];
  status: string;
  mandate: string | null;
  lastMeetingOn: string | null;
  memberCount: number;
  deputyCount: number;
  cadence: { year: number; held: number; planned: number }[];
};
type Problem = { errors: { path: string; message: string }[] };

const aMember = async (forumId: string) =>
  json(
    await tenant.admin.post(`/api/forums/${forumId}/members`, {
      externalName: 'Ledamot',
      memberRole: 'member',
    }),
  );

describe('forums', () => {
  it('records the mandate with its text and the decision that gave it', async () => {
    const rs = await aUnit(tenant.admin, tenant.rootUnitId, {
      kind: 'regional_board',
      name: 'Regionstyrelsen',
    });
    const decision = await aDecision(tenant.admin, rs.id, {
      title: 'Inrättande av digitaliseringsråd',
    });
    const forum = await aForum(tenant.admin, rs.id, {
      mandate: 'prepares',
      mandateText: 'Bereder förvaltningsövergripande initiativ.',
      mandateDecisionId: decision.id,
      establishedDecisionId: decision.id,
      meetingsPerYear: 6,
      standingAgendaItems: ['Portföljens status'],
    });
    const got = json<Forum & { mandateDecisionId: string; standingAgendaItems: string[] }>(
      await tenant.admin.get(`/api/forums/${forum.id}`),
    );
    expect(got).toMatchObject({
      mandate: 'prepares',
      mandateDecisionId: decision.id,
      standingAgendaItems: ['Portföljens status'],
      status: 'active',
    });
  });

  it('flags a forum without a recorded mandate, until one is recorded', async () => {
    const forum = await aForum(tenant.admin, tenant.rootUnitId, {
      mandate: null,
      name: 'Arkitekturrådet',
    });
    expect(forum.flags).toContain('no_mandate');
    const flagged = json<{ items: Forum[] }>(await tenant.admin.get('/api/forums?flag=no_mandate'));
    expect(flagged.items.map((f) => f.id)).toContain(forum.id);
    const fixed = json<Forum>(
      await tenant.admin.patch(`/api/forums/${forum.id}`, {
        version: forum.version,
        mandate: 'advises',
      }),
    );
    expect(fixed.flags).not.toContain('no_mandate');
  });

  it('counts meetings per calendar year against the cadence: n av m planerade möten', async () => {
    const forum = await aForum(tenant.admin, tenant.rootUnitId, {
      meetingsPerYear: 4,
      establishedOn: '2025-07-01',
    });
    await aMember(forum.id);
    // Today is 2026-03-15 in the test clock. From July 2025, four a year plan two meetings in 2025.
    json(await tenant.admin.post('/api/meetings', { forumId: forum.id, heldOn: '2025-09-01' }));
    let got = json<Forum>(await tenant.admin.get(`/api/forums/${forum.id}`));
    expect(got.cadence).toEqual([
      { year: 2026, held: 0, planned: 4, scheduled: 0, expectedByToday: 0, behind: false },
      { year: 2025, held: 1, planned: 2, scheduled: 0, expectedByToday: 2, behind: true },
    ]);
    expect(got.flags).toEqual(['missed_cadence']);
    json(await tenant.admin.post('/api/meetings', { forumId: forum.id, heldOn: '2025-12-10' }));
    json(await tenant.admin.post('/api/meetings', { forumId: forum.id, heldOn: '2026-05-20' }));
    got = json<Forum>(await tenant.admin.get(`/api/forums/${forum.id}`));
    expect(got.cadence[0]).toMatchObject({ year: 2026, held: 0, planned: 4, scheduled: 1 });
    expect(got.cadence[1]).toMatchObject({ year: 2025, held: 2, planned: 2, behind: false });
    expect(got.flags).toEqual([]);
    expect(got.lastMeetingOn).toBe('2025-12-10');
    const overview = json<{
      year: number;
      cadence: { forumId: string; held: number; planned: number; evidence: { figure: number } }[];
    }>(await tenant.admin.get('/api/forums/overview?year=2025'));
    expect(overview.year).toBe(2025);
    expect(overview.cadence.find((c) => c.forumId === forum.id)).toMatchObject({
      held: 2,
      planned: 2,
      evidence: { figure: 2 },
    });
  });

  it('flags a forum with no current member: medlemmar saknas', async () => {
    const forum = await aForum(tenant.admin, tenant.rootUnitId);
    expect(forum.flags).toContain('no_members');
    json(
      await tenant.admin.post(`/api/forums/${forum.id}/members`, {
        externalName: 'Tidigare ledamot',
        memberRole: 'member',
        toOn: '2025-12-31',
      }),
    );
    expect(json<Forum>(await tenant.admin.get(`/api/forums/${forum.id}`)).flags).toContain(
      'no_members',
    );
    await aMember(forum.id);
    const after = json<Forum>(await tenant.admin.get(`/api/forums/${forum.id}`));
    expect(after.flags).not.toContain('no_members');
    expect(after.memberCount).toBe(1);
    const flagged = json<{ items: Forum[] }>(await tenant.admin.get('/api/forums?flag=no_members'));
    expect(flagged.items.map((f) => f.id)).not.toContain(forum.id);
  });

  it('a discontinued forum names its date and decision, is listed apart and raises no flags', async () => {
    const decision = await aDecision(tenant.admin, tenant.rootUnitId, {
      title: 'Avveckling av IT-rådet',
    });
    const noDecision = await tenant.admin.post('/api/forums', {
      parentUnitId: tenant.rootUnitId,
      name: 'IT-rådet',
      kind: 'other',
      discontinuedOn: '2025-06-30',
    });
    expect(noDecision.statusCode).toBe(400);
    expect(noDecision.json<Problem>().errors).toEqual([
      { path: 'discontinuedDecisionId', message: 'Ange beslutet om att avveckla forumet.' },
    ]);
    const forum = await aForum(tenant.admin, tenant.rootUnitId, {
      mandate: null,
      meetingsPerYear: 4,
      discontinuedOn: '2025-06-30',
      discontinuedDecisionId: decision.id,
    });
    expect(json<Forum>(await tenant.admin.get(`/api/forums/${forum.id}`))).toMatchObject({
      lifecycle: 'discontinued',
      status: 'discontinued',
      flags: [],
    });
    const current = json<{ items: Forum[] }>(await tenant.admin.get('/api/forums?status=current'));
    expect(current.items.map((f) => f.id)).not.toContain(forum.id);
    const apart = json<{ items: Forum[] }>(
      await tenant.admin.get('/api/forums?status=discontinued'),
    );
    expect(apart.items.map((f) => f.id)).toContain(forum.id);
  });

  it('goes planned → under establishment → active → discontinued, each with what it needs', async () => {
    const setUp = await aDecision(tenant.admin, tenant.rootUnitId, {
      title: 'Inrättande av portföljråd',
    });
    const end = await aDecision(tenant.admin, tenant.rootUnitId, { title: 'Avveckling' });
    let forum = json<Forum & { lifecycle: string; level: string | null }>(
      await tenant.admin.post('/api/forums', {
        parentUnitId: tenant.rootUnitId,
        name: 'Portföljrådet',
        kind: 'portfolio_council',
        level: 'mixed',
        lifecycle: 'planned',
      }),
    );
    expect(forum).toMatchObject({ status: 'planned', level: 'mixed', flags: ['no_mandate'] });
    const noDecision = await tenant.admin.patch(`/api/forums/${forum.id}`, {
      version: forum.version,
      lifecycle: 'under_establishment',
    });
    expect(noDecision.json<Problem>().errors).toEqual([
      {
        path: 'establishedDecisionId',
        message: 'Ett forum under uppbyggnad har ett beslut om inrättande: ange beslutet.',
      },
    ]);
    const skip = await tenant.admin.patch(`/api/forums/${forum.id}`, {
      version: forum.version,
      lifecycle: 'discontinued',
      discontinuedOn: '2026-03-01',
      discontinuedDecisionId: end.id,
    });
    expect(skip.json<Problem>().errors[0]!.message).toBe(
      'Ett forum kan inte gå från läget planerat till avvecklat. Från planerat kan det gå till: under uppbyggnad, aktivt.',
    );
    forum = json(
      await tenant.admin.patch(`/api/forums/${forum.id}`, {
        version: forum.version,
        establishedDecisionId: setUp.id,
      }),
    );
    expect(forum).toMatchObject({ status: 'under_establishment', flags: ['no_mandate'] });
    forum = json(
      await tenant.admin.patch(`/api/forums/${forum.id}`, {
        version: forum.version,
        lifecycle: 'active',
        establishedOn: '2026-03-01',
        mandate: 'prepares',
      }),
    );
    expect(forum).toMatchObject({ status: 'active', flags: ['no_members'] });
    // A discontinuation decided for a later date: active until then.
    forum = json(
      await tenant.admin.patch(`/api/forums/${forum.id}`, {
        version: forum.version,
        lifecycle: 'discontinued',
        discontinuedOn: '2026-12-31',
        discontinuedDecisionId: end.id,
      }),
    );
    expect(forum).toMatchObject({ lifecycle: 'discontinued', status: 'active' });
    const byLevel = json<{ items: Forum[] }>(await tenant.admin.get('/api/forums?level=mixed'));
    expect(byLevel.items.map((f) => f.id)).toEqual([forum.id]);
  });

  it('the overview counts forums per flag and per stage, each count with its forums', async () => {
    const t = await aTenant(env, 'Overview');
    const planned = json<{ id: string }>(
      await t.admin.post('/api/forums', {
        parentUnitId: t.rootUnitId,
        name: 'AI-verkstaden',
        kind: 'other',
        lifecycle: 'planned',
      }),
    );
    const overview = json<{
      flags: {
        flag: string;
        evidence: { figure: number; records: { id: string; href: string }[] };
      }[];
      statuses: { status: string; evidence: { figure: number } }[];
    }>(await t.admin.get('/api/forums/overview'));
    expect(overview.flags.map((f) => [f.flag, f.evidence.figure])).toEqual([
      ['no_mandate', 1],
      ['no_members', 0],
      ['missed_cadence', 0],
    ]);
    expect(overview.flags[0]!.evidence.records[0]).toMatchObject({
      id: planned.id,
      href: `/forum/${planned.id}`,
    });
    expect(overview.statuses.find((s) => s.status === 'planned')!.evidence.figure).toBe(1);
  });

  it('members are ledamöter or ersättare, a person or an external name, with a delegate', async () => {
    const forum = await aForum(tenant.admin, tenant.rootUnitId);
    const p = json<{ id: string }>(
      await tenant.admin.post('/api/persons', {
        name: 'Dagny Forsberg',
        email: `dagny-${tenant.tag}@test.example`,
      }),
    );
    const d = json<{ id: string }>(
      await tenant.admin.post('/api/persons', {
        name: 'Rebecka Holm',
        email: `rebecka-${tenant.tag}@test.example`,
      }),
    );
    json(
      await tenant.admin.post(`/api/forums/${forum.id}/members`, {
        personId: p.id,
        memberRole: 'member',
        seatTitle: 'Ordförande',
        delegateId: d.id,
      }),
    );
    json(
      await tenant.admin.post(`/api/forums/${forum.id}/members`, {
        externalName: 'Region Fjällmark',
        memberRole: 'deputy',
      }),
    );
    const both = await tenant.admin.post(`/api/forums/${forum.id}/members`, {
      personId: p.id,
      externalName: 'X',
      memberRole: 'member',
    });
    expect(both.statusCode).toBe(400);
    expect(both.json<{ errors: { message: string }[] }>().errors[0]!.message).toContain('antingen');
    const members = json<{
      items: {
        personName: string | null;
        externalName: string | null;
        delegateName: string | null;
        memberRole: string;
      }[];
    }>(await tenant.admin.get(`/api/forums/${forum.id}/members`));
    expect(members.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          personName: 'Dagny Forsberg',
          delegateName: 'Rebecka Holm',
          memberRole: 'member',
        }),
        expect.objectContaining({ externalName: 'Region Fjällmark', memberRole: 'deputy' }),
      ]),
    );
    expect(json<Forum>(await tenant.admin.get(`/api/forums/${forum.id}`))).toMatchObject({
      memberCount: 1,
      deputyCount: 1,
    });
  });

  it('a coordinator may record forums anywhere; an editor only under their unit', async () => {
    const hsn = await aUnit(tenant.admin, tenant.rootUnitId);
    const coordinator = await aUserWith(env, tenant, 'portfolio_coordinator', hsn.id);
    expect(
      (
        await coordinator.post('/api/forums', {
          parentUnitId: tenant.rootUnitId,
          name: 'Portföljrådet',
          kind: 'portfolio_council',
        })
      ).statusCode,
    ).toBe(201);
    const editor = await aUserWith(env, tenant, 'editor', hsn.id);
    expect(
      (
        await editor.post('/api/forums', {
          parentUnitId: hsn.id,
          name: 'Styrgrupp',
          kind: 'steering_group',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await editor.post('/api/forums', {
          parentUnitId: tenant.rootUnitId,
          name: 'Nej',
          kind: 'other',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('meetings and minutes', () => {
  it('stores the minutes with a checksum and serves them back unaltered', async () => {
    const forum = await aForum(tenant.admin, tenant.rootUnitId);
    const meeting = json<{ id: string; version: number }>(
      await tenant.admin.post('/api/meetings', { forumId: forum.id, heldOn: '2026-03-01' }),
    );
    const pdf = Buffer.from('%PDF-1.4\n% protokoll\n');
    const boundary = '----styrbord';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="version"\r\n\r\n${meeting.version}\r\n`,
      ),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="protokoll.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/meetings/${meeting.id}/minutes`,
      headers: {
        cookie: tenant.admin.cookie,
        'x-csrf-token': tenant.admin.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
    expect(res.statusCode).toBe(200);
    const minutes = res.json<{ minutes: { id: string; sha256: string; size: number } }>().minutes;
    expect(minutes.size).toBe(pdf.length);
    const file = await tenant.admin.get(`/api/attachments/${minutes.id}`);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect(file.headers['x-content-sha256']).toBe(minutes.sha256);

    const exe = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="version"\r\n\r\n2\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.exe"\r\nContent-Type: application/x-msdownload\r\n\r\nMZ\r\n--${boundary}--\r\n`,
      ),
    ]);
    const refused = await env.app.inject({
      method: 'POST',
      url: `/api/meetings/${meeting.id}/minutes`,
      headers: {
        cookie: tenant.admin.cookie,
        'x-csrf-token': tenant.admin.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: exe,
    });
    expect(refused.statusCode).toBe(400);
  });

  it('a meeting is held by a body or a forum, not both and not neither', async () => {
    const forum = await aForum(tenant.admin, tenant.rootUnitId);
    expect((await tenant.admin.post('/api/meetings', { heldOn: '2026-03-01' })).statusCode).toBe(
      400,
    );
    expect(
      (
        await tenant.admin.post('/api/meetings', {
          heldOn: '2026-03-01',
          forumId: forum.id,
          bodyUnitId: tenant.rootUnitId,
        })
      ).statusCode,
    ).toBe(400);
  });
});
