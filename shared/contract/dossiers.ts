import { z } from 'zod';
import { IsoDate, addDays } from '../domain/dates';
import {
  ClientWish,
  DossierInput,
  DossierStatus,
  DossierUpdate,
  EndedBy,
  HealthAnswer,
  OutcomeCategory,
  ProcedureInput,
  ProcedureKind,
  Sex,
  Shelter,
  SpecialInput,
  StuckReason,
  Track,
  isFinished,
} from '../domain/dossier';
import { Organisation } from '../domain/environment';
import { allow, method } from './define';

/*
 * The dossier register. Reading is for everyone at the table (not the beheerder, who manages users
 * and has no need to know); writing is for the gemeente's roles. Special-category data (GDPR art. 9
 * and 10) never travels with a dossier: only `dossiers.special.*` return it, to users whose role and
 * organisation may see it, and each such read is audited. Everyone else gets the conclusion only.
 */

const readers = allow('dossiers.read');
const writers = allow('dossiers.write');
const Id = z.number().int().positive();

// --- the list ---------------------------------------------------------------------------------------

/** One line of the register: enough to find, filter and sort; no special-category data. */
export const DossierRow = z.object({
  id: z.number().int(),
  number: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  vNumber: z.string().nullable(),
  status: DossierStatus,
  track: Track,
  leadNgoId: z.number().int().nullable(),
  casemanager: z.string().nullable(),
  referredAt: z.string(),
  targetDate: z.string().nullable(),
  reviewDate: z.string().nullable(),
  /** Date of the last contact with the person: the register shows "geen contact sinds N weken". */
  lastContactDate: z.string().nullable(),
  stuck: z.boolean(),
  onHold: z.boolean(),
  vulnerable: z.boolean(),
  escalated: z.boolean(),
});
export type DossierRow = z.infer<typeof DossierRow>;

export const TargetFilter = z.enum(['alle', 'verstreken', 'binnenkort']);
export const SortKey = z.enum(['number', 'name', 'status', 'track', 'targetDate', 'referredAt']);
export type SortKey = z.infer<typeof SortKey>;

/** The filters of the list screen; the backend accepts the same ones so other callers can ask for less. */
export const DossierQuery = z
  .object({
    /** 'open' = every status except uitgestroomd/gesloten. */
    status: z.union([DossierStatus, z.enum(['open', 'alle'])]).default('alle'),
    track: z.union([Track, z.literal('alle')]).default('alle'),
    leadNgoId: z.number().int().nullable().default(null),
    target: TargetFilter.default('alle'),
    /** "Binnenkort": the target date falls within this many weeks from today. */
    nearWeeks: z.number().int().min(1).max(52).default(4),
    stuck: z.boolean().default(false),
    /** Only dossiers with an escalation that has not come back (issue 11). */
    escalated: z.boolean().default(false),
    text: z.string().max(120).default(''),
    sort: SortKey.default('number'),
    descending: z.boolean().default(false),
  })
  .strict();
export type DossierQuery = z.output<typeof DossierQuery>;
export type DossierQueryInput = z.input<typeof DossierQuery>;

/** Lower case without diacritics, V-nummer separators removed: "Grâce 30.12" → "grace 3012". */
export function searchKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('nl')
    .replace(/[\s.]+/g, ' ')
    .trim();
}

export interface IndexedRow extends DossierRow {
  /** Name, aliases, dossier number and V-nummer (with and without spacing) as one search string. */
  haystack: string;
}

/** Prepared once per load, so typing only scans strings that are already normalised. */
export function indexRows(rows: readonly DossierRow[]): IndexedRow[] {
  return rows.map((r) => ({
    ...r,
    haystack: searchKey([r.name, ...r.aliases, r.number, r.vNumber ?? ''].join(' | ')),
  }));
}

const compareText = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;
const collator = new Intl.Collator('nl', { sensitivity: 'base' });

/**
 * Filters and sorts the register the way the list screen does, as one pure function: the renderer runs
 * it on every keystroke over rows loaded once, and `dossiers.list` runs the same rules server-side.
 * Every text term must occur (so "chen 2678" finds Chen Xiu by name and V-nummer); a search of only
 * digits matches the V-nummer or dossier number even when typed with spaces or dots ("3012 457").
 */
