import { describe, expect, it } from 'vitest';
import { dateIssue, parseDutchDate } from '../../../shared/domain/dates';

describe('parseDutchDate: dates as typed in the Netherlands', () => {
  it('reads day-month-year with -, / or . and ISO, with or without leading zeros', () => {
    for (const s of ['7-12-2026', '07-12-2026', '7/12/2026', '7.12.2026', ' 2026-12-07 '])
      expect(parseDutchDate(s)).toBe('2026-12-07');
    expect(parseDutchDate('1-2-2027')).toBe('2027-02-01');
  });
  it('leaves other shapes alone, and impossible dates to dateIssue', () => {
    for (const s of ['', '7-12-26', '2026/12/07', '12-2026', 'morgen']) expect(parseDutchDate(s)).toBeNull();
    expect(dateIssue(parseDutchDate('31-2-2026')!)).toBe('date_impossible');
  });
});
