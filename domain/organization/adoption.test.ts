import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adoptionRefusal, DECISION_KINDS, OUTCOMES } from './decision.js';

describe('which decisions adopt', () => {
  it('a decision with bifall, or with no outcome recorded, adopts', () => {
    expect(adoptionRefusal({ kind: 'decision', outcome: 'approved' })).toBeNull();
    expect(adoptionRefusal({ kind: 'decision', outcome: null })).toBeNull();
    expect(adoptionRefusal({ kind: 'executive', outcome: null })).toBeNull();
  });

  it('återremiss, avslag and bordlagd adopt nothing', () => {
    for (const outcome of ['referred_back', 'rejected', 'tabled'])
      expect(adoptionRefusal({ kind: 'decision', outcome })).toBe('not_approved');
  });

  it('a recommendation or an information item never adopts, whatever its outcome', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('recommendation', 'information'),
        fc.constantFrom(null, ...OUTCOMES),
        (kind, outcome) => adoptionRefusal({ kind, outcome }) === 'not_a_decision',
      ),
    );
  });

  it('adopts exactly when it is a decision and the outcome is bifall or not recorded', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DECISION_KINDS),
        fc.constantFrom(null, ...OUTCOMES),
        (kind, outcome) =>
          (adoptionRefusal({ kind, outcome }) === null) ===
          ((kind === 'decision' || kind === 'executive') &&
            (outcome === null || outcome === 'approved')),
      ),
    );
  });
});