export function filterDossiers<R extends IndexedRow>(
  rows: readonly R[],
  q: DossierQuery,
  today: string,
): R[] {
  const terms = searchKey(q.text).split(' ').filter(Boolean);
  // Only digits (with the spaces and dots people type in V-nummers): a V-nummer or dossier number.
  const digits = q.text.replace(/[\s.]/g, '');
  const numberTerm = /^\d+$/.test(digits) ? digits : null;
  const nearLimit = addDays(today, q.nearWeeks * 7);
  const out = rows.filter((r) => {
    if (q.status === 'open' ? isFinished(r.status) : q.status !== 'alle' && r.status !== q.status)
      return false;
    if (q.track !== 'alle' && r.track !== q.track) return false;
    if (q.leadNgoId !== null && r.leadNgoId !== q.leadNgoId) return false;
    if (q.stuck && !r.stuck) return false;
    if (q.escalated && !r.escalated) return false;
    if (q.target !== 'alle') {
      if (!r.targetDate || isFinished(r.status)) return false;
      if (q.target === 'verstreken' && !(r.targetDate < today)) return false;
      if (q.target === 'binnenkort' && !(r.targetDate >= today && r.targetDate <= nearLimit)) return false;
    }
    if (numberTerm !== null)
      return (r.vNumber?.includes(numberTerm) ?? false) || r.number.includes(numberTerm);
    for (const t of terms) if (!r.haystack.includes(t)) return false;
    return true;
  });
  const dir = q.descending ? -1 : 1;
  const by: Record<SortKey, (a: R, b: R) => number> = {
    number: (a, b) => compareText(a.number, b.number),
    name: (a, b) => collator.compare(a.name, b.name),
    status: (a, b) => compareText(a.status, b.status),
    track: (a, b) => compareText(a.track, b.track),
    targetDate: (a, b) => compareText(a.targetDate, b.targetDate),
    referredAt: (a, b) => compareText(a.referredAt, b.referredAt),
  };
  const cmp = by[q.sort];
  return out.sort((a, b) => cmp(a, b) * dir || compareText(a.number, b.number));
}

// --- one dossier ------------------------------------------------------------------------------------

export const HistoryEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  userName: z.string().nullable(),
  field: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  reason: z.string(),
  decisionId: z.number().int().nullable(),
  /** The decision's public number (e.g. 2026-014), as the table and the minutes know it. */
  decisionNumber: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const Procedure = z.object({
  id: z.number().int(),
  kind: ProcedureKind,
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  result: z.string().nullable(),
});
export type Procedure = z.infer<typeof Procedure>;

/** What everyone may know about the special categories: the conclusion, never the detail. */
export const SpecialConclusion = z.object({
  medicalObstacle: HealthAnswer,
  /** Whether this user may open the detail (it is then fetched, and logged, with dossiers.special.get). */
  mayView: z.boolean(),
  /** Organisations that hold the detail, for "toelichting bij GGD". */
  heldBy: z.array(z.string()),
});
export type SpecialConclusion = z.infer<typeof SpecialConclusion>;

