import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING, isCrossUnit, transitionFailures, type GuardInput } from './initiative.js';
import { boardOf, commonScope } from './routing.js';

/*
 * A region: fullmäktige (RF) over regionstyrelsen (RS) and two nämnder (HSN, KTN); under HSN
 * its förvaltning (HSF) with avdelningar and enheter; under KTN its förvaltning (KTF).
 */
const KIND: Record<string, string> = {
  RF: 'assembly',
  RS: 'regional_board',
  RSAU: 'working_committee',
  HSN: 'board',
  HSF: 'administration',
  PV: 'department',
  SV: 'department',
  PV1: 'unit',
  SV1: 'unit',
  KTN: 'board',
  KTF: 'administration',
  BOL: 'company',
};
const PATH: Record<string, string[]> = {
  RF: ['RF'],
  RS: ['RF', 'RS'],
  RSAU: ['RF', 'RS', 'RSAU'],
  HSN: ['RF', 'HSN'],
  HSF: ['RF', 'HSN', 'HSF'],
  PV: ['RF', 'HSN', 'HSF', 'PV'],
  SV: ['RF', 'HSN', 'HSF', 'SV'],
  PV1: ['RF', 'HSN', 'HSF', 'PV', 'PV1'],
  SV1: ['RF', 'HSN', 'HSF', 'SV', 'SV1'],
  KTN: ['RF', 'KTN'],
  KTF: ['RF', 'KTN', 'KTF'],
  BOL: ['RF', 'BOL'],
};
const kindOf = (id: string) => KIND[id];
const guard = (owner: string, affected: string[]): GuardInput => ({
  phase: 'preparation',
  ownerUnitPath: PATH[owner]!,
  affectedUnitPaths: affected.map((a) => PATH[a]!),
  ownerBoardId: boardOf(PATH[owner]!, kindOf),
  affectedBoardIds: affected.map((a) => boardOf(PATH[a]!, kindOf)),
  decision: null,
  preparedByForumId: null,
  routingExceptionDecisionId: null,
  benefits: [],
});

describe('cross-unit: units under more than one board', () => {
  it('a unit’s board is the nearest board, nämnd, bolag or fullmäktige at or above it', () => {
    expect(boardOf(PATH.PV1!, kindOf)).toBe('HSN');
    expect(boardOf(PATH.HSN!, kindOf)).toBe('HSN');
    expect(boardOf(PATH.RSAU!, kindOf)).toBe('RS'); // the working committee is its board's
    expect(boardOf(PATH.BOL!, kindOf)).toBe('BOL');
    expect(boardOf(['X', 'Y'], () => 'department')).toBe('X'); // no body above: its tree's top
    expect(boardOf([], kindOf)).toBeNull();
  });
  it('an administration’s own departments and units are not cross-unit, however many', () => {
    expect(isCrossUnit(guard('HSF', ['PV', 'SV', 'PV1', 'SV1']))).toBe(false);
    expect(isCrossUnit(guard('PV', ['SV']))).toBe(false);
    expect(isCrossUnit(guard('HSN', ['HSF']))).toBe(false);
  });
  it('units under two boards are cross-unit; a region may ask for more boards', () => {
    expect(isCrossUnit(guard('PV', ['KTF']))).toBe(true);
    expect(isCrossUnit(guard('HSF', ['RS']))).toBe(true);
    expect(isCrossUnit(guard('HSF', ['KTF']), { ...DEFAULT_ROUTING, crossUnitThreshold: 3 })).toBe(
      false,
    );
    expect(
      isCrossUnit(guard('HSF', ['KTF', 'BOL']), { ...DEFAULT_ROUTING, crossUnitThreshold: 3 }),
    ).toBe(true);
  });
  it('property: units all under one board are never cross-unit, whatever the threshold', () => {
    const hsnUnits = ['HSN', 'HSF', 'PV', 'SV', 'PV1', 'SV1'];
    fc.assert(
      fc.property(
        fc.constantFrom(...hsnUnits),
        fc.array(fc.constantFrom(...hsnUnits), { maxLength: 20 }),
        fc.integer({ min: 2, max: 50 }),
        (owner, affected, threshold) =>
          !isCrossUnit(guard(owner, affected), {
            ...DEFAULT_ROUTING,
            crossUnitThreshold: threshold,
          }),
      ),
    );
  });
  it('property: with the default rule, touching a unit under another board is always cross-unit', () => {
    const units = Object.keys(PATH).filter((u) => u !== 'RF');
    fc.assert(
      fc.property(
        fc.constantFrom(...units),
        fc.array(fc.constantFrom(...units), { minLength: 1, maxLength: 10 }),
        (owner, affected) => {
          const boards = new Set([owner, ...affected].map((u) => boardOf(PATH[u]!, kindOf)));
          return isCrossUnit(guard(owner, affected)) === boards.size > 1;
        },
      ),
    );
  });
  it('within one board, the narrowest unit holding them all (or a body above it) decides', () => {
    expect(commonScope([PATH.PV1!, PATH.SV1!])).toEqual(['RF', 'HSN', 'HSF']);
    const decided = (owner: string, affected: string[], by: string) =>
      transitionFailures(
        { ...guard(owner, affected), decision: { unitId: by, unitPath: PATH[by]! } },
        'decided',
      );
    expect(decided('PV', ['SV'], 'HSF')).toEqual([]);
    expect(decided('PV', ['SV'], 'HSN')).toEqual([]);
    expect(decided('PV', ['SV'], 'PV')).toEqual(['decision_wrong_level']); // it touches SV too
    expect(decided('PV', ['PV1'], 'PV')).toEqual([]); // only itself
    expect(decided('PV', [], 'KTN')).toEqual(['decision_wrong_level']);
  });
});
