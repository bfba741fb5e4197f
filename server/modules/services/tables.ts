import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { stamps } from '../../platform/columns.js';
import { tenants } from '../../platform/tables.js';
import { orgUnits, persons } from '../organization/tables.js';

/** The IT-system register (objektsförvaltning). Owner, contract holder and manager are separate parties. */
export const itSystems = pgTable(
  'it_systems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    description: text('description'),
    /** Unknown (null) where a register gives none or one that could not be read. */
    category: text('category'),
    lifecycle: text('lifecycle'),
    lifecycleOn: date('lifecycle_on'),
    ownerUnitId: uuid('owner_unit_id').references(() => orgUnits.id, { onDelete: 'set null' }),
    ownerPersonId: uuid('owner_person_id').references(() => persons.id, { onDelete: 'set null' }),
    ownerExternalName: text('owner_external_name'),
    /** An owner named by post ("Hälso- och sjukvårdsdirektör"), not a person: recorded, and flagged. */
    ownerRole: text('owner_role'),
    ownerAppointedById: uuid('owner_appointed_by_id').references(() => persons.id, {
      onDelete: 'set null',
    }),
    managerPersonId: uuid('manager_person_id').references(() => persons.id, {
      onDelete: 'set null',
    }),
    managerAppointedById: uuid('manager_appointed_by_id').references(() => persons.id, {
      onDelete: 'set null',
    }),
    technicalContactId: uuid('technical_contact_id').references(() => persons.id, {
      onDelete: 'set null',
    }),
    contractHolderUnitId: uuid('contract_holder_unit_id').references(() => orgUnits.id, {
      onDelete: 'set null',
    }),
    supplierName: text('supplier_name'),
    hosting: text('hosting'),
    userUnitIds: jsonb('user_unit_ids').$type<string[]>().notNull().default([]),
    approxUsers: integer('approx_users'),
    capabilities: jsonb('capabilities').$type<string[]>().notNull().default([]),
    costLicence: doublePrecision('cost_licence'),
    costOperation: doublePrecision('cost_operation'),
    costStaff: doublePrecision('cost_staff'),
    /** The register's own yearly total: the system's cost where given (costTotalOf). */
    costTotalReported: doublePrecision('cost_total_reported'),
    /** The amounts written as estimates ("ca 1,2 mkr"): their field names. */
    approximate: jsonb('approximate').$type<string[]>().notNull().default([]),
    confidentiality: integer('confidentiality'),
    integrity: integer('integrity'),
    availability: integer('availability'),
    classifiedOn: date('classified_on'),
    classifiedBy: uuid('classified_by'),
    reclassifyOn: date('reclassify_on'),
    personalData: boolean('personal_data'),
    sensitivePersonalData: boolean('sensitive_personal_data'),
    dpaSignedOn: date('dpa_signed_on'),
    /** The processing agreement: signed, missing or not needed (no processor). */
    dpaStatus: text('dpa_status'),
    dpiaStatus: text('dpia_status'),
    dpiaOn: date('dpia_on'),
    notes: text('notes'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...stamps(),
  },
  (t) => [
    check(
      'it_systems_dpa_status_ck',
      sql`${t.dpaStatus} IS NULL OR ${t.dpaStatus} IN ('signed','missing','not_needed')`,
    ),
    index('it_systems_tenant_idx').on(t.tenantId, t.name),
    index('it_systems_owner_idx').on(t.ownerUnitId),
    index('it_systems_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
    check('it_systems_category_ck', sql`${t.category} IN ('core','support','infrastructure')`),
    check(
      'it_systems_lifecycle_ck',
      sql`${t.lifecycle} IN ('planned','introducing','operating','phasing_out','phased_out')`,
    ),
    check(
      'it_systems_class_ck',
      sql`coalesce(${t.confidentiality}, 0) BETWEEN 0 AND 4 AND coalesce(${t.integrity}, 0) BETWEEN 0 AND 4 AND coalesce(${t.availability}, 0) BETWEEN 0 AND 4`,
    ),
  ],
);

export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    systemId: uuid('system_id')
      .notNull()
      .references(() => itSystems.id, { onDelete: 'cascade' }),
    /** Registers often give an end date without the contract's number. */
    contractRef: text('contract_ref'),
    supplierName: text('supplier_name'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    extensionOptions: text('extension_options'),
    noticeMonths: integer('notice_months'),
    procurementRef: text('procurement_ref'),
    valuePerYear: doublePrecision('value_per_year'),
    ...stamps(),
  },
  (t) => [
    index('contracts_system_idx').on(t.systemId),
    index('contracts_tenant_end_idx').on(t.tenantId, t.endsOn),
    check(
      'contracts_dates_ck',
      sql`${t.startsOn} IS NULL OR ${t.endsOn} IS NULL OR ${t.startsOn} <= ${t.endsOn}`,
    ),
  ],
);

/**
 * A value an import could not read, kept as the original text on the system it belongs to, as a
 * to-do: fixed when the field is next saved, or dismissed by a person (issue 14).
 */
export const systemProblems = pgTable(
  'system_problems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    systemId: uuid('system_id')
      .notNull()
      .references(() => itSystems.id, { onDelete: 'cascade' }),
    /** The register field (domain/services/register-values.ts REGISTER_FIELDS). */
    field: text('field').notNull(),
    /** The file's heading and row it came from, and the text as written. */
    heading: text('heading').notNull(),
    row: integer('row'),
    value: text('value').notNull(),
    /** A message key and its parameters, worded in the reader's language. */
    reason: text('reason').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolution: text('resolution'),
    ...stamps(),
  },
  (t) => [
    index('system_problems_system_idx').on(t.systemId),
    index('system_problems_open_idx')
      .on(t.tenantId)
      .where(sql`${t.resolvedAt} IS NULL`),
    check(
      'system_problems_resolution_ck',
      sql`${t.resolution} IS NULL OR ${t.resolution} IN ('fixed','dismissed')`,
    ),
  ],
);

