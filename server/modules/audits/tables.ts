import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { stamps } from '../../platform/columns.js';
import { attachments, tenants } from '../../platform/tables.js';
import { decisions, orgUnits, persons } from '../organization/tables.js';

type Criterion = { kind: 'law' | 'internal' | 'other'; name: string; reference?: string | null };
type Remittance = {
  bodyId: string;
  kind: 'reply' | 'information';
  auditorGroup?: string | null;
  deadline?: string | null;
  deadlineMeeting?: { bodyId: string; month: string } | null;
  responsiblePersonId?: string | null;
  questions: { number: string; text: string }[];
  concerned?: boolean;
};
type Cell = {
  bodyId: string;
  value: 'yes' | 'partly' | 'no' | 'not_applicable' | null;
  text?: string | null;
};
type Evidence = {
  kind: 'decision' | 'document' | 'goal' | 'initiative' | 'attachment' | 'link';
  id?: string | null;
  label: string;
  url?: string | null;
};

/** An audit (granskning): by the elected auditors, a firm on their behalf, or consultants commissioned by management. */
export const audits = pgTable(
  'audits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    auditorGroup: text('auditor_group'),
    commissionedBy: text('commissioned_by'),
    auditFirm: text('audit_firm'),
    reportDate: date('report_date'),
    caseNumber: text('case_number'),
    reportAttachmentId: uuid('report_attachment_id').references(() => attachments.id, {
      onDelete: 'set null',
    }),
    auditedBodyIds: jsonb('audited_body_ids').$type<string[]>().notNull().default([]),
    criteria: jsonb('criteria').$type<Criterion[]>().notNull().default([]),
    scope: text('scope'),
    methodInterviewed: jsonb('method_interviewed').$type<string[]>().notNull().default([]),
    methodDocuments: jsonb('method_documents').$type<string[]>().notNull().default([]),
    followsUpAuditIds: jsonb('follows_up_audit_ids').$type<string[]>().notNull().default([]),
    overallAssessment: text('overall_assessment'),
    overallText: text('overall_text'),
    remittances: jsonb('remittances').$type<Remittance[]>().notNull().default([]),
    presidiaConsulted: boolean('presidia_consulted'),
    assignedOn: date('assigned_on'),
    letterDate: date('letter_date'),
    ...stamps(),
  },
  (t) => [
    index('audits_tenant_idx').on(t.tenantId, t.reportDate),
    check(
      'audits_kind_ck',
      sql`${t.kind} IN ('basic_review','deep_audit','follow_up','commissioned_review')`,
    ),
  ],
);

/** Audit questions (revisionsfrågor) with their applicability matrix and assessments, as the stored record. */
export const auditQuestions = pgTable(
  'audit_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    auditId: uuid('audit_id')
      .notNull()
      .references(() => audits.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => auditQuestions.id, {
      onDelete: 'cascade',
    }),
    number: text('number').notNull(),
    sortKey: integer('sort_key').notNull().default(0),
    text: text('text').notNull(),
    mode: text('mode').notNull().default('per_body'),
    appliesToBodyIds: jsonb('applies_to_body_ids').$type<string[]>().notNull().default([]),
    cells: jsonb('cells').$type<Cell[]>().notNull().default([]),
    wholeValue: text('whole_value'),
    prose: text('prose'),
    checksRecommendationIds: jsonb('checks_recommendation_ids')
      .$type<string[]>()
      .notNull()
      .default([]),
    ...stamps(),
  },
  (t) => [index('audit_questions_audit_idx').on(t.auditId, t.sortKey)],
);

export const recommendations = pgTable(
  'recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    auditId: uuid('audit_id')
      .notNull()
      .references(() => audits.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id').references(() => auditQuestions.id, { onDelete: 'set null' }),
    number: text('number').notNull(),
    sortKey: integer('sort_key').notNull().default(0),
    text: text('text').notNull(),
    addressedGroup: text('addressed_group'),
    addresseeBodyIds: jsonb('addressee_body_ids').$type<string[]>().notNull().default([]),
    ...stamps(),
  },
  (t) => [index('recommendations_audit_idx').on(t.auditId, t.sortKey)],
);

