import type { Handlers } from '../../../shared/contract/index';
import { AppError } from '../../../shared/errors';
import crypto from 'node:crypto';
import type { Session } from '../../../shared/domain/roles';
import type { CallerRef } from '../../../shared/contract/define';
import { formatRecoveryKey, newDatabaseKey, parseRecoveryKey } from '../crypto/keywrap';
import { checkEnvironment, looksIntact, signaturesProblem } from '../environment/check';
import { requireSession, writeAudited, type CoreContext } from '../context';
import { populateEnvironment } from '../environment/setup';
import { DEFAULT_IDLE_LOCK_MINUTES, getSetting, setSetting } from '../settings/settings';
import { LoginThrottle } from '../environment/throttle';
import { createDemo } from '../demo/create-demo';
import { prepareRewrap } from '../signing/store';
import { newSealedEnvironmentCa, prepareCaRewrap, unlockEnvironmentCa } from '../signing/ca-store';
import { can } from '../../../shared/domain/permissions';
import type { Db } from '../db/open';
import { firstHolderKeys } from '../environment/keyring';
import { decoyCheck } from '../crypto/verifier';
import { findUserIdByName, keyHolderIds, loadSession } from '../users/repo';
import { revokeSigningCertificate } from '../signing/store';
import { dropCaKeyOf } from '../signing/ca-store';
import path from 'node:path';
import { latestBackup, restoreBackup } from '../backup/backup';
import { readKeyFile } from '../storage/keyfile';

type EnvironmentHandlers = Pick<
  Handlers,
  | 'app.status'
  | 'setup.create'
  | 'setup.demo'
  | 'auth.login'
  | 'auth.openWithRecoveryKey'
  | 'auth.recover'
  | 'backups.restoreLatest'
  | 'environment.check'
  | 'auth.lock'
  | 'auth.logout'
  | 'auth.changePassword'
  | 'settings.get'
  | 'settings.update'
>;

export function readSettings(db: Db) {
  return {
    city: getSetting(db, 'city'),
    cadence: getSetting(db, 'cadence'),
    termMonths: getSetting(db, 'term_months'),
    idleLockMinutes: getSetting(db, 'idle_lock_minutes'),
    demo: getSetting(db, 'demo'),
  };
}

/** The meeting room's say in a login on its listener (core/room/room.ts): who may join, and who did. */
export interface LoginGate {
  admit(caller: CallerRef, session: Session): void;
  joined(caller: CallerRef, session: Session): void;
}

