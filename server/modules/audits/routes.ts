import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  Action,
  ActionInput,
  ActionUpdate,
  ASSIGNMENT_FLAGS,
  Assignment,
  AssignmentAdopt,
  AssignmentInput,
  AssignmentUpdate,
  Audit,
  AUDIT_KINDS,
  AuditInput,
  AuditUpdate,
  Finding,
  FindingInput,
  Obligation,
  FindingUpdate,
  OpenRecommendation,
  Question,
  QuestionBulk,
  QuestionInput,
  QuestionUpdate,
  Recommendation,
  RecommendationBulk,
  RecommendationInput,
  RecommendationUpdate,
  Reply,
  ReplyInput,
  ReplyUpdate,
  RECOMMENDATION_STATES,
  suggestFollowUpStatus,
} from '../../../domain/audits/audit.js';
import { invalid } from '../../../domain/shared/errors.js';
import { ExportFormat, Id, IdParams, ListQuery, Page } from '../../../domain/shared/schemas.js';
import { readUpload } from '../../platform/attachments.js';
import type { Lang } from '../../platform/i18n/messages.js';
import { requireCtx } from '../../platform/auth/plugin.js';
import { authorize } from '../../platform/authorize.js';
import { sendExport, stamps, type Column } from '../../platform/lists.js';
import { readProblems, typed, writeProblems, type RouteOpts } from '../../platform/route-kit.js';
import * as auditsService from './audits.service.js';
import * as reports from './reports.service.js';
import * as responses from './responses.service.js';
import {
  ASSIGNMENT_STATES,
  OBLIGATION_STATES,
  QUESTION_STATES,
} from '../../../domain/audits/obligations.js';
import type { auditReplies, followUpFindings, recommendations } from './tables.js';

const Totals = z.object({
  yes: z.number().int(),
  partly: z.number().int(),
  no: z.number().int(),
  not_applicable: z.number().int(),
  none: z.number().int(),
});
const AuditMatrixSchema = z.object({
  bodies: z.array(z.object({ id: Id, name: z.string() })),
  rows: z.array(
    z.object({
      questionId: Id,
      number: z.string(),
      text: z.string(),
      mode: z.string(),
      wholeValue: z.string().nullable(),
      cells: z.array(
        z.object({ bodyId: Id, applies: z.boolean().nullable(), value: z.string().nullable() }),
      ),
      totals: Totals,
    }),
  ),
  columns: z.array(z.object({ bodyId: Id, totals: Totals })),
  totals: Totals,
});
const ChainStep = z.object({
  id: Id,
  reference: z.string(),
  title: z.string(),
  level: z.string(),
  bodyKind: z.string().nullable(),
  decidedOn: z.string().nullable(),
});
/** An obligation with the names a list shows beside it. */
const NamedObligation = Obligation.extend({
  recommendationNumber: z.string(),
  bodyName: z.string(),
});
const AuditObligations = z.object({
  items: z.array(NamedObligation),
  bodies: z.array(
    z.object({
      bodyId: Id,
      bodyName: z.string(),
      kind: z.string(),
      concerned: z.boolean(),
      auditorGroup: z.string().nullable(),
      deadline: z.string().nullable(),
      deadlineResolved: z.boolean(),
      deadlineMeeting: z.object({ bodyId: Id, month: z.string() }).nullable(),
      owed: z.number().int(),
      overdue: z.number().int(),
      answered: z.number().int(),
      answeredLate: z.number().int(),
      questions: z.array(
        z.object({
          number: z.string(),
          text: z.string(),
          state: z.enum(QUESTION_STATES),
          replyId: Id.nullable(),
        }),
      ),
    }),
  ),
});

