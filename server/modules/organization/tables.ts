import { sql, type SQL } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { stamps } from '../../platform/columns.js';
import { tenants, attachments } from '../../platform/tables.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The organisation tree. `path` holds the ids from the root down to the unit, joined by '/',
 * so a subtree is one indexed prefix scan and a move rewrites a subtree in one statement.
 */
export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** The unit's code in the HR or finance system (enhetskod, kostnadsställe): how imports find it. */
    code: text('code'),
    description: text('description'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...stamps(),
  },
  (t) => [
    index('org_units_tenant_parent_idx').on(t.tenantId, t.parentId),
    index('org_units_path_idx').using('btree', t.tenantId, t.path.op('text_pattern_ops')),
    index('org_units_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
    uniqueIndex('org_units_tenant_code_idx')
      .on(t.tenantId, t.code)
      .where(sql`${t.code} IS NOT NULL`),
    check(
      'org_units_dates_ck',
      sql`${t.startsOn} IS NULL OR ${t.endsOn} IS NULL OR ${t.startsOn} <= ${t.endsOn}`,
    ),
    check('org_units_not_own_parent_ck', sql`${t.parentId} IS NULL OR ${t.parentId} <> ${t.id}`),
  ],
);

/** Where a unit sat in the tree over time: a move closes one placement and opens the next. */
export const orgUnitPlacements = pgTable(
  'org_unit_placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references(() => orgUnits.id, { onDelete: 'set null' }),
    fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
    toAt: timestamp('to_at', { withTimezone: true }),
  },
  (t) => [index('org_unit_placements_unit_idx').on(t.unitId, t.fromAt)],
);

/** A body that no longer exists still points at what replaced it (landstingsstyrelsen → regionstyrelsen). */
export const orgUnitSuccessions = pgTable(
  'org_unit_successions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    onDate: date('on_date'),
    decisionId: uuid('decision_id'),
    note: text('note'),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('org_unit_successions_pair_idx').on(t.predecessorId, t.successorId),
    index('org_unit_successions_successor_idx').on(t.successorId),
    check('org_unit_successions_distinct_ck', sql`${t.predecessorId} <> ${t.successorId}`),
  ],
);

/** People: members of staff and politicians; some can log in. */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    title: text('title'),
    unitId: uuid('unit_id').references(() => orgUnits.id, { onDelete: 'set null' }),
    canLogIn: boolean('can_log_in').notNull().default(false),
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...stamps(),
  },
  (t) => [
    // Unique per tenant; the same e-mail may log in to two tenants, which login tells apart by
    // the tenant's e-mail domains or its slug (docs/decisions/0006-tenancy.md).
    uniqueIndex('persons_tenant_email_idx').on(t.tenantId, t.email),
    index('persons_email_idx').on(t.email),
    index('persons_unit_idx').on(t.unitId),
    index('persons_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
  ],
);

export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    /** Given by the provider's groups at single sign-on: the next sign-on replaces it, a hand-made one stays. */
    viaSso: boolean('via_sso').notNull().default(false),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('role_grants_unique_idx').on(t.personId, t.role, t.unitId),
    index('role_grants_unit_idx').on(t.unitId),
  ],
);

/**
 * Single sign-ons under way: the state, PKCE verifier and nonce between the redirect to the
 * provider and its answer, in the database so that any instance can take the answer. The key is
 * the state's SHA-256; a row is used once and lives ten minutes.
 */
export const oidcLogins = pgTable(
  'oidc_logins',
  {
    id: text('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    codeVerifier: text('code_verifier').notNull(),
    nonce: text('nonce').notNull(),
    /** Where the provider sends the answer (the origin the sign-on began at). */
    redirectUri: text('redirect_uri').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('oidc_logins_expires_idx').on(t.expiresAt)],
);

/** Posts (befattningar) can be vacant and carry competence requirements. */
export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    holderId: uuid('holder_id').references(() => persons.id, { onDelete: 'set null' }),
    competenceRequirements: text('competence_requirements'),
    ...stamps(),
  },
  (t) => [index('posts_unit_idx').on(t.unitId)],
);

export const forums = pgTable(
  'forums',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    parentUnitId: uuid('parent_unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** political, official (tjänstepersoner) or mixed; unknown when null. */
    level: text('level'),
    /** planned → under_establishment → active → discontinued (domain/organization/forum-rules.ts). */
    lifecycle: text('lifecycle').notNull().default('active'),
    description: text('description'),
    mandate: text('mandate'),
    mandateText: text('mandate_text'),
    mandateDecisionId: uuid('mandate_decision_id'),
    meetingsPerYear: integer('meetings_per_year'),
    cadenceText: text('cadence_text'),
    standingAgendaItems: jsonb('standing_agenda_items').$type<string[]>().notNull().default([]),
    establishedOn: date('established_on'),
    establishedDecisionId: uuid('established_decision_id'),
    discontinuedOn: date('discontinued_on'),
    discontinuedDecisionId: uuid('discontinued_decision_id'),
    externalRole: text('external_role'),
    ...stamps(),
  },
  (t) => [
    index('forums_tenant_unit_idx').on(t.tenantId, t.parentUnitId),
    check(
      'forums_mandate_ck',
      sql`${t.mandate} IS NULL OR ${t.mandate} IN ('decides','prepares','advises')`,
    ),
    check(
      'forums_level_ck',
      sql`${t.level} IS NULL OR ${t.level} IN ('political','official','mixed')`,
    ),
    check(
      'forums_lifecycle_ck',
      sql`${t.lifecycle} IN ('planned','under_establishment','active','discontinued')`,
    ),
    check(
      'forums_cadence_ck',
      sql`${t.meetingsPerYear} IS NULL OR ${t.meetingsPerYear} BETWEEN 1 AND 52`,
    ),
  ],
);

