import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi } from '../../shared/client';
import type { Api } from '../../shared/contract/index';
import { ApiError, type RpcError } from '../../shared/errors';
import { createBackend, type Backend } from '../../electron/core/backend';
import type { Caller } from '../../shared/dispatcher';
import type { Session } from '../../shared/domain/roles';
import { silentLogger, type KdfParams, type Logger } from '../../electron/core/ports';
import type { RoomPort } from '../../electron/core/room/port';

/** Cheaper scrypt for tests that log in many times; one test checks the real OWASP parameters. */
export const testKdf: KdfParams = { logN: 12, r: 8, p: 1 };

/** The caller of `env.api`; `env.as(id)` gives further callers (other people, other browsers). */
export const testCaller: Caller = { id: 'test:main', source: 'test' };

export interface TestEnv {
  dir: string;
  backend: Backend;
  api: Api;
  /** Another person's client on the same backend: their own session, independent of `api`'s. */
  as(callerId: string, source?: string): Api;
  /**
   * Logs `api` in as this user (demo password by default). Participants can only log in while a key
   * holder has the environment open, as at the real table: a key holder (the demo or test
   * administrator) stays logged in on a caller of its own, 'test:host', for as long as the test runs.
   */
  login(username: string, password?: string): Promise<Session>;
  clock: { now: Date };
  cleanup(): void;
}

export function tempDir(prefix = 'lvv-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A real backend over a real encrypted database in a temp folder, called in-process. */
export function makeEnv(
  opts: {
    dir?: string;
    now?: Date;
    logger?: Logger;
    kdf?: KdfParams;
    sleep?: (ms: number) => Promise<void>;
    /** The meeting room's listener (electron/room/server.ts), for the tests that join over HTTPS. */
    room?: RoomPort;
  } = {},
): TestEnv {
  const dir = opts.dir ?? tempDir();
  const clock = { now: opts.now ?? new Date('2026-11-23T09:00:00Z') };
  const backend = createBackend({
    dataDir: dir,
    clock: () => clock.now,
    logger: opts.logger ?? silentLogger,
    kdf: opts.kdf ?? testKdf,
    sleep: opts.sleep ?? (async () => {}),
    ...(opts.room ? { room: opts.room } : {}),
  });
  const api = createApi((m, i) => backend.dispatch(m, i, testCaller));
  return {
    dir,
    backend,
    api,
    as: (id, source = 'test') => createApi((m, i) => backend.dispatch(m, i, { id, source })),
    login: async (username, password = `demo-${username}-2026`) => {
      if (!backend.sessions.get('test:host')) await openAsHost(backend);
      return api['auth.login']({ username, password });
    },
    clock,
    cleanup: () => {
      backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Known key holders of the test environments: the demo's beheerder, cityInput's admin. */
const hosts = [
  { username: 'beheerder', password: 'demo-beheerder-2026' },
  { username: 'anna', password: 'correct horse battery' },
];

async function openAsHost(backend: Backend): Promise<void> {
  const host = createApi((m, i) => backend.dispatch(m, i, { id: 'test:host', source: 'test' }));
  const names = new Set(backend.vault.readKeys().entries.map((e) => e.username));
  const known = hosts.find((h) => names.has(h.username));
  if (!known) throw new Error('No known key holder to open this test environment');
  await host['auth.login'](known);
}

export const cityInput = {
  city: 'Utrecht',
  cadence: 'wekelijks' as const,
  termMonths: 6,
  organisations: [
    { name: 'Gemeente Utrecht', kind: 'gemeente' as const },
    { name: 'IND', kind: 'ind' as const },
    { name: 'DT&V', kind: 'dtv' as const },
    { name: 'Stichting ROS', kind: 'ngo' as const },
    { name: 'Politie', kind: 'politie' as const },
  ],
  admin: {
    displayName: 'Anna Admin',
    username: 'anna',
    password: 'correct horse battery',
    organisationIndex: 0,
  },
};

/** The error code a call failed with, 'OK' when it succeeded; anything but an ApiError is shown as thrown. */
export async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    return e instanceof ApiError ? e.code : `THREW ${String(e)}`;
  }
}

/** The whole error a call failed with (code, fields, info), or null when it succeeded. */
export function failure(p: Promise<unknown>): Promise<RpcError | { code: string } | null> {
  return p.then(
    () => null,
    (e: unknown) => (e instanceof ApiError ? e.error : { code: String(e) }),
  );
}