export function environmentHandlers(
  ctx: CoreContext,
  sleep: (ms: number) => Promise<void>,
  gate?: LoginGate,
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

  /**
   * Proves the recovery key, throttled like a login (per source, surviving a restart, parallel
   * attempts queued): when the environment is open, against the key in use (without closing it for
   * everyone); otherwise by opening it with the key. Returns whether it was open already.
   */
  const openWithRecoveryKey = async (key: Buffer, caller: { source: string }): Promise<boolean> => {
    const wait = throttle.begin(RECOVERY_ACCOUNT, caller.source);
    if (wait > 0) await sleep(wait);
    const wasOpen = vault.state() === 'open';
    if (wasOpen) {
      const current = vault.databaseKey();
      if (current.length !== key.length || !crypto.timingSafeEqual(current, key)) {
        ports.logger.warn('Failed recovery key', { source: caller.source, environment: 'open' });
        throw new AppError('WRONG_CREDENTIALS', 'Wrong recovery key');
      }
    } else {
      try {
        vault.open(key);
      } catch (e) {
        // A wrong key and a damaged first page look the same to SQLCipher: DATABASE_UNREADABLE says both.
        ports.logger.warn('Failed recovery key', { source: caller.source, environment: 'locked' });
        throw e;
      }
    }
    throttle.succeeded(RECOVERY_ACCOUNT, caller.source);
    return wasOpen;
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
                  Math.ceil(
                    (Math.min(last, sessions.holderAbsentSince() ?? last) +
                      idleLockMinutes * 60_000 -
                      ports.clock().getTime()) /
                      1000,
                  ),
                ),
                closesEnvironment: caller.id === opener || !othersKeepOpen,
              }
            : null,
      };
    },

    'setup.create': async (input) => {
      const key = newDatabaseKey();
      try {
        const ca = await newSealedEnvironmentCa(input.city, input.admin.password, vault.kdf, ports.clock());
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
      // On the meeting room's listener: only a participant of the running meeting joins.
      gate?.admit(caller, session);
      // The session starts before anything else is awaited: a login that has just opened the
      // environment holds it open from here, so the idle check (nobody logged in: close) cannot
      // close it under the rest of the login, as it did on a busy machine.
      const previous = sessions.get(caller.id);
      sessions.start(caller.id, session, ports.clock().getTime());
      if (!wasOpen) sessions.opened(caller.id, ports.clock().getTime());
      sessions.sawHolder(ports.clock().getTime());
      try {
        if (!wasOpen) await passwords.check(session.userId, password);
        // Migrated from before schema 6, the CA's key is still in the clear: the first beheerder to log
        // in wraps it with their password and keeps it (signing/store.ts unlockEnvironmentCa).
        const db = vault.database();
        if (can(session, 'certificates.issue') && getSetting(db, 'ca_private_key')) {
          const unlocked = await unlockEnvironmentCa(db, session, password, vault.kdf, ports.clock());
          if (typeof unlocked !== 'string') unlocked.privateKeyPkcs8.fill(0);
        }
      } catch (e) {
        sessions.end(caller.id);
        throw e;
      }
      writeAudited(ctx, session, () => ({
        result: null,
        audit: [
          ...(previous ? [{ action: 'session.logout', entity: 'users', ids: [previous.userId] }] : []),
          { action: wasOpen ? 'session.login' : 'session.open', entity: 'users', ids: [session.userId] },
        ],
      }));
      gate?.joined(caller, session);
      return session;
    },

    'auth.openWithRecoveryKey': async ({ recoveryKey }, { caller }) => {
      if (vault.state() === 'leeg') throw new AppError('NOT_SET_UP', 'No environment here yet');
      const key = parseRecovery(recoveryKey);
      try {
        const wasOpen = await openWithRecoveryKey(key, caller);
        const session = recoverySession();
        const previous = sessions.get(caller.id);
        sessions.start(caller.id, session, ports.clock().getTime());
        if (!wasOpen) sessions.opened(caller.id, ports.clock().getTime());
        sessions.sawHolder(ports.clock().getTime());
        // The recovery key is used when something is wrong: a damaged database is not written to
        // (the check must report it as found); the log says the session went unaudited there.
        if (looksIntact(vault.database())) {
          writeAudited(ctx, session, () => ({
            result: null,
            audit: [
              ...(previous ? [{ action: 'session.logout', entity: 'users', ids: [previous.userId] }] : []),
              { action: 'session.recovery', entity: 'users', ids: [] },
            ],
          }));
          ports.logger.info('Opened with the recovery key', { source: caller.source });
        } else {
          ports.logger.warn('Opened a damaged database with the recovery key; not audited in it', {
            source: caller.source,
          });
        }
        return session;
      } finally {
        key.fill(0);
      }
    },

    'auth.recover': async ({ recoveryKey, username, password }, { caller }) => {
      if (vault.state() === 'leeg') throw new AppError('NOT_SET_UP', 'No environment here yet');
      const key = parseRecovery(recoveryKey);
      try {
        const wasOpen = await openWithRecoveryKey(key, caller);
        try {
          const db = vault.database();
          // A damaged database is not written to: restore a backup first.
          if (!looksIntact(db))
            throw new AppError('STORAGE_FAULT', 'The database is damaged', {
              info: { reason: 'database_damaged' },
            });
          const userId = findUserIdByName(db, username);
          const user = userId === null ? null : loadSession(db, userId);
          if (!user || !user.keyHolder) {
            const message = 'Not an active key holder of this environment';
            throw new AppError('BAD_INPUT', message, {
              fields: [{ path: 'username', code: 'not_key_holder', message }],
            });
          }
          const at = ctx.nowIso();
          const rebuiltKeyFile = keyring.rebuildIfUnusable(at);
          // As with a reset: the signing key and the CA's key were wrapped with the lost password.
          await passwords.set(user.userId, password, {
            temporary: false,
            alongside: (d) => {
              revokeSigningCertificate(d, user.userId, 'password_reset', at);
              dropCaKeyOf(d, user.userId);
            },
          });
          writeAudited(ctx, recoverySession(), () => ({
            result: null,
            audit: { action: 'user.recover', entity: 'users', ids: [user.userId] },
          }));
          ports.logger.info('Key holder recovered with the recovery key', {
            source: caller.source,
            rebuiltKeyFile,
          });
          const othersWithoutKey = [...keyHolderIds(db)]
            .filter((id) => id !== user.userId && !keyring.has(id))
            .map((id) => loadSession(db, id)?.username)
            .filter((n): n is string => typeof n === 'string');
          return { rebuiltKeyFile, othersWithoutKey };
        } finally {
          // Left as it was: the holder logs in with the new password.
          if (!wasOpen) vault.lock();
        }
      } finally {
        key.fill(0);
      }
    },

    'backups.restoreLatest': async ({ recoveryKey }, { caller }) => {
      if (vault.state() === 'open')
        throw new AppError('FORBIDDEN', 'The environment is open: restore from the Beheer screen');
      const latest = latestBackup(vault.keyFile);
      if (!latest?.summary)
        throw new AppError('STORAGE_FAULT', 'No backup is known for this environment', {
          info: { reason: 'backup_folder_unset' },
        });
      const key = parseRecovery(recoveryKey);
      try {
        const wait = throttle.begin(RECOVERY_ACCOUNT, caller.source);
        if (wait > 0) await sleep(wait);
        let expect: string | null;
        try {
          expect = readKeyFile(vault.keyFile).databaseId;
        } catch {
          expect = null;
        }
        let restored;
        try {
          // The backup must open with this key: a wrong recovery key restores nothing.
          restored = restoreBackup(latest.file, key, vault, ctx.nowIso(), expect);
        } catch (e) {
          if (e instanceof AppError && e.info?.reason === 'backup_other_key') {
            ports.logger.warn('Failed recovery key', { source: caller.source, environment: 'restore' });
            throw new AppError('WRONG_CREDENTIALS', 'Wrong recovery key');
          }
          throw e;
        }
        throttle.succeeded(RECOVERY_ACCOUNT, caller.source);
        vault.open(key);
        try {
          writeAudited(ctx, recoverySession(), () => ({
            result: null,
            audit: { action: 'backup.restore', entity: 'meta', ids: [] },
          }));
        } finally {
          vault.lock();
        }
        ports.logger.info('Latest backup restored with the recovery key', { file: latest.name });
        const s = restored.summary;
        return {
          contents: {
            createdAt: s.createdAt,
            city: s.city,
            lastMeeting: s.lastMeeting,
            dossiers: s.dossiers,
            meetings: s.meetings,
            auditRecords: s.auditRecords,
          },
          aside: restored.aside.map((a) => path.basename(a)),
        };
      } finally {
        key.fill(0);
      }
    },

    'environment.check': async () => {
      const report = checkEnvironment(vault.database(), vault.dbFile);
      if (!report.ok) return report;
      const problem = await signaturesProblem(vault.database());
      return problem ? { ...report, ok: false, reason: problem, finding: 'signature' as const } : report;
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
      // So is the CA's key, when this is the beheerder who keeps it.
      const rewrap = await prepareRewrap(vault.database(), s.userId, current, next, vault.kdf);
      const caRewrap = await prepareCaRewrap(vault.database(), s.userId, current, next, vault.kdf);
      const at = ctx.nowIso();
      await passwords.set(s.userId, next, {
        temporary: false,
        alongside:
          rewrap || caRewrap
            ? (db) => {
                rewrap?.(db, at);
                caRewrap?.(db);
              }
            : undefined,
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
        setSetting(db, 'idle_lock_minutes', idleLockMinutes);
        return { result: readSettings(db), audit: { action: 'settings.update', entity: 'meta', ids: [] } };
      }),
  };
}

