import { z } from 'zod';
import { Id, IsoDate, ListQuery, OptionalText, RequiredText, Stamps } from '../shared/schemas.js';

/** Steering document types the seeds show; a region may add its own (free text beyond these). */
export const DOCUMENT_TYPES = [
  'policy',
  'strategi',
  'riktlinje',
  'handlingsplan',
  'färdplan',
  'anvisning',
  'agenda',
  'reglemente',
  'ägardirektiv',
  'tillämpningsanvisning',
  'rutin',
  'verksamhetsplan',
  'internkontrollplan',
  'regionplan',
] as const;
/** utkast, remissversion, beslutad, ej beslutad, upphävd */
export const DOCUMENT_STATES = [
  'draft',
  'consultation',
  'adopted',
  'not_adopted',
  'repealed',
] as const;
/** Who adopted it; "unknown" is recorded as such, never guessed. */
export const ADOPTION_LEVELS = ['assembly', 'board', 'official', 'unknown'] as const;

const DocumentFields = {
  title: RequiredText(300),
  type: z.string().trim().toLowerCase().min(2).max(60),
  state: z.enum(DOCUMENT_STATES),
  ownerUnitId: Id,
  ownerPersonId: Id.nullable().optional(),
  adoptedByUnitId: Id.nullable().optional(),
  adoptionDecisionId: Id.nullable().optional(),
  adoptionLevel: z.enum(ADOPTION_LEVELS).default('unknown'),
  adoptedOn: IsoDate.nullable().optional(),
  validFrom: IsoDate.nullable().optional(),
  validTo: IsoDate.nullable().optional(),
  reviewOn: IsoDate.nullable().optional(),
  supersededById: Id.nullable().optional(),
  goalIds: z.array(Id).max(50).default([]),
  description: OptionalText(4000),
};
export const DocumentInput = z.object(DocumentFields).strict();
/** An edit names only what changes: no defaults here, so nothing unsent is reset. */
export const DocumentUpdate = z
  .object({
    version: z.number().int().min(1),
    title: RequiredText(300).optional(),
    type: z.string().trim().toLowerCase().min(2).max(60).optional(),
    state: z.enum(DOCUMENT_STATES).optional(),
    ownerUnitId: Id.optional(),
    ownerPersonId: Id.nullable().optional(),
    adoptedByUnitId: Id.nullable().optional(),
    adoptionDecisionId: Id.nullable().optional(),
    adoptionLevel: z.enum(ADOPTION_LEVELS).optional(),
    adoptedOn: IsoDate.nullable().optional(),
    validFrom: IsoDate.nullable().optional(),
    validTo: IsoDate.nullable().optional(),
    reviewOn: IsoDate.nullable().optional(),
    supersededById: Id.nullable().optional(),
    goalIds: z.array(Id).max(50).optional(),
    description: OptionalText(4000),
  })
  .strict();

export const DOCUMENT_FLAGS = [
  'not_political',
  'review_overdue',
  'old',
  'serves_no_goal',
  'superseded_in_force',
] as const;
export type DocumentFlag = (typeof DOCUMENT_FLAGS)[number];

export const SteeringDocument = Stamps.extend({
  id: Id,
  title: z.string(),
  type: z.string(),
  state: z.enum(DOCUMENT_STATES),
  ownerUnitId: Id,
  ownerUnitName: z.string(),
  ownerPersonId: Id.nullable(),
  adoptedByUnitId: Id.nullable(),
  adoptedByName: z.string().nullable(),
  adoptionDecisionId: Id.nullable(),
  adoptionLevel: z.enum(ADOPTION_LEVELS),
  adoptedOn: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  reviewOn: z.string().nullable(),
  supersededById: Id.nullable(),
  goalIds: z.array(Id),
  description: z.string().nullable(),
  versionCount: z.number().int(),
  flags: z.array(z.enum(DOCUMENT_FLAGS)),
});
export type SteeringDocument = z.infer<typeof SteeringDocument>;

export const DocumentListQuery = ListQuery.extend({
  q: z.string().trim().max(200).optional(),
  type: z.string().trim().toLowerCase().max(60).optional(),
  state: z.enum(DOCUMENT_STATES).optional(),
  ownerUnitId: Id.optional(),
  flag: z.enum(DOCUMENT_FLAGS).optional(),
});

/**
 * The flags auditors raise on steering documents: adopted by officials only (or by no one known),
 * past its review date, older than the region's limit, serving no goal, or superseded while still
 * marked as adopted. Only documents in force (adopted) are judged; drafts and repealed ones are not.
 */
export function documentFlags(
  d: {
    state: string;
    adoptionLevel: string;
    reviewOn: string | null;
    adoptedOn: string | null;
    validFrom: string | null;
    goalCount: number;
    supersededById: string | null;
    type: string;
  },
  today: string,
  maxAgeYears: number,
): DocumentFlag[] {
  if (d.state !== 'adopted') return [];
  const flags: DocumentFlag[] = [];
  if (d.adoptionLevel === 'official' || d.adoptionLevel === 'unknown') flags.push('not_political');
  if (d.reviewOn && d.reviewOn < today) flags.push('review_overdue');
  const since = d.adoptedOn ?? d.validFrom;
  if (since && addYears(since, maxAgeYears) < today) flags.push('old');
  if (
    d.goalCount === 0 &&
    ['strategi', 'policy', 'handlingsplan', 'färdplan', 'agenda'].includes(d.type)
  )
    flags.push('serves_no_goal');
  if (d.supersededById) flags.push('superseded_in_force');
  return flags;
}

const addYears = (isoDate: string, years: number) =>
  `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;

export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;
export const DocumentVersion = z.object({
  id: Id,
  documentId: Id,
  label: z.string(),
  note: z.string().nullable(),
  attachment: z.object({
    id: Id,
    filename: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    contentType: z.string(),
  }),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
