import { z } from 'zod';
import {
  Id,
  IsoDate,
  OptionalText,
  RequiredText,
  Stamps,
  ListQuery,
  sortParam,
} from '../shared/schemas.js';

/**
 * Forums prepare or decide (DOMAIN.md, Organisation). The same name means different things in
 * different regions, so kind is only a label: composition and mandate are data.
 */
export const FORUM_KINDS = [
  'digitalisation_council', // digitaliseringsråd
  'officials_preparation', // tjänstemannaberedning
  'political_preparation', // politisk beredning
  'architecture_council', // arkitekturråd
  'portfolio_council', // portföljråd
  'portfolio_office', // portföljkontor
  'steering_group', // styrgrupp
  'management_team', // ledningsgrupp
  'working_committee', // arbetsutskott
  'development_council', // utvecklingsråd
  'external_network', // externt nätverk, partnerskap
  'other',
] as const;
export const ForumKind = z.enum(FORUM_KINDS);

export const MANDATES = ['decides', 'prepares', 'advises'] as const;
export const Mandate = z.enum(MANDATES);

export const EXTERNAL_ROLES = ['member', 'co_funder', 'observer'] as const;

/** Who sits in the forum: elected politicians, officials (tjänstepersoner), or both. */
export const FORUM_LEVELS = ['political', 'official', 'mixed'] as const;
export const ForumLevel = z.enum(FORUM_LEVELS);

/**
 * A forum's life (DOMAIN.md: forums are set up and discontinued by decisions): planned (no
 * setting-up decision yet) → under establishment (the setting-up decision is recorded, the forum
 * has not started) → active → discontinued (a date and the decision). The stage is stored; a
 * discontinuation decided for a later date takes effect on that date.
 */
export const FORUM_LIFECYCLES = [
  'planned',
  'under_establishment',
  'active',
  'discontinued',
] as const;
export type ForumLifecycle = (typeof FORUM_LIFECYCLES)[number];
export const ForumLifecycleSchema = z.enum(FORUM_LIFECYCLES);

export const ForumFields = {
  parentUnitId: Id,
  name: RequiredText(200),
  kind: ForumKind,
  level: ForumLevel.nullable().optional(),
  lifecycle: ForumLifecycleSchema.optional(),
  description: OptionalText(4000),
  mandate: Mandate.nullable().optional(),
  mandateText: OptionalText(4000),
  mandateDecisionId: Id.nullable().optional(),
  meetingsPerYear: z.number().int().min(1).max(52).nullable().optional(),
  cadenceText: OptionalText(200),
  standingAgendaItems: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  establishedOn: IsoDate.nullable().optional(),
  establishedDecisionId: Id.nullable().optional(),
  discontinuedOn: IsoDate.nullable().optional(),
  discontinuedDecisionId: Id.nullable().optional(),
  externalRole: z.enum(EXTERNAL_ROLES).nullable().optional(),
};

export const ForumInput = z.object(ForumFields).strict();
export const ForumUpdate = z
  .object({
    version: z.number().int().min(1),
    ...ForumFields,
    parentUnitId: Id.optional(),
    name: RequiredText(200).optional(),
    kind: ForumKind.optional(),
  })
  .strict();

/** mandat saknas, medlemmar saknas, n av m planerade möten <år> */
export const FORUM_FLAGS = ['no_mandate', 'no_members', 'missed_cadence'] as const;
export type ForumFlag = (typeof FORUM_FLAGS)[number];

/** One calendar year of the cadence: meetings held by today, meetings the cadence plans, meetings on the calendar ahead. */
export const CadenceYear = z.object({
  year: z.number().int(),
  held: z.number().int(),
  planned: z.number().int(),
  scheduled: z.number().int(),
  expectedByToday: z.number().int(),
  behind: z.boolean(),
});
export type CadenceYear = z.infer<typeof CadenceYear>;

export const Forum = Stamps.extend({
  id: Id,
  parentUnitId: Id,
  parentUnitName: z.string(),
  name: z.string(),
  kind: ForumKind,
  level: ForumLevel.nullable(),
  lifecycle: ForumLifecycleSchema,
  description: z.string().nullable(),
  mandate: Mandate.nullable(),
  mandateText: z.string().nullable(),
  mandateDecisionId: Id.nullable(),
  meetingsPerYear: z.number().int().nullable(),
  cadenceText: z.string().nullable(),
  standingAgendaItems: z.array(z.string()),
  establishedOn: z.string().nullable(),
  establishedDecisionId: Id.nullable(),
  discontinuedOn: z.string().nullable(),
  discontinuedDecisionId: Id.nullable(),
  externalRole: z.enum(EXTERNAL_ROLES).nullable(),
  status: ForumLifecycleSchema,
  lastMeetingOn: z.string().nullable(),
  /** Current ledamöter (from/to covers today). */
  memberCount: z.number().int(),
  /** Current ersättare. */
  deputyCount: z.number().int(),
  cadence: z.array(CadenceYear),
  flags: z.array(z.enum(FORUM_FLAGS)),
});
export type Forum = z.infer<typeof Forum>;

export const ForumListQuery = ListQuery.extend({
  q: z.string().trim().max(200).optional(),
  unitId: Id.optional(),
  kind: ForumKind.optional(),
  level: ForumLevel.optional(),
  flag: z.enum(FORUM_FLAGS).optional(),
  /** A stage, or `current`: every forum not discontinued (discontinued forums are listed apart). */
  status: z.enum([...FORUM_LIFECYCLES, 'current']).optional(),
  sort: sortParam(['name', 'kind']),
});

export const MEMBER_ROLES = ['member', 'deputy'] as const; // ledamot, ersättare
export const MemberInput = z
  .object({
    personId: Id.nullable().optional(),
    externalName: OptionalText(200),
    memberRole: z.enum(MEMBER_ROLES),
    seatTitle: OptionalText(200),
    delegateId: Id.nullable().optional(),
    fromOn: IsoDate.nullable().optional(),
    toOn: IsoDate.nullable().optional(),
  })
  .strict()
  .refine((m) => Boolean(m.personId) !== Boolean(m.externalName), {
    path: ['personId'],
    message: 'org.member.personOrExternal',
  });
export const Member = z.object({
  id: Id,
  forumId: Id,
  personId: Id.nullable(),
  personName: z.string().nullable(),
  externalName: z.string().nullable(),
  memberRole: z.enum(MEMBER_ROLES),
  seatTitle: z.string().nullable(),
  delegateId: Id.nullable(),
  delegateName: z.string().nullable(),
  fromOn: z.string().nullable(),
  toOn: z.string().nullable(),
  version: z.number().int(),
});

export * from './forum-rules.js';
