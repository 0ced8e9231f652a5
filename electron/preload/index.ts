/**
 * The sandboxed preload: the renderer's only door to the backend. Bundled into one CommonJS file
 * (out/preload/index.cjs), because a sandboxed preload can require nothing but a few Electron modules.
 *
 * It exposes one function, `window.lvvTransport(method, input)`, and the renderer builds its client
 * with `createApi(window.lvvTransport)`. Why not expose `createApi(...)` itself as `window.api`: the
 * context bridge copies a rejected Error as a plain Error with only its message, so the renderer would
 * lose ApiError's code (WRONG_CREDENTIALS, CONFLICT, ...). The transport resolves with the plain
 * RpcResult, which crosses the bridge intact, and ApiError is then thrown in the renderer's own world.
 *
 * Only contract method names pass; ipcRenderer itself is never exposed, nor any other channel.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Transport } from '../../shared/client';
import { isMethodName } from '../../shared/contract/index';
import type { RpcResult } from '../../shared/errors';

/** Same literal as RPC_CHANNEL in electron/main/ipc.ts (test/unit/electron/preload.test.ts checks). */
const RPC_CHANNEL = 'lvv:rpc';

const transport: Transport = (method, input) => {
  if (!isMethodName(method)) {
    return Promise.resolve<RpcResult<unknown>>({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'Unknown method' },
    });
  }
  return ipcRenderer.invoke(RPC_CHANNEL, method, input) as Promise<RpcResult<unknown>>;
};

contextBridge.exposeInMainWorld('lvvTransport', transport);
