import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countGoals, type CountableGoal, type CountableIndicator } from './counts.js';

const goal = (id: string, over: Partial<CountableGoal> = {}): CountableGoal => ({
  id,
  title: `Mål ${id}`,
  form: 'goal',
  tags: ['digitalisering'],
  ...over,
});

describe('goal counts per body', () => {
  it('a focus area and a strategic plan are shown apart, never as goals or digitalisation goals', () => {
    const c = countGoals(
      [
        goal('a'),
        goal('b', { tags: ['ekonomi'] }),
        goal('f', { form: 'focus_area', title: 'Fokusområde digitalisering' }),
        goal('p', { form: 'strategic_plan', title: 'Kulturplan' }),
      ],
      [{ goalId: 'f', name: 'Aktiviteter', measuresDigitalisation: true }],
    );
    expect(c.goals.figure).toBe(2);
    expect(c.digitalisationGoals.records.map((r) => r.id)).toEqual(['a']);
    expect(c.focusAreas.records).toEqual([
      {
        entity: 'goal',
        id: 'f',
        title: 'Fokusområde digitalisering',
        href: '/mal/f',
        detail: null,
      },
    ]);
    expect(c.strategicPlans.figure).toBe(1);
    expect(c.withDigitalisationIndicator.figure).toBe(0);
  });

  it('a digitalisation goal whose only indicator is telephone waiting times has no digitalisation indicator', () => {
    const c = countGoals(
      [goal('hsn', { title: 'Tillgänglig vård på lika villkor' }), goal('rs')],
      [
        { goalId: 'hsn', name: 'Telefontillgänglighet 1177', measuresDigitalisation: false },
        {
          goalId: 'rs',
          name: 'Antal slutförda digitaliseringsåtgärder',
          measuresDigitalisation: true,
        },
      ],
    );
    expect(c.digitalisationGoals.figure).toBe(2);
    expect(c.withDigitalisationIndicator.records).toEqual([
      {
        entity: 'goal',
        id: 'rs',
        title: 'Mål rs',
        href: '/mal/rs',
        detail: 'Antal slutförda digitaliseringsåtgärder',
      },
    ]);
  });

  it('an indicator measuring digitalisation on a goal not tagged digitalisation does not count', () => {
    const c = countGoals(
      [goal('x', { tags: [] })],
      [{ goalId: 'x', name: 'Andel e-tjänster', measuresDigitalisation: true }],
    );
    expect(c.withDigitalisationIndicator.figure).toBe(0);
  });

  it('property: adding a focus area or a strategic plan never changes a goal count', () => {
    const aGoal = fc.record({
      id: fc.uuid(),
      title: fc.string(),
      form: fc.constantFrom('goal', 'focus_area', 'strategic_plan'),
      tags: fc.subarray(['digitalisering', 'ekonomi']),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(aGoal, { selector: (g) => g.id, maxLength: 8 }),
        fc.uuid(),
        fc.constantFrom('focus_area', 'strategic_plan'),
        fc.subarray(['digitalisering', 'ekonomi']),
        fc.boolean(),
        (goals, newId, form, tags, measures) => {
          if (goals.some((g) => g.id === newId)) return;
          const inds: CountableIndicator[] = goals.map((g) => ({
            goalId: g.id,
            name: 'i',
            measuresDigitalisation: g.title.length % 2 === 0,
          }));
          const before = countGoals(goals, inds);
          const after = countGoals(
            [...goals, { id: newId, title: 'Fokus', form, tags }],
            [...inds, { goalId: newId, name: 'j', measuresDigitalisation: measures }],
          );
          expect(after.goals).toEqual(before.goals);
          expect(after.digitalisationGoals).toEqual(before.digitalisationGoals);
          expect(after.withDigitalisationIndicator).toEqual(before.withDigitalisationIndicator);
        },
      ),
    );
  });
});
