import { addMonths } from '../shared/dates.js';
import { z } from 'zod';
import { Id, IsoDate, OptionalText, RequiredText, Stamps } from '../shared/schemas.js';
import { boardsTouched, commonScope } from './routing.js';

/**
 * The initiative portfolio (DOMAIN.md, Portfolio): every piece of digitalisation work in the
 * region, its phase, who prepared and decided it, the benefits it is to bring and whether they were
 * collected after it closed.
 */
export const INITIATIVE_CATEGORIES = [
  'new_service',
  'replacement',
  'legal_requirement',
  'infrastructure',
  'innovation',
] as const;
/** idé → beredning → beslutad → pågående → (pausad | avbruten) → avslutad → i förvaltning */
export const PHASES = [
  'idea',
  'preparation',
  'decided',
  'running',
  'paused',
  'cancelled',
  'closed',
  'in_operation',
] as const;
export type Phase = (typeof PHASES)[number];
export const WORK_KINDS = ['digitalisation', 'other_development'] as const;
export const BENEFIT_KINDS = ['citizens', 'staff', 'cost', 'it_security', 'other'] as const;

/** The moves the portfolio allows. Every other move is refused. */
export const TRANSITIONS: Record<Phase, readonly Phase[]> = {
  idea: ['preparation', 'cancelled'],
  preparation: ['decided', 'idea', 'cancelled'],
  decided: ['running', 'paused', 'cancelled'],
  running: ['paused', 'cancelled', 'closed'],
  paused: ['running', 'cancelled'],
  cancelled: [],
  closed: ['in_operation'],
  in_operation: [],
};

/**
 * The region's routing rule (a setting, not code): who prepares cross-unit work, who decides it,
 * and how many boards (the owner's included) make an initiative cross-unit (at least two).
 */
export type RoutingRule = {
  councilForumId: string | null;
  decidingBodyId: string | null;
  crossUnitThreshold: number;
};
export const DEFAULT_ROUTING: RoutingRule = {
  councilForumId: null,
  decidingBodyId: null,
  crossUnitThreshold: 2,
};

export type GuardInput = {
  phase: Phase;
  ownerUnitPath: readonly string[];
  affectedUnitPaths: readonly (readonly string[])[];
  /** The board the owner lies under (see `boardOf` in routing.ts), and each affected unit's. */
  ownerBoardId: string | null;
  affectedBoardIds: readonly (string | null)[];
  /** The deciding decision: the body that decided (or the unit a deciding forum sits under), with its path. */
  decision: { unitId: string | null; unitPath: readonly string[] | null } | null;
  preparedByForumId: string | null;
  routingExceptionDecisionId: string | null;
  benefits: readonly {
    measure: string;
    target: number | null;
    targetDate: string | null;
    ownerPersonId: string | null;
  }[];
};

/**
 * Does the initiative touch units under more than one board (README, Portfölj)? Routing rule: a
 * unit decides alone only on what touches only itself, and a board's own administrations and
 * units are that board's to decide on, however many of them are touched. The region's
 * threshold says how many boards make it cross-unit (two unless the region says more).
 */
export function isCrossUnit(
  i: Pick<GuardInput, 'ownerBoardId' | 'affectedBoardIds'>,
  rule: RoutingRule = DEFAULT_ROUTING,
) {
  const boards = boardsTouched(i).length;
  return boards > 1 && boards >= rule.crossUnitThreshold;
}

export type GuardFailure =
  | 'not_allowed'
  | 'needs_decision'
  | 'decision_wrong_level'
  | 'needs_council_preparation'
  | 'needs_benefit_plan'
  | 'needs_reason';

/**
 * Whether a move is allowed and, if not, why: the one rule the server enforces and the web shows.
 * - Only the moves in TRANSITIONS.
 * - beslutad and pågående need a decision. A cross-unit initiative must have been prepared by the
 *   council and decided by the deciding body, unless an exception was decided; a single unit's
 *   initiative is decided by its own unit or a body above it.
 * - avslutad needs a benefits follow-up plan: at least one benefit with a measure, target, date
 *   and owner.
 */
