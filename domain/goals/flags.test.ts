import { describe, expect, it } from 'vitest';
import { boardDigitalisationStatus, goalFlags, indicatorFlags, isOverdue } from './flags.js';

describe('goal flags', () => {
  it('a board has a digitalisation goal, only a focus area or plan, or nothing', () => {
    expect(boardDigitalisationStatus([{ form: 'goal', tags: ['digitalisering'] }])).toBe('goal');
    expect(
      boardDigitalisationStatus([
        { form: 'focus_area', tags: ['digitalisering'] },
        { form: 'goal', tags: ['ekonomi'] },
      ]),
    ).toBe('focus_area_only');
    expect(boardDigitalisationStatus([{ form: 'goal', tags: [] }])).toBe('nothing');
  });
  it('a goal without an indicator, an indicator without baseline or target', () => {
    expect(goalFlags({ indicatorCount: 0, form: 'goal' })).toEqual(['no_indicator']);
    expect(goalFlags({ indicatorCount: 0, form: 'focus_area' })).toEqual([]);
    expect(
      indicatorFlags({ kind: 'quantitative', baseline: null, targets: [], scale: [] }),
    ).toEqual(['no_baseline', 'no_target']);
    expect(
      indicatorFlags({ kind: 'qualitative', baseline: null, targets: [{}], scale: [] }),
    ).toEqual([]);
  });
  it('a period is overdue after its end with nothing recorded', () => {
    expect(isOverdue('2025-D', '2025-09-01', false)).toBe(true);
    expect(isOverdue('2025-D', '2025-08-31', false)).toBe(false);
    expect(isOverdue('2025-D', '2025-09-01', true)).toBe(false);
  });
});