const tags = ['Audits'];
const toAudit = (a: auditsService.AuditView) => ({
  ...stamps(a),
  id: a.id,
  title: a.title,
  kind: a.kind as never,
  auditorGroup: a.auditorGroup,
  commissionedBy: a.commissionedBy,
  auditFirm: a.auditFirm,
  reportDate: a.reportDate,
  caseNumber: a.caseNumber,
  auditedBodies: a.auditedBodies,
  criteria: a.criteria,
  scope: a.scope,
  methodInterviewed: a.methodInterviewed,
  methodDocuments: a.methodDocuments,
  followsUp: a.followsUp,
  followedUpBy: a.followedUpBy,
  overallAssessment: a.overallAssessment as never,
  overallText: a.overallText,
  remittances: a.remittances.map((r) => ({
    ...r,
    questions: r.questions ?? [],
    concerned: r.concerned ?? false,
  })),
  presidiaConsulted: a.presidiaConsulted,
  assignedOn: a.assignedOn,
  letterDate: a.letterDate,
  reportAttachmentId: a.reportAttachmentId,
  recommendationCount: a.recommendationCount,
  openRecommendationCount: a.openRecommendationCount,
  obligations: a.obligations,
});
const toQuestion = (q: Awaited<ReturnType<typeof auditsService.withChecks>>[number]) => ({
  ...stamps(q),
  id: q.id,
  auditId: q.auditId,
  parentId: q.parentId,
  number: q.number,
  text: q.text,
  mode: q.mode as never,
  appliesToBodyIds: q.appliesToBodyIds,
  cells: q.cells,
  wholeValue: q.wholeValue as never,
  prose: q.prose,
  checksRecommendationIds: q.checksRecommendationIds,
  checks: q.checks,
});
const toRecommendation = (r: auditsService.RecommendationView) => ({
  ...stamps(r),
  id: r.id,
  auditId: r.auditId,
  questionId: r.questionId,
  number: r.number,
  text: r.text,
  addressedGroup: r.addressedGroup as never,
  addresseeBodyIds: r.addresseeBodyIds,
  addressees: r.addressees,
  progress: r.progress,
  checkedBy: r.checkedBy,
});
/** A recommendation where only its row is at hand (the follow-up's prefill). */
const plainRecommendation = (r: typeof recommendations.$inferSelect) =>
  toRecommendation({ ...r, addressees: [], progress: { resolved: 0, of: 0 }, checkedBy: [] });
const toReply = (r: typeof auditReplies.$inferSelect) => ({
  ...stamps(r),
  id: r.id,
  auditId: r.auditId,
  bodyId: r.bodyId,
  text: r.text,
  receivedOn: r.receivedOn,
  decisionId: r.decisionId,
  answers: r.answers,
  answeredQuestions: r.answeredQuestions,
});
const toAction = (a: ReturnType<typeof responses.actionView>) => ({
  ...stamps(a),
  id: a.id,
  recommendationId: a.recommendationId,
  bodyId: a.bodyId,
  replyId: a.replyId,
  title: a.title,
  ownerPersonId: a.ownerPersonId,
  ownerPersonName: a.ownerPersonName,
  dueOn: a.dueOn,
  status: a.status as never,
  evidence: a.evidence,
  notes: a.notes,
  flags: a.flags,
});
const toAssignment = (a: responses.AssignmentView) => ({
  ...stamps(a),
  id: a.id,
  decisionId: a.decisionId,
  sourceAuditId: a.sourceAuditId,
  recommendationId: a.recommendationId,
  title: a.title,
  assigneeBodyId: a.assigneeBodyId,
  assigneeBodyName: a.assigneeBodyName,
  assigneeGroup: a.assigneeGroup,
  assigneePersonId: a.assigneePersonId,
  assigneePersonName: a.assigneePersonName,
  reportBack: a.reportBack as never,
  reportBackOn: a.reportBackOn,
  reportBackMeeting: a.reportBackMeeting,
  reportBackMeetingRef: a.reportBackMeetingRef,
  reportBackMeetingBodyName: a.reportBackMeetingBodyName,
  dueOn: a.dueOn,
  dueResolved: a.dueResolved,
  state: a.state,
  adoptedByDecisionId: a.adoptedByDecisionId,
  chain: a.chain,
  reportedOn: a.reportedOn,
  reportDecisionId: a.reportDecisionId,
  reportText: a.reportText,
  flags: a.flags,
});
const toFinding = (f: typeof followUpFindings.$inferSelect) => ({
  ...stamps(f),
  id: f.id,
  followUpAuditId: f.followUpAuditId,
  recommendationId: f.recommendationId,
  text: f.text,
  statuses: f.statuses,
  observations: f.observations,
});

