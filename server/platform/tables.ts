import {
  bigint,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { Role } from '../../domain/access/permissions.js';
import { stamps } from './columns.js';

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export type TenantSettings = {
  caseNumberLabel?: 'diarienummer' | 'ärendenummer';
  caseNumberPattern?: string | null;
  /** Follow-up period kinds the region uses (month, tertial, interim, annual). */
  followUpPeriods?: ('month' | 'tertial' | 'interim' | 'annual')[];
  /** A steering document older than this is flagged. */
  documentMaxAgeYears?: number;
  /** A contract ending within this many months is flagged (procurement takes years to prepare). */
  contractWarningMonths?: number;
  /** An information classification older than this is stale. */
  classificationMaxAgeYears?: number;
  /** The forum escalations go to after the ownership chain (the digitalisation council). */
  councilForumId?: string | null;
  /** The last step of every escalation path. */
  regionalDirectorPersonId?: string | null;
  /** The routing rule: the body that decides initiatives touching several units (prepared by the council). */
  portfolioDecidingBodyId?: string | null;
  /** How many units (the owner included) make an initiative cross-unit. */
  crossUnitThreshold?: number;
  /** The prioritisation criteria and their weights. */
  scoringModel?: { key: string; label: string; weight: number }[];
  /** How often region management follows up the most important initiatives (months). */
  topFollowUpCadenceMonths?: number;
  /** Single sign-on (OpenID Connect): the provider's issuer URL, the client and its secret. */
  oidcIssuer?: string | null;
  oidcClientId?: string | null;
  /** Stored, never answered: the settings answer says only whether it is set. */
  oidcClientSecret?: string | null;
  /** The ID-token or userinfo claim that lists a person's groups (Entra ID: `groups`). */
  oidcGroupsClaim?: string;
  /** Which provider group gives which role on which unit. */
  oidcGroupRoles?: { group: string; role: Role; unitId: string }[];
  /** False: people of the tenant log in through single sign-on only. */
  localPasswords?: boolean;
  /** A session ends this many days after login however active it is (besides the idle expiry). */
  sessionMaxAgeDays?: number;
};

/** A region, municipality or shared IT provider: every row belongs to one. */
export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  settings: jsonb('settings').$type<TenantSettings>().notNull().default({}),
  /** Login finds the tenant from these (e-mail domains, lower case, e.g. `kommun.se`). */
  emailDomains: text('email_domains')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** A disabled tenant's people cannot log in; its data is kept. */
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  ...stamps(),
});

/**
 * Every tenant the database has had, by slug, kept when a tenant's rows are gone: the demo is
 * never loaded into a database that has had another tenant (server/demo/guard.ts).
 */
export const tenantHistory = pgTable('tenant_history', {
  slug: text('slug').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The host administrators of an installation serving several tenants: outside every tenant, they
 * create, list, disable and enable tenants, and read no tenant's data.
 */
export const hostAdmins = pgTable('host_admins', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A host administrator's sessions: a table of their own, so no host session carries a tenant. */
export const hostSessions = pgTable(
  'host_sessions',
  {
    id: text('id').primaryKey(), // sha256 of the cookie token
    hostAdminId: uuid('host_admin_id')
      .notNull()
      .references(() => hostAdmins.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('host_sessions_expires_idx').on(t.expiresAt)],
);

/** Sessions live in the database so that several server instances agree on them. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(), // sha256 of the cookie token; the token itself is never stored
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    /** A single sign-on session's ID token, the hint for the provider's logout. */
    idToken: text('id_token'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('sessions_person_idx').on(t.personId),
    index('sessions_expires_idx').on(t.expiresAt),
  ],
);

/**
 * Login limits: one counter row per key (`pair:<account>|<address>`, `address:<ip>`,
 * `account:<account>`), reserved in one statement before a password is checked, so every
 * instance sees the same count (server/platform/auth/login-limits.ts).
 */
export const loginLimits = pgTable('login_limits', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
  /** The earliest time the next attempt is let through (the backoff). */
  nextAt: timestamp('next_at', { withTimezone: true }).notNull(),
  /** A pair's last fitting password: a known address skips the account's backoff. */
  lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
});

/**
 * The audit trail: append-only and hash-chained per tenant. Each event's hash covers its content
 * and the previous event's hash, so an edited or removed event breaks the chain at that point.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id'),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** How `hash` is made: 1 unkeyed SHA-256 (events before the key), 2 HMAC-SHA256 with the key. */
    chain: smallint('chain').notNull().default(1),
  },
  (t) => [
    uniqueIndex('audit_events_tenant_seq_idx').on(t.tenantId, t.seq),
    index('audit_events_tenant_time_idx').on(t.tenantId, t.occurredAt),
    index('audit_events_entity_idx').on(t.tenantId, t.entityType, t.entityId, t.seq),
    index('audit_events_actor_idx').on(t.tenantId, t.actorId, t.seq),
  ],
);

/** Files (minutes, basis documents), stored with a checksum so evidence can be shown unaltered. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('attachments_tenant_idx').on(t.tenantId)],
);
