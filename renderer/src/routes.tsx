import type { ReactNode } from 'react';
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
  // The register, and under it #/dossiers/nieuw and #/dossiers/<id>; first, so it is the default screen.
  {
    path: 'dossiers',
    label: 'nav.dossiers',
    roles: ['voorzitter', 'notulist', 'deelnemer', 'casemanager'],
    render: (rest) => <DossiersScreen rest={rest} />,
  },
  // The meetings, #/overleggen/<id> and meeting mode #/overleggen/<id>/vergadering; every participant may read.
  {
    path: 'overleggen',
    label: 'nav.meetings',
    roles: ['voorzitter', 'notulist', 'deelnemer', 'casemanager'],
    render: (rest) => <MeetingsScreen rest={rest} />,
  },
  // "Acties van mijn organisatie"; and #/punt/<meetingId>/<itemId>, the work on one agenda item.
  {
    path: 'acties',
    label: 'nav.actions',
    roles: ['voorzitter', 'notulist', 'deelnemer', 'casemanager'],
    render: () => <ActionsScreen />,
  },
  {
    path: 'punt',
    label: 'items.titleTopic',
    roles: ['voorzitter', 'notulist', 'deelnemer', 'casemanager'],
    hidden: true,
    render: (rest) => <ItemScreen rest={rest} />,
  },
  // The beamer's page, opened by the chair in a new window; no menu.
  { path: 'projector', label: 'projector.title', bare: true, hidden: true, render: () => <Projector /> },
  // #/verslagen and #/verslagen/<meetingId>; checking received minutes is for every user.
  {
    path: 'verslagen',
    label: 'nav.minutes',
    roles: ['voorzitter', 'notulist', 'deelnemer', 'casemanager'],
    render: (rest) => <MinutesScreen rest={rest} />,
  },
  { path: 'verslag-controleren', label: 'nav.verify', render: () => <VerifyMinutes /> },
  { path: 'beheer', label: 'nav.admin', roles: ['beheerder'], render: () => <Admin /> },
  { path: 'account', label: 'nav.account', render: () => <Account /> },
];

export function visibleRoutes(roles: readonly Role[]): AppRoute[] {
  return appRoutes.filter((r) => !r.roles || r.roles.some((x) => roles.includes(x)));
}

/**
 * The first screen after login: administration for a pure administrator, otherwise the first menu
 * entry this user may see.
 */
export function defaultRoute(roles: readonly Role[]): string {
  if (roles.length > 0 && roles.every((r) => r === 'beheerder')) return 'beheer';
  return visibleRoutes(roles).find((r) => !r.hidden)?.path ?? 'account';
}
