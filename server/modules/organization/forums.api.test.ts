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
};

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

  it('flags a forum that has not met at its cadence, and clears the flag when it meets', async () => {
    const forum = await aForum(tenant.admin, tenant.rootUnitId, {
      meetingsPerYear: 4,
      establishedOn: '2025-01-01',
    });
    // Today is 2026-03-15 in the test clock; four meetings a year allow about 114 days between them.
    json(await tenant.admin.post('/api/meetings', { forumId: forum.id, heldOn: '2025-09-01' }));
    expect(json<Forum>(await tenant.admin.get(`/api/forums/${forum.id}`)).flags).toContain(
      'missed_cadence',
    );
    json(
      await tenant.admin.post('/api/meetings', {
        forumId: forum.id,
        heldOn: '2026-02-20',
        agenda: [{ title: 'Portföljens status', isStanding: true }],
      }),
    );
    const after = json<Forum>(await tenant.admin.get(`/api/forums/${forum.id}`));
    expect(after.flags).not.toContain('missed_cadence');
    expect(after.lastMeetingOn).toBe('2026-02-20');
  });

  it('a discontinued forum is shown as such and raises no flags', async () => {
    const forum = await aForum(tenant.admin, tenant.rootUnitId, {
      mandate: null,
      meetingsPerYear: 4,
      discontinuedOn: '2025-06-30',
    });
    expect(json<Forum>(await tenant.admin.get(`/api/forums/${forum.id}`))).toMatchObject({
      status: 'discontinued',
      flags: [],
    });
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
    expect(json<Forum>(await tenant.admin.get(`/api/forums/${forum.id}`)).memberCount).toBe(2);
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
