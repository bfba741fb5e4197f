import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  Action,
  ActionInput,
  ActionUpdate,
  ASSIGNMENT_FLAGS,
  Assignment,
  AssignmentInput,
  AssignmentUpdate,
  Audit,
  AUDIT_KINDS,
  AuditInput,
  AuditUpdate,
  Finding,
  FindingInput,
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
import { requireCtx } from '../../platform/auth/plugin.js';
import { authorize } from '../../platform/authorize.js';
import { sendExport, stamps, type Column } from '../../platform/lists.js';
import { readProblems, typed, writeProblems, type RouteOpts } from '../../platform/route-kit.js';
import * as auditsService from './audits.service.js';
import * as reports from './reports.service.js';
import * as responses from './responses.service.js';
import type { auditQuestions, auditReplies, followUpFindings, recommendations } from './tables.js';

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
  remittances: a.remittances,
  reportAttachmentId: a.reportAttachmentId,
  recommendationCount: a.recommendationCount,
  openRecommendationCount: a.openRecommendationCount,
});
const toQuestion = (q: typeof auditQuestions.$inferSelect) => ({
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
});
const toRecommendation = (r: typeof recommendations.$inferSelect) => ({
  ...stamps(r),
  id: r.id,
  auditId: r.auditId,
  questionId: r.questionId,
  number: r.number,
  text: r.text,
  addressedGroup: r.addressedGroup as never,
  addresseeBodyIds: r.addresseeBodyIds,
});
const toReply = (r: typeof auditReplies.$inferSelect) => ({
  ...stamps(r),
  id: r.id,
  auditId: r.auditId,
  bodyId: r.bodyId,
  text: r.text,
  receivedOn: r.receivedOn,
  decisionId: r.decisionId,
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
const toAssignment = (a: ReturnType<typeof responses.assignmentView>) => ({
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

const openColumns: Column<reports.OpenRecommendation>[] = [
  {
    key: 'bodyName',
    sv: 'Organ',
    en: 'Body',
    value: (r) => r.bodyName ?? 'Ingen mottagare angiven',
  },
  { key: 'auditTitle', sv: 'Granskning', en: 'Audit', value: (r) => r.auditTitle },
  { key: 'reportDate', sv: 'Rapportdatum', en: 'Report date', value: (r) => r.reportDate },
  { key: 'number', sv: 'Nr', en: 'No.', value: (r) => r.number },
  { key: 'text', sv: 'Rekommendation', en: 'Recommendation', value: (r) => r.text },
  { key: 'state', sv: 'Läge', en: 'State', value: (r) => r.state },
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
        ? `${r.latestFinding.auditTitle}: ${r.latestFinding.status ?? ''} ${r.latestFinding.text}`
        : null,
  },
];
const assignmentColumns: Column<ReturnType<typeof responses.assignmentView>>[] = [
  { key: 'title', sv: 'Uppdrag', en: 'Assignment', value: (a) => a.title },
  { key: 'assigneeBodyId', sv: 'Organ (id)', en: 'Body (id)', value: (a) => a.assigneeBodyId },
  {
    key: 'reportBack',
    sv: 'Återrapportering',
    en: 'Report back',
    value: (a) =>
      a.reportBack === 'date'
        ? a.reportBackOn
        : a.reportBack === 'meeting'
          ? a.reportBackMeeting
          : 'ingen',
  },
  { key: 'reportedOn', sv: 'Återrapporterat', en: 'Reported', value: (a) => a.reportedOn },
  { key: 'flags', sv: 'Flaggor', en: 'Flags', value: (a) => a.flags.join(', ') },
];

const AuditListQuery = ListQuery.extend({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(AUDIT_KINDS).optional(),
  bodyId: Id.optional(),
}).strict();
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
        recommendation: toRecommendation(x.recommendation),
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
          format: ExportFormat.default('json'),
        })
        .strict(),
      response: { 200: z.object({ items: z.array(OpenRecommendation) }), ...readProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const items = await reports.openRecommendations(db, ctx, req.query);
      if (req.query.format !== 'json')
        return sendExport(
          reply,
          req.query.format,
          'oppna-rekommendationer',
          ctx.lang,
          openColumns,
          items,
        );
      return { items };
    },
  });
}
