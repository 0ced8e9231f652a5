import type { Handlers } from '../../../shared/contract/index';
import { AppError } from '../../../shared/errors';
import { formatRecoveryKey, newDatabaseKey } from '../crypto/keywrap';
import { requireSession, writeAudited, type CoreContext } from '../context';
import { getMeta, populateEnvironment, setMeta, DEFAULT_IDLE_LOCK_MINUTES } from '../environment/setup';
import { LoginThrottle } from '../environment/throttle';
import { createDemo } from '../demo/create-demo';
import { newEnvironmentCa, prepareRewrap } from '../signing/store';
import type { Db } from '../db/open';
import { firstHolderKeys } from '../environment/keyring';
import { decoyCheck } from '../crypto/verifier';
import { findUserIdByName, loadSession } from '../users/repo';

type EnvironmentHandlers = Pick<
  Handlers,
  | 'app.status'
  | 'setup.create'
  | 'setup.demo'
  | 'auth.login'
  | 'auth.lock'
  | 'auth.logout'
  | 'auth.changePassword'
  | 'settings.get'
  | 'settings.update'
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

export function environmentHandlers(
  ctx: CoreContext,
  sleep: (ms: number) => Promise<void>,
): EnvironmentHandlers {
  const { vault, ports, sessions, keyring, passwords } = ctx;
  const throttle = new LoginThrottle(throttleFile(vault.keyFile), () => ports.clock().getTime());

  /** Ends one caller's session; when no key holder is left, the environment closes for everyone. */
  const endSession = (callerId: string, action: 'session.logout' | 'session.lock') => {
    const session = sessions.get(callerId);
    if (session && vault.state() === 'open') {
      writeAudited(ctx, session, () => ({
        result: null,
        audit: { action, entity: 'users', ids: [session.userId] },
      }));
    }
    sessions.end(callerId);
    if (vault.state() === 'open' && !sessions.keepsOpen()) vault.lock();
  };

  return {
    'app.status': (_input, { caller }) => {
      const state = vault.state();
      const settings = state === 'open' ? readSettings(vault.database()) : null;
      const session = state === 'open' ? sessions.get(caller.id) : null;
      const last = sessions.lastActivity(caller.id);
      const idleLockMinutes = settings?.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES;
      // Does this caller's idle timeout close the environment for everyone?
      const opener = sessions.opener();
      const othersKeepOpen =
        sessions.all().some((e) => e.callerId !== caller.id && e.session.keyHolder) ||
        (opener !== null && opener !== caller.id && sessions.get(opener) !== null);
      return {
        state,
        city: settings?.city ?? null,
        demo: settings?.demo ?? false,
        session,
        idleLockMinutes,
        idle:
          session && last !== null
            ? {
                secondsLeft: Math.max(
                  0,
                  Math.ceil((last + idleLockMinutes * 60_000 - ports.clock().getTime()) / 1000),
                ),
                closesEnvironment: caller.id === opener || !othersKeepOpen,
              }
            : null,
      };
    },

    'setup.create': async (input) => {
      const key = newDatabaseKey();
      try {
        const ca = await newEnvironmentCa(input.city, ports.clock());
        await vault.create(
          (db) => populateEnvironment(db, input, ctx.nowIso(), false, ca),
          firstHolderKeys(key, input.admin.password, vault.kdf),
          key,
        );
        ports.logger.info('Environment created', { city: input.city });
        return { recoveryKey: formatRecoveryKey(key) };
      } finally {
        key.fill(0);
      }
    },

    'setup.demo': async () => {
      const users = await createDemo(ctx);
      ports.logger.info('Demo environment created');
      return { users };
    },

    'auth.login': async ({ username, password }, { caller }) => {
      if (vault.state() === 'leeg') throw new AppError('NOT_SET_UP', 'No environment here yet');
      const wait = throttle.begin(username, caller.source);
      if (wait > 0) await sleep(wait);
      const wasOpen = vault.state() === 'open';
      let userId: number | null;
      if (wasOpen) {
        // Open: everyone proves their password against the verifier inside the database.
        const id = findUserIdByName(vault.database(), username);
        if (id === null) await decoyCheck(password, vault.kdf);
        userId = id !== null && (await passwords.check(id, password)) ? id : null;
      } else {
        // Locked: only a key holder's entry in the key file can open it.
        userId = await keyring.open(username, password);
      }
      const session =
        userId !== null && vault.state() === 'open' ? loadSession(vault.database(), userId) : null;
      if (!session || (!wasOpen && !session.keyHolder)) {
        if (!wasOpen) vault.lock();
        ports.logger.warn('Failed login', {
          source: caller.source,
          environment: wasOpen ? 'open' : 'locked',
        });
        throw new AppError(
          'WRONG_CREDENTIALS',
          'Unknown user or wrong password',
          wasOpen ? {} : { info: { reason: 'locked' } },
        );
      }
      throttle.succeeded(username, caller.source);
      if (!wasOpen) await passwords.check(session.userId, password);
      const previous = sessions.get(caller.id);
      sessions.start(caller.id, session, ports.clock().getTime());
      if (!wasOpen) sessions.opened(caller.id);
      writeAudited(ctx, session, () => ({
        result: null,
        audit: [
          ...(previous ? [{ action: 'session.logout', entity: 'users', ids: [previous.userId] }] : []),
          { action: wasOpen ? 'session.login' : 'session.open', entity: 'users', ids: [session.userId] },
        ],
      }));
      return session;
    },

    'auth.lock': (_input, { session, caller }) => {
      if (!session?.keyHolder) {
        endSession(caller.id, 'session.logout');
        return { done: true as const };
      }
      if (vault.state() === 'open') {
        writeAudited(ctx, session, () => ({
          result: null,
          audit: { action: 'session.lock', entity: 'users', ids: [session.userId] },
        }));
      }
      vault.lock();
      return { done: true as const };
    },

    'auth.logout': (_input, { caller }) => {
      endSession(caller.id, 'session.logout');
      return { done: true as const };
    },

    'auth.changePassword': async ({ current, next }, { session, caller }) => {
      const s = requireSession(session);
      if (!(await passwords.check(s.userId, current))) {
        throw new AppError('WRONG_CREDENTIALS', 'Current password is wrong', {
          fields: [{ path: 'current', code: 'wrong_password', message: 'Current password is wrong' }],
        });
      }
      if (current === next) {
        throw new AppError('BAD_INPUT', 'The new password must differ', {
          fields: [{ path: 'next', code: 'same_password', message: 'Same as current' }],
        });
      }
      // The signing key, wrapped with the current password, is re-wrapped with the next one: both are
      // known only now, and only to this person.
      const rewrap = await prepareRewrap(vault.database(), s.userId, current, next, vault.kdf);
      const at = ctx.nowIso();
      await passwords.set(s.userId, next, {
        temporary: false,
        alongside: rewrap ? (db) => rewrap(db, at) : undefined,
      });
      writeAudited(ctx, s, () => ({
        result: null,
        audit: { action: 'user.change_password', entity: 'users', ids: [s.userId] },
      }));
      const fresh = loadSession(vault.database(), s.userId);
      if (fresh) sessions.update(caller.id, fresh);
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

export function throttleFile(keyFile: string): string {
  return keyFile.replace(/\.keys\.json$/, '.logins.json');
}
