import { describe, expect, it } from 'vitest';
import { CaseNumberPattern, caseNumberMatches } from './case-number.js';
import { decisionReference } from './decision.js';

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
