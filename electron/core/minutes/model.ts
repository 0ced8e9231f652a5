/**
 * The minutes (verslag) of one dossier meeting as plain, JSON-serialisable data: what the DOCX
 * builder prints and the only thing it can print. Data minimisation lives in the shape itself: a
 * dossier is known here by its number and initials; there is no field for a V-nummer, a full name or
 * special-category detail, so no builder bug can leak one. Whoever fills the model (from the
 * database) decides the initials with `initialsFromName`.
 */

export type MinutesState = 'concept' | 'correctieronde' | 'vastgesteld' | 'ondertekend';
export type AttendanceStatus = 'aanwezig' | 'afwezig_met_bericht' | 'schriftelijke_inbreng';
/** Track directions, plus what a position or decision can say besides a track (shared/domain/consent.ts). */
export type Direction =
  | 'nog_te_bepalen'
  | 'stabilisatie'
  | 'legalisatie'
  | 'terugkeer'
  | 'doormigratie'
  | 'tweesporen'
  | 'nader_onderzoek'
  | 'geen_standpunt'
  | 'aanhouden';
export type ConsentValue = 'akkoord' | 'akkoord_met_voorbehoud' | 'onthouding' | 'bezwaar';
export type DecisionState = 'concept' | 'gedragen' | 'voorlopig_gedragen' | 'aangehouden' | 'geescaleerd';
/** 'uitgesteld' is an open action whose due date was moved; 'vervallen': circumstances changed. */
export type ActionStatus = 'open' | 'gedaan' | 'uitgesteld' | 'vervallen' | 'niet_gedaan';

export interface PersonRef {
  name: string;
  organisation: string;
}

export interface AttendanceEntry {
  organisation: string;
  status: AttendanceStatus;
  /** Names of those at the table for this organisation (empty when absent). */
  representatives: string[];
  /**
   * Who recorded input for this organisation on its behalf (the notulist), when no names are known:
   * the minutes then say so instead of a bare dash.
   */
  recordedBy?: string[];
}

/**
 * A dossier as the minutes name it: number and initials. The full name is there only when the
 * environment allows full names in minutes (meta `minutes_full_names`, off by default).
 */
export interface DossierRef {
  number: string;
  initials: string;
  name?: string;
}

export interface Position {
  organisation: string;
  direction: Direction;
  reasoning: string;
  information: string;
  conditions: string;
  /** Set when the organisation withheld information; the reason is minuted (MARAC practice). */
  informationWithheld: { reason: string } | null;
  /** E.g. "Schriftelijke inbreng, opgetekend door de secretaris" when another person recorded it. */
  recordedOnBehalf: string | null;
  /** The party's latest position dates from an earlier meeting (or outside one): that date. */
  earlierDate?: string;
}

export interface Consent {
  organisation: string;
  value: ConsentValue;
  /** Required for everything but 'akkoord'; the dissent is part of the minutes. */
  reason: string | null;
}

export interface Decision {
  /** Running number per city and year, e.g. "2026-014". */
  number: string;
  text: string;
  direction: Direction;
  reviewDate: string | null;
  state: DecisionState;
  consents: Consent[];
  /** Provisionally carried: the parties whose confirmation is awaited ("IND"); absent otherwise. */
  awaitingConfirmation?: string[];
  /** Put to a body ("voorleggen aan"): which, the question, and whether the table agreed to it. */
  escalation?: { body: string; question: string; consensus: boolean };
}

/** The decision's status as the minutes print it: "Voorlopig gedragen, bevestiging nodig van IND". */
export function decisionStatusText(
  d: Pick<Decision, 'state' | 'awaitingConfirmation'>,
  label: string,
): string {
  return d.state === 'voorlopig_gedragen' && d.awaitingConfirmation?.length
    ? `${label}, bevestiging nodig van ${d.awaitingConfirmation.join(', ')}`
    : label;
}

