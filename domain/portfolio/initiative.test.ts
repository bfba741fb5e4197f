import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  initiativeFlags,
  realisedShare,
  isCrossUnit,
  nextMeasurementDue,
  PHASES,
  proposeSelection,
  TRANSITIONS,
  transitionFailures,
  weightedScore,
  type GuardInput,
  type Phase,
} from './initiative.js';

const rule = { councilForumId: 'council', decidingBodyId: 'RS', crossUnitThreshold: 2 };
const plan = [
  { measure: 'Andel digitala besök', target: 30, targetDate: '2027-12-31', ownerPersonId: 'p' },
];
const single: GuardInput = {
  phase: 'preparation',
  ownerUnitPath: ['RF', 'HSN', 'HSF'],
  affectedUnitPaths: [['RF', 'HSN', 'HSF', 'PV']],
  ownerBoardId: 'HSN',
  affectedBoardIds: ['HSN'],
  decision: null,
  preparedByForumId: null,
  routingExceptionDecisionId: null,
  benefits: [],
};
const cross: GuardInput = {
  ...single,
  affectedUnitPaths: [['RF', 'KTN', 'KTF']],
  affectedBoardIds: ['KTN'],
};

describe('phases and their guards', () => {
  it('only the listed moves, and none out of avbruten or i förvaltning', () => {
    expect(transitionFailures(single, 'running', rule)).toEqual(['not_allowed']);
    expect(transitionFailures({ ...single, phase: 'cancelled' }, 'idea', rule)).toEqual([
      'not_allowed',
    ]);
    expect(TRANSITIONS.in_operation).toEqual([]);
  });
  it('beslutad needs a decision; a unit decides alone on what touches only itself (or a body above it does)', () => {
    expect(transitionFailures(single, 'decided', rule)).toEqual(['needs_decision']);
    expect(
      transitionFailures(
        { ...single, decision: { unitId: 'HSF', unitPath: ['RF', 'HSN', 'HSF'] } },
        'decided',
        rule,
      ),
    ).toEqual([]);
    expect(
      transitionFailures(
        { ...single, decision: { unitId: 'HSN', unitPath: ['RF', 'HSN'] } },
        'decided',
        rule,
      ),
    ).toEqual([]);
    expect(
      transitionFailures(
        { ...single, decision: { unitId: 'KTN', unitPath: ['RF', 'KTN'] } },
        'decided',
        rule,
      ),
    ).toEqual(['decision_wrong_level']);
  });
  it('a cross-unit initiative must be prepared by the council and decided by the deciding body, unless an exception was decided', () => {
    expect(isCrossUnit(cross, rule)).toBe(true);
    expect(isCrossUnit(single, rule)).toBe(false);
    expect(
      transitionFailures(
        { ...cross, decision: { unitId: 'HSF', unitPath: ['RF', 'HSN', 'HSF'] } },
        'decided',
        rule,
      ),
    ).toEqual(['needs_council_preparation', 'decision_wrong_level']);
    expect(
      transitionFailures(
        {
          ...cross,
          preparedByForumId: 'council',
          decision: { unitId: 'RS', unitPath: ['RF', 'RS'] },
        },
        'decided',
        rule,
      ),
    ).toEqual([]);
    expect(
      transitionFailures(
        {
          ...cross,
          routingExceptionDecisionId: 'd',
          decision: { unitId: 'HSF', unitPath: ['RF', 'HSN', 'HSF'] },
        },
        'decided',
        rule,
      ),
    ).toEqual([]);
  });
  it('avslutad needs a benefits follow-up plan', () => {
    expect(transitionFailures({ ...single, phase: 'running' }, 'closed', rule)).toEqual([
      'needs_benefit_plan',
    ]);
    expect(
      transitionFailures(
        { ...single, phase: 'running', benefits: [{ ...plan[0]!, ownerPersonId: null }] },
        'closed',
        rule,
      ),
    ).toEqual(['needs_benefit_plan']);
    expect(
      transitionFailures({ ...single, phase: 'running', benefits: plan }, 'closed', rule),
    ).toEqual([]);
  });
  it('no sequence of allowed moves skips a decision before work starts, or closes without running', () => {
    const ready: Omit<GuardInput, 'phase'> = {
      ...cross,
      preparedByForumId: 'council',
      decision: { unitId: 'RS', unitPath: ['RF', 'RS'] },
      benefits: plan,
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PHASES), { maxLength: 30 }), (wishes) => {
        let phase: Phase = 'idea';
        const visited: Phase[] = [phase];
        for (const to of wishes) {
          if (transitionFailures({ ...ready, phase }, to, rule).length === 0) {
            expect(TRANSITIONS[phase]).toContain(to);
            phase = to;
            visited.push(phase);
          }
        }
        if (visited.includes('running'))
          expect(visited.indexOf('decided')).toBeLessThan(visited.indexOf('running'));
        if (visited.includes('closed'))
          expect(visited.indexOf('running')).toBeLessThan(visited.indexOf('closed'));
        if (visited.includes('in_operation')) expect(visited.at(-1)).toBe('in_operation');
      }),
    );
  });
});

