import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../shared/contract/index';
import { createDispatcher } from '../../../shared/dispatcher';
import type { Session } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';

const admin: Session = {
  userId: 1,
  username: 'anna',
  displayName: 'Anna',
  organisationId: 1,
  organisationName: 'Gemeente Utrecht',
  organisationKind: 'gemeente',
  roles: ['beheerder'],
};
const participant: Session = { ...admin, userId: 2, username: 'ilse', roles: ['deelnemer'], organisationId: 2, organisationKind: 'ind' };

function dispatcherWith(session: Session | null, overrides: Partial<Handlers> = {}, errors: unknown[] = []) {
  const handlers = new Proxy(overrides as Handlers, {
    get: (target, prop) => (prop in target ? target[prop as keyof Handlers] : () => ({ done: true })),
  });
  return createDispatcher({ handlers, session: () => session, logError: (_m, e) => errors.push(e) });
}

describe('dispatcher', () => {
  it('rejects unknown methods, including inherited property names', async () => {
    const dispatch = dispatcherWith(admin);
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'users.list ']) {
      const r = await dispatch(name, {});
      expect(r).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: 'Unknown method' } });
    }
  });

  it('requires a session for non-public methods and enforces roles', async () => {
    expect((await dispatcherWith(null)('users.list', {})).ok).toBe(false);
    expect(await dispatcherWith(null)('users.list', {})).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(await dispatcherWith(participant)('users.list', {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await dispatcherWith(participant, { 'users.list': () => [] })('users.list', {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await dispatcherWith(admin, { 'users.list': () => [] })('users.list', {})).toEqual({ ok: true, value: [] });
  });

  it('validates input and names the fields at fault', async () => {
    const r = await dispatcherWith(admin)('users.create', { displayName: 'X', username: 'bad name!', organisationId: 0, roles: [], password: 'short' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_INPUT');
    expect(r.error.fields?.map((f) => f.path).sort()).toEqual(['organisationId', 'password', 'roles', 'username']);
    expect(await dispatcherWith(admin)('users.list', { extra: 1 })).toMatchObject({ error: { code: 'BAD_INPUT' } });
    expect(await dispatcherWith(admin)('users.list', null)).toMatchObject({ error: { code: 'BAD_INPUT' } });
  });

  it('gives each field a code the UI can word: an empty required text is "required", a short password says so', async () => {
    const r = await dispatcherWith(admin)('users.create', { displayName: '  ', username: 'ab', organisationId: 1, roles: ['deelnemer'], password: 'kort' });
    if (r.ok) throw new Error('accepted');
    const codes = Object.fromEntries((r.error.fields ?? []).map((f) => [f.path, f.code]));
    expect(codes).toEqual({ displayName: 'required', password: 'password_too_short' });
    const missing = await dispatcherWith(admin)('auth.changePassword', { current: '', next: '' });
    if (missing.ok) throw new Error('accepted');
    expect(missing.error.fields?.map((f) => [f.path, f.code])).toEqual([
      ['current', 'required'],
      ['next', 'password_too_short'],
    ]);
  });

  it('passes domain errors through and hides unexpected ones behind INTERNAL, without stack, path or SQL', async () => {
    const errors: unknown[] = [];
    const failing = dispatcherWith(admin, {
      'users.list': () => {
        throw new Error('SQLITE_ERROR: no such table: users at /home/secret/lvv.db');
      },
      'organisations.list': () => {
        throw new AppError('NOT_FOUND', 'No such organisation');
      },
    }, errors);
    const r = await failing('users.list', {});
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
    expect(JSON.stringify(r)).not.toMatch(/SQLITE|secret|at /);
    expect(errors).toHaveLength(1);
    expect(await failing('organisations.list', {})).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No such organisation' } });
  });

  it('refuses to return data that does not match the contract', async () => {
    const errors: unknown[] = [];
    const r = await dispatcherWith(admin, { 'users.list': () => [{ id: 'x' }] as never }, errors)('users.list', {});
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
    expect(errors).toHaveLength(1);
  });
});
