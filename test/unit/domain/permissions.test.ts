import { describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../../shared/contract/index';
import {
  actionsScope,
  can,
  hostRolesRefused,
  permissions,
  requireHostRoles,
  type Action,
} from '../../../shared/domain/permissions';
import { roles, type Role } from '../../../shared/domain/roles';
import {
  AppError,
  conflictReasons,
  credentialReasons,
  forbiddenReasons,
  isRefusalReason,
} from '../../../shared/errors';
import { errorsEn, errorsNl } from '../../../renderer/src/i18n/areas/errors';

const as = (...r: Role[]) => ({ roles: r, organisationId: 7 });
const actions = Object.keys(permissions) as Action[];

describe('the permission table', () => {
  it('is what every contract method checks: each session method names an action and carries its roles', () => {
    for (const m of methodNames) {
      const access = contract[m].access;
      if (access.kind === 'public') continue;
      expect(actions, m).toContain(access.action);
      expect(access.roles, m).toEqual(permissions[access.action]);
    }
  });

  it('lets the beheerder administer, but do nothing that shows dossier data', () => {
    const beheerder = actions.filter((a) => can(as('beheerder'), a)).sort();
    expect(beheerder).toEqual(
      [
        'account.own',
        'administer',
        'backups.make',
        'certificates.issue',
        'environment.check',
        'environment.read',
        'meetings.read',
        'meetings.settings',
        'minutes.list',
        'minutes.settings',
        'minutes.verify',
        // Counts and shares only (issue 12): no name, V-nummer or dossier number.
        'reports.read',
        // The one exception, asked for by issue 12: V-nummer and outcome per dossier (no name) for
        // linking with IND/DT&V registrations; the beheerder only, and every export is audited.
        'reports.records',
      ].sort(),
    );
    for (const method of [
      'dossiers.get',
      'meetings.itemDetail',
      'minutes.get',
      'minutes.exportFull',
      'minutes.exportExtract',
      'items.work',
      'actions.list',
    ] as const) {
      const access = contract[method].access;
      expect(
        access.kind === 'session' && access.roles !== 'any' && access.roles.includes('beheerder'),
        method,
      ).toBe(false);
    }
  });

  it('gives the full minutes to the chair and the secretary only, an own extract to everyone at the table', () => {
    expect(roles.filter((r) => can(as(r), 'minutes.exportFull'))).toEqual(['voorzitter', 'notulist']);
    expect(roles.filter((r) => can(as(r), 'minutes.exportExtract'))).toEqual([
      'voorzitter',
      'notulist',
      'deelnemer',
      'casemanager',
    ]);
    expect(can(as('deelnemer'), 'minutes.exportOtherExtract')).toBe(false);
  });

  it('allows nothing without a session, and combines roles', () => {
    for (const a of actions) expect(can(null, a), a).toBe(false);
    expect(can(as('deelnemer', 'notulist'), 'minutes.decideCorrection')).toBe(true);
  });

  it('scopes actions to the own organisation, except for those who run the meeting', () => {
    expect(actionsScope(as('deelnemer'))).toBe(7);
    expect(actionsScope(as('casemanager'))).toBe(7);
    expect(actionsScope(as('notulist'))).toBeNull();
    expect(actionsScope(as('voorzitter'))).toBeNull();
  });
});

describe('roles that speak for the table', () => {
  it('belong to the gemeente unless the beheerder makes an exception', () => {
    expect(hostRolesRefused(['voorzitter', 'notulist', 'casemanager'], 'gemeente', false)).toEqual([]);
    expect(hostRolesRefused(['deelnemer', 'casemanager', 'beheerder'], 'ggd', false)).toEqual([
      'casemanager',
    ]);
    expect(hostRolesRefused(['voorzitter'], 'ind', true)).toEqual([]);
    expect(hostRolesRefused(['deelnemer', 'beheerder'], 'ngo', false)).toEqual([]);
  });

  it('are refused at the roles field', () => {
    let thrown: unknown;
    try {
      requireHostRoles({ roles: ['notulist'] }, 'politie');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'BAD_INPUT', fields: [{ path: 'roles', code: 'host_role' }] });
    expect(() => requireHostRoles({ roles: ['notulist'], outsideHost: true }, 'politie')).not.toThrow();
  });
});

describe('refusal reasons', () => {
  it('are unique across codes, so a reason names one rule', () => {
    const all = [...conflictReasons, ...forbiddenReasons, ...credentialReasons];
    expect(new Set(all).size).toBe(all.length);
    expect(isRefusalReason('CONFLICT', 'started')).toBe(true);
    expect(isRefusalReason('FORBIDDEN', 'started')).toBe(false);
    expect(isRefusalReason('NOT_FOUND', 'started')).toBe(false);
  });

  it('each have a Dutch and an English sentence', () => {
    const keys = [
      ...conflictReasons.map((r) => `error.CONFLICT.${r}`),
      ...forbiddenReasons.map((r) => `error.FORBIDDEN.${r}`),
      ...credentialReasons.map((r) => `error.WRONG_CREDENTIALS.${r}`),
    ];
    for (const k of keys) {
      expect(Object.keys(errorsNl), k).toContain(k);
      expect(Object.keys(errorsEn), k).toContain(k);
    }
  });
});
