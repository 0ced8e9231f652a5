import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dateIssue,
  daysBetween,
  formatDateNl,
  IsoDate,
  localDate,
  zonedTimeToInstant,
} from '../../../shared/domain/dates';

describe('dateIssue', () => {
  it.each([
    ['2026-03-10', null],
    ['2024-02-29', null], // leap year
    ['2000-02-29', null], // divisible by 400
    ['2026-02-28', null],
    ['2026-12-31', null],
    ['2026-02-30', 'date_impossible'],
    ['2026-02-29', 'date_impossible'], // not a leap year
    ['2100-02-29', 'date_impossible'], // divisible by 100, not by 400
    ['2026-04-31', 'date_impossible'],
    ['2026-13-01', 'date_impossible'],
    ['2026-00-10', 'date_impossible'],
    ['2026-01-00', 'date_impossible'],
    ['0000-01-01', 'date_impossible'],
    ['1850-01-01', 'date_too_early'], // a real date, but out of range: not "does not exist"
    ['1899-12-31', 'date_too_early'],
    ['1900-01-01', null],
    ['2199-12-31', null],
    ['2200-01-01', 'date_too_late'],
    ['2026-3-1', 'date_format'],
    ['10-03-2026', 'date_format'],
    ['2026-03-10T00:00', 'date_format'],
    [' 2026-03-10', 'date_format'],
    ['', 'date_format'],
  ])('%s → %s', (s, issue) => {
    expect(dateIssue(s)).toBe(issue);
  });

  it('IsoDate schema reports the code as message', () => {
    const r = IsoDate.safeParse('2026-02-30');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('date_impossible');
  });
});

describe('date arithmetic', () => {
  it('adds days across months, years and the DST change', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-29', -1)).toBe('2026-03-28');
    expect(addDays('2026-03-10', -7)).toBe('2026-03-03');
  });
  it('adds months clamping to the last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-08-15', 6)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-03-10', 18)).toBe('2027-09-10');
  });
  it('counts days between dates', () => {
    expect(daysBetween('2026-03-01', '2026-03-10')).toBe(9);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });
  it('formats dates in Dutch', () => {
    expect(formatDateNl('2026-03-05')).toBe('5 maart 2026');
    expect(formatDateNl('2026-12-31')).toBe('31 december 2026');
  });
});

describe('time zones', () => {
  it('converts Amsterdam wall-clock time to UTC in winter, summer and on DST days', () => {
    expect(zonedTimeToInstant('2026-03-09', '12:00', 'Europe/Amsterdam')).toBe('2026-03-09T11:00:00.000Z');
    expect(zonedTimeToInstant('2026-06-09', '12:00', 'Europe/Amsterdam')).toBe('2026-06-09T10:00:00.000Z');
    // Clocks go forward at 02:00 on 29 March 2026 and back at 03:00 on 25 October 2026.
    expect(zonedTimeToInstant('2026-03-29', '12:00', 'Europe/Amsterdam')).toBe('2026-03-29T10:00:00.000Z');
    expect(zonedTimeToInstant('2026-03-29', '00:00', 'Europe/Amsterdam')).toBe('2026-03-28T23:00:00.000Z');
    expect(zonedTimeToInstant('2026-10-25', '12:00', 'Europe/Amsterdam')).toBe('2026-10-25T11:00:00.000Z');
    expect(zonedTimeToInstant('2026-03-09', '12:00', 'UTC')).toBe('2026-03-09T12:00:00.000Z');
  });
  it('finds the local date of an instant', () => {
    expect(localDate('2026-03-09T23:30:00Z', 'Europe/Amsterdam')).toBe('2026-03-10');
    expect(localDate('2026-03-09T22:59:00Z', 'Europe/Amsterdam')).toBe('2026-03-09');
  });
});
