import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/open';
import {
  defaultAgendaSettings,
  getSetting,
  rawSetting,
  setSetting,
} from '../../../electron/core/settings/settings';

const open: Db[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

function metaDb(): Db {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT');
  open.push(db);
  return db;
}

describe('settings (typed meta keys)', () => {
  it('gives the defaults before anything is stored', () => {
    const db = metaDb();
    expect(getSetting(db, 'city')).toBe('');
    expect(getSetting(db, 'cadence')).toBe('wekelijks');
    expect(getSetting(db, 'term_months')).toBe(6);
    expect(getSetting(db, 'minutes_full_names')).toBe(false);
    expect(getSetting(db, 'agenda_settings')).toEqual(defaultAgendaSettings);
    expect(getSetting(db, 'database_id')).toBeUndefined();
  });

  it('stores values as the text the older code wrote, and reads them back typed', () => {
    const db = metaDb();
    setSetting(db, 'term_months', 9);
    setSetting(db, 'minutes_full_names', true);
    setSetting(db, 'cadence', 'maandelijks');
    const agenda = {
      targetWindowWeeks: 2,
      cutoff: { daysBefore: 2, time: '09:30' },
      minutesPerDossier: 7,
      noContactWeeks: 3,
    };
    setSetting(db, 'agenda_settings', agenda);
    expect([rawSetting(db, 'term_months'), rawSetting(db, 'minutes_full_names')]).toEqual(['9', '1']);
    expect(getSetting(db, 'term_months')).toBe(9);
    expect(getSetting(db, 'minutes_full_names')).toBe(true);
    expect(getSetting(db, 'cadence')).toBe('maandelijks');
    expect(getSetting(db, 'agenda_settings')).toEqual(agenda);
  });

  it('reads agenda settings stored before "geen contact sinds N weken" existed with N = 4', () => {
    const db = metaDb();
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('agenda_settings', ?)").run(
      JSON.stringify({
        targetWindowWeeks: 2,
        cutoff: { daysBefore: 2, time: '09:30' },
        minutesPerDossier: 7,
      }),
    );
    expect(getSetting(db, 'agenda_settings')).toMatchObject({ targetWindowWeeks: 2, noContactWeeks: 4 });
  });

  it('falls back to the default for a hand-edited value it cannot read', () => {
    const db = metaDb();
    const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    put.run('cadence', 'dagelijks');
    put.run('term_months', 'zes');
    put.run('agenda_settings', '{not json');
    expect(getSetting(db, 'cadence')).toBe('wekelijks');
    expect(getSetting(db, 'term_months')).toBe(6);
    expect(getSetting(db, 'agenda_settings')).toEqual(defaultAgendaSettings);
  });
});
