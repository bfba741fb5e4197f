import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import ical from 'ical-generator';
import { dueReminderSteps, type DeadlineKind } from '../../../domain/audits/audit.js';
import { notFound } from '../../../domain/shared/errors.js';
import type { Db, Tx } from '../../db/client.js';
import { record } from '../../platform/audit/audit.js';
import { authorize } from '../../platform/authorize.js';
import { todayOf, type Ctx } from '../../platform/context.js';
import type { Mailer } from '../../platform/mail.js';
import type { Deadline, DeadlineProvider } from '../../platform/surface.js';
import { tenants } from '../../platform/tables.js';
import { hasAccess, personContact, personNames, unitNames } from '../organization/index.js';
import { calendarTokens, reminders } from './tables.js';

export type { Deadline };

/**
 * Every open deadline of a tenant, as the contexts' providers declare them (replies, actions and
 * report-backs from audits; benefit measurements from portfolio), with body and person names.
 * No access check: the callers check (a list for a user, a person's own feed, the reminder job).
 */
export async function deadlineItems(
  db: Db,
  providers: readonly DeadlineProvider[],
  tenantId: string,
  today: string,
  filter: {
    personId?: string | undefined;
    bodyId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  } = {},
): Promise<Deadline[]> {
  const items: Deadline[] = [];
  for (const provide of providers) items.push(...(await provide(db, tenantId, today)));
  const chosen = items.filter(
    (i) =>
      (!filter.personId || i.personId === filter.personId) &&
      (!filter.bodyId || i.bodyId === filter.bodyId) &&
      (!filter.from || i.date >= filter.from) &&
      (!filter.to || i.date <= filter.to),
  );
  const unitIds = [...new Set(chosen.map((i) => i.bodyId).filter((x): x is string => Boolean(x)))];
  const personIds = [
    ...new Set(chosen.map((i) => i.personId).filter((x): x is string => Boolean(x))),
  ];
  const unitName = await unitNames(db, unitIds);
  const personName = await personNames(db, personIds);
  for (const i of chosen) {
    i.bodyName = (i.bodyId && unitName.get(i.bodyId)) ?? null;
    i.personName = (i.personId && personName.get(i.personId)) ?? null;
  }
  return chosen.sort(
    (a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'sv'),
  );
}

export async function listDeadlines(
  db: Db,
  providers: readonly DeadlineProvider[],
  ctx: Ctx,
  q: {
    personId?: string | undefined;
    bodyId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
) {
  authorize(ctx, 'org.read');
  return deadlineItems(db, providers, ctx.tenantId, todayOf(ctx.now), q);
}

// The private calendar feed -----------------------------------------------------------------------

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new feed address for the logged-in person; any earlier one stops working. The token is shown this once. */
export async function createCalendarToken(db: Db, ctx: Ctx) {
  authorize(ctx, 'org.read');
  const token = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    await tx
      .update(calendarTokens)
      .set({ revokedAt: ctx.now })
      .where(
        and(eq(calendarTokens.personId, ctx.actor.personId), isNull(calendarTokens.revokedAt)),
      );
    const [row] = await tx
      .insert(calendarTokens)
      .values({
        tenantId: ctx.tenantId,
        personId: ctx.actor.personId,
        tokenHash: hash(token),
        createdAt: ctx.now,
      })
      .returning({ id: calendarTokens.id });
    await record(tx, ctx, {
      entityType: 'calendar_token',
      entityId: row!.id,
      action: 'create',
      after: { personId: ctx.actor.personId },
    });
  });
  return { token, path: `/api/calendar/${token}.ics` };
}

export async function calendarTokenStatus(db: Db, ctx: Ctx) {
  authorize(ctx, 'org.read');
  const [t] = await db
    .select({ createdAt: calendarTokens.createdAt })
    .from(calendarTokens)
    .where(and(eq(calendarTokens.personId, ctx.actor.personId), isNull(calendarTokens.revokedAt)))
    .orderBy(desc(calendarTokens.createdAt))
    .limit(1);
  return { active: Boolean(t), createdAt: t ? t.createdAt.toISOString() : null };
}

