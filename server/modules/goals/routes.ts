import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ASSESSMENTS } from '../../../domain/goals/assessment.js';
import { Evidence } from '../../../domain/shared/evidence.js';
import {
  GOAL_FLAGS,
  Goal,
  GoalAssessment,
  GoalInput,
  GoalListQuery,
  GoalUpdate,
  Indicator,
  IndicatorInput,
  IndicatorUpdate,
  Outcome,
  OutcomeSave,
  AssessmentSave,
  PeriodKey,
} from '../../../domain/goals/goal.js';
import { periodLabel } from '../../../domain/goals/periods.js';
import { ExportFormat, IdParams, Page } from '../../../domain/shared/schemas.js';
import { requireCtx } from '../../platform/auth/plugin.js';
import { EXPORT_LIMIT, sendExport, sendXlsx, type Column } from '../../platform/lists.js';
import { readProblems, typed, writeProblems, type RouteOpts } from '../../platform/route-kit.js';
import * as followup from './followup.service.js';
import * as goalsService from './goals.service.js';
import { followUpReportPdf } from './report.js';
import { importOutcomes, outcomeTemplate } from './import.js';
import { readUpload } from '../../platform/attachments.js';
import { invalid } from '../../../domain/shared/errors.js';
import { toAssessmentDto, toGoalDto, toIndicatorDto, toOutcomeDto } from './presenters.js';

const tags = ['goals'];
const Suggestion = z.object({
  assessment: z.enum(ASSESSMENTS).nullable(),
  perIndicator: z.array(z.object({ indicatorId: z.uuid(), assessment: z.enum(ASSESSMENTS) })),
  notAssessed: z.array(
    z.object({ indicatorId: z.uuid(), reason: z.enum(['no_outcome', 'no_target']) }),
  ),
});
const FollowUp = z.object({
  year: z.number().int(),
  periods: z.array(z.string()),
  rows: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      status: z.enum(['goal', 'focus_area_only', 'nothing']),
      goals: z.array(
        z.object({
          id: z.uuid(),
          title: z.string(),
          form: z.string(),
          level: z.string(),
          indicatorCount: z.number().int(),
          indicatorsMissingTarget: z.number().int(),
          flags: z.array(z.enum(GOAL_FLAGS)),
          cells: z.array(
            z.object({
              periodKey: z.string(),
              assessment: z.enum(ASSESSMENTS).nullable(),
              draft: z.enum(ASSESSMENTS).nullable(),
              overdue: z.boolean(),
              missingOutcomes: z.number().int(),
            }),
          ),
        }),
      ),
    }),
  ),
});
const BodyCounts = z.object({
  bodyId: z.uuid(),
  bodyName: z.string(),
  year: z.number().int(),
  goals: Evidence,
  digitalisationGoals: Evidence,
  focusAreas: Evidence,
  strategicPlans: Evidence,
  withDigitalisationIndicator: Evidence,
});
const GoalEvidence = z.object({
  year: z.number().int(),
  bodies: z.array(BodyCounts),
  gaps: z.object({
    goalsWithoutIndicator: Evidence,
    indicatorsWithoutUnit: Evidence,
    indicatorsWithoutDataSource: Evidence,
    goalsWithExpiredDocument: Evidence,
    draftAssessments: Evidence,
  }),
});
type GoalDto = ReturnType<typeof toGoalDto>;
const goalColumns: Column<GoalDto>[] = [
  { key: 'ownerUnitName', sv: 'Ägare', en: 'Owner', value: (g) => g.ownerUnitName },
  { key: 'level', sv: 'Nivå', en: 'Level', value: (g) => g.level },
  { key: 'form', sv: 'Form', en: 'Form', value: (g) => g.form },
  { key: 'title', sv: 'Mål', en: 'Goal', value: (g) => g.title },
  { key: 'validFrom', sv: 'Giltigt från', en: 'Valid from', value: (g) => g.validFrom },
  { key: 'validTo', sv: 'Giltigt till', en: 'Valid to', value: (g) => g.validTo },
  { key: 'adoptedByReference', sv: 'Antaget', en: 'Adopted', value: (g) => g.adoptedByReference },
  { key: 'indicatorCount', sv: 'Indikatorer', en: 'Indicators', value: (g) => g.indicatorCount },
  { key: 'tags', sv: 'Taggar', en: 'Tags', value: (g) => g.tags.join(', ') },
];
const assessmentWord = {
  sv: { met: 'Uppnått', partly: 'Delvis uppnått', notMet: 'Ej uppnått' },
  en: { met: 'Met', partly: 'Partly met', notMet: 'Not met' },
} as const;
const statusWord = {
  sv: {
    goal: 'Mål finns',
    focus_area_only: 'Endast fokusområde/plan',
    nothing: 'Inget digitaliseringsmål',
  },
  en: {
    goal: 'Has a goal',
    focus_area_only: 'Focus area/plan only',
    nothing: 'No digitalisation goal',
  },
} as const;

