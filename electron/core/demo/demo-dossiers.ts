import type { StuckReason } from '../../../shared/domain/dossier';

/**
 * The ten fictional people of domain.md, for the first-run demo and for tests. Names, numbers and
 * dates are invented. `org` names the lead NGO by kind order in the demo's organisations.
 */
export interface DemoDossier {
  name: string;
  aliases: string[];
  sex: 'm' | 'v' | 'x';
  birthDate: string;
  birthDateEstimated: boolean;
  countryOfOrigin: string;
  nationality: string;
  city: string;
  vNumber: string;
  firstKnownNl: string;
  referredAt: string;
  intakeDate: string | null;
  track: string;
  status: string;
  stuckReason: string | null;
  /** The coded stuck reason the reports count (shared/domain); the text above explains it. */
  stuckReasonCode?: StuckReason;
  onHold: boolean;
  vulnerable: boolean;
  familyInNl: string | null;
  languages: string;
  shelter: string;
  casemanager: string;
  notes: string;
  special: {
    somatic: string;
    psychiatric: string;
    medicalObstacle: string;
    healthDetail: string | null;
    justice: string | null;
  };
}

export const demoDossiers: DemoDossier[] = [
  {
    name: 'Mateus Kiala Domingos',
    aliases: [],
    sex: 'm',
    birthDate: '1988-03-14',
    birthDateEstimated: false,
    countryOfOrigin: 'Angola',
    nationality: 'Angola',
    city: 'Utrecht',
    vNumber: '3012457781',
    firstKnownNl: '2011-06-02',
    referredAt: '2026-02-10',
    intakeDate: '2026-02-24',
    track: 'legalisatie',
    status: 'in_traject',
    stuckReason: null,
    onHold: false,
    vulnerable: true,
    familyInNl: null,
    languages: 'Portugees, Lingala',
    shelter: '24-uursopvang',
    casemanager: 'S. de Vries (gemeente)',
    notes: 'Medische aanvraag in voorbereiding.',
    special: {
      somatic: 'nee',
      psychiatric: 'ja',
      medicalObstacle: 'ja',
      healthDetail: 'PTSS, in behandeling bij GGZ; BMA-advies aangevraagd.',
      justice: null,
    },
  },
  {
    name: 'Ibrahim Sesay Conteh',
    aliases: ['Ibrahima Conte'],
    sex: 'm',
    birthDate: '1979-01-01',
    birthDateEstimated: true,
    countryOfOrigin: 'Sierra Leone',
    nationality: 'onbekend',
    city: 'Rotterdam',
    vNumber: '2209871342',
    firstKnownNl: '2008-09-15',
    referredAt: '2025-06-03',
    intakeDate: '2025-06-20',
    track: 'legalisatie',
    status: 'in_traject',
    stuckReason: 'Geen ambassade erkent hem; buitenschuld betwist door DT&V.',
    // No embassy recognises him as a national: his identity/nationality cannot be shown.
    stuckReasonCode: 'identiteit_niet_aantoonbaar',
    onHold: false,
    vulnerable: false,
    familyInNl: null,
    languages: 'Krio, Engels',
    shelter: 'bbb',
    casemanager: 'R. Bakker (gemeente)',
    notes: 'Nationaliteit betwist: Sierra Leone of Guinee. Geëscaleerd naar landelijke werkgroep.',
    special: {
      somatic: 'nee',
      psychiatric: 'nee',
      medicalObstacle: 'nee',
      healthDetail: null,
      justice: 'Vreemdelingenbewaring 2019 (3 maanden).',
    },
  },
  {
    name: 'Chen Xiu',
    aliases: [],
    sex: 'v',
    birthDate: '1985-07-22',
    birthDateEstimated: false,
    countryOfOrigin: 'China',
    nationality: 'China',
    city: 'Amsterdam',
    vNumber: '2678340015',
    firstKnownNl: '2009-04-11',
    referredAt: '2025-01-15',
    intakeDate: '2025-02-01',
    track: 'legalisatie',
    status: 'besluit_gedragen',
    stuckReason: null,
    onHold: false,
    vulnerable: false,
    familyInNl: 'Twee kinderen in Nederland',
    languages: 'Mandarijn',
    shelter: '24-uursopvang',
    casemanager: 'A. Jansen (gemeente)',
    notes: 'Buitenschuldvergunning verleend.',
    special: {
      somatic: 'nee',
      psychiatric: 'nee',
      medicalObstacle: 'nee',
      healthDetail: null,
      justice: null,
    },
  },
  {
    name: 'Khaled Al-Hassan',
    aliases: [],
    sex: 'm',
    birthDate: '1975-11-05',
    birthDateEstimated: false,
    countryOfOrigin: 'Syrië',
    nationality: 'Syrië',
    city: 'Eindhoven',
    vNumber: '1904452219',
    firstKnownNl: '2001-03-20',
    referredAt: '2025-09-01',
    intakeDate: '2025-09-15',
    track: 'legalisatie',
    status: 'in_traject',
    stuckReason: null,
    onHold: false,
    vulnerable: false,
    familyInNl: null,
    languages: 'Arabisch',
    shelter: '24-uursopvang',
    casemanager: 'M. Peters (gemeente)',
    notes: 'Afgewezen in 2004; gewijzigde situatie in land van herkomst; nieuwe asielaanvraag ingediend.',
    special: {
      somatic: 'onbekend',
      psychiatric: 'onbekend',
      medicalObstacle: 'onbekend',
      healthDetail: null,
      justice: null,
    },
  },
  {
    name: 'Haider Kareem Jabbar',
    aliases: [],
    sex: 'm',
    birthDate: '1992-05-30',
    birthDateEstimated: false,
    countryOfOrigin: 'Irak',
    nationality: 'Irak',
    city: 'Rotterdam',
    vNumber: '3301925567',
    firstKnownNl: '2015-10-08',
    referredAt: '2026-05-12',
    intakeDate: '2026-05-26',
    track: 'terugkeer',
    status: 'uitvoering',
    stuckReason: null,
    onHold: false,
    vulnerable: false,
    familyInNl: null,
    languages: 'Arabisch, Koerdisch',
    shelter: 'bbb',
    casemanager: 'R. Bakker (gemeente)',
    notes: 'Terugkeer met steun van NGO en IOM binnen 6 maanden.',
    special: {
      somatic: 'nee',
      psychiatric: 'nee',
      medicalObstacle: 'nee',
      healthDetail: null,
      justice: null,
    },
  },
  {
    name: 'Chinedu Okafor',
    aliases: [],
    sex: 'm',
    birthDate: '1990-08-17',
    birthDateEstimated: false,
    countryOfOrigin: 'Nigeria',
    nationality: 'Nigeria',
    city: 'Groningen',
    vNumber: '3109876654',
    firstKnownNl: '2014-02-01',
    referredAt: '2026-03-02',
    intakeDate: '2026-03-16',
    track: 'tweesporen',
    status: 'in_traject',
    stuckReason: null,
    onHold: false,
    vulnerable: false,
    familyInNl: null,
    languages: 'Engels, Igbo',
    shelter: 'leefgeld',
    casemanager: 'L. Smit (gemeente)',
    notes: 'Terugkeer in voorbereiding; schaamte richting familie.',
    special: {
      somatic: 'nee',
      psychiatric: 'nee',
      medicalObstacle: 'nee',
      healthDetail: null,
      justice: null,
    },
  },
  {
    name: 'Abdirahman Warsame Nur',
    aliases: [],
    sex: 'm',
    birthDate: '1996-02-09',
    birthDateEstimated: true,
    countryOfOrigin: 'Somalië',
    nationality: 'Somalië',
    city: 'Utrecht',
    vNumber: '3345012298',
    firstKnownNl: '2019-07-23',
    referredAt: '2026-08-18',
    intakeDate: '2026-09-01',
    track: 'doormigratie',
    status: 'richting_bepalen',
    stuckReason: null,
    onHold: false,
    vulnerable: false,
    familyInNl: null,
    languages: 'Somalisch, Italiaans',
    shelter: '24-uursopvang',
    casemanager: 'S. de Vries (gemeente)',
    notes: 'Beschermingsstatus in Italië; doormigratie.',
    special: {
      somatic: 'nee',
      psychiatric: 'nee',
      medicalObstacle: 'nee',
      healthDetail: null,
      justice: null,
    },
  },
  {
    name: 'Yacine Belkacem',
    aliases: ['Yassine B.'],
    sex: 'm',
    birthDate: '1987-12-03',
    birthDateEstimated: false,
    countryOfOrigin: 'Algerije',
    nationality: 'Algerije',
    city: 'Amsterdam',
    vNumber: '2890034471',
    firstKnownNl: '2012-05-14',
    referredAt: '2025-11-04',
    intakeDate: '2025-11-18',
    track: 'terugkeer',
    status: 'uitgestroomd',
    stuckReason: null,
    onHold: false,
    vulnerable: false,
    familyInNl: null,
    languages: 'Arabisch, Frans',
    shelter: 'geen',
    casemanager: 'A. Jansen (gemeente)',
    notes: 'Informatie van de politie veranderde het beeld; met onbekende bestemming vertrokken.',
    special: {
      somatic: 'nee',
      psychiatric: 'nee',
      medicalObstacle: 'nee',
      healthDetail: null,
      justice: 'Meerdere veroordelingen wegens winkeldiefstal (2016-2018).',
    },
  },
  {
    name: 'Grâce Mbuyi Kabongo',
    aliases: [],
    sex: 'v',
    birthDate: '1993-09-25',
    birthDateEstimated: false,
    countryOfOrigin: 'DR Congo',
    nationality: 'DR Congo',
    city: 'Eindhoven',
    vNumber: '3278145590',
    firstKnownNl: '2016-01-30',
    referredAt: '2026-04-07',
    intakeDate: '2026-04-21',
    track: 'legalisatie',
    status: 'in_traject',
    stuckReason: null,
    onHold: false,
    vulnerable: false,
    familyInNl: 'Nederlands kind (2021)',
    languages: 'Frans, Lingala',
    shelter: '24-uursopvang',
    casemanager: 'M. Peters (gemeente)',
    notes: 'Reguliere aanvraag (Chavez-Vilchez) ingediend.',
    special: {
      somatic: 'nee',
      psychiatric: 'nee',
      medicalObstacle: 'nee',
      healthDetail: null,
      justice: null,
    },
  },
  {
    name: 'Batbayar Ganbold',
    aliases: [],
    sex: 'm',
    birthDate: '1968-04-12',
    birthDateEstimated: false,
    countryOfOrigin: 'Mongolië',
    nationality: 'Mongolië',
    city: 'Groningen',
    vNumber: '2456789013',
    firstKnownNl: '2010-08-19',
    referredAt: '2026-06-15',
    intakeDate: '2026-06-29',
    track: 'nog_te_bepalen',
    status: 'richting_bepalen',
    stuckReason: null,
    onHold: true,
    vulnerable: true,
    familyInNl: null,
    languages: 'Mongools, Russisch',
    shelter: '24-uursopvang',
    casemanager: 'L. Smit (gemeente)',
    notes: 'Partijen oneens; besluit aangehouden.',
    special: {
      somatic: 'ja',
      psychiatric: 'nee',
      medicalObstacle: 'ja',
      healthDetail: 'Hartaandoening; medicatie alleen beschikbaar in de hoofdstad.',
      justice: null,
    },
  },
];

