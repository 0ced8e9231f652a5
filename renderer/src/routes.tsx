import type { ReactNode } from 'react';
import { can, type Action } from '../../shared/domain/permissions';
import type { Role } from '../../shared/domain/roles';
import type { MessageKey } from './i18n';
import { Account } from './screens/Account';
import { Admin } from './screens/Admin';
import { DossiersScreen } from './screens/dossiers/DossiersScreen';
import { MinutesScreen } from './screens/minutes/MinutesScreen';
import { VerifyMinutes } from './screens/minutes/VerifyMinutes';
import { MeetingsScreen } from './screens/meetings/MeetingsScreen';
import { ActionsScreen } from './screens/actions/ActionsScreen';
import { ItemScreen } from './screens/item/ItemScreen';
import { Projector } from './screens/projector/Projector';
import { ReportsScreen } from './screens/reports/ReportsScreen';

/**
 * Every screen of the logged-in app, in menu order. `action` (shared/domain/permissions.ts) hides a
 * screen from the menu and the router for users who may not do it; the backend refuses their calls
 * regardless. `render` gets the rest of the
 * hash path (e.g. ['12'] for #/dossiers/12).
 */
export interface AppRoute {
  path: string;
  label: MessageKey;
  action?: Action;
  /** Shown without the app's menu bar (the projector). */
  bare?: boolean;
  /** Not in the menu (detail pages reached from elsewhere). */
  hidden?: boolean;
  render: (rest: string[]) => ReactNode;
}

export const appRoutes: AppRoute[] = [
  // The register, and under it #/dossiers/nieuw and #/dossiers/<id>; first, so it is the default screen.
  {
    path: 'dossiers',
    label: 'nav.dossiers',
    action: 'dossiers.read',
    render: (rest) => <DossiersScreen rest={rest} />,
  },
  // The meetings, #/overleggen/<id> and meeting mode #/overleggen/<id>/vergadering; every participant may read.
  {
    path: 'overleggen',
    label: 'nav.meetings',
    action: 'items.work',
    render: (rest) => <MeetingsScreen rest={rest} />,
  },
  // "Acties van mijn organisatie"; and #/punt/<meetingId>/<itemId>, the work on one agenda item.
  {
    path: 'acties',
    label: 'nav.actions',
    action: 'items.work',
    render: () => <ActionsScreen />,
  },
  {
    path: 'punt',
    label: 'items.titleTopic',
    action: 'items.work',
    hidden: true,
    render: (rest) => <ItemScreen rest={rest} />,
  },
  // The beamer's page, opened by the chair in a new window; no menu.
  { path: 'projector', label: 'projector.title', bare: true, hidden: true, render: () => <Projector /> },
  // #/verslagen and #/verslagen/<meetingId>; checking received minutes is for every user.
  {
    path: 'verslagen',
    label: 'nav.minutes',
    action: 'minutes.read',
    render: (rest) => <MinutesScreen rest={rest} />,
  },
  // Monitoring: counts only, so the beheerder sees it too.
  { path: 'rapportages', label: 'nav.reports', action: 'reports.read', render: () => <ReportsScreen /> },
  { path: 'verslag-controleren', label: 'nav.verify', render: () => <VerifyMinutes /> },
  { path: 'beheer', label: 'nav.admin', action: 'administer', render: () => <Admin /> },
  { path: 'account', label: 'nav.account', render: () => <Account /> },
];

export function visibleRoutes(roles: readonly Role[]): AppRoute[] {
  return appRoutes.filter((r) => !r.action || can({ roles }, r.action));
}

/**
 * The first screen after login: administration for a pure administrator, otherwise the first menu
 * entry this user may see.
 */
export function defaultRoute(roles: readonly Role[]): string {
  if (can({ roles }, 'administer') && !can({ roles }, 'dossiers.read')) return 'beheer';
  return visibleRoutes(roles).find((r) => !r.hidden)?.path ?? 'account';
}
