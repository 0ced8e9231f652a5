import type { ReactNode } from 'react';
import type { Role } from '../../shared/domain/roles';
import type { MessageKey } from './i18n';
import { Account } from './screens/Account';
import { Admin } from './screens/Admin';

/**
 * Every screen of the logged-in app, in menu order. `roles` hides a screen from the menu and the
 * router for other users; the backend refuses their calls regardless. `render` gets the rest of the
 * hash path (e.g. ['12'] for #/dossiers/12).
 */
export interface AppRoute {
  path: string;
  label: MessageKey;
  roles?: readonly Role[];
  /** Shown without the app's menu bar (the projector). */
  bare?: boolean;
  /** Not in the menu (detail pages reached from elsewhere). */
  hidden?: boolean;
  render: (rest: string[]) => ReactNode;
}

export const appRoutes: AppRoute[] = [
  { path: 'beheer', label: 'nav.admin', roles: ['beheerder'], render: () => <Admin /> },
  { path: 'account', label: 'nav.account', render: () => <Account /> },
];

export function visibleRoutes(roles: readonly Role[]): AppRoute[] {
  return appRoutes.filter((r) => !r.roles || r.roles.some((x) => roles.includes(x)));
}

/** The first screen after login: the first menu entry this user may see. */
export function defaultRoute(roles: readonly Role[]): string {
  return visibleRoutes(roles).find((r) => !r.hidden)?.path ?? 'account';
}