export async function revokeCalendarToken(db: Db, ctx: Ctx) {
  authorize(ctx, 'org.read');
  await db.transaction((tx) => revokeCalendarTokensOf(tx, ctx, ctx.actor.personId));
}

/** Revokes a person's feed, each token an audit event: their own choice, or their access ended. */
export async function revokeCalendarTokensOf(tx: Db | Tx, ctx: Ctx, personId: string) {
  const rows = await tx
    .update(calendarTokens)
    .set({ revokedAt: ctx.now })
    .where(
      and(
        eq(calendarTokens.tenantId, ctx.tenantId),
        eq(calendarTokens.personId, personId),
        isNull(calendarTokens.revokedAt),
      ),
    )
    .returning({ id: calendarTokens.id });
  for (const r of rows)
    await record(tx, ctx, {
      entityType: 'calendar_token',
      entityId: r.id,
      action: 'revoke',
      before: { personId },
    });
}

const KIND_SV: Record<DeadlineKind, string> = {
  reply: 'Yttrande ska lämnas',
  action: 'Åtgärd ska vara klar',
  report_back: 'Återrapportering',
  measurement: 'Effekt ska mätas',
};

/** The person's deadlines as an iCalendar feed (all-day events), for any calendar program. Unknown or revoked token: not found. */
export async function calendarFeed(
  db: Db,
  providers: readonly DeadlineProvider[],
  token: string,
  now: Date,
) {
  const [t] = await db
    .select({
      tenantId: calendarTokens.tenantId,
      personId: calendarTokens.personId,
      tenantName: tenants.name,
    })
    .from(calendarTokens)
    .innerJoin(tenants, eq(tenants.id, calendarTokens.tenantId))
    .where(and(eq(calendarTokens.tokenHash, hash(token)), isNull(calendarTokens.revokedAt)));
  // Defence in depth: the feed also ends when its person's access has, however that came about.
  if (!t || !(await hasAccess(db, t.tenantId, t.personId))) throw notFound('entity.calendar');
  const items = await deadlineItems(db, providers, t.tenantId, todayOf(now), {
    personId: t.personId,
  });
  const cal = ical({
    name: `Styrbord – ${t.tenantName}`,
    prodId: { company: 'Styrbord', product: 'deadlines', language: 'SV' },
    timezone: 'Europe/Stockholm',
  });
  for (const i of items) {
    cal.createEvent({
      id: i.key,
      allDay: true,
      start: new Date(`${i.date}T00:00:00Z`),
      stamp: now,
      summary: `${KIND_SV[i.kind]}: ${i.title}`,
      description: [
        i.auditTitle ? `Granskning: ${i.auditTitle}` : null,
        i.bodyName ? `Organ: ${i.bodyName}` : null,
      ]
        .filter(Boolean)
        .join('\n'),
    });
  }
  return cal.toString();
}

// Reminders --------------------------------------------------------------------------------------

const DAY_WORDS = (step: number) =>
  step < 0 ? `om ${-step} dagar` : `för ${step} dag${step === 1 ? '' : 'ar'} sedan`;

/**
 * Sends the reminders that are due: for every open deadline with a responsible person, the reminder
 * step it has reached (14 and 3 days before, 1 day after), once. The claim is a row with a unique
 * (deadline, step) key, inserted before sending: a second instance running the job at the same time
 * inserts nothing and sends nothing. Without SMTP the reminder is kept for the person to read in the
 * app. A failed send is retried on later runs, three times at most.
 */
