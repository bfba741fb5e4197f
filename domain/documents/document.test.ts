import { describe, expect, it } from 'vitest';
import { DocumentInput, DocumentUpdate, documentFlags } from './document.js';

const base = {
  state: 'adopted',
  adoptionLevel: 'assembly',
  adoptedByUnitId: 'rf',
  adoptionDecisionId: null,
  reviewOn: '2027-01-01',
  adoptedOn: '2024-04-16',
  validFrom: null,
  validTo: null,
  goalCount: 1,
  ownGoalCount: 0,
  supersededById: null,
  type: 'strategi',
  followUpText: 'Följs upp i årsredovisningen mot effektmålen.',
  followUpsPerYear: 1,
  followUpWhen: null,
  decisionLevel: null,
};
const today = '2026-03-15';

describe('steering-document flags', () => {
  it('a current, politically adopted strategy that serves a goal raises nothing', () => {
    expect(documentFlags(base, today, 4)).toEqual([]);
  });
  it('adopted by an official is not political; an unknown level is not an official adoption', () => {
    expect(documentFlags({ ...base, adoptionLevel: 'official' }, today, 4)).toEqual([
      'not_political',
    ]);
    // The seeds: "Av dokumentet framgår inte vem som tagit fram dokumentet och på vilken nivå
    // det är beslutat" (Digital agenda 2028, Värmland).
    expect(
      documentFlags({ ...base, adoptionLevel: 'unknown', adoptedByUnitId: null }, today, 4),
    ).toEqual(['no_decision_level']);
    // The adopter is known, the level is not recorded: no "missing" flag, and not "official".
    expect(documentFlags({ ...base, adoptionLevel: 'unknown' }, today, 4)).toEqual([]);
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
  it('a validity that ended yesterday has passed; one that ends today has not', () => {
    expect(documentFlags({ ...base, validTo: '2026-03-14' }, today, 4)).toEqual([
      'validity_passed',
    ]);
    expect(documentFlags({ ...base, validTo: '2026-03-15' }, today, 4)).toEqual([]);
  });
  it('a strategy says how and when it is followed up; other types need not', () => {
    const none = { followUpText: null, followUpsPerYear: null, followUpWhen: null };
    expect(documentFlags({ ...base, ...none }, today, 4)).toEqual(['no_follow_up_spec']);
    expect(documentFlags({ ...base, followUpsPerYear: null }, today, 4)).toEqual([
      'no_follow_up_spec',
    ]);
    expect(
      documentFlags(
        { ...base, followUpsPerYear: null, followUpWhen: 'I samband med delårsrapporten' },
        today,
        4,
      ),
    ).toEqual([]);
    expect(documentFlags({ ...base, followUpText: '  ' }, today, 4)).toEqual(['no_follow_up_spec']);
    expect(documentFlags({ ...base, ...none, type: 'riktlinje' }, today, 4)).toEqual([]);
  });
  it('a strategy or plan serving goals of its own is flagged', () => {
    expect(documentFlags({ ...base, ownGoalCount: 1 }, today, 4)).toEqual([
      'goals_without_overarching',
    ]);
    expect(documentFlags({ ...base, ownGoalCount: 1, type: 'handlingsplan' }, today, 4)).toEqual([
      'goals_without_overarching',
    ]);
    expect(documentFlags({ ...base, ownGoalCount: 1, type: 'rutin' }, today, 4)).toEqual([]);
  });
  it('a level that is not the cited decision’s is flagged, unknown included', () => {
    expect(
      documentFlags({ ...base, adoptionDecisionId: 'd', decisionLevel: 'assembly' }, today, 4),
    ).toEqual([]);
    expect(
      documentFlags({ ...base, adoptionDecisionId: 'd', decisionLevel: 'board' }, today, 4),
    ).toEqual(['level_differs_from_decision']);
    expect(
      documentFlags(
        { ...base, adoptionLevel: 'board', adoptionDecisionId: 'd', decisionLevel: 'committee' },
        today,
        4,
      ),
    ).toEqual([]);
    expect(
      documentFlags(
        {
          ...base,
          adoptionLevel: 'unknown',
          adoptedByUnitId: null,
          adoptionDecisionId: 'd',
          decisionLevel: 'official',
        },
        today,
        4,
      ),
    ).toEqual(['level_differs_from_decision']);
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

describe('the document schemas', () => {
  const input = {
    title: 'Strategi för digital utveckling',
    type: 'strategi',
    state: 'adopted',
    ownerUnitId: '00000000-0000-4000-8000-000000000001',
  };
  it('refuses a validity that ends before it starts', () => {
    const r = DocumentInput.safeParse({ ...input, validFrom: '2024-01-01', validTo: '2023-12-31' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      path: ['validTo'],
      message: 'documents.validToBeforeFrom',
    });
    expect(
      DocumentInput.safeParse({ ...input, validFrom: '2024-01-01', validTo: '2024-01-01' }).success,
    ).toBe(true);
    expect(
      DocumentUpdate.safeParse({ version: 1, validFrom: '2024-01-02', validTo: '2024-01-01' })
        .success,
    ).toBe(false);
  });
  it('follow-ups a year are a whole number from 1 to 52', () => {
    expect(DocumentInput.safeParse({ ...input, followUpsPerYear: 0 }).success).toBe(false);
    expect(DocumentInput.safeParse({ ...input, followUpsPerYear: 4 }).success).toBe(true);
    expect(DocumentInput.safeParse({ ...input, followUpsPerYear: 2.5 }).success).toBe(false);
  });
});
