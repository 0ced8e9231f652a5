import type { Handlers } from '../../shared/contract/index';
import { createDispatcher, type Dispatch } from '../../shared/dispatcher';
import { amsterdamDate, type CoreContext } from './context';
import { Vault } from './environment/vault';
import { environmentHandlers } from './handlers/environment';
import { DEFAULT_IDLE_LOCK_MINUTES, getMeta } from './environment/setup';
import { userHandlers } from './handlers/users';
import { meetingHandlers } from './handlers/meetings';
import { dossierHandlers } from './handlers/dossiers';
import { positionHandlers } from './handlers/positions';
import { decisionHandlers } from './handlers/decisions';
import { actionHandlers } from './handlers/actions';
import { certificateHandlers } from './handlers/certificates';
import { minutesHandlers } from './handlers/minutes';
import { trustHandlers } from './handlers/trust';
import type { Ports } from './ports';

export interface Backend {
  dispatch: Dispatch;
  vault: Vault;
  /** Locks when the idle time has passed; hosts call it on a timer so the key leaves memory on time. */
  tick(): void;
  close(): void;
}

/** The composition root: builds the whole backend from the host's ports. */
export function createBackend(ports: Ports): Backend {
  const vault = new Vault(ports.dataDir, ports.kdf);
  const ctx: CoreContext = {
    vault,
    ports,
    nowIso: () => ports.clock().toISOString(),
    today: () => amsterdamDate(ports.clock()),
  };
  const sleep = ports.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const handlers: Handlers = {
    ...environmentHandlers(ctx, sleep),
    ...userHandlers(ctx),
    ...dossierHandlers(ctx),
    ...meetingHandlers(ctx),
    ...positionHandlers(ctx),
    ...decisionHandlers(ctx),
    ...actionHandlers(ctx),
    ...minutesHandlers(ctx),
    ...certificateHandlers(ctx),
    ...trustHandlers(ctx),
  };

  let lastActivity = ports.clock().getTime();
  const idleExpired = () => {
    if (vault.state() !== 'open') return false;
    const minutes = Number(getMeta(vault.database(), 'idle_lock_minutes') ?? DEFAULT_IDLE_LOCK_MINUTES);
    return ports.clock().getTime() - lastActivity > minutes * 60_000;
  };
  const tick = () => {
    if (idleExpired()) {
      ports.logger.info('Locked after idle time');
      vault.lock();
    }
  };

  const dispatch = createDispatcher({
    handlers,
    session: () => vault.session(),
    beforeCall: () => tick(),
    onActivity: () => {
      lastActivity = ports.clock().getTime();
    },
    logError: (method, error) =>
      ports.logger.error(`Call ${method} failed`, {
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  });

  return { dispatch, vault, tick, close: () => vault.lock() };
}
