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
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

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
  /** Extra, non-sensitive facts for the message (e.g. the existing dossier number). */
  info?: Record<string, string | number>;
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

/** Thrown by handlers for expected failures; the dispatcher passes code and message through. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[] | undefined;
  readonly info: Record<string, string | number> | undefined;
  constructor(
    code: ErrorCode,
    message: string,
    extra: { fields?: FieldIssue[]; info?: Record<string, string | number> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = extra.fields;
    this.info = extra.info;
  }
}

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