/**
 * The person's own wish, the toekomstgesprek and the last contact (issue 11), per demo person in the
 * order above, with DT&V's regievoerder. Dates are days before the demo's "today", so the signal
 * "geen contact sinds 4 weken" shows on the same people whenever the demo is created: Ibrahim (stuck)
 * and Chinedu (two-track, no toekomstgesprek yet) have not been seen for over a month.
 */
export interface DemoPersonFacts {
  clientWish: 'verblijf_nl' | 'terugkeer' | 'doormigratie' | 'twijfelt' | 'niet_besproken';
  clientWishText: string | null;
  futureTalkDaysAgo: number | null;
  lastContactDaysAgo: number;
  regievoerder: string;
}

export const demoPersonFacts: DemoPersonFacts[] = [
  {
    clientWish: 'verblijf_nl',
    clientWishText: 'Wil in Nederland blijven zolang de behandeling loopt.',
    futureTalkDaysAgo: 180,
    lastContactDaysAgo: 6,
    regievoerder: 'M. Bakker',
  },
  {
    clientWish: 'verblijf_nl',
    clientWishText: 'Wil rust; terugkeer lukt niet zonder papieren die niemand afgeeft.',
    futureTalkDaysAgo: 300,
    lastContactDaysAgo: 41,
    regievoerder: 'R. Mulder',
  },
  {
    clientWish: 'verblijf_nl',
    clientWishText: 'Wil bij haar twee kinderen in Amsterdam blijven.',
    futureTalkDaysAgo: 400,
    lastContactDaysAgo: 9,
    regievoerder: 'K. Öztürk',
  },
  {
    clientWish: 'verblijf_nl',
    clientWishText: 'Durft niet terug naar Syrië; nieuwe asielaanvraag ingediend.',
    futureTalkDaysAgo: 120,
    lastContactDaysAgo: 12,
    regievoerder: 'J. de Boer',
  },
  {
    clientWish: 'terugkeer',
    clientWishText: 'Wil terug naar zijn familie in Erbil, met steun van IOM.',
    futureTalkDaysAgo: 60,
    lastContactDaysAgo: 3,
    regievoerder: 'R. Mulder',
  },
  {
    clientWish: 'twijfelt',
    clientWishText: 'Schaamt zich tegenover zijn familie; twijfelt over terugkeer.',
    futureTalkDaysAgo: null,
    lastContactDaysAgo: 36,
    regievoerder: 'L. Visser',
  },
  {
    clientWish: 'doormigratie',
    clientWishText: 'Wil terug naar Italië, waar hij een beschermingsstatus heeft.',
    futureTalkDaysAgo: 30,
    lastContactDaysAgo: 8,
    regievoerder: 'M. Bakker',
  },
  {
    clientWish: 'niet_besproken',
    clientWishText: null,
    futureTalkDaysAgo: null,
    lastContactDaysAgo: 70,
    regievoerder: 'K. Öztürk',
  },
  {
    clientWish: 'verblijf_nl',
    clientWishText: 'Wil bij haar Nederlandse dochter blijven.',
    futureTalkDaysAgo: 90,
    lastContactDaysAgo: 5,
    regievoerder: 'J. de Boer',
  },
  {
    clientWish: 'terugkeer',
    clientWishText: 'Wil terug naar Ulaanbaatar als zijn medicijnen daar geregeld zijn.',
    futureTalkDaysAgo: 45,
    lastContactDaysAgo: 14,
    regievoerder: 'L. Visser',
  },
];
