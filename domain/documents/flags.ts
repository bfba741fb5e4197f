/**
 * The flags auditors raise on steering documents, and which strategies count as politically
 * adopted and current. Pure rules; the server gathers the facts (goals, the cited decision, the
 * adopting body's successors) and the web shows the same words.
 */

export const DOCUMENT_FLAGS = [
  'not_political',
  'review_overdue',
  'old',
  'serves_no_goal',
  'superseded_in_force',
  'validity_passed',
  'no_follow_up_spec',
  'no_decision_level',
  'goals_without_overarching',
  'level_differs_from_decision',
] as const;
export type DocumentFlag = (typeof DOCUMENT_FLAGS)[number];

/** The document types that exist to make overarching goals concrete (strategies and plans). */
export const GOAL_SERVING_TYPES: readonly string[] = [
  'strategi',
  'policy',
  'handlingsplan',
  'färdplan',
  'agenda',
];
/**
 * Types that must say how and when they are followed up. The seeds ask it of strategies
 * ("Respektive strategi bör ange hur/när den är tänkt att följas upp", Västernorrland 2021).
 */
export const FOLLOW_UP_TYPES: readonly string[] = ['strategi'];
/** The levels at which a document is politically adopted. */
export const POLITICAL_LEVELS: readonly string[] = ['assembly', 'board'];

/**
 * A decision's level as a document's adoption level: a committee (nämnd) is a political board,
 * a delegated decision is an official's.
 */
export function adoptionLevelOfDecision(decisionLevel: string): 'assembly' | 'board' | 'official' {
  if (decisionLevel === 'assembly') return 'assembly';
  if (decisionLevel === 'board' || decisionLevel === 'committee') return 'board';
  return 'official';
}

/** validTo before validFrom is refused (a document cannot end before it starts). */
export const validityInOrder = (d: { validFrom?: string | null; validTo?: string | null }) =>
  !d.validFrom || !d.validTo || d.validFrom <= d.validTo;

/** Past its validity: the day after validTo ("giltighetstid passerad <validTo>"). */
export const validityPassed = (validTo: string | null, today: string) =>
  validTo !== null && validTo < today;

/** A strategy says how it is followed up (a text) and when (follow-ups a year, or a text). */
export const hasFollowUpSpec = (d: {
  followUpText: string | null;
  followUpsPerYear: number | null;
  followUpWhen: string | null;
}) =>
  Boolean(d.followUpText?.trim()) &&
  (d.followUpsPerYear !== null || Boolean(d.followUpWhen?.trim()));

/**
 * A goal the document serves that is its own: a goal (not a focus area or strategic plan) below
 * the impact level with no goal above it. Strategies and plans should make the overarching goals
 * concrete, "Det bör således inte sättas nya/ytterligare mål i dessa strategier och planer"
 * (Västernorrland 2021; DOMAIN.md: strategies should not add goals of their own).
 */
export const isGoalWithoutOverarching = (g: {
  level: string;
  form: string;
  parentGoalIds: readonly string[];
}) => g.form === 'goal' && g.level !== 'impact' && g.parentGoalIds.length === 0;

export type DocumentFacts = {
  state: string;
  type: string;
  adoptionLevel: string;
  adoptedByUnitId: string | null;
  adoptionDecisionId: string | null;
  adoptedOn: string | null;
  validFrom: string | null;
  validTo: string | null;
  reviewOn: string | null;
  supersededById: string | null;
  followUpText: string | null;
  followUpsPerYear: number | null;
  followUpWhen: string | null;
  goalCount: number;
  /** How many of the goals it serves are its own (see `isGoalWithoutOverarching`). */
  ownGoalCount: number;
  /** The cited decision's level (a decision level), when a decision is cited. */
  decisionLevel: string | null;
};

/**
 * The flags of a document in force. Only adopted documents are judged; drafts, consultation
 * versions, documents never adopted and repealed ones raise nothing.
 * - not_political: adopted by officials. An unknown level is not an official adoption: it is
 *   `no_decision_level` when nothing says who adopted it (no adopter, no decision), else only
 *   the mismatch with the cited decision.
 * - validity_passed: validTo is before today.
 * - no_follow_up_spec: a strategy that does not say how and when it is followed up.
 * - goals_without_overarching: a strategy or plan serving goals of its own.
 * - level_differs_from_decision: the level recorded is not the level of the decision cited.
 */
export function documentFlags(
  d: DocumentFacts,
  today: string,
  maxAgeYears: number,
): DocumentFlag[] {
  if (d.state !== 'adopted') return [];
  const flags: DocumentFlag[] = [];
  if (d.adoptionLevel === 'official') flags.push('not_political');
  if (d.reviewOn && d.reviewOn < today) flags.push('review_overdue');
  const since = d.adoptedOn ?? d.validFrom;
  if (since && addYears(since, maxAgeYears) < today) flags.push('old');
  if (d.goalCount === 0 && GOAL_SERVING_TYPES.includes(d.type)) flags.push('serves_no_goal');
  if (d.supersededById) flags.push('superseded_in_force');
  if (validityPassed(d.validTo, today)) flags.push('validity_passed');
  if (FOLLOW_UP_TYPES.includes(d.type) && !hasFollowUpSpec(d)) flags.push('no_follow_up_spec');
  if (d.adoptionLevel === 'unknown' && !d.adoptedByUnitId && !d.adoptionDecisionId)
    flags.push('no_decision_level');
  if (d.ownGoalCount > 0 && GOAL_SERVING_TYPES.includes(d.type))
    flags.push('goals_without_overarching');
  if (d.decisionLevel !== null && adoptionLevelOfDecision(d.decisionLevel) !== d.adoptionLevel)
    flags.push('level_differs_from_decision');
  return flags;
}

const addYears = (isoDate: string, years: number) =>
  `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;

/**
 * A politically adopted, current strategy: a strategy in state adopted, at assembly or board
 * level, in force today (from validFrom, not past validTo) and not superseded.
 */
export function isCurrentPoliticalStrategy(
  d: Pick<
    DocumentFacts,
    'state' | 'type' | 'adoptionLevel' | 'validFrom' | 'validTo' | 'supersededById'
  >,
  today: string,
) {
  return (
    d.state === 'adopted' &&
    d.type === 'strategi' &&
    POLITICAL_LEVELS.includes(d.adoptionLevel) &&
    (!d.validFrom || d.validFrom <= today) &&
    !validityPassed(d.validTo, today) &&
    !d.supersededById
  );
}

/**
 * The current political strategies per body: each counted once, under the body that holds it
 * today (`bodyOf`: the adopter, or its successor when the adopter was a predecessor body; null
 * when no adopter is known). Bodies in `bodies` are listed even with none.
 */
export function strategiesPerBody<
  T extends Parameters<typeof isCurrentPoliticalStrategy>[0] & { id: string },
>(
  docs: readonly T[],
  today: string,
  bodyOf: (d: T) => string | null,
  bodies: readonly string[] = [],
): Map<string | null, T[]> {
  const out = new Map<string | null, T[]>(bodies.map((b) => [b, []]));
  for (const d of docs) {
    if (!isCurrentPoliticalStrategy(d, today)) continue;
    const body = bodyOf(d);
    const list = out.get(body) ?? [];
    list.push(d);
    out.set(body, list);
  }
  return out;
}
