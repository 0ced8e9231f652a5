/**
 * Small, fictional name and text lists for the synthetic city. Any resemblance of a generated
 * combination to a real person is coincidence: first and last names are drawn independently.
 */
export interface Region {
  weight: number;
  countries: readonly (readonly [country: string, languages: string, weight: number])[];
  male: readonly string[];
  female: readonly string[];
  last: readonly string[];
}

export const regions: readonly Region[] = [
  {
    weight: 22,
    countries: [
      ['Nigeria', 'Engels, Igbo', 5],
      ['Sierra Leone', 'Krio, Engels', 3],
      ['Guinee', 'Frans, Fula', 3],
      ['Ghana', 'Engels, Twi', 2],
      ['Liberia', 'Engels', 1],
    ],
    male: [
      'Chinedu',
      'Emeka',
      'Ibrahim',
      'Abdoulaye',
      'Kwame',
      'Mamadou',
      'Samuel',
      'Tunde',
      'Ousmane',
      'Kofi',
    ],
    female: ['Aminata', 'Fatmata', 'Grace', 'Blessing', 'Mariama', 'Abena', 'Ngozi', 'Kadiatou'],
    last: [
      'Okafor',
      'Sesay',
      'Conteh',
      'Bah',
      'Diallo',
      'Mensah',
      'Kamara',
      'Adeyemi',
      'Barry',
      'Owusu',
      'Koroma',
      'Eze',
    ],
  },
  {
    weight: 18,
    countries: [
      ['Marokko', 'Arabisch, Tamazight', 5],
      ['Algerije', 'Arabisch, Frans', 4],
      ['Libië', 'Arabisch', 1],
      ['Tunesië', 'Arabisch, Frans', 1],
      ['Egypte', 'Arabisch', 1],
    ],
    male: ['Yacine', 'Karim', 'Youssef', 'Rachid', 'Mohamed', 'Hamza', 'Nabil', 'Said', 'Mehdi', 'Anouar'],
    female: ['Amina', 'Fatima', 'Samira', 'Nadia', 'Khadija', 'Leila', 'Soumaya'],
    last: [
      'Benali',
      'El Amrani',
      'Bouzid',
      'Mansouri',
      'Chaoui',
      'Belkacem',
      'Haddouchi',
      'Ziani',
      'Rahmouni',
      'Toumi',
    ],
  },
  {
    weight: 18,
    countries: [
      ['Irak', 'Arabisch, Koerdisch', 4],
      ['Syrië', 'Arabisch', 2],
      ['Iran', 'Farsi', 3],
      ['Afghanistan', 'Dari, Pashto', 4],
    ],
    male: ['Haider', 'Ali', 'Hassan', 'Omid', 'Reza', 'Farid', 'Karwan', 'Ahmad', 'Mustafa', 'Navid'],
    female: ['Zahra', 'Layla', 'Maryam', 'Shirin', 'Parisa', 'Noor', 'Roya'],
    last: [
      'Al-Hassan',
      'Karimi',
      'Hosseini',
      'Jafari',
      'Rahimi',
      'Ahmadi',
      'Mahmoud',
      'Rasul',
      'Sharifi',
      'Nazari',
      'Barzani',
    ],
  },
  {
    weight: 16,
    countries: [
      ['Somalië', 'Somalisch', 3],
      ['Eritrea', 'Tigrinya', 4],
      ['Ethiopië', 'Amhaars', 2],
      ['Soedan', 'Arabisch', 2],
    ],
    male: ['Abdirahman', 'Yonas', 'Abdi', 'Tesfay', 'Mulugeta', 'Omar', 'Dawit', 'Hamid', 'Bereket'],
    female: ['Semhar', 'Hodan', 'Saba', 'Ifrah', 'Mebrat', 'Hawa', 'Selam'],
    last: [
      'Warsame',
      'Abdi',
      'Tesfamariam',
      'Haile',
      'Osman',
      'Yusuf',
      'Gebremedhin',
      'Ahmed',
      'Kahsay',
      'Elmi',
    ],
  },
  {
    weight: 10,
    countries: [
      ['DR Congo', 'Frans, Lingala', 4],
      ['Angola', 'Portugees, Lingala', 2],
      ['Kameroen', 'Frans, Engels', 2],
      ['Burundi', 'Kirundi, Frans', 1],
    ],
    male: ['Mateus', 'Jean-Pierre', 'Patrice', 'Emmanuel', 'Didier', 'Joaquim', 'Serge'],
    female: ['Grâce', 'Espérance', 'Joséphine', 'Mireille', 'Aline', 'Beatriz'],
    last: ['Mukendi', 'Kabongo', 'Domingos', 'Tshibanda', 'Mbala', 'Ilunga', 'Nzeyimana', 'Fotso', 'Kiala'],
  },
  {
    weight: 8,
    countries: [
      ['China', 'Mandarijn', 3],
      ['Mongolië', 'Mongools', 2],
      ['Sri Lanka', 'Tamil', 2],
      ['Vietnam', 'Vietnamees', 1],
    ],
    male: ['Wei', 'Jun', 'Batbayar', 'Ganbold', 'Tharshan', 'Nimal', 'Minh'],
    female: ['Xiu', 'Mei', 'Oyuun', 'Saruul', 'Kavitha', 'Lan'],
    last: ['Chen', 'Wang', 'Zhang', 'Gantulga', 'Erdene', 'Perera', 'Sivakumar', 'Nguyen', 'Liu'],
  },
  {
    weight: 8,
    countries: [
      ['Armenië', 'Armeens, Russisch', 2],
      ['Georgië', 'Georgisch, Russisch', 2],
      ['Azerbeidzjan', 'Azerbeidzjaans, Russisch', 1],
      ['Rusland', 'Russisch', 1],
    ],
    male: ['Armen', 'Giorgi', 'Levan', 'Tigran', 'Rashad', 'Dmitri', 'Davit'],
    female: ['Nino', 'Anahit', 'Tamar', 'Lusine', 'Aysel', 'Olga'],
    last: ['Petrosyan', 'Beridze', 'Grigoryan', 'Kapanadze', 'Aliyev', 'Sargsyan', 'Gelashvili', 'Ivanov'],
  },
];

