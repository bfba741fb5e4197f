import { describe, expect, it } from 'vitest';
import { parseCalendarDates } from './calendar-dates.js';

describe('a meeting calendar as typed', () => {
  it('reads dates one per line or comma-separated, once each', () => {
    expect(parseCalendarDates('2027-01-27, 2027-02-24\n\n 2027-03-31 \n2027-01-27')).toEqual({
      dates: ['2027-01-27', '2027-02-24', '2027-03-31'],
    });
  });
  it('names the first line that is not a date', () => {
    expect(parseCalendarDates('2027-01-27\n2027-13-01')).toEqual({ line: 2, text: '2027-13-01' });
    expect(parseCalendarDates('2027-02-30')).toEqual({ line: 1, text: '2027-02-30' });
    expect(parseCalendarDates('27/1 2027')).toEqual({ line: 1, text: '27/1 2027' });
  });
});
