import type { RoomPort } from './room/port';

/** What the backend needs from its host. Every host (Electron, browser host, CLI, tests) supplies these. */
export interface Logger {
  info(message: string, facts?: Record<string, unknown>): void;
  warn(message: string, facts?: Record<string, unknown>): void;
  error(message: string, facts?: Record<string, unknown>): void;
}

export interface KdfParams {
  /** scrypt cost: N = 2^logN. OWASP: N = 2^17, r = 8, p = 1. */
  logN: number;
  r: number;
  p: number;
}

export const owaspScrypt: KdfParams = { logN: 17, r: 8, p: 1 };

export interface Ports {
  /** Folder holding the encrypted database and its key file, or the path of the .db file itself. */
  dataDir: string;
  clock: () => Date;
  logger: Logger;
  /** Password hashing cost for new key wraps; tests may lower it, stored per wrap so old wraps still open. */
  kdf?: KdfParams;
  /** Waits between failed logins (growing delay); injectable so tests need not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** Listening for participants' laptops (electron/room/server.ts); left out where a host cannot (the CLI). */
  room?: RoomPort;
}

export const consoleLogger: Logger = {
  info: (m, f) => console.log(`[info] ${m}`, f ?? ''),
  warn: (m, f) => console.warn(`[warn] ${m}`, f ?? ''),
  error: (m, f) => console.error(`[error] ${m}`, f ?? ''),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
