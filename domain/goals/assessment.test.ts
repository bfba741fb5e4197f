import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessIndicator,
  rank,
  suggestAssessment,
  type IndicatorForAssessment,
} from './assessment.js';

const quant = (over: Partial<IndicatorForAssessment> = {}): IndicatorForAssessment => ({
  id: 'i1',
  kind: 'quantitative',
  direction: 'higher',
  baseline: 40,
  target: 60,
  ...over,
});

describe('assessing one indicator', () => {
  it('reaching the target in the right direction is met', () => {
    expect(assessIndicator(quant(), 60)).toBe('met');
    expect(assessIndicator(quant(), 75)).toBe('met');
    expect(assessIndicator(quant({ direction: 'lower', baseline: 30, target: 20 }), 18)).toBe(
      'met',
    );
  });
  it('half the way from baseline to target is partly met; less is not met', () => {
    expect(assessIndicator(quant(), 50)).toBe('partly');
    expect(assessIndicator(quant(), 49)).toBe('notMet');
    expect(assessIndicator(quant({ direction: 'lower', baseline: 30, target: 20 }), 25)).toBe(
      'partly',
    );
    expect(assessIndicator(quant({ direction: 'lower', baseline: 30, target: 20 }), 26)).toBe(
      'notMet',
    );
  });
  it('without a baseline, anything short of the target is not met', () => {
    expect(assessIndicator(quant({ baseline: null }), 59)).toBe('notMet');
  });
  it('a judged level: at the target met, one below partly, further below not met', () => {
    const q = quant({ kind: 'qualitative', baseline: null, target: 3 });
    expect(assessIndicator(q, 4)).toBe('met');
    expect(assessIndicator(q, 2)).toBe('partly');
    expect(assessIndicator(q, 1)).toBe('notMet');
  });
  it('a better outcome never gives a worse assessment (monotone)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.constantFrom('higher' as const, 'lower' as const),
        (baseline, target, value, delta, direction) => {
          const ind = quant({ baseline, target, direction });
          const better = direction === 'higher' ? value + delta : value - delta;
          expect(rank(assessIndicator(ind, better))).toBeGreaterThanOrEqual(
            rank(assessIndicator(ind, value)),
          );
        },
      ),
    );
  });
});

describe('suggesting a goal’s assessment', () => {
  it('all met → met; none met or partly → not met; otherwise partly', () => {
    const a = quant({ id: 'a' });
    const b = quant({ id: 'b' });
    expect(
      suggestAssessment(
        [a, b],
        [
          { indicatorId: 'a', value: 60 },
          { indicatorId: 'b', value: 61 },
        ],
      ).assessment,
    ).toBe('met');
    expect(
      suggestAssessment(
        [a, b],
        [
          { indicatorId: 'a', value: 60 },
          { indicatorId: 'b', value: 41 },
        ],
      ).assessment,
    ).toBe('partly');
    expect(
      suggestAssessment(
        [a, b],
        [
          { indicatorId: 'a', value: 41 },
          { indicatorId: 'b', value: 42 },
        ],
      ).assessment,
    ).toBe('notMet');
  });
  it('names indicators it cannot assess, and suggests nothing when none can be', () => {
    const s = suggestAssessment([quant({ id: 'a' }), quant({ id: 'b', target: null })], []);
    expect(s.assessment).toBeNull();
    expect(s.notAssessed).toEqual([
      { indicatorId: 'a', reason: 'no_outcome' },
      { indicatorId: 'b', reason: 'no_target' },
    ]);
  });
  it('the goal is met only if every assessed indicator is met', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 6 }),
        (values) => {
          const inds = values.map((_, i) => quant({ id: `i${i}`, baseline: 0, target: 50 }));
          const s = suggestAssessment(
            inds,
            values.map((v, i) => ({ indicatorId: `i${i}`, value: v })),
          );
          expect(s.assessment === 'met').toBe(values.every((v) => v >= 50));
        },
      ),
    );
  });
});
