/**
 * The single IPC entry, as a function of plain data: the Electron glue in index.ts only turns the
 * IpcMainInvokeEvent into a SenderInfo. The sender is checked before anything else is looked at.
 */
import type { Dispatch } from '../../shared/dispatcher';
import type { RpcResult } from '../../shared/errors';
import type { Logger } from '../core/ports';
import { isTrustedSender, type SenderInfo } from './security';

/** The one channel. The preload repeats this literal (its project cannot import from here); preload.test.ts checks it. */
export const RPC_CHANNEL = 'lvv:rpc';

/** The desktop app's windows all belong to the person at this machine. */
export const DESKTOP_CALLER = { id: 'desktop', source: 'desktop' } as const;

export type RpcHandler = (sender: SenderInfo, method: unknown, input: unknown) => Promise<RpcResult<unknown>>;

export function createRpcHandler(deps: {
  dispatch: Dispatch;
  trustedWebContentsIds: ReadonlySet<number>;
  logger: Logger;
}): RpcHandler {
  return async (sender, method, input) => {
    if (!isTrustedSender(sender, deps.trustedWebContentsIds)) {
      // No URL in the log: a hostile page's URL may carry anything.
      deps.logger.warn('Refused an IPC call from an untrusted sender', {
        webContentsId: sender.webContentsId,
      });
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender' } };
    }
    if (typeof method !== 'string')
      return { ok: false, error: { code: 'BAD_INPUT', message: 'Unknown method' } };
    try {
      // One person sits at the desktop app: all its windows (main and projector) share one caller.
      return await deps.dispatch(method, input, DESKTOP_CALLER);
    } catch (e) {
      // The dispatcher maps its own failures; this only guards against a rejected promise leaking
      // its message through Electron's "Error invoking remote method" text.
      deps.logger.error('Dispatch threw', { method, error: e instanceof Error ? e.message : String(e) });
      return { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } };
    }
  };
}
