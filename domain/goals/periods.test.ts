import { describe, expect, it } from 'vitest';
import { periodEnd, periodKind, periodLabel, periodsOf } from './periods.js';

describe('follow-up periods', () => {
  it('knows each kind and its last day', () => {
    expect([
      periodKind('2025-03'),
      periodKind('2025-T2'),
      periodKind('2025-D'),
      periodKind('2025-Å'),
      periodKind('2025-13'),
    ]).toEqual(['month', 'tertial', 'interim', 'annual', null]);
    expect(periodEnd('2024-02')).toBe('2024-02-29');
    expect(periodEnd('2025-T1')).toBe('2025-04-30');
    expect(periodEnd('2025-T3')).toBe('2025-12-31');
    expect(periodEnd('2025-D')).toBe('2025-08-31');
    expect(periodEnd('2025-Å')).toBe('2025-12-31');
  });
  it('lists a year’s periods in date order for the kinds a region uses', () => {
    expect(periodsOf(2025, ['interim', 'annual'])).toEqual(['2025-D', '2025-Å']);
    expect(periodsOf(2025, ['tertial', 'interim', 'annual'])).toEqual([
      '2025-T1',
      '2025-T2',
      '2025-D',
      '2025-T3',
      '2025-Å',
    ]);
  });
  it('labels periods in Swedish and English', () => {
    expect(periodLabel('2025-D', 'sv')).toBe('Delårsrapport 2025');
    expect(periodLabel('2025-Å', 'en')).toBe('Annual report 2025');
  });
});
