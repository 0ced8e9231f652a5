import type { AgendaReason } from '../../../shared/domain/agenda';
import { DEFAULT_TIME_ZONE } from '../../../shared/domain/agenda';
import type { Presence } from '../../../shared/domain/consent';
import { addDays, zonedTimeToInstant } from '../../../shared/domain/dates';
import type { Db } from '../db/open';
import { defaultAgendaSettings } from '../agenda/propose';
import { cutoffWithHolidays } from '../agenda/holidays';

export interface DemoMeetingFacts {
  today: string;
  /** Organisation ids in the demo's order: gemeente, IND, DT&V, NGO, politie, GGD. */
  organisationIds: readonly number[];
  /** Dossier ids in the order of demo-dossiers.ts. */
  dossierIds: readonly number[];
  chairUserId: number;
  secretaryUserId: number;
}

/**
 * The demo's meetings: last week's, finished (attendance, items discussed, one held, one carried
 * over), and this week's, planned with an empty agenda, so the chair sees a proposal with its reasons
 * at once, including a party's request before the cut-off and one after it.
 * Returns the meeting ids (for the audit record).
 */
export function insertDemoMeetings(db: Db, f: DemoMeetingFacts): number[] {
  const last = addDays(f.today, -7);
  const at = (date: string, time: string) => zonedTimeToInstant(date, time, DEFAULT_TIME_ZONE);
  const insertMeeting = db.prepare(
    `INSERT INTO meetings (date, time, place, chair_user_id, secretary_user_id, state, started_at, ended_at, version)
     VALUES (?, '10:00', 'Stadskantoor, zaal 3', ?, ?, ?, ?, ?, ?)`,
  );
  const lastId = Number(
    insertMeeting.run(
      last,
      f.chairUserId,
      f.secretaryUserId,
      'afgerond',
      at(last, '10:00'),
      at(last, '12:00'),
      3,
    ).lastInsertRowid,
  );
  const nextId = Number(
    insertMeeting.run(f.today, f.chairUserId, f.secretaryUserId, 'gepland', null, null, 1).lastInsertRowid,
  );

  const presence: Presence[] = [
    'aanwezig',
    'aanwezig',
    'aanwezig',
    'aanwezig',
    'afwezig_met_bericht',
    'schriftelijke_inbreng',
  ];
  // The names at the table, as the notulist entered them; the minutes print them per organisation.
  const names = [
    'Vera Voorzitter, Niels Notulist, Sanne de Vries',
    'Ilse de Graaf',
    'Daan Mulder',
    'Noor El Amrani',
  ];
  const insertAttendance = db.prepare(
    'INSERT INTO attendance (meeting_id, organisation_id, presence, names) VALUES (?, ?, ?, ?)',
  );
  f.organisationIds.forEach((org, i) =>
    insertAttendance.run(lastId, org, presence[i] ?? 'aanwezig', names[i] ?? ''),
  );

  const insertItem = db.prepare(
    `INSERT INTO agenda_items (meeting_id, position, kind, dossier_id, title, reasons, planned_minutes, status, carried_from, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
  );
  const dossier = (i: number) => f.dossierIds[i] ?? null;
  // The notulist's notes: what was said on each item, printed in the minutes (issue 11).
  const items: [string, number | null, string | null, AgendaReason[], number, string, string][] = [
    [
      'opening',
      null,
      'Opening',
      [],
      2,
      'besproken',
      'De voorzitter opent het overleg. De politie is afwezig met bericht; de GGD stuurde schriftelijke inbreng.',
    ],
    [
      'dossier',
      dossier(0),
      null,
      [{ code: 'review_due', reviewDate: addDays(last, -1) }],
      10,
      'besproken',
      'Het BMA-advies is binnen; de IND beoordeelt de medische aanvraag. De GGZ-behandeling loopt door.',
    ],
    [
      'dossier',
      dossier(9),
      null,
      [{ code: 'target_passed', targetDate: addDays(last, -20) }],
      15,
      'aangehouden',
      'De partijen verschillen van inzicht over de beschikbaarheid van de medicatie in Ulaanbaatar; de GGD levert een nadere toelichting.',
    ],
    [
      'dossier',
      dossier(4),
      null,
      [{ code: 'new_referral', referredAt: addDays(last, -5) }],
      10,
      'doorgeschoven',
      '',
    ],
    [
      'dossier',
      dossier(5),
      null,
      [{ code: 'review_due', reviewDate: last }],
      10,
      'besproken',
      'De vertrekvoorbereiding met IOM loopt; de cliënt wil eerst contact met familie herstellen.',
    ],
    [
      'rondvraag',
      null,
      'Rondvraag',
      [],
      5,
      'besproken',
      'VluchtelingenWerk meldt dat de spreekuren vanaf volgende maand op dinsdag zijn.',
    ],
    ['sluiting', null, 'Sluiting', [], 1, 'besproken', 'De voorzitter sluit het overleg om 12.00 uur.'],
  ];
  items.forEach(([kind, dossierId, title, reasons, minutes, status, note], i) =>
    insertItem.run(lastId, i + 1, kind, dossierId, title, JSON.stringify(reasons), minutes, status, note),
  );

  // Requests for this week's meeting: the NGO on time, the IND after the cut-off.
  const cutoff = Date.parse(cutoffWithHolidays(f.today, defaultAgendaSettings.cutoff));
  const insertRequest = db.prepare(
    'INSERT INTO discussion_requests (meeting_id, dossier_id, organisation_id, requested_at, late) VALUES (?, ?, ?, ?, ?)',
  );
  insertRequest.run(
    nextId,
    dossier(3),
    f.organisationIds[3],
    new Date(cutoff - 2 * 86_400_000).toISOString(),
    0,
  );
  insertRequest.run(
    nextId,
    dossier(5),
    f.organisationIds[1],
    new Date(cutoff + 3 * 3_600_000).toISOString(),
    1,
  );
  return [lastId, nextId];
}
