import { z } from 'zod';
import { isCountryCode } from './countries';
import { addMonths, IsoDate } from './dates';

/*
 * Dossier vocabulary and validation. Codes are stable (they are stored in the database and appear in
 * exports); Dutch labels are for the UI. Validation issues carry a stable code as their message (the
 * same convention as environment.ts); the UI turns it into Dutch with `dossierIssueMessages`.
 */

/** Builds a zod enum plus its Dutch labels from one ordered record, so the two can never drift apart. */
function vocabulary<const T extends Record<string, string>>(labels: T) {
  const codes = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  return { codes, schema: z.enum(codes), labels: labels as { readonly [K in keyof T]: string } };
}

// --- life of a dossier ------------------------------------------------------------------------------

const status = vocabulary({
  aangemeld: 'Aangemeld',
  intake: 'Intake',
  richting_bepalen: 'Richting bepalen',
  in_traject: 'In traject',
  besluit_gedragen: 'Besluit gedragen',
  uitvoering: 'Uitvoering',
  uitgestroomd: 'Uitgestroomd',
  gesloten: 'Gesloten',
});
export const dossierStatuses = status.codes;
export const DossierStatus = status.schema;
export type DossierStatus = z.infer<typeof DossierStatus>;
export const dossierStatusLabels = status.labels;

/** Statuses in which a dossier is no longer worked on; they are not proposed for the agenda by themselves. */
export const finishedStatuses: readonly DossierStatus[] = ['uitgestroomd', 'gesloten'];
export const isFinished = (s: DossierStatus): boolean => s === 'uitgestroomd' || s === 'gesloten';

const track = vocabulary({
  nog_te_bepalen: 'Nog te bepalen',
  stabilisatie: 'Stabilisatie',
  legalisatie: 'Legalisatie',
  terugkeer: 'Terugkeer',
  doormigratie: 'Doormigratie',
  tweesporen: 'Tweesporen',
});
export const tracks = track.codes;
export const Track = track.schema;
export type Track = z.infer<typeof Track>;
export const trackLabels = track.labels;

const shelter = vocabulary({
  bbb: 'BBB (bed, bad, brood)',
  '24-uursopvang': '24-uursopvang',
  leefgeld: 'Leefgeld',
  geen: 'Geen',
});
export const shelters = shelter.codes;
export const Shelter = shelter.schema;
export type Shelter = z.infer<typeof Shelter>;
export const shelterLabels = shelter.labels;

const sex = vocabulary({ m: 'Man', v: 'Vrouw', x: 'Anders', onbekend: 'Onbekend' });
export const Sex = sex.schema;
export type Sex = z.infer<typeof Sex>;
export const sexLabels = sex.labels;

/**
 * The person's own wish or choice about their future (issue 11): coded so the table and the reports can
 * see it at a glance, with the person's own words beside it in `clientWishText`.
 */
const clientWish = vocabulary({
  verblijf_nl: 'Wil in Nederland blijven (legalisatie)',
  terugkeer: 'Wil terugkeren naar het land van herkomst',
  doormigratie: 'Wil doormigreren naar een ander land',
  twijfelt: 'Twijfelt nog, weet het niet',
  niet_besproken: 'Nog niet besproken',
});
export const clientWishes = clientWish.codes;
export const ClientWish = clientWish.schema;
export type ClientWish = z.infer<typeof ClientWish>;
export const clientWishLabels = clientWish.labels;

/** Tri-state for the special-category health questions (stored in dossier_special). */
const health = vocabulary({ ja: 'Ja', nee: 'Nee', onbekend: 'Onbekend' });
export const healthAnswers = health.codes;
export const HealthAnswer = health.schema;
export type HealthAnswer = z.infer<typeof HealthAnswer>;
export const healthAnswerLabels = health.labels;

/** Values for country of origin / nationality besides a country name. */
export const STATELESS = 'staatloos';
export const UNKNOWN_COUNTRY = 'onbekend';

// --- outcome (uitstroom): exactly the categories of the Perspectief evaluation ------------------------