export async function runReminders(
  db: Db,
  providers: readonly DeadlineProvider[],
  now: Date,
  mailer: Mailer | null,
) {
  const today = todayOf(now);
  let sent = 0;
  let inApp = 0;
  const tenantRows = await db.select({ id: tenants.id }).from(tenants);
  for (const tenant of tenantRows) {
    const items = (await deadlineItems(db, providers, tenant.id, today)).filter((i) => i.personId);
    if (items.length === 0) continue;
    const done = await db
      .select({ itemKey: reminders.itemKey, step: reminders.step })
      .from(reminders)
      .where(
        and(
          eq(reminders.tenantId, tenant.id),
          inArray(
            reminders.itemKey,
            items.map((i) => i.key),
          ),
        ),
      );
    for (const item of items) {
      for (const step of dueReminderSteps(
        item.date,
        today,
        done.filter((d) => d.itemKey === item.key).map((d) => d.step),
      )) {
        const subject = `Påminnelse: ${KIND_SV[item.kind].toLowerCase()} ${item.date} – ${item.title}`;
        const body = [
          `Hej ${item.personName ?? ''},`,
          '',
          `${KIND_SV[item.kind]} ${item.date} (${DAY_WORDS(step)}): ${item.title}`,
          item.auditTitle ? `Granskning: ${item.auditTitle}` : null,
          item.bodyName ? `Organ: ${item.bodyName}` : null,
          '',
          `Reminder: ${item.kind.replace('_', ' ')} due ${item.date}.`,
          '',
          '/Styrbord',
        ]
          .filter((l) => l !== null)
          .join('\n');
        const [claimed] = await db
          .insert(reminders)
          .values({
            tenantId: tenant.id,
            itemKey: item.key,
            step,
            personId: item.personId,
            subject,
            body,
            channel: mailer ? 'email' : 'in_app',
            status: mailer ? 'claimed' : 'delivered',
            createdAt: now,
          })
          .onConflictDoNothing({ target: [reminders.itemKey, reminders.step] })
          .returning({ id: reminders.id });
        if (!claimed) continue;
        if (!mailer) {
          inApp += 1;
          continue;
        }
        if (await deliver(db, mailer, claimed.id, item.personId!, subject, body, now)) sent += 1;
      }
    }
  }
  // Retry what failed before: claim it again (one instance wins the update), then send.
  if (mailer) {
    const failed = await db
      .select()
      .from(reminders)
      .where(and(eq(reminders.status, 'failed'), lt(reminders.attempts, 3)));
    for (const r of failed) {
      const [again] = await db
        .update(reminders)
        .set({ status: 'claimed' })
        .where(and(eq(reminders.id, r.id), eq(reminders.status, 'failed')))
        .returning({ id: reminders.id });
      if (
        again &&
        r.personId &&
        (await deliver(db, mailer, r.id, r.personId, r.subject, r.body, now))
      )
        sent += 1;
    }
  }
  return { sent, inApp };
}

async function deliver(
  db: Db,
  mailer: Mailer,
  id: string,
  personId: string,
  subject: string,
  body: string,
  now: Date,
) {
  const p = await personContact(db, personId);
  try {
    await mailer.send({ to: p!.email, subject, text: body });
    await db
      .update(reminders)
      .set({ status: 'sent', sentAt: now, attempts: sql`${reminders.attempts} + 1` })
      .where(eq(reminders.id, id));
    return true;
  } catch (err) {
    await db
      .update(reminders)
      .set({
        status: 'failed',
        error: String((err as Error).message ?? err).slice(0, 500),
        attempts: sql`${reminders.attempts} + 1`,
      })
      .where(eq(reminders.id, id));
    return false;
  }
}

/** The logged-in person's reminders, newest first (in-app delivery, and a record of mailed ones). */
export async function myReminders(db: Db, ctx: Ctx) {
  authorize(ctx, 'org.read');
  return db
    .select()
    .from(reminders)
    .where(and(eq(reminders.tenantId, ctx.tenantId), eq(reminders.personId, ctx.actor.personId)))
    .orderBy(desc(reminders.createdAt))
    .limit(100);
}