describe('flags', () => {
  const base = {
    ...cross,
    ownerPersonId: 'p',
    ownerUnitId: 'HSF',
    benefits: [] as {
      measure: string;
      target: number | null;
      targetDate: string | null;
      ownerPersonId: string | null;
      cadenceMonths: number | null;
      measurements: { on: string }[];
    }[],
  };
  it('exactly the rule breakers: cross-unit without the council, started without decision, closed without a plan, no owner', () => {
    expect(initiativeFlags({ ...base, phase: 'idea' }, '2026-03-15', rule)).toEqual([]);
    expect(
      initiativeFlags(
        { ...base, phase: 'running', decision: { unitId: 'HSF', unitPath: ['RF', 'HSN', 'HSF'] } },
        '2026-03-15',
        rule,
      ),
    ).toEqual(['cross_unit_without_council']);
    expect(
      initiativeFlags(
        { ...single, ownerPersonId: 'p', ownerUnitId: 'HSF', benefits: [], phase: 'running' },
        '2026-03-15',
        rule,
      ),
    ).toEqual(['started_without_decision']);
    expect(
      initiativeFlags(
        {
          ...single,
          ownerPersonId: null,
          ownerUnitId: 'HSF',
          benefits: [],
          phase: 'closed',
          decision: { unitId: 'HSF', unitPath: ['RF', 'HSN', 'HSF'] },
        },
        '2026-03-15',
        rule,
      ),
    ).toEqual(['closed_without_benefit_plan', 'no_owner']);
  });
  it('a benefit is overdue for measurement after its target date, then after each cadence', () => {
    const b = {
      ...plan[0]!,
      targetDate: '2026-01-31',
      cadenceMonths: 6,
      measurements: [] as { on: string }[],
    };
    expect(nextMeasurementDue(b)).toBe('2026-01-31');
    expect(nextMeasurementDue({ ...b, measurements: [{ on: '2026-02-10' }] })).toBe('2026-08-10');
    expect(
      initiativeFlags(
        {
          ...single,
          ownerPersonId: 'p',
          ownerUnitId: 'HSF',
          phase: 'in_operation',
          decision: { unitId: 'HSF', unitPath: ['RF', 'HSN', 'HSF'] },
          benefits: [b],
        },
        '2026-03-15',
        rule,
      ),
    ).toEqual(['benefit_overdue']);
  });
});

