/**
 * The bounded contexts the app is made of, each as it declares itself in its `index.ts`. The app,
 * the schema index, the messages and the tenant settings iterate over this list; the order is the
 * order routes are registered, settings fields are answered and deadlines are listed.
 */
import type { ContextSurface } from '../platform/surface.js';
import { audits } from './audits/index.js';
import { documents } from './documents/index.js';
import { goals } from './goals/index.js';
import { notificationsOver } from './notifications/index.js';
import { organization } from './organization/index.js';
import { portfolio } from './portfolio/index.js';
import { services } from './services/index.js';

const domainContexts = [organization, goals, documents, services, audits, portfolio] as const;

/** Notifications are fed by every context's deadline provider. */
export const notifications = notificationsOver(
  domainContexts.flatMap((c: ContextSurface) => (c.deadlines ? [c.deadlines] : [])),
);

export const contexts = [...domainContexts, notifications] as const;

export const registry: readonly ContextSurface[] = contexts;

/** The one context that says who people are (the organisation). */
export function identityOf(list: readonly ContextSurface[] = registry) {
  const found = list.find((c) => c.identity)?.identity;
  if (!found) throw new Error('No context provides identity');
  return found;
}

/** Every context's settings section, in registry order (the settings routes and the demo use them). */
export const settingsSections = registry.flatMap((c) => (c.settings ? [c.settings] : []));