export function transitionFailures(
  i: GuardInput,
  to: Phase,
  rule: RoutingRule = DEFAULT_ROUTING,
): GuardFailure[] {
  if (!TRANSITIONS[i.phase].includes(to)) return ['not_allowed'];
  const failures: GuardFailure[] = [];
  if (to === 'decided' || to === 'running') {
    if (!i.decision) failures.push('needs_decision');
    else if (!i.routingExceptionDecisionId) {
      if (isCrossUnit(i, rule)) {
        if (rule.councilForumId && i.preparedByForumId !== rule.councilForumId)
          failures.push('needs_council_preparation');
        if (rule.decidingBodyId && i.decision.unitId !== rule.decidingBodyId)
          failures.push('decision_wrong_level');
      } else if (i.decision.unitId) {
        // Within one board: the narrowest unit that holds the owner and every affected unit (the
        // owner itself when it touches only itself), or a body above it, decides; or, when it
        // touches only the owner, a body within the owner's own subtree (its management team).
        const ownerId = i.ownerUnitPath.at(-1);
        const scope = commonScope([i.ownerUnitPath, ...i.affectedUnitPaths]);
        const above = scope.includes(i.decision.unitId);
        const within = Boolean(
          ownerId && scope.at(-1) === ownerId && i.decision.unitPath?.includes(ownerId),
        );
        if (!above && !within) failures.push('decision_wrong_level');
      }
    }
  }
  if (
    to === 'closed' &&
    !i.benefits.some((b) => b.measure && b.target !== null && b.targetDate && b.ownerPersonId)
  )
    failures.push('needs_benefit_plan');
  return failures;
}

export const INITIATIVE_FLAGS = [
  'cross_unit_without_council',
  'started_without_decision',
  'closed_without_benefit_plan',
  'benefit_overdue',
  'no_owner',
  'steering_document_expired',
] as const;
export type InitiativeFlag = (typeof INITIATIVE_FLAGS)[number];

const STARTED: readonly Phase[] = ['running', 'paused', 'closed', 'in_operation'];
/** When a benefit's next measurement is due: its cadence after the last one (or after the target date when none). */
export function nextMeasurementDue(b: {
  targetDate: string | null;
  cadenceMonths: number | null;
  measurements: readonly { on: string }[];
}): string | null {
  const last = [...b.measurements].sort((x, y) => x.on.localeCompare(y.on)).at(-1)?.on;
  if (last) return b.cadenceMonths ? addMonths(last, b.cadenceMonths) : null;
  return b.targetDate;
}

/** The flags the seeds' failures call for: exactly the initiatives that break the rules. */
export function initiativeFlags(
  i: Omit<GuardInput, 'benefits'> & {
    ownerPersonId: string | null;
    ownerUnitId: string | null;
    benefits: readonly (GuardInput['benefits'][number] & {
      cadenceMonths: number | null;
      measurements: readonly { on: string }[];
    })[];
    /** The steering documents it links to, and whether each is past its validity. */
    documents?: readonly { expired: boolean }[];
  },
  today: string,
  rule: RoutingRule = DEFAULT_ROUTING,
): InitiativeFlag[] {
  const flags: InitiativeFlag[] = [];
  const decidedOrLater = ['decided', ...STARTED].includes(i.phase);
  if (
    decidedOrLater &&
    isCrossUnit(i, rule) &&
    !i.routingExceptionDecisionId &&
    rule.councilForumId &&
    i.preparedByForumId !== rule.councilForumId
  )
    flags.push('cross_unit_without_council');
  if (STARTED.includes(i.phase) && !i.decision) flags.push('started_without_decision');
  if (
    (i.phase === 'closed' || i.phase === 'in_operation') &&
    transitionFailures({ ...i, phase: 'running' }, 'closed', rule).includes('needs_benefit_plan')
  )
    flags.push('closed_without_benefit_plan');
  if (
    i.phase !== 'cancelled' &&
    i.benefits.some((b) => {
      const due = nextMeasurementDue(b);
      return due !== null && due < today;
    })
  )
    flags.push('benefit_overdue');
  if (!i.ownerPersonId || !i.ownerUnitId) flags.push('no_owner');
  // A document past its validity no longer steers: shown on the initiatives that cite it.
  if (i.phase !== 'cancelled' && i.documents?.some((d) => d.expired))
    flags.push('steering_document_expired');
  return flags;
}

/** The default scoring model; a region sets its own (criteria and weights) in its settings. */
export const DEFAULT_SCORING = [
  { key: 'core_benefit', label: 'Nytta i kärnverksamheten', weight: 3 },
  { key: 'cost_savings', label: 'Kostnadsbesparing', weight: 2 },
  { key: 'it_security', label: 'IT-säkerhet', weight: 2 },
  { key: 'legal_requirement', label: 'Lagkrav', weight: 3 },
] as const satisfies readonly { key: string; label: string; weight: number }[];