export interface Action {
  what: string;
  organisation: string;
  person: string;
  dueDate: string;
  status: ActionStatus;
  /** Why an action was postponed or not done. */
  statusReason: string | null;
}

export interface ProceduralItem {
  kind: 'procedural';
  number: number;
  title: string;
  notes: string;
  decision: Decision | null;
  actions: Action[];
}

/** The dossier's state as the minutes' context line prints it: track, status, target date. */
export interface DossierContext {
  track: string;
  status: string;
  targetDate: string | null;
}

export interface DossierItem {
  kind: 'dossier';
  number: number;
  dossier: DossierRef;
  /** Labels of the dossier's track and status when the minutes were built, and its target date. */
  context?: DossierContext;
  /** The notulist's progress note on this dossier ('' when none). */
  note?: string;
  /** Carried over from an earlier agenda without being discussed then. */
  carriedOver: boolean;
  /** Not finished in this meeting: it goes to the next one. */
  deferred?: boolean;
  positions: Position[];
  decision: Decision | null;
  actions: Action[];
}

export type MinutesItem = ProceduralItem | DossierItem;

/** An action from an earlier meeting that is still open, reviewed in this one. */
export interface EarlierAction extends Action {
  meetingDate: string;
  dossier: DossierRef | null;
}

export interface Signer {
  role: 'voorzitter' | 'secretaris';
  name: string;
  organisation: string;
}

/** Printed on the last page; the signatures themselves are detached `.p7s` files over the DOCX. */
export interface SignaturePage {
  /** `minutesContentHash` of the adopted model. */
  contentSha256: string;
  auditHeadAtAdoption: string;
  adoptedOn: string;
  signers: Signer[];
}

/** What part of the full minutes this document is; null for the full minutes. */
export type ExtractScope = { organisation: string | null; dossierNumber: string | null } | null;

export interface MinutesModel {
  city: string;
  meeting: { date: string; startTime: string; endTime: string | null; place: string };
  chair: PersonRef;
  secretary: PersonRef;
  version: number;
  state: MinutesState;
  classification: 'Vertrouwelijk';
  /** ISO timestamp; used as the document's created/modified date so output does not depend on the clock. */
  generatedAt: string;
  attendance: AttendanceEntry[];
  items: MinutesItem[];
  earlierOpenActions: EarlierAction[];
  signaturePage: SignaturePage | null;
  extract: ExtractScope;
}

export interface DecisionListRow {
  number: string;
  item: string;
  text: string;
  direction: Direction;
  state: DecisionState;
  reviewDate: string | null;
  awaitingConfirmation?: string[];
}

export interface ActionListRow extends Action {
  item: string;
}

/** "D-2026-0003 (C.X.)" — or "D-2026-0003 (Chen Xiu)" where full names are allowed. */
export function dossierLabel(d: DossierRef): string {
  return `${d.number} (${d.name ?? d.initials})`;
}

/** "Chen Xiu" → "C.X."; hyphenated parts count as names ("Al-Hassan" → "A.H."). */
export function initialsFromName(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((part) => part.length > 0)
    .map((part) => `${part.charAt(0).toLocaleUpperCase('nl')}.`)
    .join('');
}

export function itemLabel(item: MinutesItem): string {
  return item.kind === 'dossier' ? dossierLabel(item.dossier) : item.title;
}

export function decisionList(model: MinutesModel): DecisionListRow[] {
  return model.items.flatMap((item) =>
    item.decision
      ? [
          {
            number: item.decision.number,
            item: itemLabel(item),
            text: item.decision.text,
            direction: item.decision.direction,
            state: item.decision.state,
            reviewDate: item.decision.reviewDate,
            ...(item.decision.awaitingConfirmation
              ? { awaitingConfirmation: item.decision.awaitingConfirmation }
              : {}),
          },
        ]
      : [],
  );
}

export function actionList(model: MinutesModel): ActionListRow[] {
  return model.items.flatMap((item) => item.actions.map((action) => ({ ...action, item: itemLabel(item) })));
}
