import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  DocumentInput,
  DocumentListQuery,
  DocumentUpdate,
  DocumentVersion,
  SteeringDocument,
} from '../../../domain/documents/document.js';
import { invalid } from '../../../domain/shared/errors.js';
import { IdParams, Page } from '../../../domain/shared/schemas.js';
import { readUpload } from '../../platform/attachments.js';
import { requireCtx } from '../../platform/auth/plugin.js';
import { iso, sendExport, type Column } from '../../platform/lists.js';
import { readProblems, typed, writeProblems, type RouteOpts } from '../../platform/route-kit.js';
import * as service from './documents.service.js';

const tags = ['steering documents'];
type Doc = service.DocumentView;
const toDto = (d: Doc) => ({
  version: d.version,
  createdAt: iso(d.createdAt)!,
  createdBy: d.createdBy,
  updatedAt: iso(d.updatedAt)!,
  updatedBy: d.updatedBy,
  id: d.id,
  title: d.title,
  type: d.type,
  state: d.state as never,
  ownerUnitId: d.ownerUnitId,
  ownerUnitName: d.ownerUnitName,
  ownerPersonId: d.ownerPersonId,
  adoptedByUnitId: d.adoptedByUnitId,
  adoptedByName: d.adoptedByName,
  adoptionDecisionId: d.adoptionDecisionId,
  adoptionLevel: d.adoptionLevel as never,
  adoptedOn: d.adoptedOn,
  validFrom: d.validFrom,
  validTo: d.validTo,
  reviewOn: d.reviewOn,
  supersededById: d.supersededById,
  goalIds: d.goalIds,
  description: d.description,
  versionCount: d.versionCount,
  flags: d.flags,
});
const columns: Column<Doc>[] = [
  { key: 'title', sv: 'Titel', en: 'Title', value: (d) => d.title },
  { key: 'type', sv: 'Typ', en: 'Type', value: (d) => d.type },
  { key: 'state', sv: 'Status', en: 'State', value: (d) => d.state },
  { key: 'ownerUnitName', sv: 'Ägare', en: 'Owner', value: (d) => d.ownerUnitName },
  {
    key: 'adoptedByName',
    sv: 'Antagen av',
    en: 'Adopted by',
    value: (d) => d.adoptedByName ?? 'okänt',
  },
  { key: 'adoptionLevel', sv: 'Beslutsnivå', en: 'Level', value: (d) => d.adoptionLevel },
  { key: 'adoptedOn', sv: 'Antagen', en: 'Adopted on', value: (d) => d.adoptedOn ?? 'okänt' },
  { key: 'reviewOn', sv: 'Revideras senast', en: 'Review by', value: (d) => d.reviewOn },
  { key: 'flags', sv: 'Flaggor', en: 'Flags', value: (d) => d.flags.join(', ') },
];

export async function documentRoutes(app: FastifyInstance, { db }: RouteOpts) {
  const r = typed(app);
  r.get('/api/documents', {
    schema: {
      tags,
      summary: 'The steering-document register with flags (CSV/Excel)',
      querystring: DocumentListQuery.strict(),
      response: { 200: Page(SteeringDocument), ...readProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const { all, items, total } = await service.listDocuments(db, ctx, req.query);
      if (req.query.format !== 'json')
        return sendExport(reply, req.query.format, 'styrdokument', ctx.lang, columns, all);
      return { items: items.map(toDto), total, limit: req.query.limit, offset: req.query.offset };
    },
  });
  r.post('/api/documents', {
    schema: {
      tags,
      summary: 'Register a steering document (unknown adopter or date is recorded as unknown)',
      body: DocumentInput,
      response: { 201: SteeringDocument, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply.status(201).send(toDto(await service.createDocument(db, requireCtx(req), req.body))),
  });
  r.get('/api/documents/:id', {
    schema: {
      tags,
      summary: 'One steering document',
      params: IdParams,
      response: { 200: SteeringDocument, ...readProblems },
    },
    handler: async (req) => toDto(await service.getDocument(db, requireCtx(req), req.params.id)),
  });
  r.patch('/api/documents/:id', {
    schema: {
      tags,
      summary: 'Edit a steering document',
      params: IdParams,
      body: DocumentUpdate,
      response: { 200: SteeringDocument, ...writeProblems },
    },
    handler: async (req) =>
      toDto(await service.updateDocument(db, requireCtx(req), req.params.id, req.body)),
  });
  r.get('/api/documents/:id/versions', {
    schema: {
      tags,
      summary: 'The document’s file versions, newest first',
      params: IdParams,
      response: { 200: z.object({ items: z.array(DocumentVersion) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await service.listVersions(db, requireCtx(req), req.params.id)).map((r) => ({
        id: r.v.id,
        documentId: r.v.documentId,
        label: r.v.label,
        note: r.v.note,
        attachment: r.att,
        createdAt: iso(r.v.createdAt)!,
        createdByName: r.createdByName,
      })),
    }),
  });
  r.post('/api/documents/:id/versions', {
    schema: {
      tags,
      summary:
        'Upload a new version (multipart/form-data: `label`, optional `note`, then `file`; PDF, Word…, at most 25 MB)',
      params: IdParams,
      consumes: ['multipart/form-data'],
      response: { 201: z.object({ id: z.uuid() }), ...writeProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const { fields, file } = await readUpload(req);
      if (!file)
        throw invalid('documents.fileRequired', [{ path: 'file', key: 'documents.fileRequired' }]);
      const label = (fields.label ?? '').trim().slice(0, 100) || file.filename;
      const v = await service.addVersion(db, ctx, req.params.id, {
        label,
        note: fields.note?.trim().slice(0, 2000) || null,
        file,
      });
      return reply.status(201).send({ id: v.id });
    },
  });
}
