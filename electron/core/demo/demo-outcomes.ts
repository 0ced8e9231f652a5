import { computeTargetDate, type OutcomeCategory, type EndedBy } from '../../../shared/domain/dossier';
import { addHistoryRow } from '../decisions/dossier';
import { writeOutcome } from '../decisions/outflow-repo';
import type { Db } from '../db/open';
import { insertDossierRow } from '../dossiers/insert';
import { nextDossierNumber } from '../dossiers/repo';

/*
 * Outcomes for the demo, so the reports screen has something in every category of the evaluation:
 * Yacine B.'s MOB (domain.md's story 8) recorded through the outflow's facts, one earlier episode for
 * Ibrahim S. C. (held in detention, released as not deportable, reopened), and six earlier, fictional
 * dossiers of the same city that have left: return (demonstrable, with IOM, and forced), a permit,
 * onward migration (Dublin), other (AZC), and departure without supervision (counted with MOB).
 */

interface PastDossier {
  name: string;
  countryOfOrigin: string;
  referredAt: string;
  intakeDate: string;
  track: string;
  outcome: OutcomeCategory;
  subkind: string | null;
  permitGround: string | null;
  mobReason: string | null;
  country: string | null;
  detail: string;
  endedBy: EndedBy;
  date: string;
}

export const demoPastDossiers: PastDossier[] = [
  {
    name: 'Kwame Asante Boateng',
    countryOfOrigin: 'Ghana',
    referredAt: '2025-02-11',
    intakeDate: '2025-02-25',
    track: 'terugkeer',
    outcome: 'TERUGKEER',
    subkind: 'zelfstandig_aantoonbaar',
    permitGround: null,
    mobReason: null,
    country: 'GH',
    detail: 'Met REAN- en herintegratiesteun van IOM; aankomst bevestigd.',
    endedBy: 'wederzijds',
    date: '2025-07-22',
  },
  {
    name: 'Arben Hoxha',
    countryOfOrigin: 'Albanië',
    referredAt: '2025-03-04',
    intakeDate: '2025-03-18',
    track: 'terugkeer',
    outcome: 'TERUGKEER',
    subkind: 'gedwongen',
    permitGround: null,
    mobReason: null,
    country: 'AL',
    detail: 'Uitgezet door DT&V.',
    endedBy: 'organisatie',
    date: '2025-09-30',
  },
  {
    name: 'Fatima Zahra Idrissi',
    countryOfOrigin: 'Marokko',
    referredAt: '2025-01-14',
    intakeDate: '2025-01-28',
    track: 'legalisatie',
    outcome: 'VERBLIJFSVERGUNNING',
    subkind: null,
    permitGround: 'mensenhandel',
    mobReason: null,
    country: null,
    detail: 'Aangifte mensenhandel; vergunning verleend.',
    endedBy: 'gemeente',
    date: '2025-12-16',
  },
  {
    name: 'Omar Diallo',
    countryOfOrigin: 'Guinee',
    referredAt: '2025-05-06',
    intakeDate: '2025-05-20',
    track: 'doormigratie',
    outcome: 'DOORMIGRATIE',
    subkind: null,
    permitGround: null,
    mobReason: null,
    country: 'FR',
    detail: 'Dublin-overdracht aan Frankrijk.',
    endedBy: 'wederzijds',
    date: '2025-10-28',
  },
  {
    name: 'Tesfay Gebremedhin',
    countryOfOrigin: 'Eritrea',
    referredAt: '2025-04-08',
    intakeDate: '2025-04-22',
    track: 'legalisatie',
    outcome: 'OVERIG',
    subkind: 'azc_andere_opvang',
    permitGround: null,
    mobReason: null,
    country: null,
    detail: 'Nieuwe asielaanvraag; naar het AZC.',
    endedBy: 'client',
    date: '2026-02-03',
  },
  {
    name: 'Giorgi Beridze',
    countryOfOrigin: 'Georgië',
    referredAt: '2025-08-12',
    intakeDate: '2025-08-26',
    track: 'terugkeer',
    outcome: 'MOB',
    subkind: 'vertrek_zonder_toezicht',
    permitGround: null,
    mobReason: 'angst_terugkeer',
    country: null,
    detail: 'Volgens DT&V vertrokken van het laatst bekende adres; terugkeer niet aantoonbaar.',
    endedBy: 'client',
    date: '2026-03-10',
  },
];