export const forumMembers = pgTable(
  'forum_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    forumId: uuid('forum_id')
      .notNull()
      .references(() => forums.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => persons.id, { onDelete: 'restrict' }),
    externalName: text('external_name'),
    memberRole: text('member_role').notNull(),
    seatTitle: text('seat_title'),
    delegateId: uuid('delegate_id').references(() => persons.id, { onDelete: 'set null' }),
    fromOn: date('from_on'),
    toOn: date('to_on'),
    ...stamps(),
  },
  (t) => [
    index('forum_members_forum_idx').on(t.forumId),
    check('forum_members_who_ck', sql`(${t.personId} IS NULL) <> (${t.externalName} IS NULL)`),
  ],
);

export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    bodyUnitId: uuid('body_unit_id').references(() => orgUnits.id, { onDelete: 'restrict' }),
    forumId: uuid('forum_id').references(() => forums.id, { onDelete: 'restrict' }),
    heldOn: date('held_on').notNull(),
    title: text('title'),
    agenda: jsonb('agenda').$type<{ title: string; isStanding: boolean }[]>().notNull().default([]),
    minutesAttachmentId: uuid('minutes_attachment_id').references(() => attachments.id, {
      onDelete: 'set null',
    }),
    ...stamps(),
  },
  (t) => [
    index('meetings_forum_idx').on(t.forumId, t.heldOn),
    index('meetings_body_idx').on(t.bodyUnitId, t.heldOn),
    check('meetings_holder_ck', sql`(${t.bodyUnitId} IS NULL) <> (${t.forumId} IS NULL)`),
  ],
);

const searchText = (t: {
  title: unknown;
  caseNumber: unknown;
  paragraph: unknown;
  body: unknown;
}): SQL =>
  sql`lower(${t.title} || ' ' || coalesce(${t.caseNumber}, '') || ' ' || coalesce(${t.paragraph}, '') || ' ' || coalesce(${t.body}, ''))`;

export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().default('decision'),
    bodyUnitId: uuid('body_unit_id').references(() => orgUnits.id, { onDelete: 'restrict' }),
    forumId: uuid('forum_id').references(() => forums.id, { onDelete: 'restrict' }),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    decidedOn: date('decided_on'),
    /** day, month (decided_on is the month's 1st) or unknown (no date stated). */
    datePrecision: text('date_precision').notNull().default('day'),
    paragraph: text('paragraph'),
    caseNumber: text('case_number'),
    level: text('level').notNull(),
    outcome: text('outcome'),
    /** The post that made an executive decision (regiondirektör) and who held it. */
    decidedByTitle: text('decided_by_title'),
    decidedByPersonId: uuid('decided_by_person_id').references(() => persons.id, {
      onDelete: 'set null',
    }),
    /** Subject tags of information items (lower case), counted per body and year. */
    subjects: jsonb('subjects').$type<string[]>().notNull().default([]),
    title: text('title').notNull(),
    body: text('body'),
    proposedByDecisionId: uuid('proposed_by_decision_id'),
    basis: jsonb('basis').$type<string[]>().notNull().default([]),
    links: jsonb('links')
      .$type<{ kind: string; targetId?: string | null; label: string }[]>()
      .notNull()
      .default([]),
    searchText: text('search_text').generatedAlwaysAs((): SQL =>
      searchText({
        title: decisions.title,
        caseNumber: decisions.caseNumber,
        paragraph: decisions.paragraph,
        body: decisions.body,
      }),
    ),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        sql`to_tsvector('swedish', ${decisions.title} || ' ' || coalesce(${decisions.body}, ''))`,
    ),
    ...stamps(),
  },
  (t) => [
    // Matches the default list order (newest first, unknown dates last), so a page reads the index.
    index('decisions_tenant_date_idx').on(t.tenantId, t.decidedOn.desc().nullsLast(), t.id.desc()),
    index('decisions_body_idx').on(t.bodyUnitId, t.decidedOn),
    index('decisions_forum_idx').on(t.forumId, t.decidedOn),
    index('decisions_meeting_idx').on(t.meetingId),
    index('decisions_proposed_by_idx').on(t.proposedByDecisionId),
    index('decisions_search_vector_idx').using('gin', t.searchVector),
    index('decisions_search_text_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('decisions_subjects_idx').using('gin', t.subjects),
    check(
      'decisions_decider_ck',
      sql`${t.bodyUnitId} IS NOT NULL OR ${t.forumId} IS NOT NULL OR ${t.decidedByTitle} IS NOT NULL OR ${t.decidedByPersonId} IS NOT NULL`,
    ),
    check('decisions_date_precision_ck', sql`${t.datePrecision} IN ('day','month','unknown')`),
  ],
);
