import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boardDigitalisationStatus,
  goalFlags,
  indicatorFlags,
  isOverdue,
  levelLabel,
  missingForQuantitative,
} from './flags.js';
import { AssessmentSave } from './goal.js';

describe('goal flags', () => {
  it('a board has a digitalisation goal, only a focus area or plan, or nothing', () => {
    expect(boardDigitalisationStatus([{ form: 'goal', tags: ['digitalisering'] }])).toBe('goal');
    expect(
      boardDigitalisationStatus([
        { form: 'focus_area', tags: ['digitalisering'] },
        { form: 'goal', tags: ['ekonomi'] },
      ]),
    ).toBe('focus_area_only');
    expect(boardDigitalisationStatus([{ form: 'strategic_plan', tags: ['digitalisering'] }])).toBe(
      'focus_area_only',
    );
    expect(boardDigitalisationStatus([{ form: 'goal', tags: [] }])).toBe('nothing');
  });

  it('a goal without an indicator is flagged; a focus area or a strategic plan never', () => {
    expect(goalFlags({ indicatorCount: 0, form: 'goal', level: 'result' })).toEqual([
      'no_indicator',
    ]);
    expect(goalFlags({ indicatorCount: 0, form: 'focus_area', level: 'result' })).toEqual([]);
    expect(goalFlags({ indicatorCount: 0, form: 'strategic_plan', level: 'impact' })).toEqual([]);
  });

  it('an impact goal measured through its result goals is not flagged; a result goal is not measured by its sub-goals', () => {
    expect(
      goalFlags({
        indicatorCount: 0,
        form: 'goal',
        level: 'impact',
        measuredThroughGoalIds: ['r'],
      }),
    ).toEqual([]);
    expect(goalFlags({ indicatorCount: 0, form: 'goal', level: 'impact' })).toEqual([
      'no_indicator',
    ]);
    expect(
      goalFlags({
        indicatorCount: 0,
        form: 'goal',
        level: 'result',
        measuredThroughGoalIds: ['s'],
      }),
    ).toEqual(['no_indicator']);
  });

  it('property: an impact goal with a measured goal beneath is never no_indicator', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('goal', 'focus_area', 'strategic_plan'),
        fc.nat(5),
        fc.array(fc.uuid(), { minLength: 1, maxLength: 5 }),
        fc.array(fc.record({ expired: fc.boolean() }), { maxLength: 4 }),
        (form, indicatorCount, below, documents) =>
          !goalFlags({
            form,
            level: 'impact',
            indicatorCount,
            measuredThroughGoalIds: below,
            documents,
          }).includes('no_indicator'),
      ),
    );
  });

  it('a goal served by a document past its validity is flagged', () => {
    expect(
      goalFlags({
        indicatorCount: 1,
        form: 'goal',
        level: 'result',
        documents: [{ expired: false }, { expired: true }],
      }),
    ).toEqual(['document_expired']);
    expect(
      goalFlags({
        indicatorCount: 1,
        form: 'goal',
        level: 'result',
        documents: [{ expired: false }],
      }),
    ).toEqual([]);
  });
});

describe('indicator flags', () => {
  const quant = {
    kind: 'quantitative',
    baseline: 40,
    targets: [{ year: 2025, value: 60 }],
    unit: '%',
    dataSource: 'statistics',
    dataSourceText: null,
  };
  it('a quantitative indicator without baseline, target, unit or data source', () => {
    expect(indicatorFlags(quant)).toEqual([]);
    expect(
      indicatorFlags({ ...quant, baseline: null, targets: [], unit: null, dataSource: null }),
    ).toEqual(['no_baseline', 'no_target', 'no_unit', 'no_data_source']);
    expect(
      indicatorFlags({ ...quant, dataSource: null, dataSourceText: 'Bokningssystemet' }),
    ).toEqual([]);
    expect(indicatorFlags({ ...quant, unit: '  ' })).toEqual(['no_unit']);
  });

  it('property: a judged indicator is never flagged no_target (nor for unit, source or baseline)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ year: fc.integer({ min: 1990, max: 2100 }), value: fc.integer() }), {
          maxLength: 3,
        }),
        fc.option(fc.double({ noNaN: true })),
        fc.option(fc.string()),
        fc.option(fc.constantFrom('statistics', 'judgement')),
        (targets, baseline, unit, dataSource) =>
          indicatorFlags({ kind: 'qualitative', targets, baseline, unit, dataSource }).length === 0,
      ),
    );
  });

  it('what a quantitative indicator still needs: a unit and a data source (code or text)', () => {
    expect(missingForQuantitative({ kind: 'quantitative' })).toEqual(['unit', 'dataSource']);
    expect(
      missingForQuantitative({
        kind: 'quantitative',
        unit: 'min',
        dataSourceText: 'Telefonisystemet',
      }),
    ).toEqual([]);
    expect(missingForQuantitative({ kind: 'qualitative' })).toEqual([]);
  });

  it('a judged outcome shows its level’s label; a number none', () => {
    const scale = [
      { level: 1, label: 'Rutin saknas' },
      { level: 2, label: 'Rutin beslutad' },
    ];
    expect(levelLabel({ kind: 'qualitative', scale }, 2)).toBe('Rutin beslutad');
    expect(levelLabel({ kind: 'qualitative', scale }, null)).toBeNull();
    expect(levelLabel({ kind: 'quantitative', scale }, 2)).toBeNull();
  });
});

describe('assessments', () => {
  const base = {
    goalId: '00000000-0000-4000-8000-000000000001',
    periodKey: '2025-Å',
    assessment: 'partly',
  };
  it('a draft may be saved without a justification; a final one needs it', () => {
    expect(AssessmentSave.safeParse({ ...base, status: 'draft' }).success).toBe(true);
    const final = AssessmentSave.safeParse({ ...base, status: 'final', justification: '  ' });
    expect(final.success).toBe(false);
    expect(final.error?.issues[0]).toMatchObject({
      path: ['justification'],
      message: 'goals.justificationRequired',
    });
    // Without a status an assessment is final, as every assessment was before drafts.
    expect(AssessmentSave.safeParse(base).success).toBe(false);
    expect(AssessmentSave.parse({ ...base, justification: 'Halvvägs.' }).status).toBe('final');
  });
});

describe('periods', () => {
  it('a period is overdue after its end with nothing recorded', () => {
    expect(isOverdue('2025-D', '2025-09-01', false)).toBe(true);
    expect(isOverdue('2025-D', '2025-08-31', false)).toBe(false);
    expect(isOverdue('2025-D', '2025-09-01', true)).toBe(false);
  });
});
