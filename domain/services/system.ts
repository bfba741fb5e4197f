import { addMonths } from '../shared/dates.js';
import { z } from 'zod';
import { Id, IsoDate, ListQuery, OptionalText, RequiredText, Stamps } from '../shared/schemas.js';

/** verksamhetskritisk, verksamhetsstödjande, IT-infrastruktur */
export const SYSTEM_CATEGORIES = ['core', 'support', 'infrastructure'] as const;
/** planerad, under införande, i drift, under avveckling, avvecklad */
export const LIFECYCLES = [
  'planned',
  'introducing',
  'operating',
  'phasing_out',
  'phased_out',
] as const;
export const DPIA_STATUSES = ['not_needed', 'needed', 'done'] as const;
/** The processing agreement (PUB-avtal): signed, missing, or not needed (no processor). */
export const DPA_STATUSES = ['signed', 'missing', 'not_needed'] as const;
/** The amounts a register may give as estimates ("ca 1,2 mkr"). */
export const APPROXIMABLE = [
  'costLicence',
  'costOperation',
  'costStaff',
  'costTotalReported',
  'approxUsers',
] as const;
/** The region's level scale for confidentiality, integrity and availability (K/R/T). */
export const CLASS_LEVEL = z.number().int().min(0).max(4);

const SystemFields = {
  name: RequiredText(200),
  aliases: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  description: OptionalText(4000),
  /** Required by the form; null where an imported register gives none that can be read. */
  category: z.enum(SYSTEM_CATEGORIES).nullable(),
  lifecycle: z.enum(LIFECYCLES).nullable(),
  lifecycleOn: IsoDate.nullable().optional(),
  ownerUnitId: Id.nullable().optional(),
  ownerPersonId: Id.nullable().optional(),
  /** An owner who is not a person in the region (a vendor, a company outside the tree): recorded, and flagged. */
  ownerExternalName: OptionalText(200),
  /** An owner named by post, not by person ("Hälso- och sjukvårdsdirektör"): recorded, and flagged. */
  ownerRole: OptionalText(200),
  ownerAppointedById: Id.nullable().optional(),
  managerPersonId: Id.nullable().optional(),
  managerAppointedById: Id.nullable().optional(),
  technicalContactId: Id.nullable().optional(),
  contractHolderUnitId: Id.nullable().optional(),
  supplierName: OptionalText(200),
  hosting: OptionalText(200),
  userUnitIds: z.array(Id).max(200).default([]),
  approxUsers: z.number().int().min(0).max(10_000_000).nullable().optional(),
  capabilities: z.array(z.string().trim().toLowerCase().min(1).max(100)).max(30).default([]),
  costLicence: z.number().min(0).max(1e10).nullable().optional(),
  costOperation: z.number().min(0).max(1e10).nullable().optional(),
  costStaff: z.number().min(0).max(1e10).nullable().optional(),
  /** The register's own yearly total; the system's cost where given (costTotalOf). */
  costTotalReported: z.number().min(0).max(1e11).nullable().optional(),
  approximate: z.array(z.enum(APPROXIMABLE)).max(APPROXIMABLE.length).optional(),
  confidentiality: CLASS_LEVEL.nullable().optional(),
  integrity: CLASS_LEVEL.nullable().optional(),
  availability: CLASS_LEVEL.nullable().optional(),
  classifiedOn: IsoDate.nullable().optional(),
  reclassifyOn: IsoDate.nullable().optional(),
  personalData: z.boolean().nullable().optional(),
  sensitivePersonalData: z.boolean().nullable().optional(),
  dpaSignedOn: IsoDate.nullable().optional(),
  dpaStatus: z.enum(DPA_STATUSES).nullable().optional(),
  dpiaStatus: z.enum(DPIA_STATUSES).nullable().optional(),
  dpiaOn: IsoDate.nullable().optional(),
  notes: OptionalText(4000),
};
export const SystemInput = z.object(SystemFields).strict();
export type SystemInput = z.infer<typeof SystemInput>;
export const SystemUpdate = z
  .object({
    version: z.number().int().min(1),
    ...Object.fromEntries(
      Object.entries(SystemFields).map(([k, v]) => [k, (v as z.ZodType).optional()]),
    ),
    aliases: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
    userUnitIds: z.array(Id).max(200).optional(),
    capabilities: z.array(z.string().trim().toLowerCase().min(1).max(100)).max(30).optional(),
    approximate: z.array(z.enum(APPROXIMABLE)).max(APPROXIMABLE.length).optional(),
    archived: z.boolean().optional(),
  })
  .strict() as unknown as z.ZodType<Partial<SystemInput> & { version: number; archived?: boolean }>;

export const SYSTEM_FLAGS = [
  'no_owner',
  'owner_role',
  'no_manager',
  'owner_external',
  'no_classification',
  'classification_stale',
  'personal_data_no_dpa',
  'personal_data_no_dpia',
  'contract_ending',
  'contract_expired',
  'phased_out_with_contract',
  'import_problems',
] as const;
export type SystemFlag = (typeof SYSTEM_FLAGS)[number];

