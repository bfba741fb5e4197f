import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADOPTION_LEVELS, DOCUMENT_STATES, DOCUMENT_TYPES } from './document.js';
import {
  documentFlags,
  isCurrentPoliticalStrategy,
  isGoalWithoutOverarching,
  strategiesPerBody,
  validityPassed,
  type DocumentFacts,
} from './flags.js';

const day = fc
  .integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2035, 11, 31) })
  .map((ms) => new Date(ms - (ms % 86_400_000)).toISOString().slice(0, 10));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const facts: fc.Arbitrary<DocumentFacts> = fc.record({
  state: fc.constantFrom(...DOCUMENT_STATES),
  type: fc.constantFrom(...DOCUMENT_TYPES),
  adoptionLevel: fc.constantFrom(...ADOPTION_LEVELS),
  adoptedByUnitId: maybe(fc.constantFrom('rf', 'rs', 'ls', 'hsn')),
  adoptionDecisionId: maybe(fc.constant('d')),
  adoptedOn: maybe(day),
  validFrom: maybe(day),
  validTo: maybe(day),
  reviewOn: maybe(day),
  supersededById: maybe(fc.constant('s')),
  followUpText: maybe(fc.constantFrom('', 'I årsredovisningen')),
  followUpsPerYear: maybe(fc.integer({ min: 1, max: 52 })),
  followUpWhen: maybe(fc.constantFrom('', 'Vid delårsrapporten')),
  goalCount: fc.integer({ min: 0, max: 5 }),
  ownGoalCount: fc.integer({ min: 0, max: 5 }),
  decisionLevel: maybe(fc.constantFrom('assembly', 'board', 'committee', 'official', 'delegated')),
});

describe('document flag invariants', () => {
  it('a document that is not adopted raises no flags', () => {
    fc.assert(
      fc.property(facts, day, fc.integer({ min: 1, max: 50 }), (d, today, maxAge) => {
        if (d.state === 'adopted') return;
        expect(documentFlags(d, today, maxAge)).toEqual([]);
      }),
    );
  });
  it('an adopted document has validity passed exactly when validTo is before today', () => {
    fc.assert(
      fc.property(facts, day, (d, today) => {
        const adopted = { ...d, state: 'adopted' };
        expect(documentFlags(adopted, today, 4).includes('validity_passed')).toBe(
          d.validTo !== null && d.validTo < today,
        );
        expect(validityPassed(d.validTo, today)).toBe(d.validTo !== null && d.validTo < today);
      }),
    );
  });
  it('an unknown level is never called an official adoption', () => {
    fc.assert(
      fc.property(facts, day, (d, today) => {
        const flags = documentFlags({ ...d, state: 'adopted', adoptionLevel: 'unknown' }, today, 4);
        expect(flags).not.toContain('not_political');
      }),
    );
  });
  it('a current politically adopted strategy is counted exactly once, under its body', () => {
    const doc = facts.chain((f) =>
      fc.record({ id: fc.uuid(), body: maybe(fc.constantFrom('rf', 'rs', 'hsn')) }).map((x) => ({
        ...f,
        ...x,
      })),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(doc, { selector: (d) => d.id, maxLength: 30 }),
        day,
        (docs, today) => {
          const groups = strategiesPerBody(docs, today, (d) => d.body, ['rs', 'ktn']);
          const counted = [...groups.values()].flat();
          const current = docs.filter((d) => isCurrentPoliticalStrategy(d, today));
          expect(counted.map((d) => d.id).sort()).toEqual(current.map((d) => d.id).sort());
          for (const [body, list] of groups) for (const d of list) expect(d.body).toBe(body);
          // Bodies asked for are listed even with none.
          expect(groups.has('ktn')).toBe(true);
        },
      ),
    );
  });
});

describe('current political strategies', () => {
  const s = {
    state: 'adopted',
    type: 'strategi',
    adoptionLevel: 'board',
    validFrom: '2018-06-01',
    validTo: null,
    supersededById: null,
  };
  const today = '2026-03-15';
  it('count adopted strategies of the assembly or a board, in force today, not superseded', () => {
    expect(isCurrentPoliticalStrategy(s, today)).toBe(true);
    expect(isCurrentPoliticalStrategy({ ...s, adoptionLevel: 'assembly' }, today)).toBe(true);
    expect(isCurrentPoliticalStrategy({ ...s, adoptionLevel: 'official' }, today)).toBe(false);
    expect(isCurrentPoliticalStrategy({ ...s, adoptionLevel: 'unknown' }, today)).toBe(false);
    expect(isCurrentPoliticalStrategy({ ...s, validTo: '2026-03-14' }, today)).toBe(false);
    expect(isCurrentPoliticalStrategy({ ...s, validTo: '2026-03-15' }, today)).toBe(true);
    expect(isCurrentPoliticalStrategy({ ...s, validFrom: '2026-04-01' }, today)).toBe(false);
    expect(isCurrentPoliticalStrategy({ ...s, supersededById: 'x' }, today)).toBe(false);
    expect(isCurrentPoliticalStrategy({ ...s, state: 'repealed' }, today)).toBe(false);
    expect(isCurrentPoliticalStrategy({ ...s, type: 'policy' }, today)).toBe(false);
  });
});

describe('own goals', () => {
  it('a result goal with no goal above it is the strategy’s own; impact goals and focus areas are not', () => {
    expect(isGoalWithoutOverarching({ level: 'result', form: 'goal', parentGoalIds: [] })).toBe(
      true,
    );
    expect(isGoalWithoutOverarching({ level: 'sub', form: 'goal', parentGoalIds: [] })).toBe(true);
    expect(isGoalWithoutOverarching({ level: 'result', form: 'goal', parentGoalIds: ['i'] })).toBe(
      false,
    );
    expect(isGoalWithoutOverarching({ level: 'impact', form: 'goal', parentGoalIds: [] })).toBe(
      false,
    );
    expect(
      isGoalWithoutOverarching({ level: 'result', form: 'focus_area', parentGoalIds: [] }),
    ).toBe(false);
  });
});