/**
 * The throttle's name for attempts with the recovery key: not a valid user name (see Username), so it
 * cannot share an account's count.
 */
const RECOVERY_ACCOUNT = '#recovery-key';

/**
 * The session of whoever opened the environment with the recovery key: no account (user 0 in the
 * audit), no roles; what it may do is permissions.ts's recoveryActions. It holds the database key,
 * so it keeps the environment open like a key holder and `auth.lock` closes it for everyone.
 */
/** The recovery key as 32 bytes, or BAD_INPUT at the field. */
function parseRecovery(recoveryKey: string): Buffer {
  const key = parseRecoveryKey(recoveryKey);
  if (!key) {
    const message = 'The recovery key must be 64 hexadecimal digits';
    throw new AppError('BAD_INPUT', message, {
      fields: [{ path: 'recoveryKey', code: 'recovery_key_format', message }],
    });
  }
  return key;
}

function recoverySession(): Session {
  return {
    userId: 0,
    username: 'herstelsleutel',
    displayName: 'Herstelsleutel',
    organisationId: 0,
    organisationName: '',
    organisationKind: 'gemeente',
    roles: [],
    keyHolder: true,
    mustChangePassword: false,
    recovery: true,
  };
}

export function throttleFile(keyFile: string): string {
  return keyFile.replace(/\.keys\.json$/, '.logins.json');
}
