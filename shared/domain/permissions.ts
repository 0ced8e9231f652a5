import { AppError } from '../errors';
import type { OrganisationKind, Role, Session } from './roles';

/*
 * Who may do what, written once. Every rule that depends only on the caller's roles is a named action
 * here; the contract's per-method access, the handlers' finer checks, the command line and the
 * renderer's menus and buttons all ask `can(session, action)`, so they cannot drift apart.
 *
 * Rules that depend on the data as well (your own organisation's position, the chair *of this meeting*)
 * stay with the handler, which combines them with an action from this table.
 *
 * The beheerder manages accounts, organisations and settings but reads no dossier data: no action that
 * shows a dossier beyond its pseudonym (number and initials) names the beheerder.
 */

/** Everyone at the table: the gemeente's chair, secretary and casemanagers and every party's participants. */
export const tableRoles = [
  'voorzitter',
  'notulist',
  'deelnemer',
  'casemanager',
] as const satisfies readonly Role[];
/** Those who run the meeting and its minutes. */
const secretariat = ['voorzitter', 'notulist'] as const satisfies readonly Role[];
const chair = ['voorzitter'] as const satisfies readonly Role[];
const admin = ['beheerder'] as const satisfies readonly Role[];

/** 'any': every logged-in user, the beheerder included. */
export type Allowed = readonly Role[] | 'any';

export const permissions = {
  // --- administration
  /** Accounts, organisations, who sees special categories, environment settings, the audit check. */
  administer: admin,

  // --- dossiers
  'dossiers.read': tableRoles,
  'dossiers.write': ['voorzitter', 'notulist', 'casemanager'],

  // --- meetings and the agenda
  /** The list of meetings, their agenda by pseudonym, its export, the agenda settings, the projector. */
  'meetings.read': 'any',
  /** The chair's brief of a dossier on the agenda (name, track, history): dossier data. */
  'meetings.itemDetail': tableRoles,
  'meetings.requestDiscussion': tableRoles,
  /** Plan meetings, record attendance, edit the agenda. */
  'meetings.manage': secretariat,
  /** Start, step through and end the meeting; control the projector. */
  'meetings.chair': chair,
  'meetings.settings': ['voorzitter', 'beheerder'],

  // --- the work on an item
  /** Positions, consents, the item's work panel, the decision list, one's own organisation's actions. */
  'items.work': tableRoles,
  /** Write a decision's text and direction. */
  'decisions.write': secretariat,
  /** Carry, hold or escalate a decision, reopen it, return an escalation. */
  'decisions.settle': chair,
  'dossiers.outflow': ['voorzitter', 'casemanager'],
  'actions.manage': secretariat,
  /** Read every organisation's actions, not just one's own. */
  'actions.readAll': secretariat,

  // --- minutes
  'minutes.list': 'any',
  /** A meeting's minutes in the app: versions, the caller's corrections and what they may correct. */
  'minutes.read': tableRoles,
  /** Start the correction round, adopt, sign, start a new version; one's own signing certificate. */
  'minutes.manage': secretariat,
  'minutes.proposeCorrection': tableRoles,
  'minutes.decideCorrection': ['notulist'],
  /** See and correct every organisation's records in the correction round, not just one's own. */
  'minutes.correctAll': secretariat,
  /** The full minutes with signatures: every organisation's positions. */
  'minutes.exportFull': secretariat,
  /** An extract for one's own organisation (all dossiers, or one). */
  'minutes.exportExtract': tableRoles,
  /** An extract for another organisation. */
  'minutes.exportOtherExtract': secretariat,
  /** Checking received minutes needs no access to anything. */
  'minutes.verify': 'any',
  'minutes.settings': admin,

  /** One's own password. */
  'account.own': 'any',
  /** The organisations at the table and the environment's settings (city, cadence, idle lock). */
  'environment.read': 'any',
  /**
   * The environment check (integrity, proof of encryption, audit chain and its anchors): shows no
   * dossier data. Key holders may run it too (keyHolderActions), whatever their role.
   */
  'environment.check': admin,
  /**
   * Approve a signer's certificate request: the beheerder who keeps the CA's key, with their own
   * password (never a recovery session: it has no password to unwrap the CA key with).
   */
  'certificates.issue': admin,

  // --- the meeting room (participants' own laptops over the room's network)
  /** Open and close the listener, see who is connected, remove a connection. */
  'room.manage': secretariat,
  /** Follow the running meeting as the room sees it (participants' pages, the chair's panel). */
  'room.follow': tableRoles,
  /**
   * Make a backup now and see the list of backups (what each contains: dates and counts, no dossier
   * data). Key holders may too (keyHolderActions): they can open the environment, so they may copy it
   * encrypted. Choosing the folder and restoring are `administer`.
   */
  'backups.make': admin,
  // --- monitoring
  /** The reports: counts and shares only, no names or V-nummers, so the beheerder may see them too. */
  'reports.read': ['voorzitter', 'notulist', 'casemanager', 'beheerder'],
  /**
   * The record-level export keyed by V-nummer, for linking with IND/DT&V registrations: personal data
   * leaving the system, so only the beheerder (who answers for the environment), and audited.
   */
  'reports.records': ['beheerder'],
} as const satisfies Record<string, Allowed>;

