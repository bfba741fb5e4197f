import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessmentMatrix,
  initialAssignmentState,
  adoptedState,
  isLaterInChain,
  monthOfText,
  obligationsOf,
  openState,
  questionStates,
  resolveMeeting,
  resolvedCount,
  type ReplyLike,
} from './obligations.js';

const today = '2026-03-15';

describe('reply obligations', () => {
  const recs = [
    { id: 'r1', addresseeBodyIds: ['rs', 'hsn'] },
    { id: 'r2', addresseeBodyIds: ['rs'] },
    { id: 'r3', addresseeBodyIds: ['rs', 'ktn'] },
    { id: 'r4', addresseeBodyIds: ['rs'] },
  ];
  const remittances = [
    { bodyId: 'rs', kind: 'reply' as const, deadline: '2026-02-28' },
    { bodyId: 'hsn', kind: 'reply' as const, deadline: '2026-04-30' },
    { bodyId: 'ktn', kind: 'information' as const, deadline: null },
  ];
  it('one per (recommendation, addressee) sent for a reply; none for information', () => {
    const o = obligationsOf(recs, remittances, [], today);
    expect(o.map((x) => `${x.recommendationId}:${x.bodyId}:${x.state}`)).toEqual([
      'r1:rs:overdue',
      'r1:hsn:awaiting',
      'r2:rs:overdue',
      'r3:rs:overdue',
      'r4:rs:overdue',
    ]);
    expect(o[0]!.daysLate).toBe(15);
  });
  it('a reply to one recommendation of four leaves the other three overdue, and late stays late', () => {
    const reply: ReplyLike = {
      id: 'y1',
      bodyId: 'rs',
      receivedOn: '2026-03-10',
      answers: [{ recommendationId: 'r2', position: 'agrees' }],
      answeredQuestions: [],
    };
    const o = obligationsOf(recs, remittances, [reply], today).filter((x) => x.bodyId === 'rs');
    expect(o.map((x) => x.state)).toEqual(['overdue', 'answered_late', 'overdue', 'overdue']);
    expect(o[1]).toMatchObject({ answeredOn: '2026-03-10', daysLate: 10, position: 'agrees' });
  });
  it('a draft reply (not received) answers nothing', () => {
    const draft: ReplyLike = {
      id: 'y',
      bodyId: 'hsn',
      receivedOn: null,
      answers: [{ recommendationId: 'r1' }],
      answeredQuestions: [],
    };
    expect(obligationsOf(recs, remittances, [draft], today)[1]!.state).toBe('awaiting');
  });

  const arbitrary = fc
    .record({
      recs: fc.uniqueArray(
        fc.record({
          id: fc.constantFrom('a', 'b', 'c', 'd'),
          addresseeBodyIds: fc.uniqueArray(fc.constantFrom('x', 'y', 'z'), { maxLength: 3 }),
        }),
        { maxLength: 4, selector: (r: { id: string }) => r.id },
      ),
      remittances: fc.uniqueArray(
        fc.record({
          bodyId: fc.constantFrom('x', 'y', 'z'),
          kind: fc.constantFrom('reply' as const, 'information' as const),
          deadline: fc.option(fc.constantFrom('2026-01-31', '2026-03-15', '2026-06-30')),
        }),
        { selector: (r) => r.bodyId },
      ),
      replies: fc.array(
        fc.record({
          id: fc.uuid(),
          bodyId: fc.constantFrom('x', 'y', 'z'),
          receivedOn: fc.option(fc.constantFrom('2026-01-10', '2026-02-20', '2026-03-14')),
          answers: fc.array(
            fc.record({
              recommendationId: fc.constantFrom('a', 'b', 'c', 'd'),
              position: fc.option(fc.constantFrom('agrees' as const, 'disagrees' as const)),
            }),
            { maxLength: 4 },
          ),
          answeredQuestions: fc.constant([] as string[]),
        }),
        { maxLength: 4 },
      ),
    })
    .map((x) => x);
  it('property: every (recommendation, addressee) with a reply remittance has exactly one state', () => {
    fc.assert(
      fc.property(arbitrary, ({ recs: rs, remittances: ms, replies }) => {
        const o = obligationsOf(rs, ms, replies, today);
        const keys = o.map((x) => `${x.recommendationId}:${x.bodyId}`);
        expect(new Set(keys).size).toBe(keys.length);
        const expected = rs.flatMap((r) =>
          r.addresseeBodyIds
            .filter((b) => ms.some((m) => m.bodyId === b && m.kind === 'reply'))
            .map((b) => `${r.id}:${b}`),
        );
        expect(new Set(keys)).toEqual(new Set(expected));
      }),
    );
  });
  it('property: adding a reply never increases the overdue count', () => {
    fc.assert(
      fc.property(arbitrary, ({ recs: rs, remittances: ms, replies }) => {
        const overdue = (ys: ReplyLike[]) =>
          obligationsOf(rs, ms, ys, today).filter((x) => x.state === 'overdue').length;
        for (let i = 0; i < replies.length; i++)
          expect(overdue(replies.slice(0, i + 1))).toBeLessThanOrEqual(
            overdue(replies.slice(0, i)),
          );
      }),
    );
  });
});

