import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actionFlags,
  assignmentFlags,
  checkFinding,
  checkQuestion,
  dueReminderSteps,
  expandGroup,
  parseNumberedLines,
  takenNumbers,
  REMINDER_STEPS,
  suggestFollowUpStatus,
} from './audit.js';

const today = '2026-03-15';

describe('typing an audit in', () => {
  it('reads numbered lines with sub-questions and continuation lines', () => {
    expect(
      parseNumberedLines(
        '1. Finns mål?\n1.1 Mätbara?\n  och uppföljda?\n2) Antagen strategi?\n\n3 a Roller?',
      ),
    ).toEqual([
      { number: '1', parent: null, text: 'Finns mål?', line: 1 },
      { number: '1.1', parent: '1', text: 'Mätbara? och uppföljda?', line: 2 },
      { number: '2', parent: null, text: 'Antagen strategi?', line: 4 },
      { number: '3a', parent: null, text: 'Roller?', line: 6 },
    ]);
  });
  it('reads bullets pasted from a report as numbered items, with their wrapped lines', () => {
    // Seed 001 (Region Värmland 2025), its recommendations to "samtliga revisionsobjekt".
    const pasted = [
      '• Utveckla en systematik för ökad intern informationsdelning/informationsspridning ',
      'av digitaliseringsinitiativ. ',
      ' ',
      '• Säkerställ att den samlade organisationen har tillräcklig kompetens inom ',
      'förändringsledning. ',
      '',
      '• Stärk arbetet med implementering av digitaliseringsinitiativ så att fattade beslut ',
      'följs och tillräcklig uppföljning sker för att säkra en förbättrad effekthemtagning.  ',
    ].join('\n');
    expect(parseNumberedLines(pasted).map((l) => [l.number, l.text])).toEqual([
      [
        '1',
        'Utveckla en systematik för ökad intern informationsdelning/informationsspridning av digitaliseringsinitiativ.',
      ],
      [
        '2',
        'Säkerställ att den samlade organisationen har tillräcklig kompetens inom förändringsledning.',
      ],
      [
        '3',
        'Stärk arbetet med implementering av digitaliseringsinitiativ så att fattade beslut följs och tillräcklig uppföljning sker för att säkra en förbättrad effekthemtagning.',
      ],
    ]);
    expect(parseNumberedLines('3. Tre\n- Fyra').map((l) => l.number)).toEqual(['3', '4']);
    // Pasted into an audit that already has 1–5: the bullets are 6 and 7, not 1 and 2 again.
    expect(parseNumberedLines('• Sex\n• Sju', ['1', '2', '5', '4.1']).map((l) => l.number)).toEqual(
      ['6', '7'],
    );
    expect(parseNumberedLines('Utan nummer', ['1']).map((l) => l.number)).toEqual(['2']);
  });
  it('finds a number used twice, or already used', () => {
    expect(takenNumbers(['6', '7', '6', '2'], ['1', '2'])).toEqual([
      { index: 2, number: '6' },
      { index: 3, number: '2' },
    ]);
  });
  it('unnumbered first line is question 1', () => {
    expect(parseNumberedLines('Vilka rekommendationer ges?')).toEqual([
      { number: '1', parent: null, text: 'Vilka rekommendationer ges?', line: 1 },
    ]);
  });
});

describe('the assessment matrix', () => {
  const audited = ['a', 'b', 'c'];
  it('a value only where the question applies, only in per-body mode', () => {
    expect(
      checkQuestion(
        {
          mode: 'per_body',
          appliesToBodyIds: ['a', 'b'],
          cells: [
            { bodyId: 'a', value: 'yes' },
            { bodyId: 'b', value: 'partly' },
          ],
        },
        audited,
      ),
    ).toEqual([]);
    expect(
      checkQuestion(
        { mode: 'per_body', appliesToBodyIds: ['a'], cells: [{ bodyId: 'c', value: 'no' }] },
        audited,
      ),
    ).toEqual([{ path: 'cells.0', key: 'audits.cellNotApplicable' }]);
    expect(
      checkQuestion(
        {
          mode: 'whole',
          appliesToBodyIds: ['a'],
          cells: [{ bodyId: 'a', value: 'no' }],
          wholeValue: 'no',
        },
        audited,
      ),
    ).toEqual([{ path: 'cells.0', key: 'audits.cellsOnlyPerBody' }]);
    expect(
      checkQuestion(
        { mode: 'prose', appliesToBodyIds: ['a'], cells: [], wholeValue: 'yes' },
        audited,
      ),
    ).toEqual([{ path: 'wholeValue', key: 'audits.wholeOnlyInWholeMode' }]);
    expect(
      checkQuestion({ mode: 'per_body', appliesToBodyIds: ['x'], cells: [] }, audited),
    ).toEqual([{ path: 'appliesToBodyIds.0', key: 'audits.notAudited' }]);
  });
  it('an empty cell is never an error', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('per_body', 'whole', 'prose', 'not_assessed'),
        fc.constantFrom('a', 'b', 'c'),
        (mode, bodyId) => {
          expect(
            checkQuestion(
              { mode, appliesToBodyIds: [], cells: [{ bodyId, value: null }] },
              audited,
            ),
          ).toEqual([]);
        },
      ),
    );
  });
});

