import { describe, expect, it } from 'vitest';
import { documentFlags } from './document.js';

const base = {
  state: 'adopted',
  adoptionLevel: 'assembly',
  reviewOn: '2027-01-01',
  adoptedOn: '2024-04-16',
  validFrom: null,
  goalCount: 1,
  supersededById: null,
  type: 'strategi',
};
const today = '2026-03-15';

describe('steering-document flags', () => {
  it('a current, politically adopted strategy that serves a goal raises nothing', () => {
    expect(documentFlags(base, today, 4)).toEqual([]);
  });
  it('adopted by an official, or by no one known, is not political', () => {
    expect(documentFlags({ ...base, adoptionLevel: 'official' }, today, 4)).toEqual([
      'not_political',
    ]);
    expect(documentFlags({ ...base, adoptionLevel: 'unknown' }, today, 4)).toEqual([
      'not_political',
    ]);
  });
  it('past its review date, older than the limit, serving no goal, superseded while in force', () => {
    expect(documentFlags({ ...base, reviewOn: '2026-03-14' }, today, 4)).toEqual([
      'review_overdue',
    ]);
    expect(documentFlags({ ...base, adoptedOn: '2022-03-14' }, today, 4)).toEqual(['old']);
    expect(documentFlags({ ...base, adoptedOn: '2022-03-16' }, today, 4)).toEqual([]);
    expect(documentFlags({ ...base, goalCount: 0 }, today, 4)).toEqual(['serves_no_goal']);
    expect(documentFlags({ ...base, goalCount: 0, type: 'rutin' }, today, 4)).toEqual([]);
    expect(documentFlags({ ...base, supersededById: 'x' }, today, 4)).toEqual([
      'superseded_in_force',
    ]);
  });
  it('drafts and repealed documents are not judged', () => {
    expect(documentFlags({ ...base, state: 'draft', adoptionLevel: 'unknown' }, today, 4)).toEqual(
      [],
    );
    expect(documentFlags({ ...base, state: 'repealed', supersededById: 'x' }, today, 4)).toEqual(
      [],
    );
  });
});
