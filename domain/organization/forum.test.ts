import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cadenceOfYear,
  forumCadence,
  forumFlags,
  forumStatus,
  FORUM_LIFECYCLES,
  impliedLifecycle,
  lifecycleIssues,
  lifecycleTransitionAllowed,
  seatCounts,
  type ForumLifecycle,
} from './forum.js';

const TODAY = '2026-03-15';
const base = {
  lifecycle: 'active' as ForumLifecycle,
  mandate: 'prepares' as string | null,
  meetingsPerYear: 4 as number | null,
  establishedOn: '2024-01-01' as string | null,
  discontinuedOn: null as string | null,
  createdOn: '2024-01-01',
};
const seated = { memberCount: 3, deputyCount: 1 };
const flagsOf = (f: typeof base, meetings: string[], today = TODAY) =>
  forumFlags(f, { ...seated, cadence: forumCadence(f, meetings, today) }, today);
const fourAYear = (year: number) => [
  `${year}-02-10`,
  `${year}-05-10`,
  `${year}-09-10`,
  `${year}-11-10`,
];

describe('forum lifecycle', () => {
  it('planned has no setting-up decision; under establishment has one', () => {
    const f = {
      establishedOn: null,
      establishedDecisionId: null,
      discontinuedOn: null,
      discontinuedDecisionId: null,
    };
    expect(lifecycleIssues({ ...f, lifecycle: 'planned' })).toEqual([]);
    expect(lifecycleIssues({ ...f, lifecycle: 'under_establishment' })).toEqual([
      { path: 'establishedDecisionId', key: 'org.forum.establishmentDecisionRequired' },
    ]);
    expect(
      lifecycleIssues({ ...f, lifecycle: 'planned', establishedDecisionId: 'd' }).map((i) => i.key),
    ).toEqual(['org.forum.plannedHasDecision']);
  });

  it('discontinued needs its date and its decision, and only a discontinued forum carries them', () => {
    const f = {
      establishedOn: '2020-01-01',
      establishedDecisionId: null,
      discontinuedOn: null,
      discontinuedDecisionId: null,
    };
    expect(lifecycleIssues({ ...f, lifecycle: 'discontinued' }).map((i) => i.path)).toEqual([
      'discontinuedOn',
      'discontinuedDecisionId',
    ]);
    expect(
      lifecycleIssues({ ...f, lifecycle: 'active', discontinuedOn: '2025-01-01' }).map(
        (i) => i.key,
      ),
    ).toEqual(['org.forum.discontinuedOnlyWhenDiscontinued']);
    expect(
      lifecycleIssues({
        ...f,
        lifecycle: 'discontinued',
        discontinuedOn: '2019-01-01',
        discontinuedDecisionId: 'd',
      }).map((i) => i.key),
    ).toEqual(['org.forum.discontinuedBeforeEstablished']);
  });

  it('moves forward planned → under establishment → active → discontinued, never back to planned', () => {
    expect(lifecycleTransitionAllowed('planned', 'under_establishment')).toBe(true);
    expect(lifecycleTransitionAllowed('under_establishment', 'active')).toBe(true);
    expect(lifecycleTransitionAllowed('active', 'discontinued')).toBe(true);
    expect(lifecycleTransitionAllowed('active', 'planned')).toBe(false);
    expect(lifecycleTransitionAllowed('discontinued', 'under_establishment')).toBe(false);
  });

  it('a discontinuation decided for a later date takes effect on that date', () => {
    const f = { lifecycle: 'discontinued' as const, discontinuedOn: '2026-06-30' };
    expect(forumStatus(f, TODAY)).toBe('active');
    expect(forumStatus(f, '2026-06-30')).toBe('discontinued');
  });

  it('an older forum without a stage gets the one its dates and decisions imply', () => {
    expect(impliedLifecycle({ discontinuedOn: '2023-02-28' }, TODAY)).toBe('discontinued');
    expect(impliedLifecycle({ establishedOn: '2027-01-01' }, TODAY)).toBe('planned');
    expect(
      impliedLifecycle({ establishedOn: '2027-01-01', establishedDecisionId: 'd' }, TODAY),
    ).toBe('under_establishment');
    expect(impliedLifecycle({}, TODAY)).toBe('active');
  });
});