export type Candidate = { id: string; score: number; cost: number; hours: number };
/**
 * The exact prioritisation: the set of candidates with the highest total score whose cost fits the
 * budget and whose IT hours fit the capacity. Branch and bound over candidates ordered by score per
 * weighted resource, bounded by the fractional knapsack under several mixes of the two limits
 * (each a valid Lagrangian bound); exact (checked against trying every subset), and fast for a few
 * hundred candidates. Among equally good sets, the first found is kept.
 *
 * Bounded, since any reader can ask: identical candidates (same score, cost and hours) are taken
 * as a prefix of their group, never as every subset of it (symmetry breaking), and the search stops
 * after `maxNodes` nodes with the best set found so far, then marked `exact: false`.
 */
export const PROPOSAL_MAX_NODES = 500_000;
export function proposeSelection(
  candidates: readonly Candidate[],
  limits: { budget: number; hours: number },
  maxNodes = PROPOSAL_MAX_NODES,
): { ids: string[]; score: number; cost: number; hours: number; exact: boolean } {
  const items = candidates.filter(
    (c) => c.score > 0 && c.cost <= limits.budget && c.hours <= limits.hours,
  );
  const weight = (c: Candidate) =>
    (limits.budget > 0 ? c.cost / limits.budget : 0) +
    (limits.hours > 0 ? c.hours / limits.hours : 0);
  // Identical candidates end up side by side (ties broken by cost, hours and id).
  items.sort(
    (a, b) =>
      b.score / (weight(b) || 1e-9) - a.score / (weight(a) || 1e-9) ||
      b.score - a.score ||
      a.cost - b.cost ||
      a.hours - b.hours ||
      a.id.localeCompare(b.id),
  );
  const same = (a: Candidate, b: Candidate) =>
    a.score === b.score && a.cost === b.cost && a.hours === b.hours;
  let best = { chosen: [] as number[], score: 0, cost: 0, hours: 0 };
  const chosen: number[] = [];
  // Upper bounds: any non-negative mix of the two limits is a single limit every feasible set
  // keeps, so the fractional knapsack under it bounds the best score. Several mixes, the smallest wins.
  const mixes = [
    [1, 0],
    [0, 1],
    [1, 1],
    [2, 1],
    [1, 2],
    [4, 1],
    [1, 4],
  ].map(([a, b]) => {
    const wc = limits.budget > 0 ? a! / limits.budget : 0;
    const wh = limits.hours > 0 ? b! / limits.hours : 0;
    const w = items.map((c) => wc * c.cost + wh * c.hours);
    const order = items
      .map((_, k) => k)
      .sort((x, y) => items[y]!.score / (w[y]! || 1e-12) - items[x]!.score / (w[x]! || 1e-12));
    return { wc, wh, w, order };
  });
  const integral = items.every((c) => Number.isInteger(c.score));
  const bound = (k: number, score: number, cost: number, hours: number) => {
    let min = Infinity;
    for (const m of mixes) {
      let left = m.wc * (limits.budget - cost) + m.wh * (limits.hours - hours);
      let s = score;
      for (const idx of m.order) {
        if (idx < k) continue;
        const c = items[idx]!;
        const wi = m.w[idx]!;
        if (wi <= left + 1e-12) {
          left -= wi;
          s += c.score;
        } else {
          s += (c.score * left) / wi;
          break;
        }
      }
      if (s < min) min = s;
    }
    return integral ? Math.floor(min + 1e-9) : min;
  };
  let nodes = 0;
  let exact = true;
  const search = (k: number, score: number, cost: number, hours: number) => {
    if (score > best.score || (score === best.score && cost < best.cost))
      best = { chosen: [...chosen], score, cost, hours };
    if (k >= items.length) return;
    if (++nodes > maxNodes) {
      exact = false;
      return;
    }
    if (bound(k, score, cost, hours) <= best.score) return;
    const c = items[k]!;
    if (cost + c.cost <= limits.budget && hours + c.hours <= limits.hours) {
      chosen.push(k);
      search(k + 1, score + c.score, cost + c.cost, hours + c.hours);
      chosen.pop();
    }
    // Leaving this one out leaves out the rest of its identical group too: which of several
    // identical candidates are taken does not matter, only how many.
    let next = k + 1;
    while (next < items.length && same(items[next]!, c)) next++;
    search(next, score, cost, hours);
  };
  search(0, 0, 0, 0);
  return {
    ids: best.chosen.map((k) => items[k]!.id),
    score: best.score,
    cost: best.cost,
    hours: best.hours,
    exact,
  };
}

