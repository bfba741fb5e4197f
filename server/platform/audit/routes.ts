import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IsoDate, ListQuery, Page, Problem } from '../../../domain/shared/schemas.js';
import type { Db } from '../../db/client.js';
import { requireCtx } from '../auth/plugin.js';
import { authorize } from '../authorize.js';
import { EXPORT_LIMIT, iso, sendExport, type Column } from '../lists.js';
import { BREAK_REASONS, listEvents, verifyChain, verifyMessage } from './audit.js';

const AuditEvent = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  occurredAt: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  entityType: z.string(),
  entityId: z.uuid().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});

const AuditQuery = ListQuery.extend({
  entityType: z.string().trim().max(60).optional(),
  entityId: z.uuid().optional(),
  actorId: z.uuid().optional(),
  action: z.string().trim().max(60).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  beforeSeq: z.coerce.number().int().min(1).optional(),
}).strict();

/** A verification's answer (the tenant's button and the host API). */
export const VerifyAnswer = z.object({
  intact: z.boolean(),
  checked: z.number().int(),
  lastSeq: z.number().int(),
  firstBroken: z
    .object({ seq: z.number().int(), id: z.uuid().nullable(), reason: z.enum(BREAK_REASONS) })
    .nullable(),
  checkpoint: z.object({ seq: z.number().int(), at: z.string() }).nullable(),
  message: z.string(),
});

type Row = Awaited<ReturnType<typeof listEvents>>['items'][number];
const toDto = (e: Row) => ({ ...e, occurredAt: iso(e.occurredAt)! });

const columns: Column<Row>[] = [
  { key: 'seq', sv: 'Nr', en: 'No.', value: (e) => e.seq },
  { key: 'occurredAt', sv: 'Tidpunkt', en: 'Time', value: (e) => iso(e.occurredAt) },
  { key: 'actorName', sv: 'Vem', en: 'Who', value: (e) => e.actorName },
  { key: 'action', sv: 'Händelse', en: 'Action', value: (e) => e.action },
  { key: 'entityType', sv: 'Typ', en: 'Type', value: (e) => e.entityType },
  { key: 'entityId', sv: 'Post-id', en: 'Record id', value: (e) => e.entityId },
  {
    key: 'before',
    sv: 'Före',
    en: 'Before',
    value: (e) => (e.before ? JSON.stringify(e.before) : null),
  },
  {
    key: 'after',
    sv: 'Efter',
    en: 'After',
    value: (e) => (e.after ? JSON.stringify(e.after) : null),
  },
  { key: 'hash', sv: 'Kontrollsumma', en: 'Hash', value: (e) => e.hash },
];

export async function auditRoutes(app: FastifyInstance, opts: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/audit-trail', {
    schema: {
      tags: ['audit trail'],
      summary:
        'The audit trail, newest first (auditors and administrators). A filtered total is counted up to 1 000 (then totalIsCapped is true); page deeper with beforeSeq.',
      querystring: AuditQuery,
      response: {
        200: Page(AuditEvent).extend({ totalIsCapped: z.boolean() }),
        400: Problem,
        401: Problem,
        403: Problem,
      },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      authorize(ctx, 'audit.read');
      const { limit, offset, format, beforeSeq, ...filter } = req.query;
      if (format !== 'json') {
        const { items } = await listEvents(opts.db, ctx.tenantId, filter, {
          limit: EXPORT_LIMIT,
          offset: 0,
          beforeSeq,
        });
        return sendExport(reply, format, 'granskningslogg', ctx.lang, columns, items);
      }
      const { items, total, totalIsCapped } = await listEvents(opts.db, ctx.tenantId, filter, {
        limit,
        offset,
        beforeSeq,
      });
      return { items: items.map(toDto), total, totalIsCapped, limit, offset };
    },
  });

  r.get('/api/audit-trail/verify', {
    schema: {
      tags: ['audit trail'],
      summary:
        'Checks the keyed hash chain and the last signed checkpoint; names the first event that does not hold (edited, deleted, re-hashed, cut off) in words',
      response: {
        200: VerifyAnswer.extend({ verifiedAt: z.string() }),
        401: Problem,
        403: Problem,
      },
    },
    handler: async (req) => {
      const ctx = requireCtx(req);
      authorize(ctx, 'audit.read');
      const result = await verifyChain(opts.db, ctx.tenantId);
      return {
        ...result,
        message: verifyMessage(ctx.lang, result),
        verifiedAt: ctx.now.toISOString(),
      };
    },
  });
}
