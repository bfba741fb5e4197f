import { describe, expect, it } from 'vitest';
import { compareRoadmaps, horizonSlot } from './roadmap.js';

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
