import type { z } from 'zod';
import { contract, isMethodName, type Handlers } from './contract/index';
import type { CallerRef, MethodSpec } from './contract/define';
import type { Session } from './domain/roles';
import { can } from './domain/permissions';
import { AppError, type FieldIssue, type RpcResult } from './errors';
import { unsafeTextPaths } from './text';

/**
 * Who is calling, as the transport knows it: `id` names the transport's session (an Electron
 * desktop, an HTTP cookie, the CLI process), `source` where it came from (for the login throttle).
 * Several callers may be logged in at once; each has its own session or none.
 */
export type Caller = CallerRef;

export interface DispatcherDeps {
  handlers: Handlers;
  /** This caller's logged-in user, or null when they are not logged in or the environment is locked. */
  session: (caller: Caller) => Session | null;
  /**
   * Refuses a call before anything else by throwing an AppError: the meeting room's rule that a
   * caller on its listener may call only the methods of roomCallable (shared/contract/room.ts).
   */
  guard?: (method: string, caller: Caller) => void;
  /** Called before a method runs; lets the backend end idle sessions first. */
  beforeCall?: (spec: MethodSpec, caller: Caller) => void;
  /** Called after a successful call of a method that counts as activity. */
  onActivity?: (caller: Caller) => void;
  /** English log line for unexpected failures; never sent to the UI. */
  logError: (method: string, error: unknown) => void;
}

export type Dispatch = (method: string, input: unknown, caller: Caller) => Promise<RpcResult<unknown>>;

/** A message that is itself a stable code (`.min(1, 'required')`), not zod's English sentence. */
const messageCode = /^[a-z][a-z0-9_]*$/;

/**
 * The stable code of one issue, for the UI to word at the field: a domain code given as the message
 * wins; an empty required text (a string whose minimum is 1) is 'required', never "too small".
 */
function issueCode(i: z.core.$ZodIssue): string {
  if (i.code === 'custom' || messageCode.test(i.message)) return i.message;
  if (i.code === 'too_small' && i.origin === 'string' && Number(i.minimum) <= 1) return 'required';
  return i.code;
}

export function zodIssuesToFields(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((i) => ({
    path: i.path.map(String).join('.'),
    code: issueCode(i),
    message: i.message,
  }));
}

/**
 * The single entry to the backend for every host: rejects unknown methods (own properties only),
 * checks access against the logged-in user, validates input, runs the handler, checks the output
 * against the contract and maps failures to stable codes. Unexpected errors become INTERNAL with a
 * fixed message, so no stack, path or SQL ever reaches the UI.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  return async (method, input, caller) => {
    if (!isMethodName(method)) {
      return fail('BAD_INPUT', 'Unknown method');
    }
    const spec: MethodSpec = contract[method];
    // Text XML cannot carry (shared/text.ts) is refused for every method, before anything else reads
    // it: on the raw input, so no schema or handler can let it through to a document.
    const unsafe = unsafeTextPaths(input);
    if (unsafe.length)
      return {
        ok: false,
        error: {
          code: 'BAD_INPUT',
          message: 'Text contains characters that cannot be stored',
          fields: unsafe.map((path) => ({ path, code: 'invalid_characters', message: 'Invalid characters' })),
        },
      };
    try {
      deps.guard?.(method, caller);
      deps.beforeCall?.(spec, caller);
      const session = deps.session(caller);
      if (spec.access.kind === 'session') {
        if (!session) return fail('UNAUTHENTICATED', 'Not logged in or locked');
        // A temporary password (set by the beheerder) must be replaced before anything else.
        if (session.mustChangePassword && !spec.allowedWithTemporaryPassword) {
          return fail('PASSWORD_CHANGE_REQUIRED', 'Choose a new password first');
        }
        // The permission table decides, including what key holders and recovery sessions may do.
        if (!can(session, spec.access.action)) {
          return fail('FORBIDDEN', `Role not allowed to call ${method}`);
        }
      }
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            code: 'BAD_INPUT',
            message: 'Invalid input',
            fields: zodIssuesToFields(parsed.error.issues),
          },
        };
      }
      const handler = deps.handlers[method] as (
        i: unknown,
        ctx: { session: Session | null; caller: Caller },
      ) => unknown;
      const value: unknown = await handler(parsed.data, { session, caller });
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        deps.logError(method, new Error(`Output does not match contract: ${checked.error.message}`));
        return fail('INTERNAL', 'Internal error');
      }
      if (spec.activity !== false) deps.onActivity?.(caller);
      return { ok: true, value: checked.data };
    } catch (e) {
      if (e instanceof AppError) {
        const error = {
          code: e.code,
          message: e.message,
          ...(e.fields ? { fields: e.fields } : {}),
          ...(e.info ? { info: e.info } : {}),
        };
        return { ok: false, error };
      }
      deps.logError(method, e);
      return fail('INTERNAL', 'Internal error');
    }
  };
}

function fail(
  code: 'BAD_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'PASSWORD_CHANGE_REQUIRED' | 'INTERNAL',
  message: string,
): RpcResult<never> {
  return { ok: false, error: { code, message } };
}
