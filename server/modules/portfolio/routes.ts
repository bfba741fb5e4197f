import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  Benefit,
  BenefitInput,
  BenefitUpdate,
  INITIATIVE_CATEGORIES,
  INITIATIVE_FLAGS,
  Initiative,
  InitiativeInput,
  InitiativeUpdate,
  MeasurementInput,
  PHASES,
  Transition,
  TransitionInput,
  WORK_KINDS,
} from '../../../domain/portfolio/initiative.js';
import { Id, IdParams, ListQuery, Page } from '../../../domain/shared/schemas.js';
import { requireCtx } from '../../platform/auth/plugin.js';
import { t as say, type Lang } from '../../platform/i18n/messages.js';
import { iso, sendExport, stamps, type Column } from '../../platform/lists.js';
import { readProblems, typed, writeProblems, type RouteOpts } from '../../platform/route-kit.js';
import * as service from './initiatives.service.js';
import * as roadmaps from './roadmaps.service.js';
import type { roadmaps as roadmapTable } from './tables.js';
import { RoadmapInput, RoundDecision, RoundInput } from '../../../domain/portfolio/roadmap.js';
import { Evidence } from '../../../domain/shared/evidence.js';
import * as reads from './reads.js';

const tags = ['Portfolio'];
const toDto = (v: service.InitiativeView) => ({
  ...stamps(v),
  id: v.id,
  title: v.title,
  description: v.description,
  need: v.need,
  category: v.category as never,
  workKind: v.workKind as never,
  phase: v.phase as never,
  ownerUnit: v.ownerUnit,
  ownerPerson: v.ownerPerson,
  affectedUnitIds: v.affectedUnitIds,
  affectedUnits: v.affectedUnits,
  goalIds: v.goalIds,
  strategicAreas: v.strategicAreas,
  systemIds: v.systemIds,
  dependsOnIds: v.dependsOnIds,
  decisionIds: v.decisionIds,
  documentIds: v.documentIds,
  documents: v.documents.map((d) => ({
    id: d.id,
    title: d.title,
    type: d.type,
    state: d.state,
    validTo: d.validTo,
    expired: d.expired,
  })),
  preparedByForumId: v.preparedByForumId,
  preparedByForum: v.preparedByForum,
  decisionId: v.decisionId,
  routingExceptionDecisionId: v.routingExceptionDecisionId,
  startOn: v.startOn,
  endOn: v.endOn,
  lessonsLearned: v.lessonsLearned,
  investment: v.investment,
  operatingCostPerYear: v.operatingCostPerYear,
  payerUnitId: v.payerUnitId,
  payerUnit: v.payerUnit,
  costSplit: v.costSplitNamed,
  resourceNeed: v.resourceNeed,
  risks: v.risks,
  scores: v.scores,
  score: v.score,
  investmentTotal: v.investmentTotal,
  crossUnit: v.crossUnit,
  flags: v.flags,
});
const toBenefit = (b: ReturnType<typeof service.benefitView>) => ({
  ...stamps(b),
  id: b.id,
  initiativeId: b.initiativeId,
  kind: b.kind as never,
  measure: b.measure,
  unit: b.unit,
  baseline: b.baseline,
  target: b.target,
  targetDate: b.targetDate,
  ownerPersonId: b.ownerPersonId,
  ownerPersonName: b.ownerPersonName,
  cadenceMonths: b.cadenceMonths,
  measurements: b.measurements,
  nextDue: b.nextDue,
  overdue: b.overdue,
  latest: b.latest,
});
/** The export in the reader's words: phases, categories and flags are never their codes. */
const columns = (lang: Lang): Column<service.InitiativeView>[] => [
  { key: 'title', sv: 'Initiativ', en: 'Initiative', value: (v) => v.title },
  { key: 'phase', sv: 'Fas', en: 'Phase', value: (v) => say(lang, `phase.${v.phase}`) },
  {
    key: 'category',
    sv: 'Kategori',
    en: 'Category',
    value: (v) => say(lang, `initiativeCategory.${v.category}`),
  },
  { key: 'workKind', sv: 'Slag', en: 'Kind', value: (v) => say(lang, `workKind.${v.workKind}`) },
  { key: 'ownerUnit', sv: 'Ägande enhet', en: 'Owning unit', value: (v) => v.ownerUnit?.name },
  { key: 'ownerPerson', sv: 'Kontaktperson', en: 'Contact', value: (v) => v.ownerPerson?.name },
  {
    key: 'crossUnit',
    sv: 'Berör flera enheter',
    en: 'Cross-unit',
    value: (v) => (v.crossUnit ? (lang === 'en' ? 'yes' : 'ja') : lang === 'en' ? 'no' : 'nej'),
  },
  { key: 'score', sv: 'Poäng', en: 'Score', value: (v) => v.score },
  { key: 'investmentTotal', sv: 'Investering', en: 'Investment', value: (v) => v.investmentTotal },
  { key: 'startOn', sv: 'Start', en: 'Start', value: (v) => v.startOn },
  { key: 'endOn', sv: 'Slut', en: 'End', value: (v) => v.endOn },
  {
    key: 'flags',
    sv: 'Flaggor',
    en: 'Flags',
    value: (v) => v.flags.map((f) => say(lang, `initiativeFlag.${f}`)).join(', '),
  },
  { key: 'id', sv: 'Id', en: 'Id', value: (v) => v.id },
];
const Query = ListQuery.extend({
  q: z.string().trim().max(200).optional(),
  phase: z.enum(PHASES).optional(),
  category: z.enum(INITIATIVE_CATEGORIES).optional(),
  workKind: z.enum(WORK_KINDS).optional(),
  ownerUnitId: Id.optional(),
  flag: z.enum(INITIATIVE_FLAGS).optional(),
  systemId: Id.optional(),
}).strict();
const ProposeQuery = z
  .object({
    budget: z.coerce.number().min(0).max(1e11),
    hours: z.coerce.number().min(0).max(1e8),
    fromYear: z.coerce.number().int().min(2000).max(2100),
    toYear: z.coerce.number().int().min(2000).max(2100),
    phases: z
      .string()
      .default('idea,preparation')
      .transform((s) => s.split(',').filter(Boolean))
      .pipe(z.array(z.enum(PHASES)).min(1)),
  })
  .strict();

