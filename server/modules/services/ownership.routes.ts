import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  EscalationStepSchema,
  Integration,
  IntegrationInput,
  ManagementObject,
  ManagementObjectInput,
  ManagementObjectUpdate,
  ManagementPlan,
  ManagementPlanInput,
  ManagementPlanUpdate,
  SERVICE_NODE_KINDS,
  ServiceNode,
  ServiceNodeInput,
  ServiceNodeUpdate,
} from '../../../domain/services/ownership.js';
import { LIFECYCLES, SYSTEM_FLAGS } from '../../../domain/services/system.js';
import { IdParams } from '../../../domain/shared/schemas.js';
import { requireCtx } from '../../platform/auth/plugin.js';
import { iso, sendExport, stamps, type Column } from '../../platform/lists.js';
import { readProblems, typed, writeProblems, type RouteOpts } from '../../platform/route-kit.js';
import * as objects from './objects.service.js';
import * as overviews from './overview.service.js';
import * as ownership from './ownership.service.js';
import * as systems from './systems.service.js';

const tags = ['Digital services'];

const toNodeDto = (n: ownership.NodeView) => ({
  ...stamps(n),
  id: n.id,
  kind: n.kind as never,
  parentId: n.parentId,
  name: n.name,
  description: n.description,
  owningUnit: n.owningUnit,
  effectiveOwningUnit: n.effectiveOwningUnit,
  responsible: n.responsible,
  responsibleAppointedBy: n.responsibleAppointedBy,
  responsibleAppointedOn: n.responsibleAppointedOn,
  mandatory: n.mandatory,
  duplicateOf: n.duplicateOf,
  duplicateApprovedBy: n.duplicateApprovedBy,
  duplicateApprovedOn: n.duplicateApprovedOn,
  duplicateDecisionId: n.duplicateDecisionId,
  externalUsers: n.externalUsers,
  systemIds: n.systemIds,
  archivedAt: iso(n.archivedAt),
  flags: n.flags,
});
const ChainItem = z.object({ id: z.uuid(), kind: z.enum(SERVICE_NODE_KINDS), name: z.string() });
const NodeDetail = ServiceNode.extend({
  chain: z.array(ChainItem),
  children: z.array(ServiceNode),
  duplicates: z.array(ServiceNode),
  systems: z.array(
    z.object({ id: z.uuid(), name: z.string(), lifecycle: z.enum(LIFECYCLES).nullable() }),
  ),
  escalation: z.array(EscalationStepSchema),
});
const toDetail = (d: Awaited<ReturnType<typeof ownership.getNode>>) => ({
  ...toNodeDto(d),
  chain: d.chain,
  children: d.children.map(toNodeDto),
  duplicates: d.duplicates.map(toNodeDto),
  systems: d.systems.map((s) => ({ ...s, lifecycle: s.lifecycle as never })),
  escalation: d.escalation,
});
const nodeColumns: Column<ownership.NodeView>[] = [
  { key: 'kind', sv: 'Nivå', en: 'Level', value: (n) => n.kind },
  { key: 'name', sv: 'Namn', en: 'Name', value: (n) => n.name },
  {
    key: 'owningUnit',
    sv: 'Ägande nämnd',
    en: 'Owning board',
    value: (n) => n.effectiveOwningUnit?.name,
  },
  { key: 'responsible', sv: 'Ansvarig', en: 'Responsible', value: (n) => n.responsible?.name },
  {
    key: 'appointedBy',
    sv: 'Utsedd av',
    en: 'Appointed by',
    value: (n) => n.responsibleAppointedBy?.name,
  },
  {
    key: 'mandatory',
    sv: 'Obligatorisk',
    en: 'Mandatory',
    value: (n) => (n.mandatory ? 'ja' : ''),
  },
  {
    key: 'duplicateOf',
    sv: 'Lokal dubblett av',
    en: 'Local duplicate of',
    value: (n) => n.duplicateOf?.name,
  },
  {
    key: 'externalUsers',
    sv: 'Externa användare',
    en: 'External users',
    value: (n) => n.externalUsers.map((u) => u.name).join('; '),
  },
  { key: 'systems', sv: 'Antal system', en: 'Systems', value: (n) => n.systemIds.length },
  { key: 'flags', sv: 'Flaggor', en: 'Flags', value: (n) => n.flags.join(', ') },
  { key: 'id', sv: 'Id', en: 'Id', value: (n) => n.id },
];

