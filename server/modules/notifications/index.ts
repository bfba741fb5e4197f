/**
 * The notifications context's front door: the deadline list, the private calendar feed and the
 * reminder job, over the deadlines other contexts declare (their `deadlines` providers).
 */
import type { Db } from '../../db/client.js';
import type { Mailer } from '../../platform/mail.js';
import type { ContextSurface, DeadlineProvider } from '../../platform/surface.js';
import { runReminders } from './deadlines.service.js';
import { notificationRoutes } from './routes.js';
import * as tables from './tables.js';

/** The notifications context over these providers (the registry passes every context's). */
export const notificationsOver = (providers: readonly DeadlineProvider[]) => ({
  ...({
    name: 'notifications',
    routes: [notificationRoutes(providers)],
    tables,
  } satisfies ContextSurface),
  /** Sends the reminders that are due (the job main.ts runs). */
  runReminders: (db: Db, now: Date, mailer: Mailer | null) =>
    runReminders(db, providers, now, mailer),
});
