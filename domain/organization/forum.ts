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

export const ForumFields = {
  parentUnitId: Id,
  name: RequiredText(200),
  kind: ForumKind,
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

export const FORUM_FLAGS = ['no_mandate', 'missed_cadence'] as const;
export type ForumFlag = (typeof FORUM_FLAGS)[number];

export const Forum = Stamps.extend({
  id: Id,
  parentUnitId: Id,
  parentUnitName: z.string(),
  name: z.string(),
  kind: ForumKind,
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
  status: z.enum(['under_establishment', 'active', 'discontinued']),
  lastMeetingOn: z.string().nullable(),
  memberCount: z.number().int(),
  flags: z.array(z.enum(FORUM_FLAGS)),
});
export type Forum = z.infer<typeof Forum>;

export const ForumListQuery = ListQuery.extend({
  q: z.string().trim().max(200).optional(),
  unitId: Id.optional(),
  kind: ForumKind.optional(),
  flag: z.enum(FORUM_FLAGS).optional(),
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

export function forumStatus(
  f: { establishedOn: string | null; discontinuedOn: string | null },
  today: string,
) {
  if (f.discontinuedOn && f.discontinuedOn <= today) return 'discontinued' as const;
  if (f.establishedOn && f.establishedOn > today) return 'under_establishment' as const;
  return 'active' as const;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.floor((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * Flags the seeds keep finding: a forum whose mandate is unclear (not recorded), and a forum that
 * does not meet as often as it should. A forum meeting n times a year is late when more than
 * 365/n days, plus a quarter of that as grace, have passed since its last meeting (or since it
 * was established, if it never met). Discontinued forums raise no flags.
 */
export function forumFlags(
  f: {
    mandate: string | null;
    meetingsPerYear: number | null;
    establishedOn: string | null;
    discontinuedOn: string | null;
    createdOn: string;
  },
  lastMeetingOn: string | null,
  today: string,
): ForumFlag[] {
  if (forumStatus(f, today) !== 'active') return [];
  const flags: ForumFlag[] = [];
  if (!f.mandate) flags.push('no_mandate');
  if (f.meetingsPerYear) {
    const allowedGap = Math.ceil((365 / f.meetingsPerYear) * 1.25);
    const since = lastMeetingOn ?? f.establishedOn ?? f.createdOn;
    if (daysBetween(since, today) > allowedGap) flags.push('missed_cadence');
  }
  return flags;
}
