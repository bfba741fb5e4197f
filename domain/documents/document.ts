import { z } from 'zod';
import { Id, IsoDate, ListQuery, OptionalText, RequiredText, Stamps } from '../shared/schemas.js';
import { Evidence } from '../shared/evidence.js';
import { DOCUMENT_FLAGS, validityInOrder } from './flags.js';

export * from './flags.js';

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

/** How (a text) and when (follow-ups a year and/or a text) a strategy is followed up. */
const FollowUpFields = {
  followUpText: OptionalText(2000),
  followUpsPerYear: z.number().int().min(1).max(52).nullable().optional(),
  followUpWhen: OptionalText(300),
};

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
  ...FollowUpFields,
};
export const DocumentInput = z
  .object(DocumentFields)
  .strict()
  .refine(validityInOrder, { path: ['validTo'], message: 'documents.validToBeforeFrom' });
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
    ...FollowUpFields,
  })
  .strict()
  .refine(validityInOrder, { path: ['validTo'], message: 'documents.validToBeforeFrom' });

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
  followUpText: z.string().nullable(),
  followUpsPerYear: z.number().int().nullable(),
  followUpWhen: z.string().nullable(),
  versionCount: z.number().int(),
  flags: z.array(z.enum(DOCUMENT_FLAGS)),
  /** The adopting body as it stands today: ended, and the body that succeeded it. */
  adopter: z
    .object({
      id: Id,
      name: z.string(),
      endsOn: z.string().nullable(),
      successors: z.array(z.object({ id: Id, name: z.string() })),
    })
    .nullable(),
  /** The goals it serves, each with whether it is its own (no overarching goal above it). */
  goals: z.array(
    z.object({ id: Id, title: z.string(), level: z.string(), withoutOverarching: z.boolean() }),
  ),
  /** The cited decision's level as an adoption level, when a decision is cited. */
  decisionAdoptionLevel: z.enum(ADOPTION_LEVELS).nullable(),
});
export type SteeringDocument = z.infer<typeof SteeringDocument>;

export const DocumentListQuery = ListQuery.extend({
  q: z.string().trim().max(200).optional(),
  type: z.string().trim().toLowerCase().max(60).optional(),
  state: z.enum(DOCUMENT_STATES).optional(),
  ownerUnitId: Id.optional(),
  flag: z.enum(DOCUMENT_FLAGS).optional(),
});

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

/** Per body, the politically adopted, current strategies it holds (the figure opens them). */
export const StrategyCount = z.object({
  bodyId: Id.nullable(),
  bodyName: z.string().nullable(),
  evidence: Evidence,
});
export const StrategyCountQuery = z.object({ bodyId: Id.optional() }).strict();
/** Per flag, the documents that raise it. */
export const FlagCount = z.object({ flag: z.enum(DOCUMENT_FLAGS), evidence: Evidence });