/** The open list's export columns, its words in the reader's language. */
const openColumns = (lang: Lang): Column<reports.OpenRecommendation>[] => [
  {
    key: 'bodyName',
    sv: 'Organ',
    en: 'Body',
    value: (r) => r.bodyName ?? reports.stateWord(lang, 'no_addressee'),
  },
  { key: 'auditTitle', sv: 'Granskning', en: 'Audit', value: (r) => r.auditTitle },
  { key: 'reportDate', sv: 'Rapportdatum', en: 'Report date', value: (r) => r.reportDate },
  { key: 'number', sv: 'Nr', en: 'No.', value: (r) => r.number },
  { key: 'text', sv: 'Rekommendation', en: 'Recommendation', value: (r) => r.text },
  { key: 'state', sv: 'Läge', en: 'State', value: (r) => reports.stateWord(lang, r.state) },
  {
    key: 'obligation',
    sv: 'Yttrande',
    en: 'Reply',
    value: (r) =>
      r.obligation
        ? `${reports.stateWord(lang, r.obligation.state)}${r.obligation.answeredOn ? ` ${r.obligation.answeredOn}` : ''}`
        : lang === 'sv'
          ? 'Inget yttrande begärt'
          : 'No reply asked for',
  },
  {
    key: 'replyDeadline',
    sv: 'Sista dag för yttrande',
    en: 'Reply deadline',
    value: (r) => r.obligation?.deadline ?? null,
  },
  {
    key: 'overdue',
    sv: 'Försenad',
    en: 'Overdue',
    value: (r) => (r.overdue ? (lang === 'sv' ? 'Ja' : 'Yes') : lang === 'sv' ? 'Nej' : 'No'),
  },
  {
    key: 'progress',
    sv: 'Mottagare åtgärdade',
    en: 'Addressees resolved',
    value: (r) => `${r.progress.resolved} ${lang === 'sv' ? 'av' : 'of'} ${r.progress.of}`,
  },
  { key: 'ageDays', sv: 'Ålder (dagar)', en: 'Age (days)', value: (r) => r.ageDays },
  { key: 'nextDeadline', sv: 'Nästa tidpunkt', en: 'Next deadline', value: (r) => r.nextDeadline },
  {
    key: 'actions',
    sv: 'Åtgärder (klara/alla)',
    en: 'Actions (done/all)',
    value: (r) => `${r.actionsDone}/${r.actions}`,
  },
  {
    key: 'latestFinding',
    sv: 'Senaste uppföljning',
    en: 'Latest follow-up',
    value: (r) =>
      r.latestFinding
        ? `${r.latestFinding.auditTitle}: ${
            r.latestFinding.status
              ? `${reports.stateWord(lang, r.latestFinding.status, true)}. `
              : ''
          }${r.latestFinding.text}`
        : null,
  },
];
const ASSIGNMENT_FLAG_WORDS: Record<string, string> = {
  overdue: 'Återrapportering försenad',
  no_report_back: 'Ingen återrapportering angiven',
  meeting_not_planned: 'Sammanträdet inte inlagt',
};
const assignmentColumns: Column<responses.AssignmentView>[] = [
  { key: 'title', sv: 'Uppdrag', en: 'Assignment', value: (a) => a.title },
  {
    key: 'assigneeBodyName',
    sv: 'Organ',
    en: 'Body',
    value: (a) => a.assigneeBodyName ?? (a.assigneeGroup ? 'Samtliga nämnder' : null),
  },
  {
    key: 'state',
    sv: 'Läge',
    en: 'State',
    value: (a) => (a.state === 'proposed' ? 'Föreslaget' : 'Aktivt'),
  },
  {
    key: 'chain',
    sv: 'Beslut',
    en: 'Decisions',
    value: (a) => a.chain.map((d) => d.reference).join(' → '),
  },
  {
    key: 'reportBack',
    sv: 'Återrapportering',
    en: 'Report back',
    value: (a) =>
      a.reportBack === 'date'
        ? a.reportBackOn
        : a.reportBack === 'meeting'
          ? (a.reportBackMeeting ??
            `${a.reportBackMeetingBodyName ?? ''} ${a.reportBackMeetingRef?.month ?? ''}`.trim())
          : 'Ingen',
  },
  { key: 'dueOn', sv: 'Senast', en: 'Due', value: (a) => a.dueOn },
  { key: 'reportedOn', sv: 'Återrapporterat', en: 'Reported', value: (a) => a.reportedOn },
  {
    key: 'flags',
    sv: 'Flaggor',
    en: 'Flags',
    value: (a) => a.flags.map((f) => ASSIGNMENT_FLAG_WORDS[f] ?? f).join(', '),
  },
];

