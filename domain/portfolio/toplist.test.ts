import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EFFECT_LEVELS,
  entryStanding,
  followUpStanding,
  plannedFollowUps,
  TOP_STATUSES,
  TopFollowUpInput,
  TopListInput,
} from './toplist.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('top lists and their follow-ups', () => {
  it('an entry the follow-up gave no status is "status saknas", even when an earlier one had a status', () => {
    const entries = [{ initiativeId: id(1) }, { initiativeId: id(2) }];
    const earlier = { entries: [{ initiativeId: id(1), status: 'ongoing' as const }] };
    const later = { entries: [{ initiativeId: id(2), status: 'paused' as const }] };
    expect(entryStanding(entries, earlier).map((e) => e.status)).toEqual(['ongoing', null]);
    expect(entryStanding(entries, later).map((e) => e.status)).toEqual([null, 'paused']);
    expect(entryStanding(entries, null).map((e) => e.status)).toEqual([null, null]);
  });
  it('property: an entry is never shown with a status the follow-up did not give it', () => {
    const entry = fc.record({
      initiativeId: fc.integer({ min: 1, max: 8 }).map(id),
      status: fc.option(fc.constantFrom(...TOP_STATUSES), { nil: null }),
      effects: fc.option(fc.constantFrom(...EFFECT_LEVELS), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 8 }).map(id)),
        fc.uniqueArray(entry, { selector: (e) => e.initiativeId }),
        (list, given) => {
          const shown = entryStanding(
            list.map((initiativeId) => ({ initiativeId })),
            { entries: given },
          );
          return shown.every(
            (s) =>
              s.status === (given.find((g) => g.initiativeId === s.initiativeId)?.status ?? null),
          );
        },
      ),
    );
  });
  it('the planned cadence: the list’s own, else its steering document’s, else the setting (four a year)', () => {
    expect(plannedFollowUps(6, 2, 4)).toEqual({ planned: 6, source: 'list' });
    expect(plannedFollowUps(null, 2, 4)).toEqual({ planned: 2, source: 'document' });
    expect(plannedFollowUps(null, null, 3)).toEqual({ planned: 3, source: 'setting' });
    expect(plannedFollowUps(null, null, null)).toEqual({ planned: 4, source: 'setting' });
  });
  it('"n av m uppföljningar genomförda <år>": held in the year, behind when fewer than were due', () => {
    const held = ['2024-11-20', '2025-02-10', '2025-05-20', '2025-11-12', '2026-02-01'];
    expect(followUpStanding(held, 4, 2025, '2026-03-15')).toEqual({
      held: 3,
      planned: 4,
      due: 4,
      behind: true,
    });
    // In the current year only the periods that have ended are due: none by mid-March.
    expect(followUpStanding(held, 4, 2026, '2026-03-15')).toMatchObject({
      held: 1,
      due: 0,
      behind: false,
    });
    expect(followUpStanding([], 4, 2026, '2026-07-01')).toMatchObject({ due: 2, behind: true });
    expect(followUpStanding([], 4, 2027, '2026-07-01')).toMatchObject({ due: 0, behind: false });
  });
  it('property: n is never more than the follow-ups recorded, and never counts another year', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .date({ min: new Date('2023-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
          { maxLength: 30 },
        ),
        fc.integer({ min: 2023, max: 2027 }),
        fc.integer({ min: 1, max: 12 }),
        (dates, year, planned) => {
          const s = followUpStanding(dates, planned, year, '2026-06-15');
          return (
            s.held <= dates.length &&
            s.held === dates.filter((d) => d.slice(0, 4) === String(year)).length
          );
        },
      ),
    );
  });
  it('an initiative is on a list once, and followed up once per follow-up', () => {
    expect(
      TopListInput.safeParse({
        name: 'Topplista 2026',
        year: 2026,
        entries: [{ initiativeId: id(1) }, { initiativeId: id(1) }],
      }).success,
    ).toBe(false);
    expect(
      TopFollowUpInput.safeParse({
        heldOn: '2026-03-01',
        entries: [{ initiativeId: id(1) }, { initiativeId: id(1), status: 'ongoing' }],
      }).success,
    ).toBe(false);
    expect(
      TopFollowUpInput.safeParse({ heldOn: '2026-03-01', entries: [{ initiativeId: id(1) }] })
        .success,
    ).toBe(true);
  });
});
