import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  TopFollowUpInput,
  TopList,
  TopListInput,
  TopListUpdate,
} from '../../../domain/portfolio/toplist.js';
import { Id, IdParams } from '../../../domain/shared/schemas.js';
import { requireCtx } from '../../platform/auth/plugin.js';
import { readProblems, typed, writeProblems, type RouteOpts } from '../../platform/route-kit.js';
import * as service from './toplists.service.js';

const tags = ['Portfolio'];
const toDto = (v: service.TopListView): TopList => v as TopList;

/** Top lists: several, named, per year, adopted by a decision, followed up at a planned cadence. */
export async function topListRoutes(app: FastifyInstance, { db }: RouteOpts) {
  const r = typed(app);
  r.get('/api/top-lists', {
    schema: {
      tags,
      summary:
        'Top lists of a year (every year when none is given), each with its decision, planned and held follow-ups and its entries as last followed up',
      querystring: z
        .object({
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          archived: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
        })
        .strict(),
      response: { 200: z.object({ items: z.array(TopList) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await service.listTopLists(db, requireCtx(req), req.query)).map(toDto),
    }),
  });
  r.post('/api/top-lists', {
    schema: {
      tags,
      summary: 'Create a top list: name, year, the adopting decision, cadence and entries',
      body: TopListInput,
      response: { 201: TopList, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply.status(201).send(toDto(await service.createTopList(db, requireCtx(req), req.body))),
  });
  r.get('/api/top-lists/:id', {
    schema: {
      tags,
      summary: 'One top list with its follow-ups',
      params: IdParams,
      response: { 200: TopList, ...readProblems },
    },
    handler: async (req) => toDto(await service.getTopList(db, requireCtx(req), req.params.id)),
  });
  r.patch('/api/top-lists/:id', {
    schema: {
      tags,
      summary: 'Edit a top list (name, year, decision, cadence, entries), or archive it',
      params: IdParams,
      body: TopListUpdate,
      response: { 200: TopList, ...writeProblems },
    },
    handler: async (req) =>
      toDto(await service.updateTopList(db, requireCtx(req), req.params.id, req.body)),
  });
  r.post('/api/top-lists/:id/follow-ups', {
    schema: {
      tags,
      summary:
        'Record a follow-up of the list: per entry status (pågående, pausad, avslutad), effects reached, comment; an entry without status is "status saknas"',
      params: IdParams,
      body: TopFollowUpInput,
      response: { 201: z.object({ id: Id, list: TopList }), ...writeProblems },
    },
    handler: async (req, reply) => {
      const out = await service.recordTopFollowUp(db, requireCtx(req), req.params.id, req.body);
      return reply.status(201).send({ id: out.id, list: toDto(out.list) });
    },
  });
}