export type Action = keyof typeof permissions;

/**
 * What every key holder may do besides what their roles allow: those who can open the environment
 * may also check that what they open is intact.
 */
export const keyHolderActions = ['environment.check', 'backups.make'] as const satisfies readonly Action[];

/**
 * What a recovery session may do: the session of whoever opened the environment with the recovery
 * key (auth.openWithRecoveryKey), which belongs to no account and has no roles. It is for the
 * beheerder's recovery tasks only: check the environment, see and repair the accounts and key holders
 * (a key holder who forgot their password, a damaged key file: re-key, reset a password, name a new
 * key holder) and the settings. Nothing of the meeting: no dossiers, agenda, minutes or exports —
 * not even what every logged-in user may ('any' does not include a recovery session). The recovery
 * key is the database key itself, so this limits what the app does with it, audited under user 0;
 * it does not stop someone with the key from opening the file with another SQLCipher program.
 */
export const recoveryActions = [
  'environment.check',
  'administer',
  'environment.read',
  'backups.make',
] as const satisfies readonly Action[];

/** Who asks: a session's roles, whether it holds the key, and whether it is a recovery session. */
export interface Subject {
  readonly roles: readonly Role[];
  readonly keyHolder?: boolean | undefined;
  readonly recovery?: boolean | undefined;
}

/** Whether the session may perform the action; a missing session (locked, logged out) allows nothing. */
export function can(session: Subject | null | undefined, action: Action): boolean {
  if (!session) return false;
  if (session.recovery) return (recoveryActions as readonly Action[]).includes(action);
  if (session.keyHolder && (keyHolderActions as readonly Action[]).includes(action)) return true;
  const allowed: Allowed = permissions[action];
  return allowed === 'any' || session.roles.some((r) => allowed.includes(r));
}

/**
 * Whose actions the caller reads: every organisation's (null) or only their own. `actions.list` and
 * the item's work panel both filter with this, so a participant sees the same actions in both.
 */
export function actionsScope(session: Pick<Session, 'roles' | 'organisationId'>): number | null {
  return can(session, 'actions.readAll') ? null : session.organisationId;
}

// --- roles that speak for the table ------------------------------------------------------------------

/**
 * The roles that speak for the table rather than for one party: the chair, the secretary and the
 * casemanager (who sees special categories by default). They belong to the hosting organisation, the
 * gemeente, unless the beheerder explicitly decides otherwise for one account.
 */
export const hostRoles = ['voorzitter', 'notulist', 'casemanager'] as const satisfies readonly Role[];

/** The organisation kind that hosts the meeting (chairs it, keeps its minutes). */
export const hostKind: OrganisationKind = 'gemeente';

/**
 * The host roles in `roles` that an account of an organisation of `kind` may not have without the
 * beheerder's explicit exception (`outsideHost`); empty when the combination is fine.
 */
export function hostRolesRefused(
  roles: readonly Role[],
  kind: OrganisationKind,
  outsideHost: boolean,
): Role[] {
  if (kind === hostKind || outsideHost) return [];
  return roles.filter((r) => (hostRoles as readonly Role[]).includes(r));
}

/**
 * The boundary check for users.create and users.update: refuses host roles outside the gemeente at the
 * roles field (BAD_INPUT), so the beheerder's form shows why and offers the explicit exception.
 */
export function requireHostRoles(
  input: { roles: readonly Role[]; outsideHost?: boolean | undefined },
  kind: OrganisationKind,
): void {
  const refused = hostRolesRefused(input.roles, kind, input.outsideHost ?? false);
  if (refused.length === 0) return;
  const message = `Roles ${refused.join(', ')} belong to the hosting organisation unless explicitly allowed`;
  throw new AppError('BAD_INPUT', message, { fields: [{ path: 'roles', code: 'host_role', message }] });
}