const outcome = vocabulary({
  TERUGKEER: 'terugkeer naar land van herkomst (gecontroleerd en aantoonbaar)',
  VERBLIJFSVERGUNNING: '(tijdelijke) verblijfsvergunning verkregen',
  DOORMIGRATIE: 'doormigratie of Dublin-overdracht',
  MOB: 'met onbekende bestemming vertrokken',
  OVERIG: 'overig (niet MOB)',
});
export const outcomeCategories = outcome.codes;
export const OutcomeCategory = outcome.schema;
export type OutcomeCategory = z.infer<typeof OutcomeCategory>;
export const outcomeLabels = outcome.labels;

/**
 * Sub-kinds per category. Return counts only when it is controlled and demonstrable, so it is either
 * "zelfstandig aantoonbaar" (with or without IOM/REAN support) or "gedwongen" (uitzetting). DT&V's
 * "vertrek zonder toezicht" only means the person left the last known address: it is not return but
 * counted with MOB, as a sub-kind shown apart.
 */
export const outcomeSubkinds = {
  TERUGKEER: {
    zelfstandig_aantoonbaar: 'zelfstandig aantoonbaar (met of zonder steun van IOM/REAN)',
    gedwongen: 'gedwongen (uitzetting)',
  },
  VERBLIJFSVERGUNNING: {},
  DOORMIGRATIE: {},
  MOB: {
    vertrek_zonder_toezicht: 'vertrek zonder toezicht (van het laatst bekende adres vertrokken)',
  },
  OVERIG: {
    vbl: 'VBL (vrijheidsbeperkende locatie)',
    detentie_ongewenstverklaring: 'detentie / ongewenstverklaring',
    azc_andere_opvang: 'AZC of andere opvang',
    mbb: 'met bekende bestemming (MBB)',
  },
} as const satisfies Record<OutcomeCategory, Record<string, string>>;

/** Categories whose sub-kind must be chosen (for MOB it is optional: "vertrek zonder toezicht" or not). */
export const subkindRequired: Readonly<Record<OutcomeCategory, boolean>> = {
  TERUGKEER: true,
  VERBLIJFSVERGUNNING: false,
  DOORMIGRATIE: false,
  MOB: false,
  OVERIG: true,
};

/** Permit grounds, as the evaluation's tables group them (asiel / regulier; art. 8 Vw and the usual grounds). */
const permitGround = vocabulary({
  asiel_bepaalde_tijd: 'Asiel, bepaalde tijd (art. 8 sub c Vw)',
  asiel_onbepaalde_tijd: 'Asiel, onbepaalde tijd (art. 8 sub d Vw)',
  regulier_bepaalde_tijd: 'Regulier, bepaalde tijd (art. 8 sub a Vw)',
  gemeenschapsrecht: 'Gemeenschapsrecht / EU (art. 8 sub e Vw)',
  gezinsleven: 'Regulier: gezinsleven (art. 8 EVRM, Chavez)',
  buitenschuld: 'Regulier: buitenschuld',
  medisch: 'Medisch: uitstel van vertrek (art. 64 Vw)',
  schrijnend: 'Regulier: schrijnendheid',
  mensenhandel: 'Regulier: mensenhandel',
  overig_regulier: 'Regulier: overige grond',
});
export const permitGrounds = permitGround.codes;
export const PermitGround = permitGround.schema;
export type PermitGround = z.infer<typeof PermitGround>;
export const permitGroundLabels = permitGround.labels;
/** The evaluation's two groups of grounds. */
export const permitGroundGroup = (g: PermitGround): 'asiel' | 'regulier' =>
  g.startsWith('asiel') ? 'asiel' : 'regulier';

/** Why someone left with unknown destination, when known. */
const mobReason = vocabulary({
  angst_terugkeer: 'Angst voor terugkeer of uitzetting',
  einde_opvang: 'Einde of verlies van opvang',
  netwerk_elders: 'Onderdak bij eigen netwerk elders',
  dreigende_bewaring: 'Dreigende vreemdelingenbewaring',
  werk_elders: 'Werk elders (informeel)',
  onbekend: 'Reden onbekend',
});
export const mobReasons = mobReason.codes;
export const MobReason = mobReason.schema;
export type MobReason = z.infer<typeof MobReason>;
export const mobReasonLabels = mobReason.labels;

