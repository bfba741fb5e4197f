import { describe, expect, it } from 'vitest';
import { forumFlags, forumStatus } from './forum.js';

const base = {
  mandate: 'prepares',
  meetingsPerYear: 4,
  establishedOn: '2024-01-01',
  discontinuedOn: null,
  createdOn: '2024-01-01',
};

describe('forum flags', () => {
  it('a forum with no recorded mandate is flagged', () => {
    expect(forumFlags({ ...base, mandate: null }, '2026-03-01', '2026-03-15')).toContain(
      'no_mandate',
    );
    expect(forumFlags(base, '2026-03-01', '2026-03-15')).not.toContain('no_mandate');
  });

  it('four meetings a year allow 115 days between meetings, then the forum is late', () => {
    expect(forumFlags(base, '2025-11-20', '2026-03-15')).toEqual([]); // 115 days
    expect(forumFlags(base, '2025-11-19', '2026-03-15')).toEqual(['missed_cadence']); // 116 days
  });

  it('a forum that never met is late counted from when it was established', () => {
    expect(forumFlags({ ...base, establishedOn: '2026-01-01' }, null, '2026-03-15')).toEqual([]);
    expect(forumFlags({ ...base, establishedOn: '2025-01-01' }, null, '2026-03-15')).toEqual([
      'missed_cadence',
    ]);
  });

  it('no cadence recorded means no cadence flag', () => {
    expect(forumFlags({ ...base, meetingsPerYear: null }, null, '2026-03-15')).toEqual([]);
  });

  it('status follows the dates; only active forums are flagged', () => {
    expect(forumStatus({ establishedOn: '2027-01-01', discontinuedOn: null }, '2026-03-15')).toBe(
      'under_establishment',
    );
    expect(forumStatus({ establishedOn: null, discontinuedOn: '2026-03-15' }, '2026-03-15')).toBe(
      'discontinued',
    );
    expect(
      forumFlags({ ...base, mandate: null, discontinuedOn: '2025-01-01' }, null, '2026-03-15'),
    ).toEqual([]);
    expect(
      forumFlags({ ...base, mandate: null, establishedOn: '2027-01-01' }, null, '2026-03-15'),
    ).toEqual([]);
  });
});