/** Staff names for users and casemanagers. */
export const dutchFirst = [
  'Sanne',
  'Daan',
  'Lotte',
  'Bram',
  'Eva',
  'Joris',
  'Fleur',
  'Ruben',
  'Anouk',
  'Thijs',
  'Noor',
  'Pieter',
  'Iris',
  'Koen',
  'Marieke',
  'Jeroen',
  'Femke',
  'Wouter',
  'Esther',
  'Gijs',
  'Hanneke',
  'Sem',
  'Yara',
  'Mohammed',
  'Fatima',
  'Kevin',
];
export const dutchLast = [
  'de Vries',
  'Jansen',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Dijk',
  'van den Berg',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Kok',
  'Schouten',
  'El Idrissi',
  'Yilmaz',
];

export const stuckReasons = [
  'Geen ambassade erkent de nationaliteit; presentatie zonder resultaat.',
  'Buitenschuld betwist: DT&V en NGO oneens over de inspanningen.',
  'Wacht al maanden op medisch advies (BMA).',
  'Identiteit onduidelijk; documenten niet te verkrijgen.',
  'Procedure bij de Raad van State loopt; geen vervolgstappen mogelijk.',
  'Cliënt werkt niet mee aan vertrek en niet aan legalisatie.',
];

export const healthDetails = [
  'PTSS, in behandeling bij GGZ.',
  'Diabetes type 2; medicatie beschikbaar in land van herkomst onzeker.',
  'Hartklachten; cardioloog betrokken.',
  'Depressieve klachten; huisarts verwijst naar GGZ.',
  'Chronische pijnklachten na mishandeling.',
  'Psychotische episode in het verleden; stabiel op medicatie.',
  'Hepatitis B, onder controle.',
];

export const justiceHistories = [
  'Vreemdelingenbewaring (3 maanden).',
  'Winkeldiefstal, afgedaan met taakstraf.',
  'Ongewenstverklaring, later opgeheven.',
  'Veroordeling voor verblijf ondanks inreisverbod.',
  'Geen strafrechtelijke antecedenten bekend bij de politie.',
];

export const restrictiveMeasures = [
  'Meldplicht bij de AVIM.',
  'Vrijheidsbeperkende maatregel (VBL) opgelegd.',
  'Inreisverbod (2 jaar).',
];

export const familyInNl = [
  'Partner in Nederland',
  'Kind in Nederland',
  'Twee kinderen in Nederland',
  'Broer in Nederland',
  'Nederlandse partner',
];

export const notesPool = [
  'Cliënt heeft een vast contact bij de NGO.',
  'Tolk nodig bij gesprekken.',
  'Eerdere aanvraag ingetrokken.',
  'Cliënt verblijft wisselend bij kennissen.',
  'Motivatie voor terugkeer wisselt.',
];

export const procedureKinds = [
  'asiel_herhaald',
  'regulier_medisch',
  'regulier_gezin',
  'schrijnend',
  'buitenschuld',
  'mensenhandel',
  'beroep_rechtbank',
  'raad_van_state',
] as const;