/** A body's reply (yttrande) to an audit, adopted by a decision. */
export const auditReplies = pgTable(
  'audit_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    auditId: uuid('audit_id')
      .notNull()
      .references(() => audits.id, { onDelete: 'cascade' }),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    text: text('text'),
    receivedOn: date('received_on'),
    decisionId: uuid('decision_id').references(() => decisions.id, { onDelete: 'set null' }),
    answers: jsonb('answers')
      .$type<
        {
          recommendationId: string;
          position?: 'agrees' | 'partly' | 'disagrees' | null;
          text?: string | null;
        }[]
      >()
      .notNull()
      .default([]),
    answeredQuestions: jsonb('answered_questions').$type<string[]>().notNull().default([]),
    ...stamps(),
  },
  // A body may reply more than once: some recommendations now, the rest later.
  (t) => [index('audit_replies_audit_body_idx').on(t.auditId, t.bodyId)],
);

/** An action on a recommendation, for one body: owner, date, status, evidence and notes over time. */
export const auditActions = pgTable(
  'audit_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    recommendationId: uuid('recommendation_id')
      .notNull()
      .references(() => recommendations.id, { onDelete: 'cascade' }),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    replyId: uuid('reply_id').references(() => auditReplies.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    ownerPersonId: uuid('owner_person_id').references(() => persons.id, { onDelete: 'set null' }),
    dueOn: date('due_on'),
    status: text('status').notNull().default('planned'),
    evidence: jsonb('evidence').$type<Evidence[]>().notNull().default([]),
    notes: jsonb('notes')
      .$type<{ at: string; by: string; text: string; status?: string }[]>()
      .notNull()
      .default([]),
    ...stamps(),
  },
  (t) => [
    index('audit_actions_rec_idx').on(t.recommendationId),
    index('audit_actions_owner_idx').on(t.ownerPersonId, t.dueOn),
    check(
      'audit_actions_status_ck',
      sql`${t.status} IN ('planned','in_progress','done','stopped')`,
    ),
  ],
);

/** An assignment (uppdrag) given by a decision, or proposed by a review, with its report-back (återrapportering). */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    decisionId: uuid('decision_id').references(() => decisions.id, { onDelete: 'set null' }),
    sourceAuditId: uuid('source_audit_id').references(() => audits.id, { onDelete: 'set null' }),
    recommendationId: uuid('recommendation_id').references(() => recommendations.id, {
      onDelete: 'set null',
    }),
    title: text('title').notNull(),
    assigneeBodyId: uuid('assignee_body_id').references(() => orgUnits.id, {
      onDelete: 'restrict',
    }),
    assigneeGroup: text('assignee_group'),
    assigneePersonId: uuid('assignee_person_id').references(() => persons.id, {
      onDelete: 'set null',
    }),
    reportBack: text('report_back').notNull().default('none'),
    reportBackOn: date('report_back_on'),
    reportBackMeeting: text('report_back_meeting'),
    reportBackMeetingBodyId: uuid('report_back_meeting_body_id').references(() => orgUnits.id, {
      onDelete: 'set null',
    }),
    reportBackMeetingMonth: text('report_back_meeting_month'),
    state: text('state').notNull().default('active'),
    adoptedByDecisionId: uuid('adopted_by_decision_id').references(() => decisions.id, {
      onDelete: 'set null',
    }),
    reportedOn: date('reported_on'),
    reportDecisionId: uuid('report_decision_id').references(() => decisions.id, {
      onDelete: 'set null',
    }),
    reportText: text('report_text'),
    ...stamps(),
  },
  (t) => [
    index('assignments_tenant_idx').on(t.tenantId, t.reportBackOn),
    check('assignments_state_ck', sql`${t.state} IN ('proposed','active')`),
  ],
);

/** A follow-up audit's finding on an earlier recommendation: the text (required), statuses per addressee, observations on others. */
export const followUpFindings = pgTable(
  'follow_up_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    followUpAuditId: uuid('follow_up_audit_id')
      .notNull()
      .references(() => audits.id, { onDelete: 'cascade' }),
    recommendationId: uuid('recommendation_id')
      .notNull()
      .references(() => recommendations.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    statuses: jsonb('statuses')
      .$type<{ bodyId: string; status: 'resolved' | 'partly_resolved' | 'not_resolved' }[]>()
      .notNull()
      .default([]),
    observations: jsonb('observations')
      .$type<{ bodyId: string; text: string }[]>()
      .notNull()
      .default([]),
    ...stamps(),
  },
  (t) => [uniqueIndex('follow_up_findings_uq').on(t.followUpAuditId, t.recommendationId)],
);