/** Why a dossier is stuck (vastgelopen); the national working group's own list of causes. */
const stuckReason = vocabulary({
  geen_reisdocumenten: 'Geen reisdocumenten (geen laissez-passer)',
  identiteit_niet_aantoonbaar: 'Identiteit of nationaliteit niet aantoonbaar',
  niet_uitzetbaar: 'Niet uitzetbaar',
  langlopende_procedure: 'Langlopende procedure (buitenschuld, schrijnend)',
  medische_belemmering: 'Medische belemmering',
  instanties_blokkeren: 'Instanties blokkeren elkaar',
  overig: 'Overige reden',
});
export const stuckReasons = stuckReason.codes;
export const StuckReason = stuckReason.schema;
export type StuckReason = z.infer<typeof StuckReason>;
export const stuckReasonLabels = stuckReason.labels;

/** What a finished dossier's outcome needs before it can be counted. */
export interface OutcomeFacts {
  status: DossierStatus;
  outcome: string | null;
  outcomeSubkind: string | null;
  permitGround: string | null;
  endedBy: string | null;
  outflowDate: string | null;
}

/**
 * "Onvolledig": a dossier that left (or was closed) without the facts the reports count, such as
 * data from before the outflow form was required, or imported. It is shown, and counted apart.
 */
export function outcomeIncomplete(d: OutcomeFacts): boolean {
  if (!isFinished(d.status)) return false;
  const parsed = OutcomeCategory.safeParse(d.outcome);
  if (!parsed.success || !d.endedBy || !d.outflowDate) return true;
  const allowed: Record<string, string> = outcomeSubkinds[parsed.data];
  if (subkindRequired[parsed.data] && !(d.outcomeSubkind && Object.hasOwn(allowed, d.outcomeSubkind)))
    return true;
  return parsed.data === 'VERBLIJFSVERGUNNING' && !d.permitGround;
}

const endedBy = vocabulary({
  organisatie: 'De organisatie',
  gemeente: 'De gemeente',
  client: 'De cliënt',
  wederzijds: 'In onderling overleg',
  onbekend: 'Onbekend',
});
export const endedByValues = endedBy.codes;
export const EndedBy = endedBy.schema;
export type EndedBy = z.infer<typeof EndedBy>;
export const endedByLabels = endedBy.labels;

// --- V-nummer ---------------------------------------------------------------------------------------

export type VNumberIssue = 'v_number_chars' | 'v_number_length';

/** Removes the spaces and dots people type in V-nummers ("12 3456.7890" → "1234567890"). */
export const normaliseVNumber = (raw: string): string => raw.replace(/[\s.]/g, '');

/** Why a V-nummer is invalid, or null: exactly 10 digits after removing spaces and dots. */
export function vNumberIssue(raw: string): VNumberIssue | null {
  const v = normaliseVNumber(raw);
  if (!/^\d*$/.test(v)) return 'v_number_chars';
  return v.length === 10 ? null : 'v_number_length';
}

/** zod schema: validates and outputs the normalised V-nummer. */
export const VNumber = z
  .string()
  .superRefine((s, ctx) => {
    const issue = vNumberIssue(s);
    if (issue) ctx.addIssue({ code: 'custom', message: issue });
  })
  .transform(normaliseVNumber);

// --- pseudonyms -------------------------------------------------------------------------------------

/** "Chen X." → "C.X.", "Grâce M. K." → "G.M.K.", "Jean-Pierre Dupont" → "J.P.D."; empty → "?". */
export function initials(name: string): string {
  const letters = name
    .split(/[\s\-.]+/)
    .map((part) => /\p{L}/u.exec(part)?.[0])
    .filter((c): c is string => c !== undefined);
  return letters.length ? letters.map((c) => `${c.toLocaleUpperCase('nl')}.`).join('') : '?';
}

/** The label shown wherever the person must not be named (projector, agenda export): "D-2026-0003 (C.X.)". */
export const pseudonym = (number: string, name: string): string => `${number} (${initials(name)})`;

/** Dossier numbers: "D-<year>-<sequence, 4 digits>". */
export const formatDossierNumber = (year: number, sequence: number): string =>
  `D-${year}-${String(sequence).padStart(4, '0')}`;

/**
 * The target date from the city's term. The term starts at the intake date when there is one (the
 * trajectory starts there), otherwise at the referral.
 */
export const computeTargetDate = (
  start: { referredAt: string; intakeDate?: string | null },
  termMonths: number,
) => addMonths(start.intakeDate ?? start.referredAt, termMonths);

// --- dossier input ----------------------------------------------------------------------------------

