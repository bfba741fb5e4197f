import { z } from 'zod';
import { Id, IsoDate, OptionalText, RequiredText, Stamps } from '../shared/schemas.js';
import type { FieldError } from '../shared/errors.js';

/**
 * The ownership model of digital services (DOMAIN.md, Services): coordination areas
 * (samordningsområde, owned by one board) hold service areas (tjänsteområde), which hold digital
 * services (digital tjänst, one owning board each). Each level has one responsible person: the
 * owner of the coordination area, the owner of the service area, the service manager
 * (tjänsteansvarig). Who appointed them is kept, since owners appoint down the chain.
 */
export const SERVICE_NODE_KINDS = ['coordination_area', 'service_area', 'service'] as const;
export type ServiceNodeKind = (typeof SERVICE_NODE_KINDS)[number];
export const PARENT_KIND: Record<ServiceNodeKind, ServiceNodeKind | null> = {
  coordination_area: null,
  service_area: 'coordination_area',
  service: 'service_area',
};

/** Who outside the region uses a service: another region, a municipality, a private care provider. */
export const EXTERNAL_USER_KINDS = ['region', 'municipality', 'private_provider', 'other'] as const;
export const ExternalUser = z
  .object({ name: z.string().trim().min(1).max(200), kind: z.enum(EXTERNAL_USER_KINDS) })
  .strict();

const NodeFields = {
  kind: z.enum(SERVICE_NODE_KINDS),
  parentId: Id.nullable().optional(),
  name: RequiredText(200),
  description: OptionalText(4000),
  /** The owning board (nämnd or styrelse): required for coordination areas and services. */
  owningUnitId: Id.nullable().optional(),
  responsiblePersonId: Id.nullable().optional(),
  responsibleAppointedById: Id.nullable().optional(),
  responsibleAppointedOn: IsoDate.nullable().optional(),
  /** Services only: every unit must use it. */
  mandatory: z.boolean().default(false),
  /** Services only: this is a local duplicate of that shared service, which its owner must approve. */
  duplicateOfId: Id.nullable().optional(),
  duplicateApprovedById: Id.nullable().optional(),
  duplicateApprovedOn: IsoDate.nullable().optional(),
  duplicateDecisionId: Id.nullable().optional(),
  externalUsers: z.array(ExternalUser).max(100).default([]),
  systemIds: z.array(Id).max(500).default([]),
};
export const ServiceNodeInput = z.object(NodeFields).strict();
export type ServiceNodeInput = z.infer<typeof ServiceNodeInput>;
export const ServiceNodeUpdate = z
  .object({
    version: z.number().int().min(1),
    ...Object.fromEntries(
      Object.entries(NodeFields)
        .filter(([k]) => k !== 'kind')
        .map(([k, v]) => [k, (v as z.ZodType).optional()]),
    ),
    mandatory: z.boolean().optional(),
    externalUsers: z.array(ExternalUser).max(100).optional(),
    systemIds: z.array(Id).max(500).optional(),
    archived: z.boolean().optional(),
  })
  .strict() as unknown as z.ZodType<
  Partial<Omit<ServiceNodeInput, 'kind'>> & { version: number; archived?: boolean }
>;

export const SERVICE_NODE_FLAGS = [
  'no_responsible',
  'not_appointed',
  'duplicate_unapproved',
  'duplicate_of_mandatory',
] as const;
export type ServiceNodeFlag = (typeof SERVICE_NODE_FLAGS)[number];

const Ref = z.object({ id: Id, name: z.string() }).nullable();
export const ServiceNode = Stamps.extend({
  id: Id,
  kind: z.enum(SERVICE_NODE_KINDS),
  parentId: Id.nullable(),
  name: z.string(),
  description: z.string().nullable(),
  owningUnit: Ref,
  effectiveOwningUnit: Ref,
  responsible: Ref,
  responsibleAppointedBy: Ref,
  responsibleAppointedOn: z.string().nullable(),
  mandatory: z.boolean(),
  duplicateOf: Ref,
  duplicateApprovedBy: Ref,
  duplicateApprovedOn: z.string().nullable(),
  duplicateDecisionId: Id.nullable(),
  externalUsers: z.array(ExternalUser),
  systemIds: z.array(Id),
  archivedAt: z.string().nullable(),
  flags: z.array(z.enum(SERVICE_NODE_FLAGS)),
});
export type ServiceNode = z.infer<typeof ServiceNode>;

type NodeShape = {
  kind: ServiceNodeKind;
  parentId?: string | null;
  owningUnitId?: string | null;
  responsiblePersonId?: string | null;
  responsibleAppointedById?: string | null;
  mandatory?: boolean;
  duplicateOfId?: string | null;
  duplicateApprovedById?: string | null;
  duplicateApprovedOn?: string | null;
  externalUsers?: readonly unknown[];
};

