import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { stamps } from '../../platform/columns.js';
import { tenants } from '../../platform/tables.js';
import { orgUnits, persons } from '../organization/tables.js';

/** The IT-system register (objektsförvaltning). Owner, contract holder and manager are separate parties. */
export const itSystems = pgTable(
  'it_systems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
    description: text('description'),
    category: text('category').notNull(),
    lifecycle: text('lifecycle').notNull(),
    lifecycleOn: date('lifecycle_on'),
    ownerUnitId: uuid('owner_unit_id').references(() => orgUnits.id, { onDelete: 'set null' }),
    ownerPersonId: uuid('owner_person_id').references(() => persons.id, { onDelete: 'set null' }),
    ownerExternalName: text('owner_external_name'),
    managerPersonId: uuid('manager_person_id').references(() => persons.id, { onDelete: 'set null' }),
    technicalContactId: uuid('technical_contact_id').references(() => persons.id, { onDelete: 'set null' }),
    contractHolderUnitId: uuid('contract_holder_unit_id').references(() => orgUnits.id, { onDelete: 'set null' }),
    supplierName: text('supplier_name'),
    hosting: text('hosting'),
    userUnitIds: jsonb('user_unit_ids').$type<string[]>().notNull().default([]),
    approxUsers: integer('approx_users'),
    capabilities: jsonb('capabilities').$type<string[]>().notNull().default([]),
    costLicence: doublePrecision('cost_licence'),
    costOperation: doublePrecision('cost_operation'),
    costStaff: doublePrecision('cost_staff'),
    confidentiality: integer('confidentiality'),
    integrity: integer('integrity'),
    availability: integer('availability'),
    classifiedOn: date('classified_on'),
    classifiedBy: uuid('classified_by'),
    reclassifyOn: date('reclassify_on'),
    personalData: boolean('personal_data'),
    sensitivePersonalData: boolean('sensitive_personal_data'),
    dpaSignedOn: date('dpa_signed_on'),
    dpiaStatus: text('dpia_status'),
    dpiaOn: date('dpia_on'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...stamps(),
  },
  (t) => [
    index('it_systems_tenant_idx').on(t.tenantId, t.name),
    index('it_systems_owner_idx').on(t.ownerUnitId),
    index('it_systems_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
    check('it_systems_category_ck', sql`${t.category} IN ('core','support','infrastructure')`),
    check('it_systems_lifecycle_ck', sql`${t.lifecycle} IN ('planned','introducing','operating','phasing_out','phased_out')`),
    check('it_systems_class_ck', sql`coalesce(${t.confidentiality}, 0) BETWEEN 0 AND 4 AND coalesce(${t.integrity}, 0) BETWEEN 0 AND 4 AND coalesce(${t.availability}, 0) BETWEEN 0 AND 4`),
  ],
);

export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull().references(() => tenants.id, { onDelete: 'cascade' }),
    systemId: uuid('system_id').notNull().references(() => itSystems.id, { onDelete: 'cascade' }),
    contractRef: text('contract_ref').notNull(),
    supplierName: text('supplier_name'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    extensionOptions: text('extension_options'),
    noticeMonths: integer('notice_months'),
    procurementRef: text('procurement_ref'),
    valuePerYear: doublePrecision('value_per_year'),
    ...stamps(),
  },
  (t) => [index('contracts_system_idx').on(t.systemId), index('contracts_tenant_end_idx').on(t.tenantId, t.endsOn), check('contracts_dates_ck', sql`${t.startsOn} IS NULL OR ${t.endsOn} IS NULL OR ${t.startsOn} <= ${t.endsOn}`)],
);