const AuditListQuery = ListQuery.extend({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(AUDIT_KINDS).optional(),
  bodyId: Id.optional(),
}).strict();
const obligationColumns = (lang: Lang): Column<reports.ReplyObligation>[] => [
  { key: 'bodyName', sv: 'Organ', en: 'Body', value: (o) => o.bodyName },
  { key: 'auditTitle', sv: 'Granskning', en: 'Audit', value: (o) => o.auditTitle },
  {
    key: 'number',
    sv: 'Rekommendation',
    en: 'Recommendation',
    value: (o) => o.recommendationNumber,
  },
  { key: 'deadline', sv: 'Sista dag', en: 'Deadline', value: (o) => o.deadline },
  { key: 'state', sv: 'Läge', en: 'State', value: (o) => reports.stateWord(lang, o.state) },
  { key: 'answeredOn', sv: 'Besvarad', en: 'Answered', value: (o) => o.answeredOn },
  { key: 'daysLate', sv: 'Dagar sent', en: 'Days late', value: (o) => o.daysLate || null },
];
const ReplyObligations = z.object({
  items: z.array(NamedObligation.extend({ auditId: Id, auditTitle: z.string() })),
  byBody: z.array(
    z.object({ id: Id, name: z.string(), owed: z.number().int(), overdue: z.number().int() }),
  ),
  byAudit: z.array(
    z.object({ id: Id, name: z.string(), owed: z.number().int(), overdue: z.number().int() }),
  ),
});
const AuditIdParams = z.object({ id: Id }).strict();