/** The weighted score of an initiative under the region's model: the sum of weight × score over the criteria. */
export function weightedScore(
  model: readonly { key: string; weight: number }[],
  scores: readonly { criterion: string; score: number }[],
) {
  return model.reduce(
    (sum, c) => sum + c.weight * (scores.find((s) => s.criterion === c.key)?.score ?? 0),
    0,
  );
}

const Money = z.number().min(0).max(1e11);
const Investment = z.object({ year: z.number().int().min(2000).max(2100), amount: Money }).strict();
const Split = z.object({ unitId: Id, percent: z.number().min(0).max(100) }).strict();
const Resource = z
  .object({
    competence: z.string().trim().min(1).max(100),
    quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
    hours: z.number().min(0).max(100_000),
  })
  .strict();
const Risk = z
  .object({
    title: z.string().trim().min(1).max(300),
    probability: z.number().int().min(1).max(5),
    consequence: z.number().int().min(1).max(5),
    mitigation: OptionalText(2000),
    ownerPersonId: Id.nullable().optional(),
  })
  .strict();
const Score = z
  .object({
    criterion: z.string().trim().min(1).max(50),
    score: z.number().int().min(0).max(5),
    justification: OptionalText(1000),
  })
  .strict();

const InitiativeFields = {
  title: RequiredText(300),
  description: OptionalText(8000),
  need: OptionalText(4000),
  category: z.enum(INITIATIVE_CATEGORIES),
  workKind: z.enum(WORK_KINDS).default('digitalisation'),
  ownerUnitId: Id.nullable().optional(),
  ownerPersonId: Id.nullable().optional(),
  affectedUnitIds: z.array(Id).max(200).default([]),
  goalIds: z.array(Id).max(50).default([]),
  strategicAreas: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  systemIds: z.array(Id).max(100).default([]),
  dependsOnIds: z.array(Id).max(50).default([]),
  decisionIds: z.array(Id).max(50).default([]),
  /** Steering documents the initiative answers to (strategies, plans). */
  documentIds: z.array(Id).max(50).default([]),
  preparedByForumId: Id.nullable().optional(),
  decisionId: Id.nullable().optional(),
  routingExceptionDecisionId: Id.nullable().optional(),
  startOn: IsoDate.nullable().optional(),
  endOn: IsoDate.nullable().optional(),
  lessonsLearned: OptionalText(8000),
  investment: z.array(Investment).max(20).default([]),
  operatingCostPerYear: Money.nullable().optional(),
  payerUnitId: Id.nullable().optional(),
  costSplit: z.array(Split).max(100).default([]),
  resourceNeed: z.array(Resource).max(200).default([]),
  risks: z.array(Risk).max(100).default([]),
  scores: z.array(Score).max(30).default([]),
};
const splitSums = (i: { costSplit?: readonly { percent: number }[] | undefined }) =>
  !i.costSplit?.length || Math.abs(i.costSplit.reduce((s, x) => s + x.percent, 0) - 100) < 0.01;
const datesInOrder = (i: {
  startOn?: string | null | undefined;
  endOn?: string | null | undefined;
}) => !i.startOn || !i.endOn || i.startOn <= i.endOn;
export const InitiativeInput = z
  .object(InitiativeFields)
  .strict()
  .refine(splitSums, { path: ['costSplit'], message: 'portfolio.splitSum' })
  .refine(datesInOrder, { path: ['endOn'], message: 'portfolio.endBeforeStart' });
export type InitiativeInput = z.infer<typeof InitiativeInput>;
export const InitiativeUpdate = z
  .object({
    version: z.number().int().min(1),
    ...Object.fromEntries(
      Object.entries(InitiativeFields).map(([k, v]) => [k, (v as z.ZodType).optional()]),
    ),
    workKind: z.enum(WORK_KINDS).optional(),
    affectedUnitIds: z.array(Id).max(200).optional(),
    goalIds: z.array(Id).max(50).optional(),
    strategicAreas: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
    systemIds: z.array(Id).max(100).optional(),
    dependsOnIds: z.array(Id).max(50).optional(),
    decisionIds: z.array(Id).max(50).optional(),
    documentIds: z.array(Id).max(50).optional(),
    investment: z.array(Investment).max(20).optional(),
    costSplit: z.array(Split).max(100).optional(),
    resourceNeed: z.array(Resource).max(200).optional(),
    risks: z.array(Risk).max(100).optional(),
    scores: z.array(Score).max(30).optional(),
  })
  .strict()
  .refine((i) => splitSums(i as never), { path: ['costSplit'], message: 'portfolio.splitSum' })
  .refine((i) => datesInOrder(i as never), {
    path: ['endOn'],
    message: 'portfolio.endBeforeStart',
  }) as unknown as z.ZodType<Partial<InitiativeInput> & { version: number }>;

