import { describe, expect, it } from 'vitest';
import { compareRoadmaps, horizonSlot, missedFollowUps, plannedPeriods } from './roadmap.js';

const item = (id: string, startOn: string | null, endOn: string | null = null) => ({
  initiativeId: id,
  title: id,
  phase: 'idea',
  startOn,
  endOn,
  unitId: null,
});

describe('roadmap versions', () => {
  it('compare as added, removed and moved', () => {
    const v1 = [
      item('a', '2025-01-01', '2025-12-31'),
      item('b', '2026-01-01'),
      item('c', '2026-06-01'),
    ];
    const v2 = [
      item('a', '2025-01-01', '2025-12-31'),
      item('b', '2027-01-01'),
      item('d', '2026-01-01'),
    ];
    const diff = compareRoadmaps(v1, v2);
    expect(diff.added.map((x) => x.initiativeId)).toEqual(['d']);
    expect(diff.removed.map((x) => x.initiativeId)).toEqual(['c']);
    expect(diff.moved).toEqual([
      {
        initiativeId: 'b',
        title: 'b',
        from: { startOn: '2026-01-01', endOn: null },
        to: { startOn: '2027-01-01', endOn: null },
      },
    ]);
    expect(diff.unchanged).toBe(1);
  });
  it('place items on a horizon of years, with "later" beyond it', () => {
    expect(horizonSlot({ startOn: '2026-05-01' }, 2026, 3)).toBe(0);
    expect(horizonSlot({ startOn: '2028-05-01' }, 2026, 3)).toBe(2);
    expect(horizonSlot({ startOn: '2030-01-01' }, 2026, 3)).toBe('later');
    expect(horizonSlot({ startOn: null }, 2026, 3)).toBeNull();
  });
});

describe('follow-ups of the most important initiatives', () => {
  it('plans periods at the cadence', () => {
    expect(plannedPeriods('2025-02-10', '2025-11-01', 3)).toEqual([
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
    ]);
    expect(plannedPeriods('2024-09-01', '2025-08-01', 6)).toEqual([
      '2024-H2',
      '2025-H1',
      '2025-H2',
    ]);
  });
  it('the gap: planned quarters without a follow-up, the current one not yet missed', () => {
    expect(missedFollowUps(['2025-02-10', '2025-05-20', '2025-11-12'], '2026-03-15', 3)).toEqual([
      '2025-Q3',
    ]);
    expect(missedFollowUps([], '2026-03-15', 3)).toEqual([]);
  });
});
