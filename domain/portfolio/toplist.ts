import { z } from 'zod';
import { Evidence } from '../shared/evidence.js';
import { Id, IsoDate, OptionalText, RequiredText } from '../shared/schemas.js';

/**
 * Top lists ("de 10 viktigaste", in practice any length; DOMAIN.md, Portfolio): several per
 * region, each named, for a year, adopted by a decision, with the effects each entry is expected
 * to bring. Region management follows a list up at a planned cadence ("fyra gånger per år"):
 * per entry its status (pågående, pausad, avslutad), how far its effects are reached and a
 * comment. The reports say the cadence is often missed, so the gap is shown, per year.
 */

/** pågående, pausad, avslutad */
export const TOP_STATUSES = ['ongoing', 'paused', 'closed'] as const;
export type TopStatus = (typeof TOP_STATUSES)[number];
/** How far the expected effects are reached: ej påbörjat, delvis, helt (a percentage may add to it). */
export const EFFECT_LEVELS = ['not_started', 'partly', 'fully'] as const;
export type EffectLevel = (typeof EFFECT_LEVELS)[number];
/** DOMAIN.md: region management follows the list up "four times a year". */
export const DEFAULT_FOLLOW_UPS_PER_YEAR = 4;

const Year = z.number().int().min(2000).max(2100);
const PerYear = z.number().int().min(1).max(52);

const Entry = z
  .object({
    initiativeId: Id,
    /** What the initiative is expected to bring, in the list's words. */
    expectedEffects: OptionalText(2000),
    /** The initiative's own expected benefits (förväntade effekter) the entry is followed up on. */
    benefitIds: z.array(Id).max(50).default([]),
  })
  .strict();
export type TopListEntryInput = z.infer<typeof Entry>;

const onceEach = (entries: readonly { initiativeId: string }[] | undefined) =>
  !entries || new Set(entries.map((e) => e.initiativeId)).size === entries.length;

const ListFields = {
  name: RequiredText(200),
  year: Year,
  /** The decision that adopted the list: it must adopt (a beslut with outcome bifall). */
  decisionId: Id.nullable().optional(),
  /** The planned follow-ups a year, when the list says; else taken from the cadence document. */
  followUpsPerYear: PerYear.nullable().optional(),
  /** The steering document that sets the cadence (its follow-ups per year). */
  cadenceDocumentId: Id.nullable().optional(),
  entries: z.array(Entry).max(200).default([]),
};
export const TopListInput = z
  .object(ListFields)
  .strict()
  .refine((l) => onceEach(l.entries), { path: ['entries'], message: 'portfolio.top.entryTwice' });
export type TopListInput = z.infer<typeof TopListInput>;
export const TopListUpdate = z
  .object({
    version: z.number().int().min(1),
    name: ListFields.name.optional(),
    year: Year.optional(),
    decisionId: ListFields.decisionId,
    followUpsPerYear: ListFields.followUpsPerYear,
    cadenceDocumentId: ListFields.cadenceDocumentId,
    entries: z.array(Entry).max(200).optional(),
    /** An archived list is kept (with its follow-ups) but no longer shown among the year's lists. */
    archived: z.boolean().optional(),
  })
  .strict()
  .refine((l) => onceEach(l.entries), { path: ['entries'], message: 'portfolio.top.entryTwice' });
export type TopListUpdate = z.infer<typeof TopListUpdate>;

const FollowUpEntry = z
  .object({
    initiativeId: Id,
    /** Left out (or null): the follow-up did not say, shown as "status saknas". */
    status: z.enum(TOP_STATUSES).nullable().optional(),
    effects: z.enum(EFFECT_LEVELS).nullable().optional(),
    effectsReached: z.number().int().min(0).max(100).nullable().optional(),
    comment: OptionalText(2000),
  })
  .strict();
export const TopFollowUpInput = z
  .object({
    heldOn: IsoDate,
    forum: OptionalText(200),
    entries: z.array(FollowUpEntry).max(200).default([]),
  })
  .strict()
  .refine((f) => onceEach(f.entries), { path: ['entries'], message: 'portfolio.top.entryTwice' });
export type TopFollowUpInput = z.infer<typeof TopFollowUpInput>;