const text = (max: number) => z.string().trim().min(1, 'required').max(max, 'too_long');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_long')
    .nullish()
    .transform((s) => (s ? s : null));
const optionalDate = IsoDate.nullish().transform((s) => s ?? null);

/** The fields without defaults: the shape of an update, where an absent field means "unchanged". */
const dossierShape = {
  vNumber: z
    .string()
    .nullish()
    .transform((s) => (s && s.trim() ? s : null))
    .pipe(VNumber.nullable()),
  name: text(120),
  aliases: z.array(text(120)).max(20, 'too_long'),
  sex: Sex.nullish().transform((s) => s ?? null),
  birthDate: optionalDate,
  birthDateEstimated: z.boolean(),
  countryOfOrigin: optionalText(80),
  nationality: optionalText(80),
  firstKnownNl: optionalDate,
  exAmv: z.boolean(),
  familyInNl: optionalText(500),
  languages: optionalText(200),
  /** The begeleidende ngo: the NGO that holds the guidance conversations (not the regievoerder). */
  leadNgoId: z
    .number()
    .int()
    .nullish()
    .transform((n) => n ?? null),
  /** DT&V's case officer for this person (in the sources "de regievoerder"). */
  regievoerder: optionalText(120),
  casemanager: optionalText(120),
  clientWish: ClientWish.nullish().transform((s) => s ?? null),
  clientWishText: optionalText(1000),
  /** The date of the toekomstgesprek; null while it has not taken place. */
  futureTalkDate: optionalDate,
  lastContactDate: optionalDate,
  shelter: Shelter,
  referredAt: IsoDate,
  intakeDate: optionalDate,
  track: Track,
  status: DossierStatus,
  /** Set only when overriding the computed target date; `targetOverrideReason` is then required. */
  targetDate: optionalDate,
  targetOverride: z.boolean(),
  targetOverrideReason: optionalText(500),
  reviewDate: optionalDate,
  stuck: z.boolean(),
  stuckReason: optionalText(500),
  /** The pick-list reason, so stuck dossiers can be counted by cause; `stuckReason` explains it. */
  stuckReasonCode: StuckReason.nullish().transform((s) => s ?? null),
  onHold: z.boolean(),
  vulnerable: z.boolean(),
  notes: optionalText(4000),
};

/** The editable fields of a dossier as created (defaults filled in). */
export const DossierFields = z.object({
  ...dossierShape,
  aliases: dossierShape.aliases.default([]),
  birthDateEstimated: z.boolean().default(false),
  exAmv: z.boolean().default(false),
  shelter: Shelter.default('geen'),
  track: Track.default('nog_te_bepalen'),
  status: DossierStatus.default('aangemeld'),
  targetOverride: z.boolean().default(false),
  stuck: z.boolean().default(false),
  onHold: z.boolean().default(false),
  vulnerable: z.boolean().default(false),
});
export type DossierFields = z.infer<typeof DossierFields>;

export type DossierIssueCode =
  | 'required'
  | 'too_long'
  | 'date_format'
  | 'date_impossible'
  | 'date_too_early'
  | 'date_too_late'
  | VNumberIssue
  | 'target_before_intake'
  | 'intake_before_referral'
  | 'birth_in_future'
  | 'first_known_before_birth'
  | 'stuck_reason_required'
  | 'status_via_outflow'
  | 'country_invalid'
  | 'target_override_reason_required'
  | 'target_override_date_required'
  | 'outcome_subkind_required'
  | 'outcome_subkind_invalid'
  | 'permit_ground_required'
  | 'procedure_end_before_start'
  | 'date_in_future';

export interface DossierIssue {
  path: string;
  code: DossierIssueCode;
}

type CrossFields = Pick<
  DossierFields,
  | 'referredAt'
  | 'intakeDate'
  | 'targetDate'
  | 'targetOverride'
  | 'targetOverrideReason'
  | 'birthDate'
  | 'firstKnownNl'
  | 'stuck'
  | 'stuckReason'
  | 'stuckReasonCode'
> &
  Partial<Pick<DossierFields, 'lastContactDate' | 'futureTalkDate'>>;

/**
 * The cross-field rules, as a pure function so the backend can run them on an update merged with the
 * stored dossier. `today` enables the rules that need the current date (birth date not in the future).
 * Only the rules whose fields are valid dates are checked; a bad date already has its own issue.
 */
