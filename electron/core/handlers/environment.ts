import type { Handlers } from '../../../shared/contract/index';
import { AppError } from '../../../shared/errors';
import { formatRecoveryKey, newDatabaseKey } from '../crypto/keywrap';
import { requireSession, writeAudited, type CoreContext } from '../context';
import { getMeta, populateEnvironment, setMeta, DEFAULT_IDLE_LOCK_MINUTES } from '../environment/setup';
import { LoginThrottle } from '../environment/throttle';
import { createDemo } from '../demo/create-demo';
import { newEnvironmentCa } from '../signing/store';
import type { Db } from '../db/open';

type EnvironmentHandlers = Pick<
  Handlers,
  'app.status' | 'setup.create' | 'setup.demo' | 'auth.login' | 'auth.lock' | 'auth.changePassword' | 'settings.get' | 'settings.update'
>;

export function readSettings(db: Db) {
  return {
    city: getMeta(db, 'city') ?? '',
    cadence: (getMeta(db, 'cadence') ?? 'wekelijks') as 'wekelijks' | 'tweewekelijks' | 'maandelijks',
    termMonths: Number(getMeta(db, 'term_months') ?? 6),
    idleLockMinutes: Number(getMeta(db, 'idle_lock_minutes') ?? DEFAULT_IDLE_LOCK_MINUTES),
    demo: getMeta(db, 'demo') === '1',
  };
}

export function environmentHandlers(ctx: CoreContext, sleep: (ms: number) => Promise<void>): EnvironmentHandlers {
  const throttle = new LoginThrottle();
  const { vault, ports } = ctx;

  return {
    'app.status': () => {
      const state = vault.state();
      const settings = state === 'open' ? readSettings(vault.database()) : null;
      return {
        state,
        city: settings?.city ?? null,
        demo: settings?.demo ?? false,
        session: vault.session(),
        idleLockMinutes: settings?.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES,
      };
    },

    'setup.create': async (input) => {
      const key = newDatabaseKey();
      try {
        const ca = await newEnvironmentCa(input.city, ports.clock());
        await vault.create((db) => populateEnvironment(db, input, ctx.nowIso(), false, ca), input.admin.password, key);
        ports.logger.info('Environment created', { city: input.city });
        return { recoveryKey: formatRecoveryKey(key) };
      } finally {
        key.fill(0);
      }
    },

    'setup.demo': async () => {
      const users = await createDemo(vault, ctx);
      ports.logger.info('Demo environment created');
      return { users };
    },

    'auth.login': async ({ username, password }) => {
      const wait = throttle.delayMs(username);
      if (wait > 0) await sleep(wait);
      const session = await vault.unlockWithPassword(username, password);
      if (!session) {
        throttle.failed(username);
        ports.logger.warn('Failed login');
        throw new AppError('WRONG_CREDENTIALS', 'Unknown user or wrong password');
      }
      throttle.succeeded(username);
      writeAudited(ctx, session, () => ({ result: null, audit: { action: 'session.login', entity: 'users', ids: [session.userId] } }));
      return session;
    },

    'auth.lock': ({}, { session }) => {
      if (session && vault.state() === 'open') {
        writeAudited(ctx, session, () => ({ result: null, audit: { action: 'session.lock', entity: 'users', ids: [session.userId] } }));
      }
      vault.lock();
      return { done: true as const };
    },

    'auth.changePassword': async ({ current, next }, { session }) => {
      const s = requireSession(session);
      if (!(await vault.checkPassword(s.userId, current))) {
        throw new AppError('WRONG_CREDENTIALS', 'Current password is wrong', {
          fields: [{ path: 'current', code: 'wrong_password', message: 'Current password is wrong' }],
        });
      }
      await vault.setPassword(s.userId, s.username, next);
      writeAudited(ctx, s, () => ({ result: null, audit: { action: 'user.change_password', entity: 'users', ids: [s.userId] } }));
      return { done: true as const };
    },

    'settings.get': () => readSettings(vault.database()),

    'settings.update': ({ idleLockMinutes }, { session }) =>
      writeAudited(ctx, session, (db) => {
        setMeta(db, 'idle_lock_minutes', String(idleLockMinutes));
        return { result: readSettings(db), audit: { action: 'settings.update', entity: 'meta', ids: [] } };
      }),
  };
}