export async function portfolioRoutes(app: FastifyInstance, { db }: RouteOpts) {
  const r = typed(app);
  r.get('/api/initiatives', {
    schema: {
      tags,
      summary: 'The portfolio: every unit’s initiatives with flags; search, filters, CSV/Excel',
      querystring: Query,
      response: { 200: Page(Initiative), ...readProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const { items, total, all } = await service.listInitiatives(db, ctx, req.query);
      if (req.query.format !== 'json')
        return sendExport(reply, req.query.format, 'portfolj', ctx.lang, columns(ctx.lang), all);
      return { items: items.map(toDto), total, limit: req.query.limit, offset: req.query.offset };
    },
  });
  r.post('/api/initiatives', {
    schema: {
      tags,
      summary: 'Register an initiative (it starts as an idea)',
      body: InitiativeInput,
      response: { 201: Initiative, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply.status(201).send(toDto(await service.createInitiative(db, requireCtx(req), req.body))),
  });
  r.get('/api/initiatives/silent-units', {
    schema: {
      tags,
      summary: 'Boards and administrations that report no initiative at all',
      response: {
        200: z.object({ items: z.array(z.object({ id: Id, name: z.string(), kind: z.string() })) }),
        ...readProblems,
      },
    },
    handler: async (req) => ({ items: await service.silentUnits(db, requireCtx(req)) }),
  });
  r.get('/api/initiatives/evidence', {
    schema: {
      tags,
      summary:
        'The portfolio’s counts with their records: cross-unit initiatives, those without the council, those citing an expired steering document',
      response: {
        200: z.object({
          crossUnit: Evidence,
          crossUnitWithoutCouncil: Evidence,
          expiredDocuments: Evidence,
        }),
        ...readProblems,
      },
    },
    handler: async (req) => {
      const ctx = requireCtx(req);
      return {
        crossUnit: await reads.crossUnitInitiatives(db, ctx),
        crossUnitWithoutCouncil: await reads.crossUnitWithoutCouncil(db, ctx),
        expiredDocuments: await reads.initiativesWithExpiredDocuments(db, ctx),
      };
    },
  });
  r.get('/api/initiatives/proposal', {
    schema: {
      tags,
      summary:
        'Prioritisation: candidates ranked by weighted score, and the exact best set within budget and IT hours for the period',
      querystring: ProposeQuery,
      response: {
        200: z.object({
          candidates: z.array(
            z.object({
              id: Id,
              title: z.string(),
              score: z.number(),
              cost: z.number(),
              hours: z.number(),
              phase: z.enum(PHASES),
              ownerUnit: z.object({ id: Id, name: z.string() }).nullable(),
              flags: z.array(z.enum(INITIATIVE_FLAGS)),
            }),
          ),
          selection: z.object({
            ids: z.array(Id),
            score: z.number(),
            cost: z.number(),
            hours: z.number(),
            /** False when the search stopped at its budget: the best set found, not proven best. */
            exact: z.boolean(),
            ms: z.number(),
          }),
        }),
        ...readProblems,
      },
    },
    handler: async (req) => service.propose(db, requireCtx(req), req.query),
  });
  r.get('/api/initiatives/:id', {
    schema: {
      tags,
      summary: 'One initiative',
      params: IdParams,
      response: { 200: Initiative, ...readProblems },
    },
    handler: async (req) => toDto(await service.getInitiative(db, requireCtx(req), req.params.id)),
  });
  r.patch('/api/initiatives/:id', {
    schema: {
      tags,
      summary: 'Edit an initiative (the phase changes only by a transition)',
      params: IdParams,
      body: InitiativeUpdate,
      response: { 200: Initiative, ...writeProblems },
    },
    handler: async (req) =>
      toDto(await service.updateInitiative(db, requireCtx(req), req.params.id, req.body)),
  });
  r.get('/api/initiatives/:id/moves', {
    schema: {
      tags,
      summary: 'The moves open from the current phase, and why any is refused',
      params: IdParams,
      response: {
        200: z.object({
          items: z.array(z.object({ to: z.enum(PHASES), failures: z.array(z.string()) })),
        }),
        ...readProblems,
      },
    },
    handler: async (req) => ({
      items: await service.allowedMoves(db, requireCtx(req), req.params.id),
    }),
  });
  r.post('/api/initiatives/:id/transition', {
    schema: {
      tags,
      summary: 'Move to another phase, with the reason; the routing and benefit rules are enforced',
      params: IdParams,
      body: TransitionInput,
      response: { 200: Initiative, ...writeProblems },
    },
    handler: async (req) =>
      toDto(await service.transition(db, requireCtx(req), req.params.id, req.body)),
  });
  r.get('/api/initiatives/:id/transitions', {
    schema: {
      tags,
      summary: 'The initiative’s moves: from, to, who, when, why',
      params: IdParams,
      response: { 200: z.object({ items: z.array(Transition) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await service.listTransitions(db, requireCtx(req), req.params.id)).map((x) => ({
        id: x.id,
        fromPhase: x.fromPhase as never,
        toPhase: x.toPhase as never,
        reason: x.reason,
        at: iso(x.at)!,
        byName: x.byName,
      })),
    }),
  });
  r.get('/api/initiatives/:id/benefits', {
    schema: {
      tags,
      summary: 'Expected benefits and their measurements',
      params: IdParams,
      response: { 200: z.object({ items: z.array(Benefit) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await service.listBenefits(db, requireCtx(req), req.params.id)).map(toBenefit),
    }),
  });
  const Summary = z.object({
    benefits: z.number().int(),
    measured: z.number().int(),
    reached: z.number().int(),
    overdue: z.number().int(),
    averageShare: z.number().nullable(),
  });
  r.get('/api/benefits/realisation', {
    schema: {
      tags,
      summary:
        'Benefit realisation: planned vs realised per benefit, per owning unit and region-wide',
      response: {
        200: z.object({
          items: z.array(
            z.object({
              benefitId: Id,
              initiativeId: Id,
              initiative: z.string(),
              phase: z.enum(PHASES),
              unitId: Id.nullable(),
              unitName: z.string().nullable(),
              measure: z.string(),
              unit: z.string().nullable(),
              baseline: z.number().nullable(),
              target: z.number().nullable(),
              latest: z.number().nullable(),
              targetDate: z.string().nullable(),
              overdue: z.boolean(),
              share: z.number().nullable(),
            }),
          ),
          units: z.array(
            Summary.extend({ unitId: Id.nullable(), unitName: z.string().nullable() }),
          ),
          region: Summary,
        }),
        ...readProblems,
      },
    },
    handler: async (req) => service.realisation(db, requireCtx(req)),
  });
  r.post('/api/benefits', {
    schema: {
      tags,
      summary: 'Add an expected benefit',
      body: BenefitInput,
      response: { 201: Benefit, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply.status(201).send(toBenefit(await service.createBenefit(db, requireCtx(req), req.body))),
  });
  r.patch('/api/benefits/:id', {
    schema: {
      tags,
      summary: 'Edit a benefit',
      params: IdParams,
      body: BenefitUpdate,
      response: { 200: Benefit, ...writeProblems },
    },
    handler: async (req) =>
      toBenefit(await service.updateBenefit(db, requireCtx(req), req.params.id, req.body as never)),
  });
  r.post('/api/benefits/:id/measurements', {
    schema: {
      tags,
      summary: 'Record a measurement (also after the initiative has closed)',
      params: IdParams,
      body: MeasurementInput,
      response: { 200: Benefit, ...writeProblems },
    },
    handler: async (req) =>
      toBenefit(await service.addMeasurement(db, requireCtx(req), req.params.id, req.body)),
  });
}

const RoadmapItemSchema = z.object({
  initiativeId: Id,
  title: z.string(),
  phase: z.string(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  unitId: Id.nullable(),
});
const RoadmapSchema = z.object({
  id: Id,
  version: z.number().int(),
  unitId: Id.nullable(),
  name: z.string(),
  fromYear: z.number().int(),
  horizonYears: z.number().int(),
  items: z.array(RoadmapItemSchema),
  createdAt: z.string(),
});
const toRoadmap = (r: typeof roadmapTable.$inferSelect) => ({
  id: r.id,
  version: r.version,
  unitId: r.unitId,
  name: r.name,
  fromYear: r.fromYear,
  horizonYears: r.horizonYears,
  items: r.items,
  createdAt: iso(r.createdAt)!,
});
export async function roadmapRoutes(app: FastifyInstance, { db }: RouteOpts) {
  const r = typed(app);
  r.get('/api/roadmaps', {
    schema: {
      tags,
      summary: 'Roadmap versions of a unit (or, with unitId empty, the region’s)',
      querystring: z.object({ unitId: z.union([Id, z.literal('')]).optional() }).strict(),
      response: { 200: z.object({ items: z.array(RoadmapSchema) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await roadmaps.listRoadmaps(db, requireCtx(req), { unitId: req.query.unitId })).map(
        toRoadmap,
      ),
    }),
  });
  r.post('/api/roadmaps', {
    schema: {
      tags,
      summary: 'Save a roadmap version: a named snapshot of the initiatives as they stand',
      body: RoadmapInput,
      response: { 201: RoadmapSchema, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(toRoadmap(await roadmaps.createRoadmap(db, requireCtx(req), req.body))),
  });
  r.get('/api/roadmaps/:id', {
    schema: {
      tags,
      summary: 'One roadmap version',
      params: IdParams,
      response: { 200: RoadmapSchema, ...readProblems },
    },
    handler: async (req) =>
      toRoadmap(await roadmaps.getRoadmap(db, requireCtx(req), req.params.id)),
  });
  r.get('/api/roadmaps/:id/compare', {
    schema: {
      tags,
      summary: 'Compare with an earlier version: added, removed, moved',
      params: IdParams,
      querystring: z.object({ with: Id }).strict(),
      response: {
        200: z.object({
          from: z.object({ id: Id, name: z.string() }),
          to: z.object({ id: Id, name: z.string() }),
          added: z.array(RoadmapItemSchema),
          removed: z.array(RoadmapItemSchema),
          moved: z.array(
            z.object({
              initiativeId: Id,
              title: z.string(),
              from: z.object({ startOn: z.string().nullable(), endOn: z.string().nullable() }),
              to: z.object({ startOn: z.string().nullable(), endOn: z.string().nullable() }),
            }),
          ),
          unchanged: z.number().int(),
        }),
        ...readProblems,
      },
    },
    handler: async (req) => roadmaps.compare(db, requireCtx(req), req.params.id, req.query.with),
  });
  const Round = z.object({
    id: Id,
    version: z.number().int(),
    name: z.string(),
    forumId: Id.nullable(),
    fromYear: z.number().int(),
    toYear: z.number().int(),
    budget: z.number(),
    hours: z.number(),
    ranking: z.array(
      z.object({
        id: Id,
        title: z.string(),
        score: z.number(),
        cost: z.number(),
        hours: z.number(),
      }),
    ),
    proposedIds: z.array(Id),
    decidedIds: z.array(Id).nullable(),
    decisionId: Id.nullable(),
    createdAt: z.string(),
  });
  const toRound = (x: Awaited<ReturnType<typeof roadmaps.listRounds>>[number]) => ({
    id: x.id,
    version: x.version,
    name: x.name,
    forumId: x.forumId,
    fromYear: x.fromYear,
    toYear: x.toYear,
    budget: x.budget,
    hours: x.hours,
    ranking: x.ranking,
    proposedIds: x.proposedIds,
    decidedIds: x.decidedIds,
    decisionId: x.decisionId,
    createdAt: iso(x.createdAt)!,
  });
  r.get('/api/prioritisation-rounds', {
    schema: {
      tags,
      summary:
        'Prioritisation rounds with the ranking each was based on, the proposal and the decision',
      response: { 200: z.object({ items: z.array(Round) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await roadmaps.listRounds(db, requireCtx(req))).map(toRound),
    }),
  });
  r.post('/api/prioritisation-rounds', {
    schema: {
      tags,
      summary:
        'Start a round for a forum: the ranking and the exact proposal are kept as they are now',
      body: RoundInput,
      response: { 201: Round, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply.status(201).send(toRound(await roadmaps.createRound(db, requireCtx(req), req.body))),
  });
  r.patch('/api/prioritisation-rounds/:id', {
    schema: {
      tags,
      summary: 'Record the forum’s decision: the initiatives it chose and the decision',
      params: IdParams,
      body: RoundDecision,
      response: { 200: Round, ...writeProblems },
    },
    handler: async (req) =>
      toRound(await roadmaps.decideRound(db, requireCtx(req), req.params.id, req.body)),
  });
}