export const TransitionInput = z
  .object({ version: z.number().int().min(1), to: z.enum(PHASES), reason: RequiredText(2000) })
  .strict();

const Measurement = z
  .object({ on: IsoDate, value: z.number(), comment: OptionalText(1000) })
  .strict();
const BenefitFields = {
  kind: z.enum(BENEFIT_KINDS),
  measure: RequiredText(300),
  unit: OptionalText(50),
  baseline: z.number().nullable().optional(),
  target: z.number().nullable().optional(),
  targetDate: IsoDate.nullable().optional(),
  ownerPersonId: Id.nullable().optional(),
  cadenceMonths: z.number().int().min(1).max(60).nullable().optional(),
};
export const BenefitInput = z.object({ initiativeId: Id, ...BenefitFields }).strict();
export const BenefitUpdate = z
  .object({
    version: z.number().int().min(1),
    ...Object.fromEntries(
      Object.entries(BenefitFields).map(([k, v]) => [k, (v as z.ZodType).optional()]),
    ),
  })
  .strict() as unknown as z.ZodType<
  Partial<z.infer<z.ZodObject<typeof BenefitFields>>> & { version: number }
>;
export const MeasurementInput = z
  .object({ version: z.number().int().min(1), ...Measurement.shape })
  .strict();

const Ref = z.object({ id: Id, name: z.string() });
export const Initiative = Stamps.extend({
  id: Id,
  title: z.string(),
  description: z.string().nullable(),
  need: z.string().nullable(),
  category: z.enum(INITIATIVE_CATEGORIES),
  workKind: z.enum(WORK_KINDS),
  phase: z.enum(PHASES),
  ownerUnit: Ref.nullable(),
  ownerPerson: Ref.nullable(),
  affectedUnitIds: z.array(Id),
  affectedUnits: z.array(Ref),
  goalIds: z.array(Id),
  strategicAreas: z.array(z.string()),
  systemIds: z.array(Id),
  dependsOnIds: z.array(Id),
  decisionIds: z.array(Id),
  documentIds: z.array(Id),
  /** The linked steering documents, each with whether it is past its validity. */
  documents: z.array(
    z.object({
      id: Id,
      title: z.string(),
      type: z.string(),
      state: z.string(),
      validTo: z.string().nullable(),
      expired: z.boolean(),
    }),
  ),
  preparedByForumId: Id.nullable(),
  preparedByForum: Ref.nullable(),
  decisionId: Id.nullable(),
  routingExceptionDecisionId: Id.nullable(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  lessonsLearned: z.string().nullable(),
  investment: z.array(Investment),
  operatingCostPerYear: z.number().nullable(),
  payerUnitId: Id.nullable(),
  payerUnit: Ref.nullable(),
  /** The cost split with each unit's name beside its id. */
  costSplit: z.array(Split.extend({ unitName: z.string() })),
  resourceNeed: z.array(Resource),
  risks: z.array(Risk),
  scores: z.array(Score),
  score: z.number(),
  investmentTotal: z.number(),
  crossUnit: z.boolean(),
  flags: z.array(z.enum(INITIATIVE_FLAGS)),
});
export const Benefit = Stamps.extend({
  id: Id,
  initiativeId: Id,
  kind: z.enum(BENEFIT_KINDS),
  measure: z.string(),
  unit: z.string().nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  targetDate: z.string().nullable(),
  ownerPersonId: Id.nullable(),
  ownerPersonName: z.string().nullable(),
  cadenceMonths: z.number().int().nullable(),
  measurements: z.array(Measurement),
  nextDue: z.string().nullable(),
  overdue: z.boolean(),
  latest: z.number().nullable(),
});
export const Transition = z.object({
  id: Id,
  fromPhase: z.enum(PHASES),
  toPhase: z.enum(PHASES),
  reason: z.string(),
  at: z.string(),
  byName: z.string().nullable(),
});

/** How far a benefit has come from its baseline toward its target (1 = reached; may pass 1), or null when it cannot be said. */
export function realisedShare(b: {
  baseline: number | null;
  target: number | null;
  latest: number | null;
}): number | null {
  if (b.baseline === null || b.target === null || b.latest === null || b.target === b.baseline)
    return null;
  return Math.max(0, (b.latest - b.baseline) / (b.target - b.baseline));
}