/** How a region's register was read last time (headings, unit and person names), reused next time. */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    columns: jsonb('columns').$type<Record<string, string>>().notNull().default({}),
    units: jsonb('units').$type<Record<string, string>>().notNull().default({}),
    people: jsonb('people').$type<Record<string, string>>().notNull().default({}),
    ...stamps(),
  },
  (t) => [uniqueIndex('import_mappings_kind_uq').on(t.tenantId, t.kind)],
);

/** Coordination areas, service areas and digital services: one tree, one responsible person per node. */
export const serviceNodes = pgTable(
  'service_nodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => serviceNodes.id, {
      onDelete: 'restrict',
    }),
    name: text('name').notNull(),
    description: text('description'),
    owningUnitId: uuid('owning_unit_id').references(() => orgUnits.id, { onDelete: 'set null' }),
    responsiblePersonId: uuid('responsible_person_id').references(() => persons.id, {
      onDelete: 'set null',
    }),
    responsibleAppointedById: uuid('responsible_appointed_by_id').references(() => persons.id, {
      onDelete: 'set null',
    }),
    responsibleAppointedOn: date('responsible_appointed_on'),
    mandatory: boolean('mandatory').notNull().default(false),
    duplicateOfId: uuid('duplicate_of_id').references((): AnyPgColumn => serviceNodes.id, {
      onDelete: 'set null',
    }),
    duplicateApprovedById: uuid('duplicate_approved_by_id').references(() => persons.id, {
      onDelete: 'set null',
    }),
    duplicateApprovedOn: date('duplicate_approved_on'),
    duplicateDecisionId: uuid('duplicate_decision_id'),
    externalUsers: jsonb('external_users')
      .$type<{ name: string; kind: 'region' | 'municipality' | 'private_provider' | 'other' }[]>()
      .notNull()
      .default([]),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...stamps(),
  },
  (t) => [
    index('service_nodes_tenant_idx').on(t.tenantId, t.kind, t.name),
    index('service_nodes_parent_idx').on(t.parentId),
    check(
      'service_nodes_kind_ck',
      sql`${t.kind} IN ('coordination_area','service_area','service')`,
    ),
  ],
);

/** Which systems a digital service runs on (a system can serve several services). */
export const serviceNodeSystems = pgTable(
  'service_node_systems',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    nodeId: uuid('node_id')
      .notNull()
      .references(() => serviceNodes.id, { onDelete: 'cascade' }),
    systemId: uuid('system_id')
      .notNull()
      .references(() => itSystems.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.nodeId, t.systemId] }),
    index('service_node_systems_system_idx').on(t.systemId),
  ],
);

/** Management objects (förvaltningsobjekt, PM3) grouping systems; a system is in at most one. */
export const managementObjects = pgTable(
  'management_objects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    owningUnitId: uuid('owning_unit_id').references(() => orgUnits.id, { onDelete: 'set null' }),
    ownerPersonId: uuid('owner_person_id').references(() => persons.id, { onDelete: 'set null' }),
    managerPersonId: uuid('manager_person_id').references(() => persons.id, {
      onDelete: 'set null',
    }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...stamps(),
  },
  (t) => [index('management_objects_tenant_idx').on(t.tenantId, t.name)],
);

export const managementObjectSystems = pgTable(
  'management_object_systems',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    objectId: uuid('object_id')
      .notNull()
      .references(() => managementObjects.id, { onDelete: 'cascade' }),
    systemId: uuid('system_id')
      .notNull()
      .references(() => itSystems.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.objectId, t.systemId] }),
    uniqueIndex('management_object_systems_system_uq').on(t.systemId),
  ],
);

/** The yearly management plan (förvaltningsplan): budget, activities, planned changes. */
export const managementPlans = pgTable(
  'management_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    objectId: uuid('object_id')
      .notNull()
      .references(() => managementObjects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    budget: doublePrecision('budget'),
    activities: jsonb('activities')
      .$type<{ title: string; quarter?: number | null; cost?: number | null }[]>()
      .notNull()
      .default([]),
    plannedChanges: text('planned_changes'),
    status: text('status').notNull().default('draft'),
    adoptedOn: date('adopted_on'),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('management_plans_object_year_uq').on(t.objectId, t.year),
    check('management_plans_status_ck', sql`${t.status} IN ('draft','adopted')`),
  ],
);

/** An integration: the first system sends to the second. */
export const systemIntegrations = pgTable(
  'system_integrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    fromSystemId: uuid('from_system_id')
      .notNull()
      .references(() => itSystems.id, { onDelete: 'cascade' }),
    toSystemId: uuid('to_system_id')
      .notNull()
      .references(() => itSystems.id, { onDelete: 'cascade' }),
    method: text('method').notNull(),
    description: text('description'),
    ...stamps(),
  },
  (t) => [
    uniqueIndex('system_integrations_pair_uq').on(t.fromSystemId, t.toSystemId, t.method),
    index('system_integrations_to_idx').on(t.toSystemId),
    check('system_integrations_self_ck', sql`${t.fromSystemId} <> ${t.toSystemId}`),
  ],
);
