import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  Placement,
  Succession,
  SuccessionInput,
  Unit,
  UnitArchive,
  UnitInput,
  UnitListQuery,
  UnitMove,
  UnitUpdate,
} from '../../../domain/organization/unit.js';
import { IdParams, Page } from '../../../domain/shared/schemas.js';
import { requireCtx } from '../../platform/auth/plugin.js';
import { EXPORT_LIMIT, iso, sendExport, type Column } from '../../platform/lists.js';
import { readProblems, typed, writeProblems, type RouteOpts } from '../../platform/route-kit.js';
import { toUnitDto } from './presenters.js';
import * as units from './units.service.js';

const tags = ['organisation'];
type UnitDto = ReturnType<typeof toUnitDto>;
const columns: Column<UnitDto>[] = [
  { key: 'name', sv: 'Namn', en: 'Name', value: (u) => u.name },
  { key: 'shortName', sv: 'Förkortning', en: 'Short name', value: (u) => u.shortName },
  { key: 'kind', sv: 'Typ', en: 'Kind', value: (u) => u.kind },
  { key: 'code', sv: 'Enhetskod', en: 'Unit code', value: (u) => u.code },
  { key: 'startsOn', sv: 'Från', en: 'From', value: (u) => u.startsOn },
  { key: 'endsOn', sv: 'Till', en: 'To', value: (u) => u.endsOn },
  { key: 'archivedAt', sv: 'Arkiverad', en: 'Archived', value: (u) => u.archivedAt },
  { key: 'id', sv: 'Id', en: 'Id', value: (u) => u.id },
  { key: 'parentId', sv: 'Överordnad (id)', en: 'Parent (id)', value: (u) => u.parentId },
];

export async function unitRoutes(app: FastifyInstance, { db }: RouteOpts) {
  const r = typed(app);

  r.get('/api/units', {
    schema: {
      tags,
      summary: 'List organisation units (filter, sort, page; CSV/Excel with format=csv|xlsx)',
      querystring: UnitListQuery.strict(),
      response: { 200: Page(Unit), ...readProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const q = req.query;
      if (q.format !== 'json') {
        const { items } = await units.listUnits(db, ctx, q, { limit: EXPORT_LIMIT, offset: 0 });
        return sendExport(reply, q.format, 'organisation', ctx.lang, columns, items.map(toUnitDto));
      }
      const { items, total } = await units.listUnits(db, ctx, q, q);
      return { items: items.map(toUnitDto), total, limit: q.limit, offset: q.offset };
    },
  });

  r.get('/api/units/tree', {
    schema: {
      tags,
      summary: 'The whole organisation tree, parents before children',
      querystring: z.object({ includeArchived: z.stringbool().default(false) }).strict(),
      response: { 200: z.object({ items: z.array(Unit) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await units.unitTree(db, requireCtx(req), req.query.includeArchived)).map(toUnitDto),
    }),
  });

  r.post('/api/units', {
    schema: {
      tags,
      summary: 'Create a unit',
      body: UnitInput,
      response: { 201: Unit, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply.status(201).send(toUnitDto(await units.createUnit(db, requireCtx(req), req.body))),
  });

  r.get('/api/units/:id', {
    schema: {
      tags,
      summary: 'One unit',
      params: IdParams,
      response: { 200: Unit, ...readProblems },
    },
    handler: async (req) => toUnitDto(await units.getUnit(db, requireCtx(req), req.params.id)),
  });

  r.patch('/api/units/:id', {
    schema: {
      tags,
      summary: 'Edit a unit (names the version it read)',
      params: IdParams,
      body: UnitUpdate,
      response: { 200: Unit, ...writeProblems },
    },
    handler: async (req) =>
      toUnitDto(await units.updateUnit(db, requireCtx(req), req.params.id, req.body)),
  });

  r.post('/api/units/:id/move', {
    schema: {
      tags,
      summary: 'Move a unit and its subtree under another parent (history kept)',
      params: IdParams,
      body: UnitMove,
      response: { 200: Unit, ...writeProblems },
    },
    handler: async (req) =>
      toUnitDto(await units.moveUnit(db, requireCtx(req), req.params.id, req.body)),
  });

  r.post('/api/units/:id/archive', {
    schema: {
      tags,
      summary: 'Archive or restore a unit (units are never deleted)',
      params: IdParams,
      body: UnitArchive,
      response: { 200: Unit, ...writeProblems },
    },
    handler: async (req) =>
      toUnitDto(await units.archiveUnit(db, requireCtx(req), req.params.id, req.body)),
  });

  r.get('/api/units/:id/history', {
    schema: {
      tags,
      summary: 'Where the unit sat in the tree over time, and its predecessors and successors',
      params: IdParams,
      response: {
        200: z.object({ placements: z.array(Placement), successions: z.array(Succession) }),
        ...readProblems,
      },
    },
    handler: async (req) => {
      const h = await units.unitHistory(db, requireCtx(req), req.params.id);
      return {
        placements: h.placements.map((p) => ({ ...p, fromAt: iso(p.fromAt)!, toAt: iso(p.toAt) })),
        successions: h.successions.map((s) => ({
          id: s.id,
          predecessorId: s.predecessorId,
          predecessorName: s.predecessorName,
          successorId: s.successorId,
          successorName: s.successorName,
          onDate: s.onDate,
          decisionId: s.decisionId,
          note: s.note,
        })),
      };
    },
  });

  r.post('/api/units/:id/successors', {
    schema: {
      tags,
      summary: 'Record that another unit succeeded this one',
      params: IdParams,
      body: SuccessionInput,
      response: { 201: z.object({ id: z.uuid() }), ...writeProblems },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send({ id: (await units.addSuccession(db, requireCtx(req), req.params.id, req.body)).id }),
  });

  r.delete('/api/successions/:id', {
    schema: {
      tags,
      summary: 'Remove a recorded succession',
      params: IdParams,
      response: { 204: z.null(), ...writeProblems },
    },
    handler: async (req, reply) => {
      await units.removeSuccession(db, requireCtx(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
}