export type FollowUpEntry = {
  initiativeId: string;
  status?: TopStatus | null | undefined;
  effects?: EffectLevel | null | undefined;
  effectsReached?: number | null | undefined;
  comment?: string | null | undefined;
};

/**
 * Each entry of the list as one follow-up recorded it. An entry the follow-up said nothing about,
 * or gave no status, has status null ("status saknas"): an earlier follow-up's status is never
 * shown as if it were current.
 */
export function entryStanding(
  entries: readonly { initiativeId: string }[],
  followUp: { entries: readonly FollowUpEntry[] } | null,
) {
  return entries.map((e) => {
    const f = followUp?.entries.find((x) => x.initiativeId === e.initiativeId);
    return {
      initiativeId: e.initiativeId,
      status: f?.status ?? null,
      effects: f?.effects ?? null,
      effectsReached: f?.effectsReached ?? null,
      comment: f?.comment ?? null,
    };
  });
}

/** Where the planned number of follow-ups a year comes from: the list, its document, or the region's setting. */
export type CadenceSource = 'list' | 'document' | 'setting';
export function plannedFollowUps(
  listPerYear: number | null,
  documentPerYear: number | null,
  settingPerYear: number | null,
): { planned: number; source: CadenceSource } {
  if (listPerYear) return { planned: listPerYear, source: 'list' };
  if (documentPerYear) return { planned: documentPerYear, source: 'document' };
  return { planned: settingPerYear || DEFAULT_FOLLOW_UPS_PER_YEAR, source: 'setting' };
}

/**
 * "n av m uppföljningar genomförda <år>": n the follow-ups recorded as held in the year,
 * m the planned ones. Behind when fewer were held than were due by today: all m for a past year,
 * none for a future one, and in the current year those whose period has ended (with four a
 * year, one by the end of March, two by the end of June).
 */
export function followUpStanding(
  heldOn: readonly string[],
  planned: number,
  year: number,
  today: string,
) {
  const held = heldOn.filter((d) => d.startsWith(`${year}-`)).length;
  const thisYear = Number(today.slice(0, 4));
  const monthsEnded = Number(today.slice(5, 7)) - 1;
  const due =
    year < thisYear ? planned : year > thisYear ? 0 : Math.floor((planned * monthsEnded) / 12);
  return { held, planned, due, behind: held < due };
}

const Standing = z.object({
  initiativeId: Id,
  status: z.enum(TOP_STATUSES).nullable(),
  effects: z.enum(EFFECT_LEVELS).nullable(),
  effectsReached: z.number().int().nullable(),
  comment: z.string().nullable(),
});
/** A top list as the API answers it: its decision and cadence, each entry as last followed up, and the follow-ups. */
export const TopList = z.object({
  id: Id,
  version: z.number().int(),
  name: z.string(),
  year: z.number().int(),
  archived: z.boolean(),
  decisionId: Id.nullable(),
  decision: z
    .object({
      id: Id,
      title: z.string(),
      level: z.string(),
      decidedOn: z.string().nullable(),
      paragraph: z.string().nullable(),
      caseNumber: z.string().nullable(),
      bodyShortName: z.string().nullable(),
    })
    .nullable(),
  followUpsPerYear: z.number().int().nullable(),
  cadenceDocumentId: Id.nullable(),
  cadenceDocument: z
    .object({
      id: Id,
      title: z.string(),
      followUpsPerYear: z.number().int().nullable(),
      expired: z.boolean(),
      validTo: z.string().nullable(),
    })
    .nullable(),
  /** m: the planned follow-ups in the year, and where the number comes from. */
  planned: z.number().int(),
  cadenceSource: z.enum(['list', 'document', 'setting']),
  /** n: the follow-ups held in the list's year, with the records. */
  held: Evidence,
  due: z.number().int(),
  behind: z.boolean(),
  entries: z.array(
    z.object({
      initiativeId: Id,
      title: z.string(),
      phase: z.string().nullable(),
      expectedEffects: z.string().nullable(),
      benefits: z.array(z.object({ id: Id, measure: z.string() })),
      latest: Standing.extend({ heldOn: z.string() }).nullable(),
    }),
  ),
  followUps: z.array(
    z.object({
      id: Id,
      heldOn: z.string(),
      forum: z.string().nullable(),
      entries: z.array(Standing),
    }),
  ),
});
export type TopList = z.infer<typeof TopList>;
