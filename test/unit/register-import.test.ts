import { describe, expect, it } from 'vitest';
import {
  normaliseHeader,
  parseRegisterDate,
  recogniseColumns,
  statusFromText,
  trackFromText,
} from '../../shared/domain/register-import';

describe('reading a register’s cells', () => {
  it('takes dates as 7-12-2026, 07-12-2026 and 2026-12-07, and nothing looser', () => {
    for (const s of ['7-12-2026', '07-12-2026', '2026-12-07', ' 7-12-2026 ', '2026-12-7'])
      expect(parseRegisterDate(s)).toEqual({ date: '2026-12-07' });
    expect(parseRegisterDate('29-2-2024')).toEqual({ date: '2024-02-29' });
    expect(parseRegisterDate('29-2-2026')).toEqual({ issue: 'date_impossible' });
    expect(parseRegisterDate('7-13-2026')).toEqual({ issue: 'date_impossible' });
    expect(parseRegisterDate('7-12-1850')).toEqual({ issue: 'date_too_early' });
    for (const s of ['7/12/2026', '7.12.2026', '7-12-26', '7 december 2026', '20261207', ''])
      expect(parseRegisterDate(s)).toEqual({ issue: 'date_format' });
  });

  it('recognises Dutch headers whatever their case and spacing, first column wins', () => {
    expect(normaliseHeader(' V - Nummer ')).toBe('vnummer');
    expect(
      recogniseColumns(['x', 'NAAM', 'v nummer', 'Geboorte datum', 'datum_aanmelding', 'Naam', 'TRAJECT']),
    ).toEqual({
      name: 1,
      vNumber: 2,
      birthDate: 3,
      nationality: null,
      track: 6,
      status: null,
      casemanager: null,
      referredAt: 4,
    });
  });

  it('knows tracks and statuses by code or label, in any case', () => {
    expect(trackFromText('Nog te bepalen')).toBe('nog_te_bepalen');
    expect(trackFromText('LEGALISATIE')).toBe('legalisatie');
    expect(trackFromText('vertrek')).toBeUndefined();
    expect(statusFromText('in traject')).toBe('in_traject');
    expect(statusFromText('besluit_gedragen')).toBe('besluit_gedragen');
  });
});
