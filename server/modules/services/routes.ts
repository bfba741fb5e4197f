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
import { IdParams, ListQuery, Page } from '../../../domain/shared/schemas.js';
import { readUpload } from '../../platform/attachments.js';
import { requireCtx } from '../../platform/auth/plugin.js';
import { authorize } from '../../platform/authorize.js';
import { iso, sendExport, sendXlsx, stamps, type Column } from '../../platform/lists.js';
import { readProblems, typed, writeProblems, type RouteOpts } from '../../platform/route-kit.js';
import {
  IMPORT_FIELDS,
  checkImport,
  fieldOf,
  planImport,
  prepareImport,
  problemsWorkbook,
  registerColumns,
  systemTemplate,
  type ImportChoices,
} from './import.js';
import * as problems from './problems.service.js';
import { REGISTER_FIELDS, type RegisterField } from '../../../domain/services/register-values.js';
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
const Count = z.record(z.string(), z.number().int());
const ImportResult = z.object({
  mode: z.enum(['all', 'partial']),
  sheet: z.string(),
  sheets: z.array(z.object({ name: z.string(), hidden: z.boolean(), rows: z.number().int() })),
  headingRow: z.number().int(),
  fields: z.array(z.object({ field: z.string(), sv: z.string(), en: z.string() })),
  columns: z.array(
    z.object({
      heading: z.string(),
      column: z.string(),
      field: z.string().nullable(),
      how: z.enum(['chosen', 'remembered', 'heading']).nullable(),
      samples: z.array(z.string()),
    }),
  ),
  units: z.array(
    z.object({
      text: z.string(),
      unitId: z.uuid().nullable(),
      unitName: z.string().nullable(),
      how: z.enum(['exact', 'initials', 'similar', 'chosen', 'remembered']).nullable(),
      rows: z.number().int(),
    }),
  ),
  people: z.array(
    z.object({
      text: z.string(),
      reading: z.enum(['email', 'name']),
      name: z.string().nullable(),
      email: z.string().nullable(),
      personId: z.uuid().nullable(),
      personName: z.string().nullable(),
      how: z.enum(['email', 'name', 'chosen', 'remembered', 'create']).nullable(),
      candidates: z.array(z.object({ id: z.uuid(), name: z.string() })),
      suggestions: z.array(z.object({ id: z.uuid(), name: z.string() })),
      rows: z.number().int(),
    }),
  ),
  duplicates: z.array(
    z.object({
      key: z.string(),
      rows: z.array(
        z.object({ row: z.number().int(), name: z.string(), administration: z.string() }),
      ),
      existing: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      choice: z.enum(['merge', 'both']),
    }),
  ),
  rows: z.number().int(),
  skipped: z.object({
    blank: z.number().int(),
    summary: z.number().int(),
    heading: z.number().int(),
  }),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  merged: z.number().int(),
  notImported: z.number().int(),
  withProblems: z.number().int(),
  peopleToCreate: z.number().int(),
  figures: z.object({
    owners: z.object({
      email: z.number().int(),
      knownName: z.number().int(),
      newName: z.number().int(),
      role: z.number().int(),
      several: z.number().int(),
      missing: z.number().int(),
    }),
    personalDataWithoutDpa: z.number().int(),
    contractsEnding: z.number().int(),
    costTotal: z.number(),
    approximateCosts: z.number().int(),
    byCategory: Count,
    byLifecycle: Count,
    unreadCells: z.number().int(),
    unknownCells: z.number().int(),
  }),
  problems: z.array(
    z.object({
      row: z.number().int(),
      field: z.string(),
      heading: z.string(),
      value: z.string(),
      level: z.enum(['row', 'value', 'note']),
      message: z.string(),
    }),
  ),
  blocking: z.number().int(),
  /** The to-dos a partial import saves (each problem once per system, none the system has). */
  recorded: z.number().int(),
  preview: z.array(
    z.object({
      row: z.number().int(),
      rows: z.array(z.number().int()),
      name: z.string(),
      action: z.enum(['create', 'update', 'unchanged', 'skipped']),
      existing: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      problems: z.number().int(),
    }),
  ),
  saved: z.boolean(),
});