describe('addressees', () => {
  const bodies = [
    { id: 'rs', kind: 'regional_board' },
    { id: 'hsn', kind: 'board' },
    { id: 'ktn', kind: 'board' },
    { id: 'bolag', kind: 'company' },
  ];
  it('groups expand to the audit’s bodies', () => {
    expect(expandGroup('all_audited', bodies)).toEqual(['rs', 'hsn', 'ktn', 'bolag']);
    expect(expandGroup('all_committees', bodies)).toEqual(['hsn', 'ktn']);
    expect(expandGroup('board_and_committees', bodies)).toEqual(['rs', 'hsn', 'ktn']);
  });
  it('a follow-up status belongs to an addressee; others get observations', () => {
    expect(checkFinding({ statuses: [{ bodyId: 'hsn' }, { bodyId: 'kbn' }] }, ['hsn'])).toEqual([
      { path: 'statuses.1', key: 'audits.statusOnlyForAddressee' },
    ]);
  });
});

describe('flags and states', () => {
  it('actions: no owner, no date, overdue unless done or stopped', () => {
    expect(actionFlags({ ownerPersonId: null, dueOn: null, status: 'planned' }, today)).toEqual([
      'no_owner',
      'no_due_date',
    ]);
    expect(
      actionFlags({ ownerPersonId: 'p', dueOn: '2026-03-14', status: 'in_progress' }, today),
    ).toEqual(['overdue']);
    expect(actionFlags({ ownerPersonId: 'p', dueOn: '2026-03-14', status: 'done' }, today)).toEqual(
      [],
    );
    expect(
      actionFlags({ ownerPersonId: 'p', dueOn: '2026-03-15', status: 'planned' }, today),
    ).toEqual([]);
  });
  it('assignments: overdue after the due date, never reported without a report-back, clear once reported', () => {
    const a = {
      reportBack: 'date',
      dueOn: '2026-01-31',
      dueResolved: true,
      reportedOn: null,
      state: 'active',
    };
    expect(assignmentFlags(a, today)).toEqual(['overdue']);
    expect(assignmentFlags({ ...a, state: 'proposed' }, today)).toEqual([]);
    expect(assignmentFlags({ ...a, reportBack: 'none', dueOn: null }, today)).toEqual([
      'no_report_back',
    ]);
    expect(
      assignmentFlags(
        { ...a, reportBack: 'meeting', dueOn: '2026-04-30', dueResolved: false },
        today,
      ),
    ).toEqual(['meeting_not_planned']);
    expect(assignmentFlags({ ...a, reportBack: 'meeting' }, today)).toEqual(['overdue']);
    expect(assignmentFlags({ ...a, reportedOn: '2026-02-02' }, today)).toEqual([]);
  });
  it('the follow-up suggestion: all done resolved, some progress partly, nothing not resolved', () => {
    expect(suggestFollowUpStatus([{ status: 'done' }, { status: 'done' }])).toBe('resolved');
    expect(suggestFollowUpStatus([{ status: 'done' }, { status: 'planned' }])).toBe(
      'partly_resolved',
    );
    expect(suggestFollowUpStatus([{ status: 'in_progress' }])).toBe('partly_resolved');
    expect(suggestFollowUpStatus([])).toBe('not_resolved');
  });
});

describe('reminder steps', () => {
  it('14 and 3 days before, 1 day after; each once, and only the latest reached', () => {
    expect(dueReminderSteps('2026-03-29', today, [])).toEqual([-14]);
    expect(dueReminderSteps('2026-03-17', today, [])).toEqual([-3]);
    expect(dueReminderSteps('2026-03-14', today, [])).toEqual([1]);
    expect(dueReminderSteps('2026-03-14', today, [1])).toEqual([]);
    expect(dueReminderSteps('2026-06-01', today, [])).toEqual([]);
    expect(dueReminderSteps('2026-01-01', today, [])).toEqual([]); // long past: no reminder storm for old deadlines
  });
  it('over the days around a deadline, each step comes at most once', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 30 }), (offset) => {
        const sent: number[] = [];
        for (let d = -30; d <= 30; d++) {
          const day = new Date(Date.UTC(2026, 5, 15 + d)).toISOString().slice(0, 10);
          sent.push(
            ...dueReminderSteps(
              new Date(Date.UTC(2026, 5, 15 + offset)).toISOString().slice(0, 10),
              day,
              sent,
            ),
          );
        }
        expect(new Set(sent).size).toBe(sent.length);
        expect(sent.every((s) => (REMINDER_STEPS as readonly number[]).includes(s))).toBe(true);
      }),
    );
  });
});