export async function goalRoutes(app: FastifyInstance, { db }: RouteOpts) {
  const r = typed(app);
  r.get('/api/goals', {
    schema: {
      tags,
      summary: 'List goals (filter by owner, level, tag, year; CSV/Excel)',
      querystring: GoalListQuery.strict(),
      response: { 200: Page(Goal), ...readProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const q = req.query;
      if (q.format !== 'json')
        return sendExport(
          reply,
          q.format,
          'mal',
          ctx.lang,
          goalColumns,
          (await goalsService.listGoals(db, ctx, q, { limit: EXPORT_LIMIT, offset: 0 })).items.map(
            toGoalDto,
          ),
        );
      const { items, total } = await goalsService.listGoals(db, ctx, q, q);
      return { items: items.map(toGoalDto), total, limit: q.limit, offset: q.offset };
    },
  });
  r.post('/api/goals', {
    schema: {
      tags,
      summary: 'Create a goal (effektmål, resultatmål or sub-goal)',
      body: GoalInput,
      response: { 201: Goal, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(toGoalDto(await goalsService.createGoal(db, requireCtx(req), req.body))),
  });
  r.get('/api/goals/:id', {
    schema: {
      tags,
      summary: 'One goal',
      params: IdParams,
      response: { 200: Goal, ...readProblems },
    },
    handler: async (req) =>
      toGoalDto(await goalsService.getGoal(db, requireCtx(req), req.params.id)),
  });
  r.patch('/api/goals/:id', {
    schema: {
      tags,
      summary: 'Edit or archive a goal',
      params: IdParams,
      body: GoalUpdate,
      response: { 200: Goal, ...writeProblems },
    },
    handler: async (req) =>
      toGoalDto(await goalsService.updateGoal(db, requireCtx(req), req.params.id, req.body)),
  });
  r.get('/api/goals/:id/lineage', {
    schema: {
      tags,
      summary: 'The goals this one succeeds and is succeeded by, oldest first',
      params: IdParams,
      response: { 200: z.object({ items: z.array(Goal) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await goalsService.goalLineage(db, requireCtx(req), req.params.id)).map(toGoalDto),
    }),
  });
  r.get('/api/goals/:id/indicators', {
    schema: {
      tags,
      summary: 'A goal’s indicators',
      params: IdParams,
      response: { 200: z.object({ items: z.array(Indicator) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await followup.listIndicators(db, requireCtx(req), req.params.id)).map(
        toIndicatorDto,
      ),
    }),
  });
  r.post('/api/indicators', {
    schema: {
      tags,
      summary: 'Add an indicator to a goal',
      body: IndicatorInput,
      response: { 201: Indicator, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(toIndicatorDto(await followup.createIndicator(db, requireCtx(req), req.body))),
  });
  r.patch('/api/indicators/:id', {
    schema: {
      tags,
      summary: 'Edit an indicator (baseline, targets, scale…)',
      params: IdParams,
      body: IndicatorUpdate,
      response: { 200: Indicator, ...writeProblems },
    },
    handler: async (req) =>
      toIndicatorDto(await followup.updateIndicator(db, requireCtx(req), req.params.id, req.body)),
  });
  r.get('/api/goals/:id/outcomes', {
    schema: {
      tags,
      summary: 'Outcomes of a goal’s indicators, by period',
      params: IdParams,
      response: { 200: z.object({ items: z.array(Outcome) }), ...readProblems },
    },
    handler: async (req) => {
      const ctx = requireCtx(req);
      const inds = await followup.listIndicators(db, ctx, req.params.id);
      return {
        items: (await followup.listOutcomes(db, ctx, { indicatorIds: inds.map((i) => i.id) })).map(
          toOutcomeDto,
        ),
      };
    },
  });
  r.post('/api/outcomes', {
    schema: {
      tags,
      summary: 'Record an outcome for a period (send `version` to change an existing one)',
      body: OutcomeSave,
      response: { 200: z.object({ id: z.uuid(), version: z.number().int() }), ...writeProblems },
    },
    handler: async (req) => {
      const o = await followup.recordOutcome(db, requireCtx(req), req.body);
      return { id: o.id, version: o.version };
    },
  });
  r.get('/api/goals/:id/assessments', {
    schema: {
      tags,
      summary: 'A goal’s assessments by period',
      params: IdParams,
      response: { 200: z.object({ items: z.array(GoalAssessment) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await followup.listAssessments(db, requireCtx(req), req.params.id)).map(
        toAssessmentDto,
      ),
    }),
  });
  r.get('/api/goals/:id/suggestion', {
    schema: {
      tags,
      summary: 'The suggested assessment for a period, from the outcomes against targets',
      params: IdParams,
      querystring: z.object({ periodKey: PeriodKey }).strict(),
      response: { 200: Suggestion, ...readProblems },
    },
    handler: async (req) =>
      followup.suggestionFor(db, requireCtx(req), req.params.id, req.query.periodKey),
  });
  r.post('/api/assessments', {
    schema: {
      tags,
      summary: 'Assess a goal for a period (an override of the suggestion needs a reason)',
      body: AssessmentSave,
      response: {
        200: z.object({
          id: z.uuid(),
          version: z.number().int(),
          suggested: z.enum(ASSESSMENTS).nullable(),
        }),
        ...writeProblems,
      },
    },
    handler: async (req) => {
      const a = await followup.recordAssessment(db, requireCtx(req), req.body);
      return { id: a.id, version: a.version, suggested: a.suggested as never };
    },
  });
  r.get('/api/outcomes/template.xlsx', {
    schema: {
      tags,
      summary:
        'An Excel template for a period’s outcomes (one row per indicator, values already entered filled in)',
      querystring: z.object({ periodKey: PeriodKey, ownerUnitId: z.uuid().optional() }).strict(),
      response: readProblems,
    },
    handler: async (req, reply) => {
      const buf = await outcomeTemplate(db, requireCtx(req), req.query);
      return sendXlsx(reply, `utfall-${req.query.periodKey.replace('Å', 'A')}.xlsx`, buf);
    },
  });
  r.post('/api/outcomes/import', {
    schema: {
      tags,
      summary:
        'Import a filled-in template (multipart `file`); every row is checked first and nothing is saved if any row is wrong. `dryRun=true` only checks.',
      querystring: z.object({ dryRun: z.stringbool().default(false) }).strict(),
      consumes: ['multipart/form-data'],
      response: {
        200: z.object({
          rows: z.number().int(),
          created: z.number().int(),
          updated: z.number().int(),
          unchanged: z.number().int(),
          skipped: z.number().int(),
          saved: z.boolean(),
        }),
        ...writeProblems,
      },
    },
    handler: async (req) => {
      const ctx = requireCtx(req);
      const { file } = await readUpload(req);
      if (!file)
        throw invalid('documents.fileRequired', [{ path: 'file', key: 'documents.fileRequired' }]);
      return importOutcomes(db, ctx, file.data, req.query.dryRun);
    },
  });
  r.get('/api/reports/follow-up.pdf', {
    schema: {
      tags,
      summary:
        'A board’s digitalisation follow-up for one period as PDF (for the interim or annual report)',
      querystring: z.object({ ownerUnitId: z.uuid(), periodKey: PeriodKey }).strict(),
      response: readProblems,
    },
    handler: async (req, reply) => {
      const { filename, pdf } = await followUpReportPdf(db, requireCtx(req), req.query);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(pdf as never);
    },
  });
  r.get('/api/goal-counts', {
    schema: {
      tags,
      summary:
        'Goals per body for a year (focus areas and strategic plans apart), digitalisation goals and those with an indicator that measures digitalisation, and the gaps (goals without indicator, indicators without unit or data source, expired documents, draft assessments); each count with its records',
      querystring: z.object({ year: z.coerce.number().int().min(1990).max(2100) }).strict(),
      response: { 200: GoalEvidence, ...readProblems },
    },
    handler: async (req) => followup.goalEvidence(db, requireCtx(req), req.query.year),
  });
  r.get('/api/follow-up', {
    schema: {
      tags,
      summary: 'Boards × goals × periods with assessments and what is overdue (CSV/Excel)',
      querystring: z
        .object({
          year: z.coerce.number().int().min(1990).max(2100),
          tag: z.string().trim().toLowerCase().max(40).optional(),
          format: ExportFormat.default('json'),
        })
        .strict(),
      response: { 200: FollowUp, ...readProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const table = await followup.followUpTable(db, ctx, req.query);
      if (req.query.format === 'json') return table;
      type Flat = {
        board: string;
        status: string;
        goal: string;
        indicators: number;
        cells: (typeof table.rows)[number]['goals'][number]['cells'];
      };
      const flat: Flat[] = table.rows.flatMap((row) =>
        row.goals.length
          ? row.goals.map((g) => ({
              board: row.unitName,
              status: statusWord[ctx.lang][row.status],
              goal: g.title,
              indicators: g.indicatorCount,
              cells: g.cells,
            }))
          : [
              {
                board: row.unitName,
                status: statusWord[ctx.lang][row.status],
                goal: '',
                indicators: 0,
                cells: [],
              },
            ],
      );
      const columns: Column<Flat>[] = [
        { key: 'board', sv: 'Nämnd/styrelse', en: 'Board', value: (f) => f.board },
        {
          key: 'status',
          sv: 'Digitaliseringsmål',
          en: 'Digitalisation goal',
          value: (f) => f.status,
        },
        { key: 'goal', sv: 'Mål', en: 'Goal', value: (f) => f.goal },
        { key: 'indicators', sv: 'Indikatorer', en: 'Indicators', value: (f) => f.indicators },
        ...table.periods.map((p, i): Column<Flat> => ({
          key: p,
          sv: periodLabel(p, 'sv'),
          en: periodLabel(p, 'en'),
          value: (f) => {
            const c = f.cells[i];
            return c
              ? c.assessment
                ? assessmentWord[ctx.lang][c.assessment]
                : [
                    c.overdue ? (ctx.lang === 'sv' ? 'Försenad' : 'Overdue') : '',
                    c.draft
                      ? `${ctx.lang === 'sv' ? 'Utkast' : 'Draft'}: ${assessmentWord[ctx.lang][c.draft]}`
                      : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')
              : '';
          },
        })),
      ];
      return sendExport(
        reply,
        req.query.format,
        `uppfoljning-${table.year}`,
        ctx.lang,
        columns,
        flat,
      );
    },
  });
}