export function addDemoOutcomes(
  db: Db,
  facts: { city: string; voorzitterId: number; casemanagerId: number; ngoId: number; at: string },
  demoDossierIds: readonly number[],
): void {
  const stamp = (date: string, time: string) => `${date}T${time}:00.000Z`;
  // 8. Yacine B.: the MOB of the story, with who ended it.
  const yacine = demoDossierIds[7]!;
  writeOutcome(
    db,
    yacine,
    {
      status: 'uitgestroomd',
      outcome: 'MOB',
      subkind: null,
      permitGround: null,
      mobReason: 'onbekend',
      country: null,
      detail: 'Niet meer verschenen na het gesprek over terugkeer.',
      endedBy: 'client',
      date: '2026-04-07',
    },
    facts.at,
  );
  // 2. Ibrahim S. C.: an earlier episode (detention, released as not deportable, reopened).
  db.prepare(
    `INSERT INTO dossier_episodes (dossier_id, outcome, outcome_subkind, outcome_detail, ended_by, outflow_date, track,
       reopened_at, reopen_reason, reopened_by) VALUES (?, 'OVERIG', 'detentie_ongewenstverklaring', ?, 'organisatie', ?,
       'terugkeer', ?, ?, ?)`,
  ).run(
    demoDossierIds[1]!,
    'In vreemdelingenbewaring genomen.',
    '2025-10-14',
    stamp('2025-12-02', '11:00'),
    'Vrijgelaten: niet uitzetbaar, geen ambassade erkent hem.',
    facts.voorzitterId,
  );
  for (const p of demoPastDossiers) {
    const id = insertDossierRow(db, {
      number: nextDossierNumber(db, Number(p.referredAt.slice(0, 4))),
      city: facts.city,
      vNumber: null,
      name: p.name,
      aliases: [],
      sex: 'm',
      birthDate: null,
      birthDateEstimated: false,
      countryOfOrigin: p.countryOfOrigin,
      nationality: p.countryOfOrigin,
      firstKnownNl: null,
      familyInNl: null,
      languages: null,
      leadNgoId: facts.ngoId,
      casemanager: 'S. de Vries (gemeente)',
      shelter: 'geen',
      referredAt: p.referredAt,
      intakeDate: p.intakeDate,
      track: p.track,
      status: 'in_traject',
      targetDate: computeTargetDate(p, 6),
      stuck: false,
      stuckReason: null,
      onHold: false,
      vulnerable: false,
      notes: p.detail,
      updatedAt: facts.at,
    });
    const start = { at: stamp(p.referredAt, '09:00'), userId: facts.casemanagerId, reason: '' };
    addHistoryRow(db, id, 'status', null, 'aangemeld', start);
    addHistoryRow(db, id, 'track', null, 'nog_te_bepalen', start);
    const chosen = {
      at: stamp(p.intakeDate, '11:00'),
      userId: facts.voorzitterId,
      reason: 'De tafel kiest het traject.',
    };
    addHistoryRow(db, id, 'status', 'aangemeld', 'in_traject', chosen);
    addHistoryRow(db, id, 'track', 'nog_te_bepalen', p.track, chosen);
    writeOutcome(db, id, { ...p, status: 'uitgestroomd' }, facts.at);
    addHistoryRow(db, id, 'status', 'in_traject', 'uitgestroomd', {
      at: stamp(p.date, '11:00'),
      userId: facts.casemanagerId,
      reason: 'Uitstroom vastgelegd.',
    });
  }
}
