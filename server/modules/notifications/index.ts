/**
 * The notifications context's front door: the deadline list, the private calendar feed and the
 * reminder job, over the deadlines other contexts declare (their `deadlines` providers).
 */
import type { Db } from '../../db/client.js';
import type { AccessEndHandler } from '../../platform/auth/access-end.js';
import type { Mailer } from '../../platform/mail.js';
import type { ContextSurface, DeadlineProvider } from '../../platform/surface.js';
import { revokeCalendarTokensOf, runReminders } from './deadlines.service.js';
import { notificationRoutes } from './routes.js';
import * as tables from './tables.js';

/** A person whose access has ended keeps no calendar feed (typed, so the schema index stays acyclic). */
const onAccessEnded: AccessEndHandler = (tx, ctx, personId) =>
  revokeCalendarTokensOf(tx, ctx, personId);

/** The notifications context over these providers (the registry passes every context's). */
export const notificationsOver = (providers: readonly DeadlineProvider[]) => ({
  ...({
    name: 'notifications',
    routes: [notificationRoutes(providers)],
    onAccessEnded,
    tables,
  } satisfies ContextSurface),
  /** Sends the reminders that are due (the job main.ts runs). */
  runReminders: (db: Db, now: Date, mailer: Mailer | null) =>
    runReminders(db, providers, now, mailer),
});
