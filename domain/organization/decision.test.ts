import { describe, expect, it } from 'vitest';
import { CaseNumberPattern, caseNumberMatches } from './case-number.js';
import fc from 'fast-check';
import {
  DECISION_KINDS,
  decisionDate,
  decisionIssues,
  decisionReference,
  formatDecisionDate,
  forumMayRecord,
  normalizeSubjects,
} from './decision.js';

describe('decision reference', () => {
  it('reads body, date, paragraph, then case number', () => {
    expect(
      decisionReference({
        bodyShortName: 'RS',
        decidedOn: '2024-03-26',
        paragraph: '72',
        caseNumber: 'RS 2022/1850',
      }),
    ).toBe('RS 2024-03-26 § 72 (RS 2022/1850)');
    expect(
      decisionReference({
        bodyShortName: 'RS',
        decidedOn: '2024-03-26',
        paragraph: '§ 72',
        caseNumber: null,
      }),
    ).toBe('RS 2024-03-26 § 72');
  });
  it('an official’s decision has no paragraph; an unknown date is left out, never invented', () => {
    expect(
      decisionReference({
        bodyShortName: 'RLK',
        decidedOn: '2023-06-01',
        paragraph: null,
        caseNumber: 'RS 2023/640',
      }),
    ).toBe('RLK 2023-06-01 (RS 2023/640)');
    expect(
      decisionReference({
        bodyShortName: null,
        decidedOn: null,
        paragraph: null,
        caseNumber: 'RS 2023/640',
      }),
    ).toBe('RS 2023/640');
  });
});

describe('case number format', () => {
  it('matches the region’s pattern as a whole', () => {
    const pattern = '[A-ZÅÄÖ]{2,5} \\d{4}/\\d{1,5}';
    expect(caseNumberMatches('RS 2022/1850', pattern)).toBe(true);
    expect(caseNumberMatches('HSN 2024/233', pattern)).toBe(true);
    expect(caseNumberMatches('x RS 2022/1850', pattern)).toBe(false);
    expect(caseNumberMatches('2022-1850', pattern)).toBe(false);
  });
  it('no pattern, or a broken one, accepts any text', () => {
    expect(caseNumberMatches('vad som helst', null)).toBe(true);
    expect(caseNumberMatches('x', '([')).toBe(true);
  });
  it('runs in linear time: a catastrophic pattern answers at once on a long text', () => {
    // With a backtracking engine, ^(a+)+$ on 40 a's and a b takes ages: the test's timeout ends it.
    expect(caseNumberMatches(`${'a'.repeat(100_000)}b`, '(a+)+')).toBe(false);
    expect(caseNumberMatches('a'.repeat(100_000), '(a+)+')).toBe(true);
    expect(caseNumberMatches(`${'ab'.repeat(50_000)}!`, '(a|ab|b)*c?(a|b)*')).toBe(false);
  });
  it('refuses as a setting what RE2 cannot compile, and takes what a region writes', () => {
    for (const bad of ['([', '(a)\\1', '(?=RS)RS \\d+', 'x'.repeat(201)])
      expect(CaseNumberPattern.safeParse(bad).success, bad).toBe(false);
    for (const good of ['[A-ZÅÄÖ]{2,5} \\d{4}/\\d{1,5}', 'RS-\\d{4}-\\d{4}', '(a+)+'])
      expect(CaseNumberPattern.safeParse(good).success, good).toBe(true);
  });
});

describe('what a forum may record under its mandate', () => {
  it('an advisory or preparing forum records recommendations and information, never a beslut', () => {
    expect(forumMayRecord('advises', 'decision')).toBe(false);
    expect(forumMayRecord('prepares', 'decision')).toBe(false);
    expect(forumMayRecord('advises', 'recommendation')).toBe(true);
    expect(forumMayRecord('prepares', 'information')).toBe(true);
    expect(forumMayRecord('decides', 'decision')).toBe(true);
    expect(forumMayRecord(null, 'decision')).toBe(true);
  });
  it('property: whatever is recorded in an advisory forum, no beslut is allowed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('advises', 'prepares'),
        fc.constantFrom(...DECISION_KINDS),
        (mandate, kind) => {
          if (forumMayRecord(mandate, kind)) expect(kind).not.toBe('decision');
        },
      ),
    );
  });
});

