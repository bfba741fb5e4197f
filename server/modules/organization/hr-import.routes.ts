import { sendXlsx } from '../../platform/lists.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { invalid } from '../../../domain/shared/errors.js';
import { readUpload } from '../../platform/attachments.js';
import { requireCtx } from '../../platform/auth/plugin.js';
import { authorize } from '../../platform/authorize.js';
import { readProblems, typed, writeProblems, type RouteOpts } from '../../platform/route-kit.js';
import { orgTemplate, prepareOrgImport } from './hr-import.js';

const tags = ['organisation'];
const Action = z.enum(['create', 'update', 'unchanged']);
const Counts = {
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
};
const OrgImportResult = z.object({
  saved: z.boolean(),
  units: z
    .object({
      ...Counts,
      preview: z.array(
        z.object({ row: z.number(), code: z.string(), name: z.string(), action: Action }),
      ),
      missing: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
    })
    .nullable(),
  people: z
    .object({
      ...Counts,
      preview: z.array(
        z.object({ row: z.number(), email: z.string(), name: z.string(), action: Action }),
      ),
      missing: z.array(z.object({ id: z.uuid(), email: z.string(), name: z.string() })),
    })
    .nullable(),
});

/** The organisation and its people from an HR export: check every row, then import. */
export async function hrImportRoutes(app: FastifyInstance, { db }: RouteOpts) {
  const r = typed(app);
  r.get('/api/organisation/import/template.xlsx', {
    schema: {
      tags,
      summary: 'An Excel template for importing units and people (two sheets)',
      response: readProblems,
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      authorize(ctx, 'org.read');
      return sendXlsx(reply, 'organisation-mall.xlsx', await orgTemplate(ctx.lang));
    },
  });
  r.post('/api/organisation/import', {
    schema: {
      tags,
      summary:
        'Import units (by code) and people (by e-mail) from an HR export, Excel or CSV (multipart `file`); every row is checked first and none saved if one is wrong; `dryRun=true` previews; nothing is deleted',
      querystring: z.object({ dryRun: z.stringbool().default(false) }).strict(),
      consumes: ['multipart/form-data'],
      response: { 200: OrgImportResult, ...writeProblems },
    },
    handler: async (req) => {
      const ctx = requireCtx(req);
      const { file } = await readUpload(req);
      if (!file)
        throw invalid('documents.fileRequired', [{ path: 'file', key: 'documents.fileRequired' }]);
      const prepared = await prepareOrgImport(db, ctx, file.data, { dryRun: req.query.dryRun });
      if (!req.query.dryRun) await prepared.apply();
      return prepared.result;
    },
  });
}