describe('prioritisation', () => {
  const brute = (
    cs: { id: string; score: number; cost: number; hours: number }[],
    budget: number,
    hours: number,
  ) => {
    let best = 0;
    for (let mask = 0; mask < 1 << cs.length; mask++) {
      let s = 0,
        c = 0,
        h = 0;
      cs.forEach((x, i) => {
        if (mask & (1 << i)) {
          s += x.score;
          c += x.cost;
          h += x.hours;
        }
      });
      if (c <= budget && h <= hours) best = Math.max(best, s);
    }
    return best;
  };
  it('finds the same best total as trying every subset, within both limits', () => {
    const candidate = fc.record({
      id: fc.uuid(),
      score: fc.integer({ min: 0, max: 40 }),
      cost: fc.integer({ min: 0, max: 100 }),
      hours: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(
        fc.array(candidate, { maxLength: 12 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (cs, budget, hours) => {
          const r = proposeSelection(cs, { budget, hours });
          expect(r.score).toBe(brute(cs, budget, hours));
          expect(r.cost).toBeLessThanOrEqual(budget);
          expect(r.hours).toBeLessThanOrEqual(hours);
          expect(new Set(r.ids).size).toBe(r.ids.length);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('finds the same best total as trying every subset when many candidates are identical', () => {
    const kind = fc.record({
      score: fc.integer({ min: 1, max: 10 }),
      cost: fc.integer({ min: 0, max: 50 }),
      hours: fc.integer({ min: 0, max: 50 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(kind, fc.integer({ min: 1, max: 5 })), { maxLength: 4 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        (kinds, budget, hours) => {
          const cs = kinds.flatMap(([k, n], g) =>
            Array.from({ length: n }, (_, i) => ({ id: `${g}-${i}`, ...k })),
          );
          const r = proposeSelection(cs.slice(0, 12), { budget, hours });
          expect(r.exact).toBe(true);
          expect(r.score).toBe(brute(cs.slice(0, 12), budget, hours));
        },
      ),
      { numRuns: 200 },
    );
  });
  it('answers at once for many identical candidates, and stops at its budget marked as not exact', () => {
    const identical = Array.from({ length: 60 }, (_, i) => ({
      id: String(i),
      score: 5,
      cost: 100,
      hours: 10,
    }));
    const r = proposeSelection(identical, { budget: 2_950, hours: 10_000 });
    expect(r).toMatchObject({ exact: true, score: 145, cost: 2_900 });
    // A search that would need more nodes than it may use says so, with the best found.
    const varied = Array.from({ length: 80 }, (_, i) => ({
      id: String(i),
      score: 10 + ((i * 7) % 13),
      cost: 100 + ((i * 31) % 97),
      hours: 10 + ((i * 17) % 23),
    }));
    const capped = proposeSelection(varied, { budget: 4_000, hours: 800 }, 50);
    expect(capped.exact).toBe(false);
    expect(capped.cost).toBeLessThanOrEqual(4_000);
    expect(capped.hours).toBeLessThanOrEqual(800);
  });
  it('handles a few hundred candidates', () => {
    const cs = Array.from({ length: 300 }, (_, i) => ({
      id: String(i),
      score: ((i * 37) % 50) + 1,
      cost: ((i * 53) % 900) + 100,
      hours: ((i * 29) % 400) + 20,
    }));
    const r = proposeSelection(cs, { budget: 20_000, hours: 6_000 });
    expect(r.cost).toBeLessThanOrEqual(20_000);
    expect(r.ids.length).toBeGreaterThan(10);
  });
  it('scores by the region’s weights', () => {
    expect(
      weightedScore(
        [
          { key: 'a', weight: 3 },
          { key: 'b', weight: 2 },
        ],
        [
          { criterion: 'a', score: 4 },
          { criterion: 'b', score: 1 },
          { criterion: 'x', score: 5 },
        ],
      ),
    ).toBe(14);
  });
});

describe('benefit realisation', () => {
  it('the share of the way from baseline to target, in either direction', () => {
    expect(realisedShare({ baseline: 20, target: 60, latest: 40 })).toBe(0.5);
    expect(realisedShare({ baseline: 40, target: 20, latest: 20 })).toBe(1);
    expect(realisedShare({ baseline: 40, target: 20, latest: 50 })).toBe(0);
    expect(realisedShare({ baseline: null, target: 20, latest: 50 })).toBeNull();
  });
});