export const System = Stamps.extend({
  id: Id,
  name: z.string(),
  aliases: z.array(z.string()),
  description: z.string().nullable(),
  category: z.enum(SYSTEM_CATEGORIES).nullable(),
  lifecycle: z.enum(LIFECYCLES).nullable(),
  lifecycleOn: z.string().nullable(),
  ownerUnitId: Id.nullable(),
  ownerUnitName: z.string().nullable(),
  ownerPersonId: Id.nullable(),
  ownerPersonName: z.string().nullable(),
  ownerExternalName: z.string().nullable(),
  ownerRole: z.string().nullable(),
  ownerAppointedById: Id.nullable(),
  ownerAppointedByName: z.string().nullable(),
  managerPersonId: Id.nullable(),
  managerPersonName: z.string().nullable(),
  managerAppointedById: Id.nullable(),
  managerAppointedByName: z.string().nullable(),
  technicalContactId: Id.nullable(),
  technicalContactName: z.string().nullable(),
  contractHolderUnitId: Id.nullable(),
  contractHolderUnitName: z.string().nullable(),
  supplierName: z.string().nullable(),
  hosting: z.string().nullable(),
  userUnitIds: z.array(Id),
  /** The units using the system, with their names. */
  userUnits: z.array(z.object({ id: Id, name: z.string() })),
  approxUsers: z.number().int().nullable(),
  capabilities: z.array(z.string()),
  costLicence: z.number().nullable(),
  costOperation: z.number().nullable(),
  costStaff: z.number().nullable(),
  costTotalReported: z.number().nullable(),
  /** The register's own total where given, else the parts, else unknown (costTotalOf). */
  costTotal: z.number().nullable(),
  approximate: z.array(z.enum(APPROXIMABLE)),
  confidentiality: z.number().int().nullable(),
  integrity: z.number().int().nullable(),
  availability: z.number().int().nullable(),
  classifiedOn: z.string().nullable(),
  reclassifyOn: z.string().nullable(),
  personalData: z.boolean().nullable(),
  sensitivePersonalData: z.boolean().nullable(),
  dpaSignedOn: z.string().nullable(),
  dpaStatus: z.enum(DPA_STATUSES).nullable(),
  dpiaStatus: z.enum(DPIA_STATUSES).nullable(),
  dpiaOn: z.string().nullable(),
  notes: z.string().nullable(),
  /** Values an import could not read, still open (to-dos on the system). */
  openProblems: z.number().int(),
  archivedAt: z.string().nullable(),
  nextContractEndOn: z.string().nullable(),
  flags: z.array(z.enum(SYSTEM_FLAGS)),
});
export type System = z.infer<typeof System>;

export const SystemListQuery = ListQuery.extend({
  q: z.string().trim().max(200).optional(),
  category: z.enum(SYSTEM_CATEGORIES).optional(),
  lifecycle: z.enum(LIFECYCLES).optional(),
  ownerUnitId: Id.optional(),
  capability: z.string().trim().toLowerCase().max(100).optional(),
  flag: z.enum(SYSTEM_FLAGS).optional(),
  includeArchived: z.stringbool().default(false),
});

const ContractFields = {
  systemId: Id,
  contractRef: OptionalText(100),
  supplierName: OptionalText(200),
  startsOn: IsoDate.nullable().optional(),
  endsOn: IsoDate.nullable().optional(),
  extensionOptions: OptionalText(500),
  noticeMonths: z.number().int().min(0).max(120).nullable().optional(),
  procurementRef: OptionalText(100),
  valuePerYear: z.number().min(0).max(1e11).nullable().optional(),
};
const contractDates = (c: { startsOn?: string | null; endsOn?: string | null }) =>
  !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn;
export const ContractInput = z
  .object(ContractFields)
  .strict()
  .refine(contractDates, { path: ['endsOn'], message: 'services.contractEndBeforeStart' });
/** An edit names the version it read; the contract's system does not change. */
export const ContractUpdate = z
  .object({
    version: z.number().int().min(1),
    ...Object.fromEntries(
      Object.entries(ContractFields)
        .filter(([k]) => k !== 'systemId')
        .map(([k, v]) => [k, (v as z.ZodType).optional()]),
    ),
  })
  .strict() as unknown as z.ZodType<
  Partial<Omit<z.infer<typeof ContractInput>, 'systemId'>> & { version: number }
>;
export const Contract = Stamps.extend({
  id: Id,
  systemId: Id,
  contractRef: z.string().nullable(),
  supplierName: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  extensionOptions: z.string().nullable(),
  noticeMonths: z.number().int().nullable(),
  procurementRef: z.string().nullable(),
  valuePerYear: z.number().nullable(),
});

