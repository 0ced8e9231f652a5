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

export interface Backend {
  dispatch: Dispatch;
  vault: Vault;
  sessions: SessionRegistry;
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
  const handlers: Handlers = {
    ...environmentHandlers(ctx, sleep),
    ...userHandlers(ctx),
    ...dossierHandlers(ctx),
    ...meetingHandlers(ctx),
    ...positionHandlers(ctx),
    ...decisionHandlers(ctx),
    ...reportHandlers(ctx),
    ...actionHandlers(ctx),
    ...minutesHandlers(ctx),
    ...certificateHandlers(ctx),
    ...trustHandlers(ctx),
    ...themeHandlers(ctx),
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

  const dispatch = createDispatcher({
    handlers,
    session: sessionOf,
    beforeCall: () => tick(),
    onActivity: (caller) => sessions.touch(caller.id, ports.clock().getTime()),
    logError: (method, error) =>
      ports.logger.error(`Call ${method} failed`, {
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  });

  return { dispatch, vault, sessions, tick, close: () => vault.lock() };
}
