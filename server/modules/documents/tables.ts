import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { stamps } from '../../platform/columns.js';
import { attachments, tenants } from '../../platform/tables.js';
import { orgUnits, persons } from '../organization/tables.js';
import { goals } from '../goals/tables.js';

export const steeringDocuments = pgTable(
  'steering_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    type: text('type').notNull(),
    state: text('state').notNull(),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    ownerPersonId: uuid('owner_person_id').references(() => persons.id, { onDelete: 'set null' }),
    adoptedByUnitId: uuid('adopted_by_unit_id').references(() => orgUnits.id, {
      onDelete: 'restrict',
    }),
    adoptionDecisionId: uuid('adoption_decision_id'),
    adoptionLevel: text('adoption_level').notNull().default('unknown'),
    adoptedOn: date('adopted_on'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    reviewOn: date('review_on'),
    supersededById: uuid('superseded_by_id'),
    /** How and when a strategy is followed up (DOMAIN.md: strategies should say so). */
    followUpText: text('follow_up_text'),
    followUpsPerYear: integer('follow_ups_per_year'),
    /** When, in words, where it is not a number a year ("i samband med årsredovisningen"). */
    followUpWhen: text('follow_up_when'),
    description: text('description'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...stamps(),
  },
  (t) => [
    index('steering_documents_tenant_idx').on(t.tenantId, t.type),
    index('steering_documents_title_trgm_idx').using('gin', sql`lower(${t.title}) gin_trgm_ops`),
    check(
      'steering_documents_state_ck',
      sql`${t.state} IN ('draft','consultation','adopted','not_adopted','repealed')`,
    ),
    check(
      'steering_documents_level_ck',
      sql`${t.adoptionLevel} IN ('assembly','board','official','unknown')`,
    ),
    check(
      'steering_documents_follow_ups_ck',
      sql`${t.followUpsPerYear} IS NULL OR ${t.followUpsPerYear} BETWEEN 1 AND 52`,
    ),
    check(
      'steering_documents_not_self_ck',
      sql`${t.supersededById} IS NULL OR ${t.supersededById} <> ${t.id}`,
    ),
  ],
);

export const documentGoals = pgTable(
  'document_goals',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => steeringDocuments.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.goalId] }),
    index('document_goals_goal_idx').on(t.goalId),
  ],
);

/** Each uploaded file is a version, kept with its checksum; nothing is overwritten. */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => steeringDocuments.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    note: text('note'),
    attachmentId: uuid('attachment_id')
      .notNull()
      .references(() => attachments.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('document_versions_document_idx').on(t.documentId, t.createdAt)],
);