const ImportMapping = z.record(z.string().max(200), z.string().max(50));
const ImportChoicesSchema = z
  .object({
    sheet: z.string().max(200).optional(),
    columns: z
      .record(z.string().max(200), z.union([z.enum(REGISTER_FIELDS), z.literal('')]))
      .optional(),
    units: z.record(z.string().max(500), z.union([z.uuid(), z.literal('')])).optional(),
    people: z
      .record(
        z.string().max(500),
        z.union([
          z.uuid(),
          z.literal(''),
          z
            .object({ name: z.string().trim().min(1).max(200), email: z.string().trim().max(254) })
            .strict(),
        ]),
      )
      .optional(),
    duplicates: z.record(z.string().max(500), z.enum(['merge', 'both'])).optional(),
  })
  .strict();
const ImportColumns = z.object({
  sheet: z.string(),
  sheets: z.array(z.object({ name: z.string(), hidden: z.boolean(), rows: z.number().int() })),
  headingRow: z.number().int(),
  columns: ImportResult.shape.columns,
  rows: z.number().int(),
  fields: z.array(z.object({ field: z.string(), sv: z.string(), en: z.string() })),
});
const ProblemDto = z.object({
  id: z.uuid(),
  systemId: z.uuid(),
  systemName: z.string().optional(),
  field: z.string(),
  heading: z.string(),
  row: z.number().int().nullable(),
  value: z.string(),
  message: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.enum(['fixed', 'dismissed']).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
const problemColumns: Column<problems.ProblemView>[] = [
  { key: 'systemName', sv: 'System', en: 'System', value: (p) => p.systemName ?? '' },
  { key: 'heading', sv: 'Kolumn', en: 'Column', value: (p) => p.heading },
  { key: 'value', sv: 'Värde', en: 'Value', value: (p) => p.value },
  { key: 'message', sv: 'Orsak', en: 'Reason', value: (p) => p.message },
  { key: 'row', sv: 'Rad i filen', en: 'Row in the file', value: (p) => p.row },
  { key: 'createdAt', sv: 'Importerad', en: 'Imported', value: (p) => p.createdAt.slice(0, 10) },
  { key: 'systemId', sv: 'System-id', en: 'System id', value: (p) => p.systemId },
];

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
      if (req.query.format !== 'json') {
        // The register's own export reads back through the import unchanged (issue 14).
        const { items } = await service.listSystems(db, ctx, req.query, { all: true });
        const columns = await registerColumns(db, ctx, items);
        return sendExport(reply, req.query.format, 'it-system', ctx.lang, columns, items);
      }
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
  /** The upload of an import: the file and the user's choices (`choices` JSON, or a legacy `mapping`). */
  const importUpload = async (req: Parameters<typeof readUpload>[0]) => {
    const { fields, file } = await readUpload(req);
    if (!file)
      throw invalid('documents.fileRequired', [{ path: 'file', key: 'documents.fileRequired' }]);
    const json = (name: string) => {
      try {
        return JSON.parse(fields[name]!) as unknown;
      } catch {
        return null;
      }
    };
    let choices: ImportChoices = {};
    if (fields.choices) {
      const parsed = ImportChoicesSchema.safeParse(json('choices'));
      if (!parsed.success)
        throw invalid('errors.validation', [
          { path: 'choices', key: 'services.import.badMapping' },
        ]);
      choices = parsed.data as ImportChoices;
    }
    if (fields.mapping) {
      const parsed = ImportMapping.safeParse(json('mapping'));
      if (!parsed.success)
        throw invalid('errors.validation', [
          { path: 'mapping', key: 'services.import.badMapping' },
        ]);
      const columns = Object.entries(parsed.data).map(([h, f]) => [h, fieldOf(f)] as const);
      if (columns.some(([, f]) => f === null))
        throw invalid('errors.validation', [
          { path: 'mapping', key: 'services.import.badMapping' },
        ]);
      choices.columns = {
        ...Object.fromEntries(columns as (readonly [string, RegisterField | ''])[]),
        ...choices.columns,
      };
    }
    return { file: file.data, choices };
  };
  r.post('/api/systems/import', {
    schema: {
      tags,
      summary:
        "Import a region's system register (multipart `file`, optional `choices` JSON: sheet, columns {heading: field}, units {text: unitId}, people {text: personId | {name, email}}, duplicates {key: merge|both}). `mode=all` saves nothing if any value cannot be read; `mode=partial` saves every readable value and keeps each problem on its system. `dryRun=true` previews with the complete problem list",
      querystring: z
        .object({
          dryRun: z.stringbool().default(false),
          mode: z.enum(['all', 'partial']).default('all'),
        })
        .strict(),
      consumes: ['multipart/form-data'],
      response: { 200: ImportResult, ...writeProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const { file, choices } = await importUpload(req);
      const prepared = await prepareImport(db, ctx, file, {
        dryRun: req.query.dryRun,
        mode: req.query.mode,
        choices,
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
  r.post('/api/systems/import/problems.xlsx', {
    schema: {
      tags,
      summary:
        'Every problem of an import check as an Excel file: row, column, value, reason and the row as written (multipart, as the import)',
      querystring: z.object({ mode: z.enum(['all', 'partial']).default('partial') }).strict(),
      consumes: ['multipart/form-data'],
      response: writeProblems,
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const { file, choices } = await importUpload(req);
      const plan = await checkImport(db, ctx, file, { mode: req.query.mode, choices });
      return sendXlsx(reply, 'importproblem.xlsx', await problemsWorkbook(ctx, plan));
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
      const { file, choices } = await importUpload(req);
      const plan = await planImport(db, ctx, file, choices, 'partial');
      return {
        sheet: plan.result.sheet,
        sheets: plan.result.sheets,
        headingRow: plan.result.headingRow,
        columns: plan.result.columns,
        rows: plan.result.rows,
        fields: IMPORT_FIELDS,
      };
    },
  });
  r.get('/api/systems/problems', {
    schema: {
      tags,
      summary:
        "The register's open problems from imports (values that could not be read), page by page; CSV/Excel",
      querystring: ListQuery.extend({ field: z.enum(REGISTER_FIELDS).optional() }).strict(),
      response: { 200: Page(ProblemDto), ...readProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      if (req.query.format !== 'json')
        return sendExport(
          reply,
          req.query.format,
          'importproblem',
          ctx.lang,
          problemColumns,
          (await problems.openProblems(db, ctx, req.query, { all: true })).items,
        );
      const { items, total } = await problems.openProblems(db, ctx, req.query);
      return { items, total, limit: req.query.limit, offset: req.query.offset };
    },
  });
  r.get('/api/systems/:id/problems', {
    schema: {
      tags,
      summary: "A system's problems from imports: the open ones, or all with how they ended",
      params: IdParams,
      querystring: z.object({ all: z.stringbool().default(false) }).strict(),
      response: { 200: z.object({ items: z.array(ProblemDto) }), ...readProblems },
    },
    handler: async (req) => ({
      items: await problems.systemProblemsOf(db, requireCtx(req), req.params.id, req.query.all),
    }),
  });
  r.post('/api/systems/:id/problems/:problemId/dismiss', {
    schema: {
      tags,
      summary: 'Dismiss a problem that needs no change (recorded with who and when)',
      params: z.object({ id: z.uuid(), problemId: z.uuid() }).strict(),
      body: z.object({ version: z.number().int().min(1) }).strict(),
      response: { 200: ProblemDto, ...writeProblems },
    },
    handler: async (req) =>
      problems.dismissProblem(
        db,
        requireCtx(req),
        req.params.id,
        req.params.problemId,
        req.body.version,
      ),
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
