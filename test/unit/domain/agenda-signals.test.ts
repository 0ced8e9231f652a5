import { describe, expect, it } from 'vitest';
import { dossierSignals, noContactWeeks } from '../../../shared/domain/agenda';

/*
 * The signals an agenda item shows about its dossier (issue 11): stuck, escalated, a medical obstacle
 * (the conclusion only, never the detail) and no contact for N weeks (the early warning against MOB).
 */

const quiet = { stuck: false, escalated: false, medicalObstacle: false, lastContactDate: '2026-11-20' };

describe('agenda signals', () => {
  it('none for a dossier with recent contact and no flags', () => {
    expect(dossierSignals(quiet, '2026-11-24', 4)).toEqual([]);
  });

  it('"geen contact sinds N weken" from the weeks threshold on, counted to the meeting date', () => {
    expect(noContactWeeks('2026-10-27', '2026-11-24', 4)).toBe(4); // exactly four weeks
    expect(noContactWeeks('2026-10-28', '2026-11-24', 4)).toBeNull(); // one day short
    expect(noContactWeeks('2026-09-01', '2026-11-24', 4)).toBe(12);
    expect(noContactWeeks(null, '2026-11-24', 4)).toBeNull(); // nothing recorded: no date to count from
    expect(noContactWeeks('2026-10-27', '2026-11-24', 6)).toBeNull(); // the threshold is a setting
  });

  it('lists stuck, escalated, medical obstacle and no contact, in that order', () => {
    expect(
      dossierSignals(
        { stuck: true, escalated: true, medicalObstacle: true, lastContactDate: '2026-10-01' },
        '2026-11-24',
        4,
      ),
    ).toEqual([
      { code: 'vastgelopen' },
      { code: 'geescaleerd' },
      { code: 'medische_belemmering' },
      { code: 'geen_contact', since: '2026-10-01', weeks: 7 },
    ]);
  });
});