/**
 * The shape rules of the tree, checked before anything is saved: a coordination area has no
 * parent and an owning board; a service area sits under a coordination area; a service sits under a
 * service area and has its own owning board. Only services are mandatory, duplicates or have
 * external users. A duplicate names a service other than itself; an approval names who and when.
 */
export function checkServiceNode(
  n: NodeShape,
  parentKind: ServiceNodeKind | null | undefined,
  duplicateOfKind: ServiceNodeKind | null | undefined,
  selfId?: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const want = PARENT_KIND[n.kind];
  if (want === null && n.parentId)
    errors.push({ path: 'parentId', key: 'ownership.noParentAllowed' });
  if (want !== null && (!n.parentId || parentKind !== want))
    errors.push({ path: 'parentId', key: `ownership.parentMustBe.${want}` });
  if (n.kind !== 'service_area' && !n.owningUnitId)
    errors.push({ path: 'owningUnitId', key: 'ownership.owningBoardRequired' });
  if (n.kind !== 'service') {
    if (n.mandatory) errors.push({ path: 'mandatory', key: 'ownership.servicesOnly' });
    if (n.duplicateOfId) errors.push({ path: 'duplicateOfId', key: 'ownership.servicesOnly' });
    if (n.externalUsers?.length)
      errors.push({ path: 'externalUsers', key: 'ownership.servicesOnly' });
  }
  if (n.duplicateOfId && (n.duplicateOfId === selfId || duplicateOfKind !== 'service'))
    errors.push({ path: 'duplicateOfId', key: 'ownership.duplicateOfService' });
  if (!n.duplicateOfId && (n.duplicateApprovedById || n.duplicateApprovedOn))
    errors.push({ path: 'duplicateApprovedById', key: 'ownership.approvalWithoutDuplicate' });
  if (Boolean(n.duplicateApprovedById) !== Boolean(n.duplicateApprovedOn))
    errors.push({
      path: n.duplicateApprovedById ? 'duplicateApprovedOn' : 'duplicateApprovedById',
      key: 'ownership.approvalNeedsWhoAndWhen',
    });
  if (n.responsibleAppointedById && !n.responsiblePersonId)
    errors.push({ path: 'responsibleAppointedById', key: 'ownership.appointedWithoutResponsible' });
  return errors;
}

/** The owning board of a node: its own, or (for a service area) that of its coordination area. */
export function effectiveOwningUnit<
  T extends { id: string; parentId: string | null; owningUnitId: string | null },
