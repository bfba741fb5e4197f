import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  Contract,
  ContractInput,
  ContractUpdate,
  System,
  SystemInput,
  SystemListQuery,
  SystemUpdate,
} from '../../../domain/services/system.js';
import { invalid } from '../../../domain/shared/errors.js';
import { IdParams, Page } from '../../../domain/shared/schemas.js';
import { readUpload } from '../../platform/attachments.js';
import { requireCtx } from '../../platform/auth/plugin.js';
import { authorize } from '../../platform/authorize.js';
import { iso, sendExport, sendXlsx, stamps, type Column } from '../../platform/lists.js';
import { readProblems, typed, writeProblems, type RouteOpts } from '../../platform/route-kit.js';
import { IMPORT_FIELDS, importColumns, prepareImport, systemTemplate } from './import.js';
import { PassThrough } from 'node:stream';
import { problemOf } from '../../platform/errors.js';
import * as service from './systems.service.js';
import type { contracts } from './tables.js';

const tags = ['IT systems'];
type View = service.SystemView;
const toDto = (s: View) => ({
  ...stamps(s),
  id: s.id,
  name: s.name,
  aliases: s.aliases,
  description: s.description,
  category: s.category as never,
  lifecycle: s.lifecycle as never,
  lifecycleOn: s.lifecycleOn,
  ownerUnitId: s.ownerUnitId,
  ownerUnitName: s.ownerUnitName,
  ownerPersonId: s.ownerPersonId,
  ownerPersonName: s.ownerPersonName,
  ownerExternalName: s.ownerExternalName,
  ownerRole: s.ownerRole,
  ownerAppointedById: s.ownerAppointedById,
  ownerAppointedByName: s.ownerAppointedByName,
  managerAppointedById: s.managerAppointedById,
  managerAppointedByName: s.managerAppointedByName,
  managerPersonId: s.managerPersonId,
  managerPersonName: s.managerPersonName,
  technicalContactId: s.technicalContactId,
  technicalContactName: s.technicalContactName,
  contractHolderUnitId: s.contractHolderUnitId,
  contractHolderUnitName: s.contractHolderUnitName,
  supplierName: s.supplierName,
  hosting: s.hosting,
  userUnitIds: s.userUnitIds,
  userUnits: s.userUnits,
  approxUsers: s.approxUsers,
  capabilities: s.capabilities,
  costLicence: s.costLicence,
  costOperation: s.costOperation,
  costStaff: s.costStaff,
  costTotalReported: s.costTotalReported,
  costTotal: s.costTotal,
  approximate: s.approximate as never,
  confidentiality: s.confidentiality,
  integrity: s.integrity,
  availability: s.availability,
  classifiedOn: s.classifiedOn,
  reclassifyOn: s.reclassifyOn,
  personalData: s.personalData,
  sensitivePersonalData: s.sensitivePersonalData,
  dpaSignedOn: s.dpaSignedOn,
  dpaStatus: s.dpaStatus as never,
  dpiaStatus: s.dpiaStatus as never,
  dpiaOn: s.dpiaOn,
  notes: s.notes,
  openProblems: s.openProblems,
  archivedAt: iso(s.archivedAt),
  nextContractEndOn: s.nextContractEndOn,
  flags: s.flags,
});
const toContractDto = (c: typeof contracts.$inferSelect) => ({
  ...stamps(c),
  id: c.id,
  systemId: c.systemId,
  contractRef: c.contractRef,
  supplierName: c.supplierName,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  extensionOptions: c.extensionOptions,
  noticeMonths: c.noticeMonths,
  procurementRef: c.procurementRef,
  valuePerYear: c.valuePerYear,
});
const columns: Column<View>[] = [
  { key: 'name', sv: 'Namn', en: 'Name', value: (s) => s.name },
  { key: 'aliases', sv: 'Alias', en: 'Aliases', value: (s) => s.aliases.join('; ') },
  { key: 'category', sv: 'Kategori', en: 'Category', value: (s) => s.category },
  { key: 'lifecycle', sv: 'Livscykel', en: 'Lifecycle', value: (s) => s.lifecycle },
  { key: 'ownerUnitName', sv: 'Ägande enhet', en: 'Owning unit', value: (s) => s.ownerUnitName },
  {
    key: 'ownerPersonName',
    sv: 'Systemägare',
    en: 'System owner',
    value: (s) => s.ownerPersonName ?? s.ownerExternalName,
  },
  {
    key: 'managerPersonName',
    sv: 'Objektledare',
    en: 'System manager',
    value: (s) => s.managerPersonName,
  },
  { key: 'supplierName', sv: 'Leverantör', en: 'Supplier', value: (s) => s.supplierName },
  {
    key: 'capabilities',
    sv: 'Förmågor',
    en: 'Capabilities',
    value: (s) => s.capabilities.join('; '),
  },
  {
    key: 'klass',
    sv: 'K/R/T',
    en: 'C/I/A',
    value: (s) => [s.confidentiality, s.integrity, s.availability].map((x) => x ?? '–').join('/'),
  },
  { key: 'costTotal', sv: 'Kostnad per år', en: 'Cost per year', value: (s) => s.costTotal },
  {
    key: 'nextContractEndOn',
    sv: 'Avtal löper ut',
    en: 'Contract ends',
    value: (s) => s.nextContractEndOn,
  },
  { key: 'flags', sv: 'Flaggor', en: 'Flags', value: (s) => s.flags.join(', ') },
  { key: 'id', sv: 'Id', en: 'Id', value: (s) => s.id },
];
const ImportResult = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  ambiguous: z.number().int(),
  saved: z.boolean(),
  preview: z.array(
    z.object({
      row: z.number().int(),
      name: z.string(),
      action: z.enum(['create', 'update', 'unchanged', 'ambiguous']),
      conflictsWith: z.string().optional(),
    }),
  ),
});