describe('the auditors’ numbered questions', () => {
  const qs = [
    { number: '1', text: 'Hur säkerställs uppföljning?' },
    { number: '2', text: 'När antas strategin?' },
  ];
  it('pending before a reply or the deadline, then answered or unanswered', () => {
    expect(questionStates(qs, 'rs', '2026-04-30', [], today).map((q) => q.state)).toEqual([
      'pending',
      'pending',
    ]);
    expect(questionStates(qs, 'rs', '2026-03-01', [], today).map((q) => q.state)).toEqual([
      'unanswered',
      'unanswered',
    ]);
    const reply: ReplyLike = {
      id: 'y',
      bodyId: 'rs',
      receivedOn: '2026-03-02',
      answers: [],
      answeredQuestions: ['2'],
    };
    expect(questionStates(qs, 'rs', '2026-04-30', [reply], today)).toEqual([
      { number: '1', text: qs[0]!.text, state: 'unanswered', replyId: null },
      { number: '2', text: qs[1]!.text, state: 'answered', replyId: 'y' },
    ]);
  });
});

describe('a meeting as a deadline', () => {
  const meetings = [
    { id: 'm1', bodyUnitId: 'rs', heldOn: '2025-01-28' },
    { id: 'm0', bodyUnitId: 'rs', heldOn: '2025-01-14' },
    { id: 'm2', bodyUnitId: 'hsn', heldOn: '2025-01-07' },
  ];
  it('is the body’s first meeting that month, else the month’s last day, unresolved', () => {
    expect(resolveMeeting({ bodyId: 'rs', month: '2025-01' }, meetings)).toEqual({
      date: '2025-01-14',
      resolved: true,
      meetingId: 'm0',
    });
    expect(resolveMeeting({ bodyId: 'rs', month: '2024-02' }, meetings)).toEqual({
      date: '2024-02-29',
      resolved: false,
      meetingId: null,
    });
    expect(resolveMeeting({ bodyId: 'ktn', month: '2025-01' }, meetings).resolved).toBe(false);
  });
  it('reads the month a written reference names', () => {
    expect(monthOfText('regionstyrelsens ordinarie sammanträde i januari 2024')).toBe('2024-01');
    expect(monthOfText('Sammanträdet i sept. 2025')).toBe('2025-09');
    expect(monthOfText('board meeting, March 2026')).toBe('2026-03');
    expect(monthOfText('2026-11')).toBe('2026-11');
    expect(monthOfText('i maj', 2027)).toBe('2027-05');
    expect(monthOfText('i maj')).toBeNull();
    expect(monthOfText('när det passar')).toBeNull();
  });
});

describe('where a recommendation stands for an addressee', () => {
  const base = { hasAddressee: true, obligation: null, actions: [], finding: null } as const;
  it('no reply asked for is never awaited', () => {
    expect(openState(base)).toBe('no_actions');
    expect(openState({ ...base, obligation: { state: 'overdue', position: null } })).toBe(
      'awaiting_reply',
    );
    expect(openState({ ...base, obligation: { state: 'answered', position: 'disagrees' } })).toBe(
      'declined',
    );
  });
  it('the auditors’ finding decides: åtgärdad closes, delvis keeps it open even when done', () => {
    const done = [{ status: 'done' }];
    expect(openState({ ...base, actions: done })).toBe('done');
    expect(openState({ ...base, actions: done, finding: 'partly_resolved' })).toBe('open');
    expect(openState({ ...base, finding: 'resolved' })).toBe('resolved');
    expect(resolvedCount(['resolved', 'open', 'done'])).toEqual({ resolved: 2, of: 3 });
  });
});