export const Dossier = z.object({
  id: z.number().int(),
  number: z.string(),
  city: z.string(),
  vNumber: z.string().nullable(),
  name: z.string(),
  aliases: z.array(z.string()),
  sex: Sex.nullable(),
  birthDate: z.string().nullable(),
  birthDateEstimated: z.boolean(),
  countryOfOrigin: z.string().nullable(),
  nationality: z.string().nullable(),
  firstKnownNl: z.string().nullable(),
  exAmv: z.boolean(),
  familyInNl: z.string().nullable(),
  languages: z.string().nullable(),
  leadNgoId: z.number().int().nullable(),
  regievoerder: z.string().nullable(),
  casemanager: z.string().nullable(),
  clientWish: ClientWish.nullable(),
  clientWishText: z.string().nullable(),
  futureTalkDate: z.string().nullable(),
  lastContactDate: z.string().nullable(),
  shelter: Shelter,
  referredAt: z.string(),
  intakeDate: z.string().nullable(),
  track: Track,
  status: DossierStatus,
  targetDate: z.string().nullable(),
  targetOverride: z.boolean(),
  targetOverrideReason: z.string().nullable(),
  reviewDate: z.string().nullable(),
  stuck: z.boolean(),
  stuckReason: z.string().nullable(),
  stuckReasonCode: StuckReason.nullable(),
  onHold: z.boolean(),
  vulnerable: z.boolean(),
  escalated: z.boolean(),
  notes: z.string().nullable(),
  outcome: OutcomeCategory.nullable(),
  outcomeSubkind: z.string().nullable(),
  permitGround: z.string().nullable(),
  mobReason: z.string().nullable(),
  country: z.string().nullable(),
  outcomeDetail: z.string().nullable(),
  endedBy: EndedBy.nullable(),
  outflowDate: z.string().nullable(),
  /** Left or closed without the facts the reports count: shown as "onvolledig" until completed. */
  outcomeIncomplete: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Dossier = z.infer<typeof Dossier>;

/** An earlier outcome of a dossier that was reopened (after MOB, a return that failed, …). */
export const Episode = z.object({
  id: z.number().int(),
  outcome: OutcomeCategory.nullable(),
  outcomeSubkind: z.string().nullable(),
  permitGround: z.string().nullable(),
  mobReason: z.string().nullable(),
  country: z.string().nullable(),
  detail: z.string().nullable(),
  endedBy: EndedBy.nullable(),
  outflowDate: z.string().nullable(),
  track: Track,
  reopenedAt: z.string(),
  reopenReason: z.string(),
});
export type Episode = z.infer<typeof Episode>;

export const DossierDetail = z.object({
  dossier: Dossier,
  episodes: z.array(Episode),
  history: z.array(HistoryEntry),
  procedures: z.array(Procedure),
  special: SpecialConclusion,
});
export type DossierDetail = z.infer<typeof DossierDetail>;

/** The full special-category record, for those who may see it. */
export const SpecialData = z.object({
  dossierId: z.number().int(),
  healthSomatic: HealthAnswer,
  healthPsychiatric: HealthAnswer,
  medicalObstacle: HealthAnswer,
  healthDetail: z.string().nullable(),
  justiceHistory: z.string().nullable(),
  restrictiveMeasures: z.string().nullable(),
});
export type SpecialData = z.infer<typeof SpecialData>;

export const VNumberCheck = z.object({
  /** The domain issue code when the number itself is malformed (shown only once 10 characters are typed). */
  issue: z.enum(['v_number_chars', 'v_number_length']).nullable(),
  existing: z.object({ id: z.number().int(), number: z.string() }).nullable(),
});
export type VNumberCheck = z.infer<typeof VNumberCheck>;

export const dossierMethods = {
  'dossiers.list': method({
    input: DossierQuery,
    output: z.object({ rows: z.array(DossierRow), today: IsoDate, termMonths: z.number().int() }),
    access: readers,
  }),
  'dossiers.get': method({ input: z.object({ id: Id }).strict(), output: DossierDetail, access: readers }),
  'dossiers.create': method({ input: DossierInput.strict(), output: DossierDetail, access: writers }),
  'dossiers.update': method({ input: DossierUpdate.strict(), output: DossierDetail, access: writers }),
  'dossiers.checkVNumber': method({
    input: z.object({ vNumber: z.string().max(40), exceptId: Id.nullish() }).strict(),
    output: VNumberCheck,
    access: readers,
    activity: false,
  }),
  'dossiers.special.get': method({
    input: z.object({ id: Id }).strict(),
    output: SpecialData,
    access: readers,
  }),
  'dossiers.special.update': method({
    input: z.object({ id: Id, special: SpecialInput.strict() }).strict(),
    output: SpecialData,
    access: readers,
  }),
  'dossiers.procedures.add': method({
    input: z.object({ dossierId: Id, procedure: ProcedureInput.strict() }).strict(),
    output: z.array(Procedure),
    access: writers,
  }),
  'dossiers.procedures.update': method({
    input: z.object({ id: Id, procedure: ProcedureInput.strict() }).strict(),
    output: z.array(Procedure),
    access: writers,
  }),
  /** Per organisation: may its users see special-category data (besides the gemeente's casemanagers)? */
  'organisations.setSeesSpecial': method({
    input: z.object({ organisationId: Id, seesSpecial: z.boolean() }).strict(),
    output: Organisation,
    access: allow('administer'),
  }),
} as const;