export const positionReasoning: Record<string, readonly string[]> = {
  legalisatie: [
    'Er zijn nieuwe feiten die een aanvraag kansrijk maken.',
    'Medische situatie rechtvaardigt een aanvraag op medische gronden.',
    'Buitenschuld lijkt aantoonbaar: geen ambassade werkt mee.',
    'Gezinsleven in Nederland weegt zwaar.',
  ],
  terugkeer: [
    'Alle procedures zijn doorlopen; geen nieuwe feiten.',
    'Cliënt staat open voor terugkeer met ondersteuning.',
    'Reisdocument lijkt haalbaar via de ambassade.',
    'Terugkeer met IOM-ondersteuning biedt perspectief.',
  ],
  doormigratie: [
    'Familie in een ander Europees land is bereid te ondersteunen.',
    'Beschermingsstatus in een andere lidstaat.',
  ],
  stabilisatie: [
    'Eerst rust en behandeling; daarna richting bepalen.',
    'Cliënt is net uit detentie; stabilisatie nodig.',
  ],
  tweesporen: [
    'Beide sporen openhouden tot het medisch advies er is.',
    'Activiteiten die nuttig zijn bij blijven en bij terugkeer.',
  ],
  nader_onderzoek: [
    'Dossier nog niet compleet; eerst gehoor en gezondheidsgesprek.',
    'Nationaliteit moet eerst worden vastgesteld.',
  ],
  geen_standpunt: ['Geen standpunt: partij heeft geen informatie over dit dossier.', 'Afwezig met bericht.'],
};

export const positionInformation = [
  'Dossier IND doorgenomen; laatste beschikking 2 jaar oud.',
  'Politie: geen nieuwe antecedenten.',
  'Regievoerder heeft vertrekgesprek gevoerd.',
  'NGO: cliënt heeft contact met familie hersteld.',
  'GGD-screening afgerond.',
  'Advocaat heeft nieuwe documenten aangeleverd.',
];

export const positionConditions = [
  'Mits eerst beschermingsvraag is afgehandeld.',
  'Alleen met IOM-ondersteuning.',
  'Na ontvangst van het BMA-advies.',
  'Onder voorwaarde dat opvang doorloopt tot vertrek.',
];

export const decisionTexts: Record<string, readonly string[]> = {
  legalisatie: [
    'Het overleg kiest voor legalisatie; de aanvraag wordt voorbereid.',
    'Legalisatie: aanvraag indienen en uitkomst afwachten.',
  ],
  terugkeer: [
    'Het overleg kiest voor terugkeer met ondersteuning; vertrekplan opstellen.',
    'Terugkeer: IOM-intake en reisdocument regelen.',
  ],
  doormigratie: ['Doormigratie naar familie wordt onderzocht en voorbereid.'],
  stabilisatie: ['Eerst stabilisatie: rustperiode van drie maanden, daarna evaluatie.'],
  tweesporen: ['Tweesporenbeleid: beide sporen worden voorbereid.'],
  nader_onderzoek: ['Nader onderzoek: eerst gehoor, gezondheidsgesprek en dossieruitwisseling.'],
  geen_standpunt: ['Geen besluit: partijen beraden zich.'],
  aanhouden: ['Besluit aangehouden tot de volgende vergadering.'],
};

export const consentReasons = [
  'Zorg over de haalbaarheid binnen de termijn.',
  'Informatie van de eigen organisatie ontbreekt nog.',
  'Onvoldoende zicht op de medische situatie.',
  'Beschermingsvraag is nog niet afgehandeld.',
  'Niet in lijn met eerder advies van de regievoerder.',
  'Buitenschuldcriteria niet vervuld.',
];

export const actionWhat: Record<string, readonly string[]> = {
  legalisatie: [
    'Aanvraag voorbereiden met advocaat',
    'BMA-advies aanvragen',
    'Documenten voor aanvraag verzamelen',
    'Stand procedure opvragen bij IND',
  ],
  terugkeer: [
    'Vertrekgesprek plannen',
    'IOM-intake plannen',
    'Presentatie ambassade voorbereiden',
    'Fit-to-fly check regelen',
    'Reisdocument aanvragen',
  ],
  doormigratie: ['Contact met familie in lidstaat leggen', 'Dublin-informatie opvragen'],
  stabilisatie: ['Behandeling GGZ regelen', 'Opvangplek verlengen'],
  tweesporen: ['Cursus volgen (taal/vak)', 'Vertrekgesprek en aanvraag parallel voorbereiden'],
  nog_te_bepalen: [
    'Eerste gehoor politie plannen',
    'Gezondheidsgesprek GGD plannen',
    'Dossier IND opvragen',
    'Intakegesprek NGO',
  ],
};

export const actionReasons = [
  'Cliënt niet bereikbaar.',
  'Wacht op reactie ambassade.',
  'Capaciteit: volgende week.',
  'Afspraak verzet door cliënt.',
  'Informatie nog niet ontvangen.',
];

export const escalationBodies = ['Landelijke werkgroep vastgelopen dossiers', 'Regionale stuurgroep LVV'];
