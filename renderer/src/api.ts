import { createApi, type Transport } from '../../shared/client';
import type { Api } from '../../shared/contract/index';
import { isRoomHost, roomTransport } from './room-host';

declare global {
  interface Window {
    /**
     * Set by the Electron preload: carries a call over IPC and resolves with the plain result (a
     * rejected Error would lose its code crossing the context bridge). Absent in the browser host,
     * where fetch carries the calls.
     */
    lvvTransport?: Transport;
  }
}

/** The browser host's transport: same-origin POST /rpc; the session cookie rides along. */
const fetchTransport: Transport = async (method, input) => {
  let response: Response;
  try {
    response = await fetch('/rpc', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ method, input }),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'Backend unreachable' } };
  }
  if (!response.ok && response.status !== 400) {
    return { ok: false, error: { code: 'INTERNAL', message: `HTTP ${response.status}` } };
  }
  return (await response.json()) as Awaited<ReturnType<Transport>>;
};

// On the meeting-room listener the page calls /rpc with the CSRF token the listener gave at login.
let api: Api = createApi(window.lvvTransport ?? (isRoomHost() ? roomTransport : fetchTransport));

export function getApi(): Api {
  return api;
}

/** Tests run the renderer against the real backend in-process. */
export function setApi(next: Api): void {
  api = next;
}
