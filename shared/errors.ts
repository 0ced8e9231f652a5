/**
 * Stable error codes: the only thing about a failure that crosses the boundary, besides an English
 * message for logs and, for BAD_INPUT, the fields at fault. The UI turns codes into Dutch text.
 */
export const errorCodes = [
  'BAD_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'WRONG_CREDENTIALS',
  'PASSWORD_CHANGE_REQUIRED',
  'FOLDER_IN_USE',
  'NOT_SET_UP',
  'ALREADY_SET_UP',
  'DATABASE_UNREADABLE',
  'DATABASE_TOO_NEW',
  'ENCRYPTION_INACTIVE',
  'DUPLICATE_V_NUMBER',
  /** The files on disk: a full disk, a read-only folder, a damaged or missing file, a backup (faultReasons). */
  'STORAGE_FAULT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/**
 * Why a call was refused, for the UI to say which rule applied: `info.reason` of a CONFLICT, a
 * FORBIDDEN or a WRONG_CREDENTIALS. Each reason has its sentence in the renderer's dictionaries under
 * `error.<CODE>.<reason>` (the compiler checks that none is missing), worded with the rest of `info`.
 */
export const conflictReasons = [
  // the meeting's state
  'started',
  'finished',
  'not_running',
  'other_running',
  'empty_agenda',
  'current_item',
  'item_has_work',
  'not_current',
  'stale_meeting',
  // positions, decisions, escalations, actions, outflow
  'stale_position',
  'meeting_closed',
  'decision_locked',
  'decision_settled',
  'stale_decision',
  'decision_exists',
  'decision_open',
  'not_carried',
  /** A participant marked as leaving while a decision of the meeting is open with consents given. */
  'attendance_after_consent',
  /** Carried by the table, but a party the direction cannot do without did not consent. */
  'required_parties_missing',
  /** Confirming: the decision is not provisionally carried (or already carried). */
  'nothing_to_confirm',
  'escalation_returned',
  'stale_action',
  'action_closed',
  'already_out',
  'not_out',
  'stale_dossier',
  // minutes
  'minutes_state',
  /** Adopting the minutes of a meeting that has not taken place (not 'afgerond'). */
  'meeting_not_finished',
  /** Adopting minutes of a meeting without a recorded chair and secretary (who sign). */
  'signers_not_recorded',
  /** The DOCX built for adoption does not parse (a character or markup XML cannot carry). */
  'docx_invalid',
  'not_correction_round',
  'already_decided',
  'open_corrections',
  'changed_meanwhile',
  'already_signed_by_you',
  'role_signed',
  /** The signer's certificate no longer leads to a root this environment trusts. */
  'certificate_not_trusted',
  /** Nobody else could open the environment then (only the recovery key). */
  'last_key_holder',
  /** A beheerder cannot take their own key (they would lock themselves out at the next tick). */
  'own_key',
  /** The signer's certificate request waits for the beheerder's approval (or was just made). */
  'certificate_pending',
  /** Approving: the CA's key is wrapped with another beheerder's password (its keeper). */
  'ca_not_keeper',
  /** Approving: the CA's key is not available (the keeper's password was reset). */
  'ca_key_unavailable',
  /** Approving: the request was withdrawn or replaced meanwhile. */
  'request_gone',
  /** The meeting room: the listener is not running (closed, the meeting ended, the environment locked). */
  'room_closed',
  /** The meeting room: this host cannot listen on the network (the command line, a test host). */
  'room_unavailable',
  /** The meeting room: the address is not one of this machine's, or it is taken. */
  'room_address',
  /** The meeting room: it already runs for another meeting. */
  'room_other_meeting',
  /** The meeting room: no certificate for it yet; the beheerder logs in once to issue one. */
] as const;
export type ConflictReason = (typeof conflictReasons)[number];

export const forbiddenReasons = [
  /** Positions, drafts and consents: only for one's own organisation (the secretary for any). */
  'other_organisation',
  /** Corrections: only to one's own organisation's records. */
  'own_records_only',
  /** Minutes: a participant exports only their own organisation's extract. */
  'own_extract_only',
  /** Actions: a participant reads only their own organisation's list. */
  'own_actions_only',
  /** Minutes: only the chair and the secretary of this meeting sign. */
  'not_signer',
  /** The meeting room: this is not something a participant's page can do over the network. */
  'room_method',
  /** The meeting room: the caller's organisation does not take part in the running meeting. */
  'room_not_participating',
  /** The meeting room: the caller's organisation is absent with apologies (afwezig met bericht). */
  'room_absent',
] as const;
export type ForbiddenReason = (typeof forbiddenReasons)[number];

export const credentialReasons = [
  /** A deliberate act (signing) asked for the password again and it did not match. */
  'wrong_password',
  /** The environment is locked: only a key holder's password can open it, not a participant's. */
  'locked',
] as const;
export type CredentialReason = (typeof credentialReasons)[number];

/**
 * What is wrong with the files on disk (STORAGE_FAULT), each worded for the user in Dutch; the
 * English message says the same for logs. Whatever the fault, the files are left as they were.
 */
export const faultReasons = [
  /** No space left on the disk that holds the data folder (or the backup folder). */
  'disk_full',
  /** The data folder (or a file in it) cannot be written: read-only, or no permission. */
  'read_only',
  /** The key file is there but the database file is not: not a new environment (no set-up screen). */
  'database_missing',
  /** The database opens but SQLite finds damaged pages. */
  'database_damaged',
  /** The database file is empty (0 bytes): a failed copy or a full disk. */
  'database_empty',
  /** The key file is missing or not a key file at all. */
  'key_file_missing',
  /** The key holder's entry in the key file is damaged (not a wrong password). */
  'key_entry_damaged',
  /** The key file belongs to another environment than this database. */
  'key_file_foreign',
  /** No backup folder has been chosen yet. */
  'backup_folder_unset',
  /** The file is not a backup of this app, or it is damaged. */
  'backup_invalid',
  /** The backup is of another environment. */
  'backup_other_environment',
  /** The backup was made under another database key (the key was renewed since). */
  'backup_other_key',
  /** A backup was written but did not pass its check afterwards; it was removed. */
  'backup_not_verified',
] as const;
export type FaultReason = (typeof faultReasons)[number];

/** The reasons each refusal code may carry. */
export const refusalReasons = {
  CONFLICT: conflictReasons,
  FORBIDDEN: forbiddenReasons,
  WRONG_CREDENTIALS: credentialReasons,
  STORAGE_FAULT: faultReasons,
} as const;
export type RefusalCode = keyof typeof refusalReasons;
export type ReasonOf<C extends ErrorCode> = C extends RefusalCode
  ? (typeof refusalReasons)[C][number]
  : never;
export type RefusalReason = ReasonOf<RefusalCode>;

export function isRefusalReason<C extends ErrorCode>(code: C, reason: unknown): reason is ReasonOf<C> {
  const list: readonly string[] | undefined = (
    refusalReasons as Partial<Record<ErrorCode, readonly string[]>>
  )[code];
  return typeof reason === 'string' && list !== undefined && list.includes(reason);
}

/** Extra, non-sensitive facts for the message; `reason` is one of the code's refusal reasons. */
export interface ErrorInfo<R extends string = RefusalReason> {
  reason?: R;
  [fact: string]: string | number | undefined;
}

export interface FieldIssue {
  /** Dotted path of the field, e.g. "admin.password". */
  path: string;
  /** Machine-readable reason (zod issue code or a domain code). */
  code: string;
  /** English text for logs; the UI shows its own Dutch text. */
  message: string;
}

export interface RpcError {
  code: ErrorCode;
  message: string;
  fields?: FieldIssue[];
  /** Extra, non-sensitive facts for the message (e.g. the existing dossier number, the refusal reason). */
  info?: ErrorInfo;
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

/** Thrown by handlers for expected failures; the dispatcher passes code and message through. */
class AppErrorClass extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[] | undefined;
  readonly info: ErrorInfo | undefined;
  constructor(code: ErrorCode, message: string, extra: { fields?: FieldIssue[]; info?: ErrorInfo } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = extra.fields;
    this.info = extra.info;
  }
}

/**
 * The constructor's type ties `info.reason` to the code: `new AppError('CONFLICT', …, { info: { reason:
 * 'x' } })` compiles only when 'x' is one of `conflictReasons`. (A generic class would do the same, but
 * `instanceof` would then narrow to AppError<any>.)
 */
interface AppErrorConstructor {
  new <C extends ErrorCode>(
    code: C,
    message: string,
    extra?: { fields?: FieldIssue[]; info?: ErrorInfo<ReasonOf<C>> },
  ): AppErrorClass;
  readonly prototype: AppErrorClass;
}
export const AppError = AppErrorClass as AppErrorConstructor;
export type AppError = AppErrorClass;

/** What a client throws when a call fails: carries the RpcError unchanged. */
export class ApiError extends Error {
  readonly error: RpcError;
  constructor(error: RpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.error = error;
  }
  get code(): ErrorCode {
    return this.error.code;
  }
}
