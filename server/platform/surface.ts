import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Db } from '../db/client.js';
import type { DeadlineKind } from '../../domain/audits/audit.js';
import type { AccessEndHandler } from './auth/access-end.js';
import type { IdentityProvider } from './auth/plugin.js';
import type { PasswordStore } from './auth/routes.js';
import type { Ctx } from './context.js';
import type { Lang } from './i18n/messages.js';
import type { RouteOpts } from './route-kit.js';
import type { TenantSettings } from './tables.js';

/**
 * What a bounded context declares in its `index.ts`: the platform composes contexts from these
 * declarations (a registry) and never imports a module itself.
 */
export type ContextSurface = {
  name: string;
  /** Fastify plugins, registered in this order. */
  routes: readonly ((app: FastifyInstance, opts: RouteOpts) => Promise<void>)[];
  /** The context's message texts (keys are global, so each context keeps its own prefix). */
  messages?: Record<Lang, Record<string, string>>;
  /** The context's part of the tenant settings. */
  settings?: SettingsSection;
  /** Open deadlines of the context, for the calendar, the deadline list and the reminders. */
  deadlines?: DeadlineProvider;
  /** Who people are and what they may do, for the platform's auth (one context gives it). */
  identity?: { identity: IdentityProvider; passwords: PasswordStore };
  /** Revokes what the context gave a person whose access has ended (auth/access-end.ts). */
  onAccessEnded?: AccessEndHandler;
  /** The context's Drizzle tables, for the schema index. */
  tables: Record<string, unknown>;
};

/** One context's fields of the tenant settings: the answer, the accepted change, defaults, checks. */
export type SettingsSection = {
  /** Fields of the settings answer. */
  read: z.ZodRawShape;
  /** Fields a change may name (each optional). */
  update: z.ZodRawShape;
  /** The answer's fields from what is stored, defaults filled in. */
  load: (stored: TenantSettings) => Record<string, unknown>;
  /** Refuses a change that names what is not the tenant's own (throws Invalid with field errors). */
  check?: (db: Db, ctx: Ctx, changes: Partial<TenantSettings>) => Promise<void>;
};

/** A deadline as the calendar, the deadline list and the reminders see it. */
export type Deadline = {
  key: string;
  kind: DeadlineKind;
  date: string;
  title: string;
  auditId: string | null;
  auditTitle: string | null;
  assignmentId: string | null;
  actionId: string | null;
  bodyId: string | null;
  bodyName: string | null;
  personId: string | null;
  personName: string | null;
  overdue: boolean;
};

/** A context's open deadlines of a tenant, names not yet filled in (no access check: callers check). */
export type DeadlineProvider = (db: Db, tenantId: string, today: string) => Promise<Deadline[]>;