describe('forum flags', () => {
  it('mandat saknas, also while planned or under establishment', () => {
    for (const lifecycle of ['planned', 'under_establishment', 'active'] as const)
      expect(flagsOf({ ...base, lifecycle, mandate: null }, fourAYear(2025)), lifecycle).toContain(
        'no_mandate',
      );
    expect(flagsOf(base, fourAYear(2025))).not.toContain('no_mandate');
  });

  it('medlemmar saknas when no member holds a seat today', () => {
    const f = base;
    const cadence = forumCadence(f, fourAYear(2025), TODAY);
    expect(forumFlags(f, { memberCount: 0, deputyCount: 0, cadence }, TODAY)).toEqual([
      'no_members',
    ]);
    const seats = seatCounts(
      [
        { memberRole: 'member', fromOn: null, toOn: '2025-12-31' },
        { memberRole: 'deputy', fromOn: '2026-06-01', toOn: null },
      ],
      TODAY,
    );
    expect(seats).toEqual({ memberCount: 0, deputyCount: 0 });
    expect(
      seatCounts(
        [
          { memberRole: 'member', fromOn: '2024-01-01', toOn: null },
          { memberRole: 'member', fromOn: null, toOn: TODAY },
          { memberRole: 'deputy', fromOn: null, toOn: null },
        ],
        TODAY,
      ),
    ).toEqual({ memberCount: 2, deputyCount: 1 });
  });

  it('a planned forum is not flagged for members or meetings it cannot have yet', () => {
    expect(flagsOf({ ...base, lifecycle: 'planned' }, [])).toEqual([]);
    expect(
      forumFlags(
        { ...base, lifecycle: 'under_establishment' },
        { memberCount: 0, deputyCount: 0, cadence: [] },
        TODAY,
      ),
    ).toEqual([]);
  });

  it('the previous year with fewer meetings held than planned is flagged; older years are only shown', () => {
    expect(flagsOf(base, fourAYear(2025))).toEqual([]);
    expect(flagsOf(base, fourAYear(2025).slice(1))).toEqual(['missed_cadence']);
    expect(flagsOf(base, [...fourAYear(2024).slice(2), ...fourAYear(2025)])).toEqual([]);
  });

  it('the current year is flagged when behind what is due by today, with a grace', () => {
    const f = { ...base, establishedOn: '2025-12-01', createdOn: '2025-12-01' };
    // Four a year: by mid-March nothing is due yet; by mid-May one meeting is.
    expect(flagsOf(f, [], '2026-03-15')).toEqual([]);
    expect(flagsOf(f, [], '2026-05-15')).toEqual(['missed_cadence']);
    expect(flagsOf(f, ['2026-04-20'], '2026-05-15')).toEqual([]);
  });
});

describe('cadence per calendar year', () => {
  it('n av m: meetings held by today of those the cadence plans, pro rata from the start', () => {
    const f = { ...base, establishedOn: '2025-07-01' };
    const c = forumCadence(f, ['2025-09-01', '2025-12-01', '2026-02-01', '2026-04-01'], TODAY);
    expect(c).toEqual([
      { year: 2026, held: 1, planned: 4, scheduled: 1, expectedByToday: 0, behind: false },
      { year: 2025, held: 2, planned: 2, scheduled: 0, expectedByToday: 2, behind: false },
    ]);
  });

  it('a year the forum ended in plans pro rata up to its end', () => {
    const f = {
      ...base,
      lifecycle: 'discontinued' as const,
      establishedOn: '2020-01-01',
      discontinuedOn: '2025-06-30',
    };
    expect(cadenceOfYear(f, [], 2025, TODAY).planned).toBe(2);
    expect(forumCadence(f, [], TODAY).map((c) => c.year)).toEqual([2025, 2024, 2023, 2022]);
  });

  it('no cadence recorded, no cadence counted and no flag', () => {
    expect(forumCadence({ ...base, meetingsPerYear: null }, [], TODAY)).toEqual([]);
    expect(flagsOf({ ...base, meetingsPerYear: null }, [])).toEqual([]);
  });
});

const day = fc
  .integer({ min: 0, max: 365 * 12 })
  .map((n) => new Date(Date.UTC(2018, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const forumArb = fc.record({
  lifecycle: fc.constantFrom(...FORUM_LIFECYCLES),
  mandate: fc.constantFrom(null, 'decides', 'prepares', 'advises'),
  meetingsPerYear: fc.option(fc.integer({ min: 1, max: 52 }), { nil: null }),
  establishedOn: fc.option(day, { nil: null }),
  discontinuedOn: fc.option(day, { nil: null }),
  createdOn: day,
});

describe('forum properties', () => {
  it('a discontinued forum never raises a flag', () => {
    fc.assert(
      fc.property(
        forumArb,
        fc.array(day, { maxLength: 40 }),
        fc.nat(5),
        fc.nat(5),
        day,
        (f, meetings, memberCount, deputyCount, today) => {
          const forum = { ...f, lifecycle: 'discontinued' as const, discontinuedOn: today };
          const cadence = forumCadence(forum, meetings, today);
          expect(forumFlags(forum, { memberCount, deputyCount, cadence }, today)).toEqual([]);
        },
      ),
    );
  });

  it('planned and held counts are never negative, and held never exceeds the meetings recorded', () => {
    fc.assert(
      fc.property(forumArb, fc.array(day, { maxLength: 60 }), day, (f, meetings, today) => {
        const cadence = forumCadence(f, meetings, today);
        const total = cadence.reduce((n, c) => n + c.held, 0);
        expect(total).toBeLessThanOrEqual(meetings.filter((m) => m <= today).length);
        for (const c of cadence) {
          expect(c.held).toBeGreaterThanOrEqual(0);
          expect(c.planned).toBeGreaterThanOrEqual(0);
          expect(c.scheduled).toBeGreaterThanOrEqual(0);
          expect(c.expectedByToday).toBeLessThanOrEqual(c.planned);
          expect(c.held + c.scheduled).toBeLessThanOrEqual(meetings.length);
        }
      }),
    );
  });
});