export async function revisionRoutes(app: FastifyInstance, { db }: RouteOpts) {
  const r = typed(app);
  r.get('/api/audits', {
    schema: {
      tags,
      summary: 'Audits (granskningar), newest report first; search title, firm, case number',
      querystring: AuditListQuery,
      response: { 200: Page(Audit), ...readProblems },
    },
    handler: async (req) => {
      const { items, total } = await auditsService.listAudits(db, requireCtx(req), req.query);
      return { items: items.map(toAudit), total, limit: req.query.limit, offset: req.query.offset };
    },
  });
  r.post('/api/audits', {
    schema: {
      tags,
      summary: 'Register an audit',
      body: AuditInput,
      response: { 201: Audit, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(toAudit(await auditsService.createAudit(db, requireCtx(req), req.body))),
  });
  r.get('/api/audits/:id', {
    schema: {
      tags,
      summary: 'One audit',
      params: IdParams,
      response: { 200: Audit, ...readProblems },
    },
    handler: async (req) =>
      toAudit(await auditsService.getAudit(db, requireCtx(req), req.params.id)),
  });
  r.patch('/api/audits/:id', {
    schema: {
      tags,
      summary:
        'Edit an audit: criteria, method, bodies, remittances, the overall assessment, the audits it follows up',
      params: IdParams,
      body: AuditUpdate,
      response: { 200: Audit, ...writeProblems },
    },
    handler: async (req) =>
      toAudit(await auditsService.updateAudit(db, requireCtx(req), req.params.id, req.body)),
  });
  r.post('/api/audits/:id/report', {
    schema: {
      tags,
      summary: 'Upload the audit report (multipart `file` and `version`)',
      params: IdParams,
      consumes: ['multipart/form-data'],
      response: { 200: Audit, ...writeProblems },
    },
    handler: async (req) => {
      const ctx = requireCtx(req);
      authorize(ctx, 'audits.edit');
      const { fields, file } = await readUpload(req);
      if (!file)
        throw invalid('documents.fileRequired', [{ path: 'file', key: 'documents.fileRequired' }]);
      const version = Number(fields.version);
      if (!Number.isInteger(version) || version < 1)
        throw invalid('errors.validation', [{ path: 'version', key: 'errors.badValue' }]);
      return toAudit(await auditsService.attachReport(db, ctx, req.params.id, version, file));
    },
  });

  r.get('/api/audits/:id/questions', {
    schema: {
      tags,
      summary: 'The audit questions with their applicability and assessments (the matrix)',
      params: IdParams,
      response: { 200: z.object({ items: z.array(Question) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await auditsService.listQuestions(db, requireCtx(req), req.params.id)).map(
        toQuestion,
      ),
    }),
  });
  r.post('/api/audits/:id/questions', {
    schema: {
      tags,
      summary: 'Add a question',
      params: IdParams,
      body: QuestionInput,
      response: { 201: Question, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(
          toQuestion(
            await auditsService.createQuestion(db, requireCtx(req), req.params.id, req.body),
          ),
        ),
  });
  r.post('/api/audits/:id/questions/bulk', {
    schema: {
      tags,
      summary: 'Add questions typed as numbered lines ("1. …", "1.1 …"); all or none',
      params: IdParams,
      body: QuestionBulk,
      response: { 201: z.object({ items: z.array(Question) }), ...writeProblems },
    },
    handler: async (req, reply) =>
      reply.status(201).send({
        items: (
          await auditsService.createQuestions(db, requireCtx(req), req.params.id, req.body)
        ).map(toQuestion),
      }),
  });
  r.patch('/api/audit-questions/:id', {
    schema: {
      tags,
      summary:
        'Edit a question, its applicability, or its assessments (a value where it does not apply is refused)',
      params: IdParams,
      body: QuestionUpdate,
      response: { 200: Question, ...writeProblems },
    },
    handler: async (req) =>
      toQuestion(await auditsService.updateQuestion(db, requireCtx(req), req.params.id, req.body)),
  });

  r.get('/api/audits/:id/recommendations', {
    schema: {
      tags,
      summary: 'The audit’s recommendations with their addressees',
      params: IdParams,
      response: { 200: z.object({ items: z.array(Recommendation) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await auditsService.listRecommendations(db, requireCtx(req), req.params.id)).map(
        toRecommendation,
      ),
    }),
  });
  r.post('/api/audits/:id/recommendations', {
    schema: {
      tags,
      summary: 'Add a recommendation (a group expands to this audit’s bodies)',
      params: IdParams,
      body: RecommendationInput,
      response: { 201: Recommendation, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(
          toRecommendation(
            await auditsService.createRecommendation(db, requireCtx(req), req.params.id, req.body),
          ),
        ),
  });
  r.post('/api/audits/:id/recommendations/bulk', {
    schema: {
      tags,
      summary: 'Add recommendations typed as numbered lines, all to the same addressees',
      params: IdParams,
      body: RecommendationBulk,
      response: { 201: z.object({ items: z.array(Recommendation) }), ...writeProblems },
    },
    handler: async (req, reply) =>
      reply.status(201).send({
        items: (
          await auditsService.createRecommendations(db, requireCtx(req), req.params.id, req.body)
        ).map(toRecommendation),
      }),
  });
  r.patch('/api/recommendations/:id', {
    schema: {
      tags,
      summary: 'Edit a recommendation or its addressees',
      params: IdParams,
      body: RecommendationUpdate,
      response: { 200: Recommendation, ...writeProblems },
    },
    handler: async (req) =>
      toRecommendation(
        await auditsService.updateRecommendation(db, requireCtx(req), req.params.id, req.body),
      ),
  });

  r.get('/api/audits/:id/replies', {
    schema: {
      tags,
      summary: 'Replies (yttranden) to the audit',
      params: IdParams,
      response: { 200: z.object({ items: z.array(Reply) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await responses.listReplies(db, requireCtx(req), req.params.id)).map(toReply),
    }),
  });
  r.post('/api/replies', {
    schema: {
      tags,
      summary: 'Record a body’s reply (with the decision that adopted it)',
      body: ReplyInput,
      response: { 201: Reply, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply.status(201).send(toReply(await responses.createReply(db, requireCtx(req), req.body))),
  });
  r.patch('/api/replies/:id', {
    schema: {
      tags,
      summary: 'Edit a reply',
      params: IdParams,
      body: ReplyUpdate,
      response: { 200: Reply, ...writeProblems },
    },
    handler: async (req) =>
      toReply(await responses.updateReply(db, requireCtx(req), req.params.id, req.body)),
  });
  r.get('/api/audits/:id/reply-draft.docx', {
    schema: {
      tags,
      summary: 'A Word draft of a body’s reply: the recommendations to it and the planned actions',
      params: AuditIdParams,
      querystring: z.object({ bodyId: Id }).strict(),
      response: readProblems,
    },
    handler: async (req, reply) => {
      const { buffer, filename } = await reports.replyDraft(
        db,
        requireCtx(req),
        req.params.id,
        req.query.bodyId,
      );
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="${encodeURIComponent(filename)}"`)
        .send(buffer as never);
    },
  });

  r.get('/api/audits/:id/actions', {
    schema: {
      tags,
      summary: 'Actions on the audit’s recommendations',
      params: IdParams,
      response: { 200: z.object({ items: z.array(Action) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await responses.listActions(db, requireCtx(req), req.params.id)).map(toAction),
    }),
  });
  r.post('/api/actions', {
    schema: {
      tags,
      summary: 'Record an action on a recommendation for an addressed body',
      body: ActionInput,
      response: { 201: Action, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply.status(201).send(toAction(await responses.createAction(db, requireCtx(req), req.body))),
  });
  r.patch('/api/actions/:id', {
    schema: {
      tags,
      summary:
        'Update an action: status, owner, date, evidence, a progress note (done needs evidence)',
      params: IdParams,
      body: ActionUpdate,
      response: { 200: Action, ...writeProblems },
    },
    handler: async (req) =>
      toAction(await responses.updateAction(db, requireCtx(req), req.params.id, req.body)),
  });

  r.get('/api/assignments', {
    schema: {
      tags,
      summary: 'Assignments (uppdrag) and their report-back, with flags (CSV/Excel)',
      querystring: ListQuery.extend({
        bodyId: Id.optional(),
        flag: z.enum(ASSIGNMENT_FLAGS).optional(),
        decisionId: Id.optional(),
        sourceAuditId: Id.optional(),
        state: z.enum(ASSIGNMENT_STATES).optional(),
      }).strict(),
      response: { 200: Page(Assignment), ...readProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const { items, total, all } = await responses.listAssignments(db, ctx, req.query);
      if (req.query.format !== 'json')
        return sendExport(reply, req.query.format, 'uppdrag', ctx.lang, assignmentColumns, all);
      return {
        items: items.map(toAssignment),
        total,
        limit: req.query.limit,
        offset: req.query.offset,
      };
    },
  });
  r.post('/api/assignments', {
    schema: {
      tags,
      summary: 'Give an assignment (a group gives one per body)',
      body: AssignmentInput,
      response: { 201: z.object({ items: z.array(Assignment) }), ...writeProblems },
    },
    handler: async (req, reply) =>
      reply.status(201).send({
        items: (await responses.createAssignments(db, requireCtx(req), req.body)).map(toAssignment),
      }),
  });
  r.patch('/api/assignments/:id', {
    schema: {
      tags,
      summary: 'Edit an assignment or record its report-back',
      params: IdParams,
      body: AssignmentUpdate,
      response: { 200: Assignment, ...writeProblems },
    },
    handler: async (req) =>
      toAssignment(await responses.updateAssignment(db, requireCtx(req), req.params.id, req.body)),
  });

  const Prefill = z.object({
    items: z.array(
      z.object({
        recommendation: Recommendation,
        finding: Finding.nullable(),
        addressees: z.array(
          z.object({
            bodyId: Id,
            reply: Reply.nullable(),
            actions: z.array(Action),
            state: z.enum(RECOMMENDATION_STATES),
            suggestedStatus: z.enum(['resolved', 'partly_resolved', 'not_resolved']),
          }),
        ),
      }),
    ),
  });
  r.get('/api/audits/:id/follow-up', {
    schema: {
      tags,
      summary:
        'For a follow-up audit: each earlier recommendation with the replies, actions and evidence on record, a suggested status, and the finding if made',
      params: IdParams,
      response: { 200: Prefill, ...readProblems },
    },
    handler: async (req) => ({
      items: (await responses.followUpPrefill(db, requireCtx(req), req.params.id)).map((x) => ({
        recommendation: plainRecommendation(x.recommendation),
        finding: x.finding ? toFinding(x.finding) : null,
        addressees: x.addressees.map((a) => ({
          bodyId: a.bodyId,
          reply: a.reply ? toReply(a.reply) : null,
          actions: a.actions.map(toAction),
          state: a.state,
          suggestedStatus: a.suggestedStatus ?? suggestFollowUpStatus([]),
        })),
      })),
    }),
  });
  r.get('/api/recommendations/:id/findings', {
    schema: {
      tags,
      summary: 'What later follow-up audits found on this recommendation',
      params: IdParams,
      response: {
        200: z.object({
          items: z.array(
            Finding.extend({ auditTitle: z.string(), reportDate: z.string().nullable() }),
          ),
        }),
        ...readProblems,
      },
    },
    handler: async (req) => {
      const ctx = requireCtx(req);
      authorize(ctx, 'org.read');
      return {
        items: (await responses.findingsOfRecommendation(db, ctx, req.params.id)).map((x) => ({
          ...toFinding(x.f),
          auditTitle: x.auditTitle,
          reportDate: x.reportDate,
        })),
      };
    },
  });
  r.get('/api/audits/:id/later-findings', {
    schema: {
      tags,
      summary: 'What later follow-up audits found on this audit’s recommendations',
      params: IdParams,
      response: {
        200: z.object({
          items: z.array(
            Finding.extend({ auditTitle: z.string(), reportDate: z.string().nullable() }),
          ),
        }),
        ...readProblems,
      },
    },
    handler: async (req) => {
      const ctx = requireCtx(req);
      const recs = await auditsService.listRecommendations(db, ctx, req.params.id);
      return {
        items: (
          await responses.findingsFor(
            db,
            ctx,
            recs.map((x) => x.id),
          )
        ).map((x) => ({ ...toFinding(x.f), auditTitle: x.auditTitle, reportDate: x.reportDate })),
      };
    },
  });
  r.post('/api/findings', {
    schema: {
      tags,
      summary:
        'Record a follow-up finding on an earlier recommendation (text required; statuses only for addressees)',
      body: FindingInput,
      response: { 201: Finding, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(toFinding(await responses.createFinding(db, requireCtx(req), req.body))),
  });
  r.patch('/api/findings/:id', {
    schema: {
      tags,
      summary: 'Edit a follow-up finding',
      params: IdParams,
      body: FindingUpdate,
      response: { 200: Finding, ...writeProblems },
    },
    handler: async (req) =>
      toFinding(await responses.updateFinding(db, requireCtx(req), req.params.id, req.body)),
  });

  r.get('/api/recommendations/open', {
    schema: {
      tags,
      summary:
        'Every recommendation not yet done, per body, with age and next deadline (CSV/Excel)',
      querystring: z
        .object({
          bodyId: Id.optional(),
          auditId: Id.optional(),
          state: z.enum(RECOMMENDATION_STATES).optional(),
          overdue: z.enum(['true', 'false']).optional(),
          format: ExportFormat.default('json'),
        })
        .strict(),
      response: { 200: z.object({ items: z.array(OpenRecommendation) }), ...readProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const { overdue, ...rest } = req.query;
      const items = await reports.openRecommendations(db, ctx, {
        ...rest,
        ...(overdue ? { overdue: overdue === 'true' } : {}),
      });
      if (req.query.format !== 'json')
        return sendExport(
          reply,
          req.query.format,
          'oppna-rekommendationer',
          ctx.lang,
          openColumns(ctx.lang),
          items,
        );
      return { items };
    },
  });

  r.get('/api/audits/:id/obligations', {
    schema: {
      tags,
      summary:
        'Who owes which reply: one obligation per (recommendation, addressee) sent for a reply, counts per body, and the auditors’ questions answered or not',
      params: IdParams,
      response: { 200: AuditObligations, ...readProblems },
    },
    handler: async (req) => reports.auditObligations(db, requireCtx(req), req.params.id),
  });
  r.get('/api/reply-obligations', {
    schema: {
      tags,
      summary:
        'Reply obligations across audits (who owes which reply, late since when), with overdue counts by body and by audit (CSV/Excel)',
      querystring: z
        .object({
          bodyId: Id.optional(),
          auditId: Id.optional(),
          state: z.enum(OBLIGATION_STATES).optional(),
          format: ExportFormat.default('json'),
        })
        .strict(),
      response: { 200: ReplyObligations, ...readProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const { format, ...q } = req.query;
      const result = await reports.replyObligations(db, ctx, q);
      if (format !== 'json')
        return sendExport(
          reply,
          format,
          'yttranden',
          ctx.lang,
          obligationColumns(ctx.lang),
          result.items,
        );
      return result;
    },
  });
  r.get('/api/audits/:id/matrix', {
    schema: {
      tags,
      summary:
        'The assessment matrix with totals per value, per body and per question (format=xlsx: Excel)',
      params: IdParams,
      querystring: z.object({ format: z.enum(['json', 'xlsx']).default('json') }).strict(),
      response: { 200: AuditMatrixSchema, ...readProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const m = await reports.auditMatrix(db, ctx, req.params.id);
      if (req.query.format === 'xlsx')
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="bedomningar.xlsx"')
          .send((await reports.matrixWorkbook(m, ctx.lang)) as never);
      return { bodies: m.bodies, rows: m.rows, columns: m.columns, totals: m.totals };
    },
  });
  r.get('/api/audits/:id/report.pdf', {
    schema: {
      tags,
      summary:
        'The audit as PDF: particulars, the matrix with totals, recommendations per addressee, replies owed',
      params: IdParams,
      response: readProblems,
    },
    handler: async (req, reply) => {
      const { pdf, filename } = await reports.auditPdf(db, requireCtx(req), req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${encodeURIComponent(filename)}"`)
        .send(pdf as never);
    },
  });
  r.get('/api/assignments/:id/adoption-candidates', {
    schema: {
      tags,
      summary:
        'Decisions later in the chain of a proposed assignment’s decision, that could adopt it',
      params: IdParams,
      response: { 200: z.object({ items: z.array(ChainStep) }), ...readProblems },
    },
    handler: async (req) => ({
      items: await responses.adoptionCandidates(db, requireCtx(req), req.params.id),
    }),
  });
  r.post('/api/assignments/:id/adopt', {
    schema: {
      tags,
      summary:
        'Move a proposed assignment to the decision that adopted it (a group then gives one per body in force)',
      params: IdParams,
      body: AssignmentAdopt,
      response: { 200: z.object({ items: z.array(Assignment) }), ...writeProblems },
    },
    handler: async (req) => ({
      items: (await responses.adoptAssignment(db, requireCtx(req), req.params.id, req.body)).map(
        toAssignment,
      ),
    }),
  });
}
