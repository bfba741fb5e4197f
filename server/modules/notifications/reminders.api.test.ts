import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { aTenant, aUnit, aUserWith, json, testEnv, type TestEnv } from '../../test/helper.js';
import { createMailer, type Mailer } from '../../platform/mail.js';
import { notifications } from '../registry.js';

const { runReminders } = notifications;

/** A real SMTP server on a free local port: what it receives is what a person's mailbox would get. */
let received: { to: string; subject: string; text: string }[] = [];
let rejectNext = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    if (rejectNext > 0) {
      rejectNext -= 1;
      stream.resume();
      stream.on('end', () => callback(new Error('451 Mailbox busy, try later')));
      return;
    }
    simpleParser(stream).then(
      (mail) => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
        });
        callback();
      },
      (err: Error) => callback(err),
    );
  },
});

let env: TestEnv;
let mailer: Mailer;
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  mailer = createMailer(`smtp://127.0.0.1:${port}`, 'Styrbord <styrbord@test.example>')!;
  env = await testEnv(); // 2026-03-15
});
afterAll(async () => {
  mailer.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await env.close();
});

async function aRegionWithDeadlines(name: string) {
  const t = await aTenant(env, name);
  const body = await aUnit(t.admin, t.rootUnitId, { name: 'Nämnden' });
  const client = await aUserWith(env, t, 'reader');
  const owner = json<{ id: string; email: string }>(
    await t.admin.get(`/api/persons/${client.me.personId}`),
  );
  const audit = json<{ id: string }>(
    await t.admin.post('/api/audits', {
      title: `Granskning ${name}`,
      kind: 'basic_review',
      auditedBodyIds: [body.id],
      remittances: [
        { bodyId: body.id, kind: 'reply', deadline: '2026-03-17', responsiblePersonId: owner.id },
      ],
    }),
  );
  const rec = json<{ id: string }>(
    await t.admin.post(`/api/audits/${audit.id}/recommendations`, {
      number: '1',
      text: 'Åtgärda.',
      addresseeBodyIds: [body.id],
    }),
  );
  json(
    await t.admin.post('/api/actions', {
      recommendationId: rec.id,
      bodyId: body.id,
      title: 'Försenad åtgärd',
      ownerPersonId: owner.id,
      dueOn: '2026-03-14',
    }),
  );
  json(
    await t.admin.post('/api/actions', {
      recommendationId: rec.id,
      bodyId: body.id,
      title: 'Kommande åtgärd',
      ownerPersonId: owner.id,
      dueOn: '2026-03-28',
    }),
  );
  json(
    await t.admin.post('/api/actions', {
      recommendationId: rec.id,
      bodyId: body.id,
      title: 'Långt fram',
      ownerPersonId: owner.id,
      dueOn: '2026-09-30',
    }),
  );
  json(
    await t.admin.post('/api/actions', {
      recommendationId: rec.id,
      bodyId: body.id,
      title: 'Utan ansvarig',
      dueOn: '2026-03-16',
    }),
  );
  return { t, owner, client };
}

describe('deadline reminders', () => {
  it('mails each due reminder once, even with two workers running at the same time; retries a refused mail', async () => {
    const { owner } = await aRegionWithDeadlines('Påminnelser');
    const now = new Date('2026-03-15T06:00:00Z');
    received = [];
    rejectNext = 1;
    const [a, b] = await Promise.all([
      runReminders(env.db, now, mailer),
      runReminders(env.db, now, mailer),
    ]);
    const again = await runReminders(env.db, now, mailer);
    // Three are due: the reply in 2 days, an action 1 day late, an action in 13 days. The server refused
    // one mail once; it was sent on a retry (by whichever run came next), and nothing was sent twice.
    expect(a.sent + b.sent + again.sent).toBe(3);
    expect(received).toHaveLength(3);
    expect(received.every((m) => m.to === owner.email)).toBe(true);
    expect(received.find((m) => m.subject.includes('Försenad åtgärd'))?.text).toContain(
      'Åtgärd ska vara klar 2026-03-14 (för 1 dag sedan)',
    );
    for (const part of ['Kommande åtgärd', 'Granskning Påminnelser', 'Försenad åtgärd'])
      expect(
        received.filter((m) => m.subject.includes(part)),
        part,
      ).toHaveLength(1);
    expect((await runReminders(env.db, now, mailer)).sent).toBe(0);
    // A week later the next step (3 days before) comes for the action due on the 28th, once.
    expect(
      (await runReminders(env.db, new Date('2026-03-25T06:00:00Z'), mailer)).sent,
    ).toBeGreaterThanOrEqual(1);
  });

  it('without SMTP, reminders are kept in the app for the person', async () => {
    const { t, client } = await aRegionWithDeadlines('Utan SMTP');
    const r = await runReminders(env.db, new Date('2026-03-15T06:00:00Z'), null);
    expect(r.inApp).toBe(3);
    expect(r.sent).toBe(0);
    const mine = json<{ items: { subject: string; channel: string }[] }>(
      await client.get('/api/reminders'),
    ).items;
    expect(mine.map((m) => m.channel)).toEqual(['in_app', 'in_app', 'in_app']);
    expect(mine.some((m) => m.subject.includes('Försenad åtgärd'))).toBe(true);
    expect(json<{ items: unknown[] }>(await t.admin.get('/api/reminders')).items).toEqual([]); // only one's own
  });
});