export function dossierIssues(d: CrossFields, today?: string): DossierIssue[] {
  const issues: DossierIssue[] = [];
  const add = (path: string, code: DossierIssueCode) => issues.push({ path, code });
  if (d.intakeDate && d.referredAt && d.intakeDate < d.referredAt)
    add('intakeDate', 'intake_before_referral');
  if (d.targetDate && d.intakeDate && d.targetDate < d.intakeDate) add('targetDate', 'target_before_intake');
  // A birth date in the future is the mistake, not the date first known in NL before it; both rules
  // need today, so the contract (no clock) leaves them to the backend, which checks them together.
  if (d.birthDate && today && d.birthDate > today) add('birthDate', 'birth_in_future');
  else if (d.birthDate && today && d.firstKnownNl && d.firstKnownNl < d.birthDate)
    add('firstKnownNl', 'first_known_before_birth');
  // A contact or a conversation is recorded after it happened: a future date is a typing mistake.
  if (d.lastContactDate && today && d.lastContactDate > today) add('lastContactDate', 'date_in_future');
  if (d.futureTalkDate && today && d.futureTalkDate > today) add('futureTalkDate', 'date_in_future');
  if (d.stuck && !d.stuckReason && !d.stuckReasonCode) add('stuckReasonCode', 'stuck_reason_required');
  if (d.targetOverride && !d.targetOverrideReason)
    add('targetOverrideReason', 'target_override_reason_required');
  if (d.targetOverride && !d.targetDate) add('targetDate', 'target_override_date_required');
  return issues;
}

const withCrossRules = (today?: string) =>
  DossierFields.superRefine((d, ctx) => {
    for (const i of dossierIssues(d, today))
      ctx.addIssue({ code: 'custom', path: [i.path], message: i.code });
  });

/** Dossier input with the cross-field rules that need no clock (for the API contract). */
export const DossierInput = withCrossRules();
export type DossierInput = z.input<typeof DossierInput>;
/** The same, plus the rules relative to today (the backend passes its clock's date). */
export const dossierInputAt = (today: string) => withCrossRules(today);

/**
 * An update: the changed fields only, with the version read (optimistic concurrency) and a reason that
 * goes into the history when status or track change. The backend merges, then runs `dossierIssues`.
 */
export const DossierUpdate = z.object({
  id: z.number().int(),
  version: z.number().int(),
  changes: z.object(dossierShape).partial(),
  reason: optionalText(500),
});
export type DossierUpdate = z.input<typeof DossierUpdate>;

/** Special-category data (GDPR art. 9/10), stored apart and shown on a need-to-know basis. */
export const SpecialInput = z.object({
  healthSomatic: HealthAnswer.default('onbekend'),
  healthPsychiatric: HealthAnswer.default('onbekend'),
  medicalObstacle: HealthAnswer.default('onbekend'),
  healthDetail: optionalText(4000),
  justiceHistory: optionalText(4000),
  restrictiveMeasures: optionalText(4000),
});
export type SpecialInput = z.input<typeof SpecialInput>;

const procedure = vocabulary({
  asiel_eerste: 'Eerste asielaanvraag',
  asiel_herhaald: 'Herhaalde asielaanvraag (HASA)',
  regulier_gezin: 'Regulier: gezinshereniging / gezinsleven',
  regulier_schrijnend: 'Regulier: schrijnendheid',
  regulier_mensenhandel: 'Regulier: mensenhandel',
  regulier_medisch: 'Regulier: medische gronden',
  buitenschuld: 'Buitenschuld',
  voortgezet_verblijf: 'Voortgezet verblijf',
  beroep_rechtbank: 'Beroep (rechtbank)',
  hoger_beroep_rvs: 'Hoger beroep (Raad van State)',
  ehrm: 'EHRM',
  overig: 'Overig',
});
export const ProcedureKind = procedure.schema;
export type ProcedureKind = z.infer<typeof ProcedureKind>;
export const procedureKindLabels = procedure.labels;

export const ProcedureInput = z
  .object({
    kind: ProcedureKind,
    startedOn: optionalDate,
    endedOn: optionalDate,
    result: optionalText(500),
  })
  .superRefine((p, ctx) => {
    if (p.startedOn && p.endedOn && p.endedOn < p.startedOn)
      ctx.addIssue({ code: 'custom', path: ['endedOn'], message: 'procedure_end_before_start' });
  });
