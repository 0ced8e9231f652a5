import type {
  ActionStatus,
  AttendanceStatus,
  ConsentValue,
  DecisionState,
  Direction,
  MinutesState,
} from './model';

/** Dutch wording of the model's codes, as the minutes print them. */

export const attendanceLabel: Record<AttendanceStatus, string> = {
  aanwezig: 'Aanwezig',
  afwezig_met_bericht: 'Afwezig met bericht',
  schriftelijke_inbreng: 'Schriftelijke inbreng',
};

export const directionLabel: Record<Direction, string> = {
  nog_te_bepalen: 'Nog te bepalen',
  stabilisatie: 'Stabilisatie',
  legalisatie: 'Legalisatie',
  terugkeer: 'Terugkeer',
  doormigratie: 'Doormigratie',
  tweesporen: 'Tweesporen',
  nader_onderzoek: 'Nader onderzoek nodig',
  geen_standpunt: 'Geen standpunt',
  aanhouden: 'Aanhouden',
};

export const consentLabel: Record<ConsentValue, string> = {
  akkoord: 'Akkoord',
  akkoord_met_voorbehoud: 'Akkoord met voorbehoud',
  onthouding: 'Onthouding',
  bezwaar: 'Bezwaar',
};

export const decisionStateLabel: Record<DecisionState, string> = {
  concept: 'Geen uitkomst',
  gedragen: 'Gedragen',
  voorlopig_gedragen: 'Voorlopig gedragen',
  aangehouden: 'Aangehouden',
  geescaleerd: 'Geëscaleerd',
};

export const actionStatusLabel: Record<ActionStatus, string> = {
  open: 'Open',
  gedaan: 'Gedaan',
  uitgesteld: 'Uitgesteld',
  vervallen: 'Vervallen',
  niet_gedaan: 'Niet gedaan',
};

export const minutesStateLabel: Record<MinutesState, string> = {
  concept: 'Concept',
  correctieronde: 'Correctieronde',
  vastgesteld: 'Vastgesteld',
  ondertekend: 'Ondertekend',
};

// UTC on a date-only value, so the printed day never shifts with the machine's time zone.
const longDate = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDate = new Intl.DateTimeFormat('nl-NL', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2026-04-14" → "14 april 2026". */
export function formatLongDate(isoDate: string): string {
  return longDate.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** "2026-04-14" → "14-04-2026". */
export function formatShortDate(isoDate: string | null): string {
  return isoDate ? shortDate.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)) : '—';
}