export type SystemSettings = { contractWarningMonths: number; classificationMaxAgeYears: number };
export const DEFAULT_SYSTEM_SETTINGS: SystemSettings = {
  contractWarningMonths: 18,
  classificationMaxAgeYears: 3,
};

/**
 * The gaps the register exists to show (DOMAIN.md, Services): who owns and manages it, how it is
 * classified and when that goes stale, personal data without a processing agreement or DPIA, and
 * contracts that end soon (procurement takes 3–5 years to prepare, so the warning comes early) or
 * have ended while the system runs, or run on after the system was phased out.
 */
export function systemFlags(
  s: {
    lifecycle: string | null;
    ownerPersonId: string | null;
    ownerExternalName: string | null;
    ownerRole?: string | null;
    managerPersonId: string | null;
    confidentiality: number | null;
    integrity: number | null;
    availability: number | null;
    classifiedOn: string | null;
    reclassifyOn: string | null;
    personalData: boolean | null;
    dpaSignedOn: string | null;
    dpaStatus?: string | null;
    dpiaStatus: string | null;
    openProblems?: number;
    archivedAt?: unknown;
  },
  contracts: readonly { endsOn: string | null }[],
  today: string,
  settings: SystemSettings = DEFAULT_SYSTEM_SETTINGS,
): SystemFlag[] {
  if (s.archivedAt) return [];
  const flags: SystemFlag[] = [];
  const live = s.lifecycle !== 'phased_out';
  if (live) {
    if (!s.ownerPersonId && !s.ownerExternalName)
      flags.push(s.ownerRole ? 'owner_role' : 'no_owner');
    if (!s.ownerPersonId && s.ownerExternalName) flags.push('owner_external');
    if (!s.managerPersonId) flags.push('no_manager');
    if (s.confidentiality == null || s.integrity == null || s.availability == null)
      flags.push('no_classification');
    else if (
      (s.reclassifyOn && s.reclassifyOn < today) ||
      (s.classifiedOn && addMonths(s.classifiedOn, settings.classificationMaxAgeYears * 12) < today)
    )
      flags.push('classification_stale');
    if (s.personalData) {
      if (!s.dpaSignedOn && s.dpaStatus !== 'signed' && s.dpaStatus !== 'not_needed')
        flags.push('personal_data_no_dpa');
      if (s.dpiaStatus !== 'done' && s.dpiaStatus !== 'not_needed')
        flags.push('personal_data_no_dpia');
    }
  }
  const ends = contracts.map((c) => c.endsOn).filter((e): e is string => Boolean(e));
  const running = contracts.some((c) => !c.endsOn || c.endsOn >= today);
  if (s.lifecycle === 'operating' || s.lifecycle === 'phasing_out') {
    if (ends.some((e) => e >= today && e <= addMonths(today, settings.contractWarningMonths)))
      flags.push('contract_ending');
    if (ends.length > 0 && !running) flags.push('contract_expired');
  }
  if (s.lifecycle === 'phased_out' && running && contracts.length > 0)
    flags.push('phased_out_with_contract');
  if ((s.openProblems ?? 0) > 0) flags.push('import_problems');
  return flags;
}

/**
 * A system's yearly cost: the register's own total where it gives one (its parts may be only some
 * of the costs), else the sum of the parts given, else unknown (null, never 0). A total that does
 * not match its parts is kept as written, and the import notes it.
 */
export function costTotalOf(s: {
  costLicence: number | null;
  costOperation: number | null;
  costStaff: number | null;
  costTotalReported?: number | null;
}): number | null {
  if (s.costTotalReported != null) return s.costTotalReported;
  const parts = [s.costLicence, s.costOperation, s.costStaff].filter((x) => x != null);
  return parts.length ? parts.reduce((a, b) => a + b, 0) : null;
}

/**
 * Likely duplicates: a capability served by several live systems owned by different units. The
 * answer names the capability and the systems, for people to judge; it does not merge anything.
 */
export function likelyDuplicates(
  systems: readonly {
    id: string;
    name: string;
    ownerUnitId: string | null;
    lifecycle: string | null;
    capabilities: readonly string[];
  }[],
) {
  const byCapability = new Map<
    string,
    { id: string; name: string; ownerUnitId: string | null }[]
  >();
  for (const s of systems) {
    if (s.lifecycle === 'phased_out') continue;
    for (const c of s.capabilities) byCapability.set(c, [...(byCapability.get(c) ?? []), s]);
  }
  return [...byCapability]
    .filter(([, list]) => new Set(list.map((s) => s.ownerUnitId ?? '-')).size > 1)
    .map(([capability, list]) => ({
      capability,
      systems: list.map((s) => ({ id: s.id, name: s.name, ownerUnitId: s.ownerUnitId })),
    }))
    .sort(
      (a, b) =>
        b.systems.length - a.systems.length || a.capability.localeCompare(b.capability, 'sv'),
    );
}
