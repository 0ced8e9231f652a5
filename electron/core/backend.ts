import type { HandlerContext } from '../../shared/contract/define';
import type { Handlers } from '../../shared/contract/index';
import { createDispatcher, type Caller, type Dispatch } from '../../shared/dispatcher';
import type { Session } from '../../shared/domain/roles';
import { amsterdamDate, type CoreContext } from './context';
import { Vault } from './environment/vault';
import { Keyring } from './environment/keyring';
import { environmentHandlers } from './handlers/environment';
import { DEFAULT_IDLE_LOCK_MINUTES, getMeta } from './environment/setup';
import { userHandlers } from './handlers/users';
import { meetingHandlers } from './handlers/meetings';
import { dossierHandlers } from './handlers/dossiers';
import { positionHandlers } from './handlers/positions';
import { decisionHandlers } from './handlers/decisions';
import { reportHandlers } from './handlers/reports';
import { actionHandlers } from './handlers/actions';
import { certificateHandlers } from './handlers/certificates';
import { minutesHandlers } from './handlers/minutes';
import { owaspScrypt, type Ports } from './ports';
import { SessionRegistry } from './sessions/registry';
import { Passwords } from './users/passwords';
import { loadSession } from './users/repo';
import { themeHandlers } from './handlers/theme';
import { trustHandlers } from './handlers/trust';
import { roomHandlers } from './handlers/room';
import { Room } from './room/room';
import { ProjectorHub } from './meetings/projector';
import { changesRoom } from '../../shared/contract/room';
import { registerImportHandlers } from './handlers/register-import';
import { backupHandlers, backupNow } from './handlers/backups';
import { getSetting, setSetting } from './settings/settings';
import { classifyFault } from './storage/faults';
import { lockFileFor } from './storage/folder-lock';

export interface Backend {
  dispatch: Dispatch;
  vault: Vault;
  sessions: SessionRegistry;
  /** The meeting room: participants' laptops over HTTPS while a meeting runs (core/room/room.ts). */
  room: Room;
  /** Ends idle sessions (and closes the environment when no key holder is left); hosts call it on a timer. */
  tick(): void;
  close(): void;
}

