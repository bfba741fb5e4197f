import type { RegisterField } from './register-values.js';
import type { SystemInput } from './system.js';

/**
 * Which of a system's fields answer an import problem of each register field: saving any of them
 * (from the form, the API or a later import that reads the value) marks the problem fixed.
 * `contract`: a contract of the system is added or changed.
 */
export const PROBLEM_SYSTEM_FIELDS: Record<
  RegisterField,
  readonly (keyof SystemInput)[] | 'contract'
> = {
  id: [],
  name: ['name'],
  aliases: ['aliases'],
  description: ['description'],
  administration: ['ownerUnitId'],
  board: ['ownerUnitId'],
  owner: ['ownerPersonId', 'ownerExternalName', 'ownerRole'],
  manager: ['managerPersonId'],
  supplier: ['supplierName'],
  category: ['category'],
  lifecycle: ['lifecycle', 'lifecycleOn'],
  users: ['approxUsers'],
  userUnits: ['userUnitIds'],
  costLicence: ['costLicence'],
  costOperation: ['costOperation'],
  costStaff: ['costStaff'],
  costTotal: ['costTotalReported', 'costLicence', 'costOperation', 'costStaff'],
  personalData: ['personalData', 'sensitivePersonalData'],
  dpa: ['dpaStatus', 'dpaSignedOn'],
  dpia: ['dpiaStatus', 'dpiaOn'],
  levels: ['confidentiality', 'integrity', 'availability'],
  confidentiality: ['confidentiality'],
  integrity: ['integrity'],
  availability: ['availability'],
  classifiedOn: ['classifiedOn'],
  contractRef: 'contract',
  contractEndsOn: 'contract',
  extension: 'contract',
  noticeMonths: 'contract',
  hosting: ['hosting'],
  capabilities: ['capabilities'],
  comment: ['notes'],
};

/** The register fields whose open problems a save of these system fields answers. */
export function answeredFields(changed: readonly string[]): RegisterField[] {
  const set = new Set(changed);
  return (
    Object.entries(PROBLEM_SYSTEM_FIELDS) as [RegisterField, readonly string[] | 'contract'][]
  )
    .filter(([, fields]) =>
      fields === 'contract' ? set.has('contract') : fields.some((f) => set.has(f)),
    )
    .map(([field]) => field);
}