const toObjectDto = (o: objects.ObjectView) => ({
  ...stamps(o),
  id: o.id,
  name: o.name,
  description: o.description,
  owningUnit: o.owningUnit,
  owner: o.owner,
  manager: o.manager,
  systems: o.systems,
  archivedAt: iso(o.archivedAt),
  planYears: o.planYears,
});
const toPlanDto = (p: Awaited<ReturnType<typeof objects.listPlans>>[number]) => ({
  ...stamps(p),
  id: p.id,
  objectId: p.objectId,
  year: p.year,
  budget: p.budget,
  activities: p.activities,
  plannedChanges: p.plannedChanges,
  status: p.status as never,
  adoptedOn: p.adoptedOn,
  activitiesCost: p.activitiesCost,
});

const Count = z.object({ key: z.string(), count: z.number().int(), cost: z.number() });
const Overview = z.object({
  total: z.number().int(),
  flagCounts: z.record(z.enum(SYSTEM_FLAGS), z.number().int()),
  byCategory: z.array(Count),
  byLifecycle: z.array(Count),
  byOwner: z.array(
    z.object({
      unitId: z.uuid().nullable(),
      name: z.string().nullable(),
      count: z.number().int(),
      cost: z.number(),
    }),
  ),
  capabilityMap: z.object({
    capabilities: z.array(z.string()),
    units: z.array(z.object({ id: z.uuid(), name: z.string() })),
    cells: z.array(
      z.object({
        capability: z.number().int(),
        unit: z.number().int(),
        systems: z.array(z.string()),
      }),
    ),
  }),
  contracts: z.array(
    z.object({
      id: z.uuid(),
      contractRef: z.string().nullable(),
      supplierName: z.string().nullable(),
      endsOn: z.string().nullable(),
      noticeMonths: z.number().int().nullable(),
      valuePerYear: z.number().nullable(),
      systemId: z.uuid(),
      systemName: z.string(),
      lifecycle: z.string().nullable(),
      status: z.enum(['expired', 'ending', 'later']),
    }),
  ),
  today: z.string(),
  warnUntil: z.string(),
  warnMonths: z.number().int(),
});
const Gaps = z.object({
  nodes: z.array(ServiceNode),
  objects: z.array(ManagementObject),
  systemCounts: z.object({
    no_owner: z.number().int(),
    no_manager: z.number().int(),
    owner_external: z.number().int(),
  }),
});
const SystemContext = z.object({
  services: z.array(z.object({ id: z.uuid(), name: z.string(), chain: z.array(z.string()) })),
  managementObject: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  escalation: z.array(EscalationStepSchema),
});
const Archived = z.object({ includeArchived: z.stringbool().default(false) });

