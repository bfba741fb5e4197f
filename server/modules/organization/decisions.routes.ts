import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  Decision,
  DecisionInput,
  DecisionListQuery,
  DecisionUpdate,
  Meeting,
  MeetingCalendarInput,
  MeetingInput,
  MeetingListQuery,
  MeetingUpdate,
} from '../../../domain/organization/decision.js';
import { invalid } from '../../../domain/shared/errors.js';
import { Evidence } from '../../../domain/shared/evidence.js';
import { IdParams, Page } from '../../../domain/shared/schemas.js';
import { authorize } from '../../platform/authorize.js';
import { t } from '../../platform/i18n/messages.js';
import { informationCounts } from './counts.js';
import { requireCtx } from '../../platform/auth/plugin.js';
import type { Lang } from '../../platform/i18n/messages.js';
import { getAttachment, readUpload, sendAttachment } from '../../platform/attachments.js';
import { EXPORT_LIMIT, sendExport, type Column } from '../../platform/lists.js';
import { readProblems, typed, writeProblems, type RouteOpts } from '../../platform/route-kit.js';
import * as service from './decisions.service.js';
import { toDecisionDto, toMeetingDto } from './presenters.js';

type DecisionDto = ReturnType<typeof toDecisionDto>;
/** The export in words (kinds, levels and outcomes as a person reads them, never codes). */
const columns = (lang: Lang): Column<DecisionDto>[] => [
  { key: 'reference', sv: 'Referens', en: 'Reference', value: (d) => d.reference },
  { key: 'decidedOn', sv: 'Datum', en: 'Date', value: (d) => d.dateText },
  {
    key: 'body',
    sv: 'Organ/forum',
    en: 'Body/forum',
    value: (d) => d.bodyName ?? d.forumName ?? d.decidedByTitle,
  },
  {
    key: 'decidedBy',
    sv: 'Beslutad av',
    en: 'Decided by',
    value: (d) => [d.decidedByTitle, d.decidedByPersonName].filter(Boolean).join(', ') || null,
  },
  { key: 'paragraph', sv: 'Paragraf', en: 'Paragraph', value: (d) => d.paragraph },
  { key: 'caseNumber', sv: 'Diarienummer', en: 'Case number', value: (d) => d.caseNumber },
  { key: 'title', sv: 'Rubrik', en: 'Title', value: (d) => d.title },
  {
    key: 'kind',
    sv: 'Slag',
    en: 'Kind',
    value: (d) => t(lang, `org.decisionKindWord.${String(d.kind)}`),
  },
  {
    key: 'level',
    sv: 'Beslutsnivå',
    en: 'Level',
    value: (d) => t(lang, `org.decisionLevel.${String(d.level)}`),
  },
  {
    key: 'outcome',
    sv: 'Utfall',
    en: 'Outcome',
    value: (d) => (d.outcome ? t(lang, `org.outcome.${String(d.outcome)}`) : null),
  },
  { key: 'subjects', sv: 'Ämnen', en: 'Subjects', value: (d) => d.subjects.join(', ') },
];