const ImportMapping = z.record(
  z.string().max(200),
  z.union([z.enum(IMPORT_FIELDS.map((f) => f.field) as [string, ...string[]]), z.literal('')]),
);
const ImportColumns = z.object({
  columns: z.array(z.object({ heading: z.string(), field: z.string().nullable() })),
  rows: z.number().int(),
  fields: z.array(z.object({ field: z.string(), sv: z.string(), en: z.string() })),
});

export async function systemRoutes(app: FastifyInstance, { db }: RouteOpts) {
  const r = typed(app);
  r.get('/api/systems', {
    schema: {
      tags,
      summary:
        'The IT-system register with flags (search name, alias, supplier; filters; CSV/Excel)',
      querystring: SystemListQuery.strict(),
      response: { 200: Page(System), ...readProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      if (req.query.format !== 'json')
        return sendExport(
          reply,
          req.query.format,
          'it-system',
          ctx.lang,
          columns,
          (await service.listSystems(db, ctx, req.query, { all: true })).items,
        );
      const { items, total } = await service.listSystems(db, ctx, req.query);
      return { items: items.map(toDto), total, limit: req.query.limit, offset: req.query.offset };
    },
  });
  r.post('/api/systems', {
    schema: {
      tags,
      summary: 'Register an IT system',
      body: SystemInput,
      response: { 201: System, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply.status(201).send(toDto(await service.createSystem(db, requireCtx(req), req.body))),
  });
  r.get('/api/systems/duplicates', {
    schema: {
      tags,
      summary: 'Likely duplicates: capabilities served by systems of several units',
      response: {
        200: z.object({
          items: z.array(
            z.object({
              capability: z.string(),
              systems: z.array(
                z.object({ id: z.uuid(), name: z.string(), ownerUnitId: z.uuid().nullable() }),
              ),
            }),
          ),
        }),
        ...readProblems,
      },
    },
    handler: async (req) => ({ items: await service.duplicates(db, requireCtx(req)) }),
  });
  r.get('/api/systems/import/template.xlsx', {
    schema: {
      tags,
      summary: 'An Excel template for importing a system register',
      response: readProblems,
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      authorize(ctx, 'org.read');
      return sendXlsx(reply, 'it-system-mall.xlsx', await systemTemplate(ctx.lang));
    },
  });
  r.post('/api/systems/import', {
    schema: {
      tags,
      summary:
        'Import a system register (multipart `file`, optional `mapping` JSON {heading: field}); every row is checked first and none saved if one is wrong; `dryRun=true` previews',
      querystring: z.object({ dryRun: z.stringbool().default(false) }).strict(),
      consumes: ['multipart/form-data'],
      response: { 200: ImportResult, ...writeProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const { fields, file } = await readUpload(req);
      if (!file)
        throw invalid('documents.fileRequired', [{ path: 'file', key: 'documents.fileRequired' }]);
      let mapping: Record<string, never> | undefined;
      if (fields.mapping) {
        const parsed = ImportMapping.safeParse(
          (() => {
            try {
              return JSON.parse(fields.mapping) as unknown;
            } catch {
              return null;
            }
          })(),
        );
        if (!parsed.success)
          throw invalid('errors.validation', [
            { path: 'mapping', key: 'services.import.badMapping' },
          ]);
        mapping = parsed.data as Record<string, never>;
      }
      const prepared = await prepareImport(db, ctx, file.data, {
        dryRun: req.query.dryRun,
        ...(mapping ? { mapping } : {}),
      });
      if (req.query.dryRun) return prepared.result;
      if (!(req.headers.accept ?? '').includes('application/x-ndjson')) {
        await prepared.apply();
        return prepared.result;
      }
      // Progress for a large file: one JSON line per 25 rows saved, then the result (or the problem).
      const out = new PassThrough();
      void reply.type('application/x-ndjson; charset=utf-8').send(out as never);
      const line = (o: unknown) => out.write(`${JSON.stringify(o)}\n`);
      try {
        await prepared.apply((done, total) => line({ progress: { done, total } }));
        line({ result: prepared.result });
      } catch (err) {
        req.log.info({ err }, 'import failed while saving');
        line({ problem: problemOf(err, ctx.lang, req.url.split('?')[0] ?? req.url) });
      }
      out.end();
      return reply;
    },
  });
  r.post('/api/systems/import/columns', {
    schema: {
      tags,
      summary: 'The headings of an uploaded register and the field each is read as (for mapping)',
      consumes: ['multipart/form-data'],
      response: { 200: ImportColumns, ...writeProblems },
    },
    handler: async (req) => {
      const ctx = requireCtx(req);
      const { file } = await readUpload(req);
      if (!file)
        throw invalid('documents.fileRequired', [{ path: 'file', key: 'documents.fileRequired' }]);
      return { ...(await importColumns(ctx, file.data)), fields: IMPORT_FIELDS };
    },
  });
  r.get('/api/systems/:id', {
    schema: {
      tags,
      summary: 'One IT system',
      params: IdParams,
      response: { 200: System, ...readProblems },
    },
    handler: async (req) => toDto(await service.getSystem(db, requireCtx(req), req.params.id)),
  });
  r.patch('/api/systems/:id', {
    schema: {
      tags,
      summary: 'Edit, reclassify, hand over or archive an IT system',
      params: IdParams,
      body: SystemUpdate,
      response: { 200: System, ...writeProblems },
    },
    handler: async (req) =>
      toDto(await service.updateSystem(db, requireCtx(req), req.params.id, req.body)),
  });
  r.get('/api/systems/:id/contracts', {
    schema: {
      tags,
      summary: 'The system’s contracts',
      params: IdParams,
      response: { 200: z.object({ items: z.array(Contract) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await service.listContracts(db, requireCtx(req), req.params.id)).map(toContractDto),
    }),
  });
  r.post('/api/contracts', {
    schema: {
      tags,
      summary: 'Add a contract to a system',
      body: ContractInput,
      response: { 201: Contract, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(toContractDto(await service.createContract(db, requireCtx(req), req.body))),
  });
  r.patch('/api/contracts/:id', {
    schema: {
      tags,
      summary: 'Edit a contract',
      params: IdParams,
      body: ContractUpdate,
      response: { 200: Contract, ...writeProblems },
    },
    handler: async (req) =>
      toContractDto(await service.updateContract(db, requireCtx(req), req.params.id, req.body)),
  });
}
