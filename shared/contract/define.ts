import type { z } from 'zod';
import { permissions, type Action } from '../domain/permissions';
import type { Role, Session } from '../domain/roles';

/**
 * Who may call a method. `public` methods work without a logged-in user (status, set-up, login);
 * every other method names the action of the permission table (shared/domain/permissions.ts) it
 * performs, and the roles come from there. Organisation rules that depend on the data (e.g. "only
 * your own organisation's position") are enforced by the handler.
 */
export type Access = { kind: 'public' } | { kind: 'session'; action: Action; roles: readonly Role[] | 'any' };

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Whether a successful call counts as user activity for the idle lock (status polls do not). */
  activity?: boolean;
  /** Callable while the session still has a temporary password (status, change password, log out). */
  allowedWithTemporaryPassword?: boolean;
}

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}

export const publicAccess: Access = { kind: 'public' };
/** Access for the callers the permission table allows `action`. */
export const allow = (action: Action): Access => ({ kind: 'session', action, roles: permissions[action] });

/** The transport's idea of who calls (see shared/dispatcher.ts); repeated here to avoid a cycle. */
export interface CallerRef {
  id: string;
  source: string;
}

export interface HandlerContext {
  session: Session | null;
  caller: CallerRef;
}
