import type { DossierStatus, Track } from '../../../shared/domain/dossier';

/**
 * The timeline of each demo dossier (dossier_history), in the order of demo-dossiers.ts: registration,
 * intake, the direction the table chose and the later turns of domain.md's stories, each with its
 * reason, ending in the dossier's current status and track. Fixed dates, consistent with the dossiers'
 * referral and intake dates. Reasons hold conclusions only, never health or justice detail.
 * Changes that follow from the demo's meetings (a decision carried or held) are added where those
 * meetings are written (demo-record.ts), because they name their decision.
 */

/** Who made a change: the casemanager runs intake; the chair records what the table decided. */
export type DemoActor = 'casemanager' | 'voorzitter';

export interface DemoChange {
  date: string;
  by: DemoActor;
  status?: DossierStatus;
  track?: Track;
  reason: string;
}

const intake = (date: string): DemoChange => ({
  date,
  by: 'casemanager',
  status: 'intake',
  reason: 'Intake gestart: eerste gesprek met de politie en gezondheidsgesprek gepland.',
});
const toTable = (date: string, reason = 'Intake afgerond; het dossier gaat naar de tafel.'): DemoChange => ({
  date,
  by: 'casemanager',
  status: 'richting_bepalen',
  reason,
});

/** Per demo dossier: its referral date (the registration line) and the changes after it. */
export const demoTimelines: { referredAt: string; changes: DemoChange[] }[] = [
  // 1. Mateus K. D.
  {
    referredAt: '2026-02-10',
    changes: [
      intake('2026-02-24'),
      toTable('2026-03-10'),
      {
        date: '2026-03-24',
        by: 'voorzitter',
        status: 'in_traject',
        track: 'legalisatie',
        reason: 'De tafel onderzoekt eerst legalisatie; de advocaat bereidt de aanvraag voor.',
      },
    ],
  },
  // 2. Ibrahim S. C.
  {
    referredAt: '2025-06-03',
    changes: [
      intake('2025-06-20'),
      toTable('2025-07-15', 'Intake afgerond; nationaliteit onduidelijk: Sierra Leone of Guinee.'),
      {
        date: '2025-09-09',
        by: 'voorzitter',
        status: 'in_traject',
        track: 'terugkeer',
        reason: 'De tafel kiest terugkeer; DT&V start het onderzoek naar identiteit en nationaliteit.',
      },
      {
        date: '2026-02-17',
        by: 'voorzitter',
        track: 'legalisatie',
        reason:
          'Geen ambassade erkent hem; een buitenschuldaanvraag wordt voorbereid. DT&V betwist de buitenschuld.',
      },
    ],
  },
  // 3. Chen X. (the carried decision of the signed meeting follows in demo-record.ts)
  {
    referredAt: '2025-01-15',
    changes: [
      intake('2025-02-01'),
      toTable('2025-02-18', 'Intake afgerond; twee kinderen in Nederland.'),
      {
        date: '2025-03-04',
        by: 'voorzitter',
        status: 'in_traject',
        track: 'legalisatie',
        reason: 'Buitenschuldaanvraag, met advies van DT&V.',
      },
    ],
  },
  // 4. Khaled A.
  {
    referredAt: '2025-09-01',
    changes: [
      intake('2025-09-15'),
      toTable('2025-10-07', 'Intake afgerond; asielaanvraag afgewezen in 2004.'),
      {
        date: '2025-10-21',
        by: 'voorzitter',
        status: 'in_traject',
        track: 'legalisatie',
        reason: 'Gewijzigde situatie in Syrië: een nieuwe asielaanvraag is ingediend.',
      },
    ],
  },
  // 5. Haider K. J.
  {
    referredAt: '2026-05-12',
    changes: [
      intake('2026-05-26'),
      toTable('2026-06-09', 'Intake afgerond; de cliënt wil zelf terugkeren.'),
      {
        date: '2026-06-23',
        by: 'voorzitter',
        status: 'besluit_gedragen',
        track: 'terugkeer',
        reason: 'Besluit van de tafel: terugkeer met steun van VluchtelingenWerk en IOM, binnen zes maanden.',
      },
      {
        date: '2026-07-14',
        by: 'casemanager',
        status: 'uitvoering',
        reason: 'Vertrekplan opgesteld; IOM-intake gedaan en laissez-passer aangevraagd.',
      },
    ],
  },
  // 6. Chinedu O.
  {
    referredAt: '2026-03-02',
    changes: [
      intake('2026-03-16'),
      toTable('2026-03-31'),
      {
        date: '2026-04-14',
        by: 'voorzitter',
        status: 'in_traject',
        track: 'tweesporen',
        reason:
          'Tweesporen: terugkeer voorbereiden en intussen werken aan perspectief; schaamte richting familie maakt een snelle terugkeer moeilijk.',
      },
    ],
  },
  // 7. Abdirahman W. N.
  {
    referredAt: '2026-08-18',
    changes: [
      intake('2026-09-01'),
      {
        date: '2026-09-15',
        by: 'voorzitter',
        status: 'richting_bepalen',
        track: 'doormigratie',
        reason: 'Beschermingsstatus in Italië: de tafel onderzoekt doormigratie naar Italië.',
      },
    ],
  },
  // 8. Yacine B.
  {
    referredAt: '2025-11-04',
    changes: [
      intake('2025-11-18'),
      toTable('2025-12-02'),
      {
        date: '2026-01-13',
        by: 'voorzitter',
        status: 'in_traject',
        track: 'legalisatie',
        reason: 'De tafel onderzoekt eerst de mogelijkheden voor legalisatie.',
      },
      {
        date: '2026-02-10',
        by: 'voorzitter',
        track: 'terugkeer',
        reason: 'Informatie van de politie veranderde het beeld; de tafel kiest terugkeer.',
      },
      {
        date: '2026-04-07',
        by: 'casemanager',
        status: 'uitgestroomd',
        reason: 'Uitstroom: met onbekende bestemming vertrokken.',
      },
    ],
  },
  // 9. Grâce M. K.
  {
    referredAt: '2026-04-07',
    changes: [
      intake('2026-04-21'),
      toTable('2026-05-05'),
      {
        date: '2026-05-19',
        by: 'voorzitter',
        status: 'in_traject',
        track: 'legalisatie',
        reason: 'Reguliere aanvraag op grond van haar Nederlandse kind (Chavez-Vilchez).',
      },
    ],
  },
  // 10. Batbayar G. (last week's held decision follows in demo-record.ts)
  {
    referredAt: '2026-06-15',
    changes: [intake('2026-06-29'), toTable('2026-07-21', 'Intake afgerond; de richting is nog open.')],
  },
];