describe('decision rules', () => {
  it('an executive decision names its post, needs no body, paragraph or case number', () => {
    expect(decisionIssues({ kind: 'executive', decidedByTitle: 'Regiondirektör' })).toEqual([]);
    expect(decisionIssues({ kind: 'executive' }).map((i) => i.key)).toEqual([
      'org.decision.executiveDecider',
      'org.decision.postRequired',
    ]);
    expect(
      decisionIssues({ kind: 'executive', decidedByTitle: 'Regiondirektör', level: 'board' }).map(
        (i) => i.key,
      ),
    ).toEqual(['org.decision.executiveLevel']);
  });
  it('other kinds need a body or forum and a level', () => {
    expect(
      decisionIssues({ kind: 'decision', decidedByTitle: 'Regiondirektör' }).map((i) => i.key),
    ).toEqual(['org.decision.deciderRequired', 'org.decision.levelRequired']);
    expect(decisionIssues({ kind: 'decision', bodyUnitId: 'b', level: 'board' })).toEqual([]);
  });
  it('an information item has no outcome; a recommendation may have one', () => {
    const d = { bodyUnitId: 'b', level: 'board', outcome: 'approved' };
    expect(decisionIssues({ ...d, kind: 'information' }).map((i) => i.key)).toEqual([
      'org.decision.outcomeOnInformation',
    ]);
    expect(decisionIssues({ ...d, kind: 'recommendation' })).toEqual([]);
  });
  it('dates are a day, a month or not stated, never an invented day', () => {
    expect(decisionDate({ decidedOn: '2024-08-20', datePrecision: 'month' })).toEqual({
      decidedOn: '2024-08-01',
      datePrecision: 'month',
    });
    expect(decisionDate({ decidedOn: '2024-08-20' })).toEqual({
      decidedOn: '2024-08-20',
      datePrecision: 'day',
    });
    expect(decisionDate({})).toEqual({ decidedOn: null, datePrecision: 'unknown' });
    const d = { kind: 'decision', bodyUnitId: 'b', level: 'board' };
    expect(decisionIssues({ ...d, datePrecision: 'month' }).map((i) => i.key)).toEqual([
      'org.decision.dateRequired',
    ]);
    expect(
      decisionIssues({ ...d, datePrecision: 'unknown', decidedOn: '2024-01-01' }).map((i) => i.key),
    ).toEqual(['org.decision.dateWithUnknown']);
  });
  it('shows a month as "augusti 2024" and an unknown date as "framgår ej", in the reference too', () => {
    expect(formatDecisionDate('2024-08-01', 'month')).toBe('augusti 2024');
    expect(formatDecisionDate('2024-08-01', 'month', 'en')).toBe('August 2024');
    expect(formatDecisionDate(null, 'unknown')).toBe('framgår ej');
    expect(
      decisionReference({
        bodyShortName: 'RS',
        decidedOn: '2024-08-01',
        datePrecision: 'month',
        paragraph: '12',
        caseNumber: null,
      }),
    ).toBe('RS augusti 2024 § 12');
    expect(
      decisionReference({
        bodyShortName: 'RS',
        decidedOn: null,
        datePrecision: 'unknown',
        paragraph: '12',
        caseNumber: 'RS 2022/1850',
      }),
    ).toBe('RS § 12, datum framgår ej (RS 2022/1850)');
    expect(
      decisionReference({
        decidedByTitle: 'Regiondirektör',
        decidedOn: '2023-06-01',
        paragraph: null,
        caseNumber: null,
      }),
    ).toBe('Regiondirektör 2023-06-01');
  });
  it('subject tags compare in lower case, once each', () => {
    expect(normalizeSubjects([' Digitalisering', 'digitalisering', 'AI'])).toEqual([
      'digitalisering',
      'ai',
    ]);
  });
});