export type ProcedureInput = z.input<typeof ProcedureInput>;

/**
 * Outflow: the outcome category and sub-kind, the permit ground (VERBLIJFSVERGUNNING, required), the
 * MOB reason (when known), the country returned or migrated to (ISO code, optional), who ended the
 * trajectory and when; `detail` is a free explanation beside the pick-lists.
 */
export const OutflowInput = z
  .object({
    outcome: OutcomeCategory,
    subkind: z
      .string()
      .nullish()
      .transform((s) => s ?? null),
    permitGround: PermitGround.nullish().transform((s) => s ?? null),
    mobReason: MobReason.nullish().transform((s) => s ?? null),
    country: z
      .string()
      .nullish()
      .transform((s) => s ?? null),
    detail: optionalText(500),
    endedBy: EndedBy,
    date: IsoDate,
  })
  .superRefine((o, ctx) => {
    const allowed: Record<string, string> = outcomeSubkinds[o.outcome];
    if (subkindRequired[o.outcome] && !o.subkind)
      ctx.addIssue({ code: 'custom', path: ['subkind'], message: 'outcome_subkind_required' });
    else if (o.subkind && !Object.hasOwn(allowed, o.subkind))
      ctx.addIssue({ code: 'custom', path: ['subkind'], message: 'outcome_subkind_invalid' });
    if (o.outcome === 'VERBLIJFSVERGUNNING' && !o.permitGround)
      ctx.addIssue({ code: 'custom', path: ['permitGround'], message: 'permit_ground_required' });
    if (o.country && !isCountryCode(o.country))
      ctx.addIssue({ code: 'custom', path: ['country'], message: 'country_invalid' });
  });
export type OutflowInput = z.input<typeof OutflowInput>;

/** Only what belongs to the category is stored: a permit ground on a return would be counted wrongly. */
export function scopeOutflow<T extends z.output<typeof OutflowInput>>(o: T): T {
  return {
    ...o,
    permitGround: o.outcome === 'VERBLIJFSVERGUNNING' ? o.permitGround : null,
    mobReason: o.outcome === 'MOB' ? o.mobReason : null,
    country: o.outcome === 'TERUGKEER' || o.outcome === 'DOORMIGRATIE' ? o.country : null,
  };
}

/** Dutch text for every issue code above (the UI shows these at the field). */
export const dossierIssueMessages: Record<DossierIssueCode, string> = {
  required: 'Vul dit veld in.',
  too_long: 'Deze tekst is te lang.',
  date_format: 'Vul een datum in als JJJJ-MM-DD.',
  date_impossible: 'Deze datum bestaat niet.',
  date_too_early: 'Een datum vóór 1900 is niet mogelijk.',
  date_too_late: 'Een datum na 2199 is niet mogelijk.',
  v_number_chars: 'Een V-nummer bestaat alleen uit cijfers.',
  v_number_length: 'Een V-nummer heeft precies 10 cijfers.',
  target_before_intake: 'De streefdatum ligt vóór de intakedatum.',
  intake_before_referral: 'De intakedatum ligt vóór de datum van aanmelding.',
  birth_in_future: 'De geboortedatum ligt in de toekomst.',
  first_known_before_birth: 'De datum "eerst bekend in Nederland" ligt vóór de geboortedatum.',
  stuck_reason_required: 'Geef aan waarom het dossier is vastgelopen.',
  status_via_outflow:
    'Uitstroom en heropenen gaan via het uitstroomformulier (met categorie, datum en wie het traject beëindigde).',
  country_invalid: 'Kies een land uit de lijst.',
  target_override_reason_required: 'Geef een reden voor het aanpassen van de streefdatum.',
  target_override_date_required: 'Vul de aangepaste streefdatum in.',
  outcome_subkind_required: 'Kies de vorm van de uitstroom.',
  outcome_subkind_invalid: 'Deze vorm past niet bij de gekozen uitstroomcategorie.',
  permit_ground_required: 'Kies de grond van de verblijfsvergunning.',
  procedure_end_before_start: 'De einddatum ligt vóór de begindatum.',
  date_in_future: 'Deze datum ligt in de toekomst.',
};