export async function ownershipRoutes(app: FastifyInstance, { db }: RouteOpts) {
  const r = typed(app);
  r.get('/api/service-nodes', {
    schema: {
      tags,
      summary:
        'The service tree: coordination areas, service areas and digital services, with flags (CSV/Excel)',
      querystring: Archived.extend({
        format: z.enum(['json', 'csv', 'xlsx']).default('json'),
      }).strict(),
      response: { 200: z.object({ items: z.array(ServiceNode) }), ...readProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const items = await ownership.listNodes(db, ctx, req.query);
      if (req.query.format !== 'json')
        return sendExport(reply, req.query.format, 'tjanster', ctx.lang, nodeColumns, items);
      return { items: items.map(toNodeDto) };
    },
  });
  r.post('/api/service-nodes', {
    schema: {
      tags,
      summary: 'Create a coordination area, service area or digital service',
      body: ServiceNodeInput,
      response: { 201: NodeDetail, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply.status(201).send(toDetail(await ownership.createNode(db, requireCtx(req), req.body))),
  });
  r.get('/api/service-nodes/:id', {
    schema: {
      tags,
      summary: 'One node with its chain, children, systems and escalation path',
      params: IdParams,
      response: { 200: NodeDetail, ...readProblems },
    },
    handler: async (req) => toDetail(await ownership.getNode(db, requireCtx(req), req.params.id)),
  });
  r.patch('/api/service-nodes/:id', {
    schema: {
      tags,
      summary: 'Edit, appoint, approve a local duplicate, link systems, archive',
      params: IdParams,
      body: ServiceNodeUpdate,
      response: { 200: NodeDetail, ...writeProblems },
    },
    handler: async (req) =>
      toDetail(await ownership.updateNode(db, requireCtx(req), req.params.id, req.body)),
  });

  r.get('/api/systems/:id/context', {
    schema: {
      tags,
      summary: 'The services a system serves, its management object and its escalation path',
      params: IdParams,
      response: { 200: SystemContext, ...readProblems },
    },
    handler: async (req) => {
      const ctx = requireCtx(req);
      const s = await systems.getSystem(db, ctx, req.params.id);
      const context = await ownership.systemContext(db, ctx, s);
      return { ...context, managementObject: await objects.objectOfSystem(db, ctx, s.id) };
    },
  });
  r.get('/api/systems/overview', {
    schema: {
      tags,
      summary:
        'The register at a glance: by category, lifecycle and owner; flags; capability overlaps; contract timeline',
      response: { 200: Overview, ...readProblems },
    },
    handler: async (req) => overviews.overview(db, requireCtx(req)),
  });
  r.get('/api/ownership-gaps', {
    schema: {
      tags,
      summary:
        'Areas, services and management objects without a responsible person, and counts of systems with ownership gaps',
      response: { 200: Gaps, ...readProblems },
    },
    handler: async (req) => {
      const g = await overviews.ownershipGaps(db, requireCtx(req));
      return {
        nodes: g.nodes.map(toNodeDto),
        objects: g.objects.map(toObjectDto),
        systemCounts: g.systemCounts,
      };
    },
  });

  r.get('/api/management-objects', {
    schema: {
      tags,
      summary: 'Management objects (förvaltningsobjekt) with their systems',
      querystring: Archived.strict(),
      response: { 200: z.object({ items: z.array(ManagementObject) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await objects.listObjects(db, requireCtx(req), req.query)).map(toObjectDto),
    }),
  });
  r.post('/api/management-objects', {
    schema: {
      tags,
      summary: 'Create a management object',
      body: ManagementObjectInput,
      response: { 201: ManagementObject, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(toObjectDto(await objects.createObject(db, requireCtx(req), req.body))),
  });
  r.get('/api/management-objects/:id', {
    schema: {
      tags,
      summary: 'One management object',
      params: IdParams,
      response: { 200: ManagementObject, ...readProblems },
    },
    handler: async (req) =>
      toObjectDto(await objects.getObject(db, requireCtx(req), req.params.id)),
  });
  r.patch('/api/management-objects/:id', {
    schema: {
      tags,
      summary: 'Edit a management object, its people and systems, or archive it',
      params: IdParams,
      body: ManagementObjectUpdate,
      response: { 200: ManagementObject, ...writeProblems },
    },
    handler: async (req) =>
      toObjectDto(await objects.updateObject(db, requireCtx(req), req.params.id, req.body)),
  });
  r.get('/api/management-objects/:id/plans', {
    schema: {
      tags,
      summary: 'The object’s yearly management plans',
      params: IdParams,
      response: { 200: z.object({ items: z.array(ManagementPlan) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await objects.listPlans(db, requireCtx(req), req.params.id)).map(toPlanDto),
    }),
  });
  r.post('/api/management-objects/:id/plans', {
    schema: {
      tags,
      summary: 'Add a yearly management plan',
      params: IdParams,
      body: ManagementPlanInput,
      response: { 201: ManagementPlan, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(toPlanDto(await objects.createPlan(db, requireCtx(req), req.params.id, req.body))),
  });
  r.patch('/api/management-plans/:id', {
    schema: {
      tags,
      summary: 'Edit or adopt a management plan',
      params: IdParams,
      body: ManagementPlanUpdate,
      response: { 200: ManagementPlan, ...writeProblems },
    },
    handler: async (req) =>
      toPlanDto(await objects.updatePlan(db, requireCtx(req), req.params.id, req.body)),
  });

  r.get('/api/systems/:id/integrations', {
    schema: {
      tags,
      summary: 'Integrations to and from a system',
      params: IdParams,
      response: { 200: z.object({ items: z.array(Integration) }), ...readProblems },
    },
    handler: async (req) => ({
      items: await objects.listIntegrations(db, requireCtx(req), req.params.id),
    }),
  });
  r.post('/api/integrations', {
    schema: {
      tags,
      summary: 'Record an integration (the first system sends to the second)',
      body: IntegrationInput,
      response: { 201: z.object({ id: z.uuid() }), ...writeProblems },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await objects.createIntegration(db, requireCtx(req), req.body)),
  });
  r.delete('/api/integrations/:id', {
    schema: {
      tags,
      summary: 'Remove an integration',
      params: IdParams,
      response: { 204: z.null(), ...writeProblems },
    },
    handler: async (req, reply) => {
      await objects.deleteIntegration(db, requireCtx(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
}