/** The composition root: builds the whole backend from the host's ports. */
export function createBackend(ports: Ports): Backend {
  const kdf = ports.kdf ?? owaspScrypt;
  const vault = new Vault(ports.dataDir, kdf);
  const sessions = new SessionRegistry();
  const keyring = new Keyring(vault, kdf);
  const ctx: CoreContext = {
    vault,
    sessions,
    keyring,
    passwords: new Passwords(vault, keyring, kdf),
    ports,
    nowIso: () => ports.clock().toISOString(),
    today: () => amsterdamDate(ports.clock()),
  };
  // Closing the environment ends every session: nobody stays "logged in" to a closed database.
  vault.onLock(() => sessions.endAll());
  const sleep = ports.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  // One projector hub for the meeting's handlers and the meeting room, which shows the same item.
  const hub = new ProjectorHub();
  const room = new Room(ctx, ports.room, hub);
  const handlers: Handlers = {
    ...environmentHandlers(ctx, sleep, room),
    ...userHandlers(ctx),
    ...dossierHandlers(ctx),
    ...meetingHandlers(ctx, hub),
    ...positionHandlers(ctx),
    ...decisionHandlers(ctx),
    ...reportHandlers(ctx),
    ...actionHandlers(ctx),
    ...minutesHandlers(ctx),
    ...certificateHandlers(ctx),
    ...trustHandlers(ctx),
    ...themeHandlers(ctx),
    ...roomHandlers(room),
    ...registerImportHandlers(ctx),
    ...backupHandlers(ctx),
  };
  // Every fault of the disk or of SQLite reaches the caller as what it is (a full disk, a read-only
  // folder, a damaged database, another program), not as INTERNAL with raw SQLite text.
  const lockFile = lockFileFor(ports.dataDir);
  for (const name of Object.keys(handlers) as (keyof Handlers)[]) {
    const handler = handlers[name] as (input: unknown, hctx: unknown) => unknown;
    (handlers as Record<string, (input: unknown, hctx: unknown) => unknown>)[name] = async (input, hctx) => {
      try {
        return await handler(input, hctx);
      } catch (e) {
        throw classifyFault(e, lockFile) ?? e;
      }
    };
  }
  // A backup whenever a meeting ends, when a folder has been chosen. Its failure does not undo the
  // end of the meeting: it is logged and shown on the Beheer screen (backup_last_error).
  const endMeeting = handlers['meetings.end'];
  handlers['meetings.end'] = async (input, hctx) => {
    const result = await endMeeting(input, hctx);
    if (vault.state() === 'open' && getSetting(vault.database(), 'backup_folder')) {
      try {
        backupNow(ctx, hctx.session);
      } catch (e) {
        ports.logger.error('Automatic backup after the meeting failed', { error: String(e) });
        setSetting(vault.database(), 'backup_last_error', e instanceof Error ? e.message : String(e));
      }
    }
    return result;
  };

  // Setting up (a new environment or the demo) opens the vault before anyone has a session and takes
  // a while (key derivations, certificates): the idle check must not lock it halfway, as it did when
  // the demo took longer than one tick on a busy machine (setup.demo then failed with UNAUTHENTICATED).
  let settingUp = 0;
  for (const m of ['setup.create', 'setup.demo'] as const) {
    const inner = handlers[m] as (input: unknown, c: HandlerContext) => unknown;
    (handlers as Record<string, unknown>)[m] = async (input: unknown, c: HandlerContext) => {
      settingUp++;
      try {
        return await inner(input, c);
      } finally {
        settingUp--;
      }
    };
  }

  const idleLimitMs = () =>
    Number(getMeta(vault.database(), 'idle_lock_minutes') ?? DEFAULT_IDLE_LOCK_MINUTES) * 60_000;
  const tick = () => {
    if (vault.state() !== 'open' || settingUp > 0) return;
    const now = ports.clock().getTime();
    for (const callerId of sessions.idle(now, idleLimitMs())) {
      // The idle timer of the machine that opened the environment closes it for everyone.
      if (callerId === sessions.opener()) {
        ports.logger.info('Locked after idle time of the machine that opened it');
        vault.lock();
        return;
      }
      sessions.end(callerId);
      ports.logger.info('Session ended after idle time');
    }
    room.prune();
    sessions.sawHolder(now);
    // A turn at the opener's machine without any key holder logged in lasts one idle period at
    // most: the environment is not held open by participants alone.
    const absent = sessions.holderAbsentSince();
    if (!sessions.keepsOpen() || (absent !== null && now - absent > idleLimitMs())) {
      ports.logger.info('Locked: no key holder logged in');
      vault.lock();
    }
  };

  /** The caller's session, re-read when the account changed (disabled, roles) since login. */
  const sessionOf = (caller: Caller): Session | null => {
    const s = sessions.get(caller.id);
    if (!s || vault.state() !== 'open') return null;
    // A recovery session belongs to no account: there is nothing to re-read.
    if (s.recovery) return s;
    const fresh = loadSession(vault.database(), s.userId);
    if (!fresh) {
      sessions.end(caller.id);
      return null;
    }
    sessions.update(caller.id, fresh);
    return fresh;
  };

  const inner = createDispatcher({
    handlers,
    session: sessionOf,
    guard: (method, caller) => room.guard(method, caller),
    beforeCall: () => tick(),
    onActivity: (caller) => sessions.touch(caller.id, ports.clock().getTime()),
    logError: (method, error) =>
      ports.logger.error(`Call ${method} failed`, {
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  });

  // Every call passes the meeting room, so participants' pages follow what changed (see changesRoom).
  const dispatch: Dispatch = async (method, input, caller) => {
    const result = await inner(method, input, caller);
    room.afterCall(method, result.ok && changesRoom(method));
    return result;
  };
  room.attach(dispatch);

  return { dispatch, vault, sessions, room, tick, close: () => vault.lock() };
}