>(node: T, byId: ReadonlyMap<string, T>): string | null {
  let cur: T | undefined = node;
  for (let depth = 0; cur && depth < 4; depth++) {
    if (cur.owningUnitId) return cur.owningUnitId;
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return null;
}

/** The gaps the ownership model exists to close. */
export function serviceNodeFlags(
  n: NodeShape & { archivedAt?: unknown },
  duplicateOf: { mandatory: boolean } | null,
): ServiceNodeFlag[] {
  if (n.archivedAt) return [];
  const flags: ServiceNodeFlag[] = [];
  if (!n.responsiblePersonId) flags.push('no_responsible');
  else if (!n.responsibleAppointedById) flags.push('not_appointed');
  if (n.duplicateOfId) {
    if (!n.duplicateApprovedById || !n.duplicateApprovedOn) flags.push('duplicate_unapproved');
    if (duplicateOf?.mandatory) flags.push('duplicate_of_mandatory');
  }
  return flags;
}

export const ESCALATION_ROLES = [
  'system_manager',
  'system_owner',
  'service_manager',
  'service_area_owner',
  'coordination_area_owner',
  'council',
  'regional_director',
] as const;
export type EscalationStep = {
  role: (typeof ESCALATION_ROLES)[number];
  name: string | null;
  via: string | null;
};
export const EscalationStepSchema = z.object({
  role: z.enum(ESCALATION_ROLES),
  name: z.string().nullable(),
  via: z.string().nullable(),
});

/**
 * Where a question about a system or a service goes when its own people cannot settle it: up the
 * ownership chain (manager, owner, service manager, service area owner, coordination area owner),
 * then to the council, then to the regional director. A vacant step is kept and shown as vacant, so
 * the gap is visible where people look for help.
 */
export function escalationPath(
  start: { systemManager?: string | null; systemOwner?: string | null; system?: string },
  chain: readonly { kind: ServiceNodeKind; name: string; responsible: string | null }[],
  top: { council: string | null; regionalDirector: string | null },
): EscalationStep[] {
  const steps: EscalationStep[] = [];
  if (start.system !== undefined) {
    steps.push({ role: 'system_manager', name: start.systemManager ?? null, via: start.system });
    steps.push({ role: 'system_owner', name: start.systemOwner ?? null, via: start.system });
  }
  const role = {
    service: 'service_manager',
    service_area: 'service_area_owner',
    coordination_area: 'coordination_area_owner',
  } as const;
  for (const kind of ['service', 'service_area', 'coordination_area'] as const) {
    const node = chain.find((n) => n.kind === kind);
    if (node) steps.push({ role: role[kind], name: node.responsible, via: node.name });
  }
  steps.push({ role: 'council', name: top.council, via: null });
  steps.push({ role: 'regional_director', name: top.regionalDirector, via: null });
  return steps;
}

/** Management objects (förvaltningsobjekt, PM3) group systems and have a yearly plan. */
const ObjectFields = {
  name: RequiredText(200),
  description: OptionalText(4000),
  owningUnitId: Id.nullable().optional(),
  ownerPersonId: Id.nullable().optional(),
  managerPersonId: Id.nullable().optional(),
  systemIds: z.array(Id).max(500).default([]),
};
export const ManagementObjectInput = z.object(ObjectFields).strict();
export const ManagementObjectUpdate = z
  .object({
    version: z.number().int().min(1),
    name: RequiredText(200).optional(),
    description: OptionalText(4000),
    owningUnitId: Id.nullable().optional(),
    ownerPersonId: Id.nullable().optional(),
    managerPersonId: Id.nullable().optional(),
    systemIds: z.array(Id).max(500).optional(),
    archived: z.boolean().optional(),
  })
  .strict();
export const ManagementObject = Stamps.extend({
  id: Id,
  name: z.string(),
  description: z.string().nullable(),
  owningUnit: Ref,
  owner: Ref,
  manager: Ref,
  systems: z.array(z.object({ id: Id, name: z.string() })),
  archivedAt: z.string().nullable(),
  planYears: z.array(z.number().int()),
});

export const PLAN_STATUSES = ['draft', 'adopted'] as const;
export const PlanActivity = z
  .object({
    title: z.string().trim().min(1).max(300),
    quarter: z.number().int().min(1).max(4).nullable().optional(),
    cost: z.number().min(0).max(1e10).nullable().optional(),
  })
  .strict();
const PlanFields = {
  year: z.number().int().min(2000).max(2100),
  budget: z.number().min(0).max(1e11).nullable().optional(),
  activities: z.array(PlanActivity).max(200).default([]),
  plannedChanges: OptionalText(8000),
  status: z.enum(PLAN_STATUSES).default('draft'),
  adoptedOn: IsoDate.nullable().optional(),
};
const adoptedNeedsDate = (p: { status?: string; adoptedOn?: string | null }) =>
  p.status !== 'adopted' || Boolean(p.adoptedOn);
export const ManagementPlanInput = z
  .object(PlanFields)
  .strict()
  .refine(adoptedNeedsDate, { path: ['adoptedOn'], message: 'ownership.adoptedNeedsDate' });
export const ManagementPlanUpdate = z
  .object({
    version: z.number().int().min(1),
    budget: z.number().min(0).max(1e11).nullable().optional(),
    activities: z.array(PlanActivity).max(200).optional(),
    plannedChanges: OptionalText(8000),
    status: z.enum(PLAN_STATUSES).optional(),
    adoptedOn: IsoDate.nullable().optional(),
  })
  .strict();
export const ManagementPlan = Stamps.extend({
  id: Id,
  objectId: Id,
  year: z.number().int(),
  budget: z.number().nullable(),
  activities: z.array(PlanActivity),
  plannedChanges: z.string().nullable(),
  status: z.enum(PLAN_STATUSES),
  adoptedOn: z.string().nullable(),
  activitiesCost: z.number(),
});

/** Integrations between systems, in one direction (from sends to). */
export const INTEGRATION_METHODS = [
  'api',
  'file',
  'message',
  'database',
  'manual',
  'other',
] as const;
export const IntegrationInput = z
  .object({
    fromSystemId: Id,
    toSystemId: Id,
    method: z.enum(INTEGRATION_METHODS),
    description: OptionalText(1000),
  })
  .strict()
  .refine((i) => i.fromSystemId !== i.toSystemId, {
    path: ['toSystemId'],
    message: 'ownership.integrationSelf',
  });
export const Integration = z.object({
  id: Id,
  version: z.number().int(),
  fromSystem: z.object({ id: Id, name: z.string() }),
  toSystem: z.object({ id: Id, name: z.string() }),
  method: z.enum(INTEGRATION_METHODS),
  description: z.string().nullable(),
});