describe('assignments as decided', () => {
  it('proposed by a working committee or a review; active from the deciding body', () => {
    expect(
      initialAssignmentState({
        decisionBodyKind: 'working_committee',
        hasDecision: true,
        fromReview: false,
      }),
    ).toBe('proposed');
    expect(
      initialAssignmentState({
        decisionBodyKind: 'regional_board',
        hasDecision: true,
        fromReview: false,
      }),
    ).toBe('active');
    expect(
      initialAssignmentState({ decisionBodyKind: null, hasDecision: false, fromReview: true }),
    ).toBe('proposed');
    expect(
      initialAssignmentState({
        decisionBodyKind: 'regional_board',
        hasDecision: true,
        fromReview: false,
        proposed: true,
      }),
    ).toBe('proposed');
    expect(adoptedState('working_committee')).toBe('proposed');
    expect(adoptedState('assembly')).toBe('active');
  });
  it('the adopting decision is later in the chain (AU → styrelse → fullmäktige)', () => {
    const proposedBy = new Map<string, string | null>([
      ['au', null],
      ['rs', 'au'],
      ['rf', 'rs'],
      ['other', null],
    ]);
    expect(isLaterInChain('rs', 'au', proposedBy)).toBe(true);
    expect(isLaterInChain('rf', 'au', proposedBy)).toBe(true);
    expect(isLaterInChain('au', 'rs', proposedBy)).toBe(false);
    expect(isLaterInChain('other', 'au', proposedBy)).toBe(false);
    expect(isLaterInChain('au', 'au', proposedBy)).toBe(false);
  });
});

describe('the assessment matrix with totals', () => {
  const q = (over: Partial<Parameters<typeof assessmentMatrix>[0][number]>) => ({
    id: 'q',
    number: '1',
    text: 'Fråga',
    mode: 'per_body',
    appliesToBodyIds: ['a', 'b'],
    cells: [],
    wholeValue: null,
    ...over,
  });
  it('not-assessed questions are no rows; totals per value, body and question', () => {
    const m = assessmentMatrix(
      [
        q({
          id: 'q1',
          cells: [
            { bodyId: 'a', value: 'yes' },
            { bodyId: 'b', value: 'not_applicable' },
          ],
        }),
        q({ id: 'q2', appliesToBodyIds: ['a'], cells: [{ bodyId: 'a', value: 'partly' }] }),
        q({ id: 'q3', mode: 'whole', wholeValue: 'no' }),
        q({ id: 'q4', mode: 'not_assessed' }),
        q({ id: 'q5', appliesToBodyIds: ['a', 'b'], cells: [{ bodyId: 'b', value: 'no' }] }),
      ],
      ['a', 'b'],
    );
    expect(m.rows.map((r) => r.questionId)).toEqual(['q1', 'q2', 'q3', 'q5']);
    expect(m.totals).toEqual({ yes: 1, partly: 1, no: 2, not_applicable: 2, none: 1 });
    expect(m.columns).toEqual([
      { bodyId: 'a', totals: { yes: 1, partly: 1, no: 0, not_applicable: 0, none: 1 } },
      { bodyId: 'b', totals: { yes: 0, partly: 0, no: 1, not_applicable: 2, none: 0 } },
    ]);
    // Outside the question's scope is ET, the same word as assessed not applicable.
    expect(m.rows[1]!.cells[1]).toEqual({ bodyId: 'b', applies: false, value: 'not_applicable' });
    expect(m.rows[2]!.totals.no).toBe(1);
  });
  it('property: the whole matrix is the sum of its rows', () => {
    const value = fc.constantFrom('yes', 'partly', 'no', 'not_applicable', null);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            mode: fc.constantFrom('per_body', 'whole', 'prose', 'not_assessed'),
            a: value,
            b: value,
            whole: value,
          }),
          { maxLength: 8 },
        ),
        (specs) => {
          const m = assessmentMatrix(
            specs.map((s, i) =>
              q({
                id: `q${i}`,
                mode: s.mode,
                cells: [
                  { bodyId: 'a', value: s.a },
                  { bodyId: 'b', value: s.b },
                ],
                wholeValue: s.mode === 'whole' ? s.whole : null,
              }),
            ),
            ['a', 'b'],
          );
          for (const k of ['yes', 'partly', 'no', 'not_applicable', 'none'] as const)
            expect(m.rows.reduce((n, r) => n + r.totals[k], 0)).toBe(m.totals[k]);
        },
      ),
    );
  });
});