export async function decisionRoutes(app: FastifyInstance, { db }: RouteOpts) {
  const r = typed(app);

  r.get('/api/decisions', {
    schema: {
      tags: ['decisions'],
      summary: 'Search and list decisions and information items (Swedish full text; CSV/Excel)',
      querystring: DecisionListQuery.strict(),
      response: { 200: Page(Decision), ...readProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const q = req.query;
      if (q.format !== 'json') {
        const { items } = await service.listDecisions(db, ctx, q, {
          limit: EXPORT_LIMIT,
          offset: 0,
        });
        return sendExport(
          reply,
          q.format,
          'beslut',
          ctx.lang,
          columns(ctx.lang),
          items.map(toDecisionDto),
        );
      }
      const { items, total } = await service.listDecisions(db, ctx, q, q);
      return { items: items.map(toDecisionDto), total, limit: q.limit, offset: q.offset };
    },
  });
  r.get('/api/decisions/information-counts', {
    schema: {
      tags: ['decisions'],
      summary:
        'How often each body or forum was informed on a subject in a year (information items with the subject tag), each count with its items',
      querystring: z
        .object({
          subject: z.string().trim().min(1).max(80),
          year: z.coerce.number().int().min(1990).max(2100),
        })
        .strict(),
      response: {
        200: z.object({
          items: z.array(
            z.object({ holderId: z.uuid(), holderName: z.string(), evidence: Evidence }),
          ),
        }),
        ...readProblems,
      },
    },
    handler: async (req) => {
      const ctx = requireCtx(req);
      authorize(ctx, 'org.read');
      return { items: await informationCounts(db, ctx, req.query) };
    },
  });
  r.post('/api/decisions', {
    schema: {
      tags: ['decisions'],
      summary: 'Record a decision or an information item',
      body: DecisionInput,
      response: { 201: Decision, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(toDecisionDto(await service.createDecision(db, requireCtx(req), req.body))),
  });
  r.get('/api/decisions/:id', {
    schema: {
      tags: ['decisions'],
      summary: 'One decision',
      params: IdParams,
      response: { 200: Decision, ...readProblems },
    },
    handler: async (req) =>
      toDecisionDto(await service.getDecision(db, requireCtx(req), req.params.id)),
  });
  r.get('/api/decisions/:id/chain', {
    schema: {
      tags: ['decisions'],
      summary: 'The proposal chain through this decision (e.g. AU → RS → RF)',
      params: IdParams,
      response: { 200: z.object({ items: z.array(Decision) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await service.decisionChain(db, requireCtx(req), req.params.id)).map(toDecisionDto),
    }),
  });
  r.patch('/api/decisions/:id', {
    schema: {
      tags: ['decisions'],
      summary: 'Edit a decision',
      params: IdParams,
      body: DecisionUpdate,
      response: { 200: Decision, ...writeProblems },
    },
    handler: async (req) =>
      toDecisionDto(await service.updateDecision(db, requireCtx(req), req.params.id, req.body)),
  });

  r.get('/api/meetings', {
    schema: {
      tags: ['meetings'],
      summary: 'Meetings of a forum or body, newest first',
      querystring: MeetingListQuery.strict(),
      response: { 200: Page(Meeting), ...readProblems },
    },
    handler: async (req) => {
      const q = req.query;
      const { items, total } = await service.listMeetings(db, requireCtx(req), q, q);
      return { items: items.map(toMeetingDto), total, limit: q.limit, offset: q.offset };
    },
  });
  r.post('/api/meetings', {
    schema: {
      tags: ['meetings'],
      summary: 'Record a meeting',
      body: MeetingInput,
      response: { 201: Meeting, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(toMeetingDto(await service.createMeeting(db, requireCtx(req), req.body))),
  });
  r.post('/api/meetings/calendar', {
    schema: {
      tags: ['meetings'],
      summary:
        'Enter a meeting calendar: several dates at once (dates already recorded are skipped)',
      body: MeetingCalendarInput,
      response: {
        201: z.object({ items: z.array(Meeting), skipped: z.number().int() }),
        ...writeProblems,
      },
    },
    handler: async (req, reply) => {
      const { created, skipped } = await service.createMeetingCalendar(
        db,
        requireCtx(req),
        req.body,
      );
      return reply.status(201).send({ items: created.map(toMeetingDto), skipped });
    },
  });
  r.get('/api/meetings/:id', {
    schema: {
      tags: ['meetings'],
      summary: 'One meeting',
      params: IdParams,
      response: { 200: Meeting, ...readProblems },
    },
    handler: async (req) =>
      toMeetingDto(await service.getMeeting(db, requireCtx(req), req.params.id)),
  });
  r.patch('/api/meetings/:id', {
    schema: {
      tags: ['meetings'],
      summary: 'Edit a meeting',
      params: IdParams,
      body: MeetingUpdate,
      response: { 200: Meeting, ...writeProblems },
    },
    handler: async (req) =>
      toMeetingDto(await service.updateMeeting(db, requireCtx(req), req.params.id, req.body)),
  });
  r.post('/api/meetings/:id/minutes', {
    schema: {
      tags: ['meetings'],
      summary: 'Attach the minutes (multipart/form-data: fields `version`, then `file`)',
      params: IdParams,
      consumes: ['multipart/form-data'],
      response: { 200: Meeting, ...writeProblems },
    },
    handler: async (req) => {
      const ctx = requireCtx(req);
      const { fields, file } = await readUpload(req);
      if (!file)
        throw invalid('attachments.missing', [{ path: 'file', key: 'attachments.missing' }]);
      const version = Number(fields.version);
      if (!Number.isInteger(version) || version < 1)
        throw invalid('errors.validation', [{ path: 'version', key: 'errors.badValue' }]);
      return toMeetingDto(
        await service.attachMinutes(db, ctx, req.params.id, { ...file, version }),
      );
    },
  });
  r.get('/api/attachments/:id', {
    schema: {
      tags: ['meetings'],
      summary: 'Download an attachment (with its SHA-256 in a header)',
      params: IdParams,
      response: readProblems,
    },
    handler: async (req, reply) =>
      sendAttachment(reply, await getAttachment(db, requireCtx(req), req.params.id)),
  });
}
