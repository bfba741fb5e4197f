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

/** Kinds of organisation unit the seeds show (DOMAIN.md, Organisation). */
export const UNIT_KINDS = [
  'assembly', // regionfullmäktige
  'regional_board', // regionstyrelse
  'working_committee', // arbetsutskott
  'board', // nämnd
  'company', // bolag
  'administration', // förvaltning
  'department', // avdelning
  'unit', // enhet
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UnitKind = z.enum(UNIT_KINDS);

/** Kinds that are political bodies: they decide at meetings under a paragraph. */
export const BODY_KINDS: readonly UnitKind[] = [
  'assembly',
  'regional_board',
  'working_committee',
  'board',
  'company',
];

const dateOrder = <T extends { startsOn?: string | null; endsOn?: string | null }>(v: T) =>
  !v.startsOn || !v.endsOn || v.startsOn <= v.endsOn;

export const UnitInput = z
  .object({
    parentId: Id.nullable(),
    kind: UnitKind,
    name: RequiredText(200),
    shortName: OptionalText(40),
    code: OptionalText(50),
    description: OptionalText(4000),
    startsOn: IsoDate.nullable().optional(),
    endsOn: IsoDate.nullable().optional(),
  })
  .strict()
  .refine(dateOrder, { path: ['endsOn'], message: 'org.unit.endBeforeStart' });
export type UnitInput = z.infer<typeof UnitInput>;

export const UnitUpdate = z
  .object({
    version: z.number().int().min(1),
    kind: UnitKind.optional(),
    name: RequiredText(200).optional(),
    shortName: OptionalText(40),
    code: OptionalText(50),
    description: OptionalText(4000),
    startsOn: IsoDate.nullable().optional(),
    endsOn: IsoDate.nullable().optional(),
  })
  .strict();

export const UnitMove = z
  .object({ version: z.number().int().min(1), parentId: Id.nullable() })
  .strict();
export const UnitArchive = z
  .object({ version: z.number().int().min(1), archived: z.boolean() })
  .strict();

export const Unit = Stamps.extend({
  id: Id,
  parentId: Id.nullable(),
  path: z.array(Id),
  kind: UnitKind,
  name: z.string(),
  shortName: z.string().nullable(),
  /** The unit's code in the HR or finance system. */
  code: z.string().nullable(),
  description: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  archivedAt: z.string().nullable(),
  childCount: z.number().int(),
});
export type Unit = z.infer<typeof Unit>;

export const UnitListQuery = ListQuery.extend({
  q: z.string().trim().max(200).optional(),
  parentId: z.union([Id, z.literal('root')]).optional(),
  kind: UnitKind.optional(),
  includeArchived: z.stringbool().default(false),
  sort: sortParam(['name', 'kind', 'startsOn']),
});

export const SuccessionInput = z
  .object({
    successorId: Id,
    onDate: IsoDate.nullable().optional(),
    decisionId: Id.nullable().optional(),
    note: OptionalText(1000),
  })
  .strict();

export const Succession = z.object({
  id: Id,
  predecessorId: Id,
  predecessorName: z.string(),
  successorId: Id,
  successorName: z.string(),
  onDate: z.string().nullable(),
  decisionId: Id.nullable(),
  note: z.string().nullable(),
});

export const Placement = z.object({
  parentId: Id.nullable(),
  parentName: z.string().nullable(),
  fromAt: z.string(),
  toAt: z.string().nullable(),
});
