import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  DocumentInput,
  DocumentListQuery,
  DocumentUpdate,
  DocumentVersion,
  FlagCount,
  SteeringDocument,
  StrategyCount,
  StrategyCountQuery,
} from '../../../domain/documents/document.js';
import { invalid } from '../../../domain/shared/errors.js';
import { IdParams, Page } from '../../../domain/shared/schemas.js';
import { readUpload } from '../../platform/attachments.js';
import { requireCtx } from '../../platform/auth/plugin.js';
import { iso, sendExport, type Column } from '../../platform/lists.js';
import { readProblems, typed, writeProblems, type RouteOpts } from '../../platform/route-kit.js';
import { todayOf } from '../../platform/context.js';
import { t, type Lang } from '../../platform/i18n/messages.js';
import * as service from './documents.service.js';
import { adopterWord, flagsWords, levelWord, stateWord } from './words.js';
import { currentPoliticalStrategies, documentFlagCounts } from './reads.js';

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
  followUpText: d.followUpText,
  followUpsPerYear: d.followUpsPerYear,
  followUpWhen: d.followUpWhen,
  versionCount: d.versionCount,
  flags: d.flags,
  adopter: d.adopter,
  goals: d.goals,
  decisionAdoptionLevel: d.decisionAdoptionLevel,
});
/** The export in words: states, levels and flags as a person reads them, never the codes. */
const columnsFor = (lang: Lang, today: string): Column<Doc>[] => [
  { key: 'title', sv: 'Titel', en: 'Title', value: (d) => d.title },
  { key: 'type', sv: 'Typ', en: 'Type', value: (d) => d.type },
  { key: 'state', sv: 'Status', en: 'State', value: (d) => stateWord(lang, d.state) },
  { key: 'ownerUnitName', sv: 'Ägare', en: 'Owner', value: (d) => d.ownerUnitName },
  {
    key: 'adoptedByName',
    sv: 'Antagen av',
    en: 'Adopted by',
    value: (d) => adopterWord(lang, d.adopter, today),
  },
  {
    key: 'adoptionLevel',
    sv: 'Beslutsnivå',
    en: 'Level',
    value: (d) => levelWord(lang, d.adoptionLevel),
  },
  {
    key: 'adoptedOn',
    sv: 'Antagen',
    en: 'Adopted on',
    value: (d) => d.adoptedOn ?? t(lang, 'documents.unknown'),
  },
  { key: 'validFrom', sv: 'Gäller från', en: 'Valid from', value: (d) => d.validFrom },
  { key: 'validTo', sv: 'Gäller till', en: 'Valid to', value: (d) => d.validTo },
  { key: 'reviewOn', sv: 'Revideras senast', en: 'Review by', value: (d) => d.reviewOn },
  {
    key: 'followUp',
    sv: 'Uppföljning',
    en: 'Follow-up',
    value: (d) =>
      [
        d.followUpText,
        d.followUpsPerYear !== null
          ? lang === 'sv'
            ? `${d.followUpsPerYear} gånger per år`
            : `${d.followUpsPerYear} times a year`
          : null,
        d.followUpWhen,
      ]
        .filter(Boolean)
        .join('; '),
  },
  { key: 'flags', sv: 'Flaggor', en: 'Flags', value: (d) => flagsWords(lang, d) },
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
        return sendExport(
          reply,
          req.query.format,
          'styrdokument',
          ctx.lang,
          columnsFor(ctx.lang, todayOf(ctx.now)),
          all,
        );
      return { items: items.map(toDto), total, limit: req.query.limit, offset: req.query.offset };
    },
  });
  r.get('/api/documents/strategy-counts', {
    schema: {
      tags,
      summary:
        'Per body, the politically adopted, current strategies it holds (a predecessor body’s count for its successor), each count with its documents',
      querystring: StrategyCountQuery,
      response: { 200: z.object({ items: z.array(StrategyCount) }), ...readProblems },
    },
    handler: async (req) => ({
      items: await currentPoliticalStrategies(db, requireCtx(req), req.query),
    }),
  });
  r.get('/api/documents/flag-counts', {
    schema: {
      tags,
      summary: 'Per flag, the documents that raise it',
      response: { 200: z.object({ items: z.array(FlagCount) }), ...readProblems },
    },
    handler: async (req) => ({ items: await documentFlagCounts(db, requireCtx(req)) }),
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
