import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi } from '../../shared/client';
import type { Api } from '../../shared/contract/index';
import { ApiError, type RpcError } from '../../shared/errors';
import { createBackend, type Backend } from '../../electron/core/backend';
import { silentLogger, type KdfParams, type Logger } from '../../electron/core/ports';

/** Cheaper scrypt for tests that log in many times; one test checks the real OWASP parameters. */
export const testKdf: KdfParams = { logN: 12, r: 8, p: 1 };

export interface TestEnv {
  dir: string;
  backend: Backend;
  api: Api;
  clock: { now: Date };
  cleanup(): void;
}

export function tempDir(prefix = 'lvv-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A real backend over a real encrypted database in a temp folder, called in-process. */
export function makeEnv(opts: { dir?: string; now?: Date; logger?: Logger; kdf?: KdfParams } = {}): TestEnv {
  const dir = opts.dir ?? tempDir();
  const clock = { now: opts.now ?? new Date('2026-11-23T09:00:00Z') };
  const backend = createBackend({
    dataDir: dir,
    clock: () => clock.now,
    logger: opts.logger ?? silentLogger,
    kdf: opts.kdf ?? testKdf,
    sleep: async () => {},
  });
  const api = createApi((m, i) => backend.dispatch(m, i));
  return {
    dir,
    backend,
    api,
    clock,
    cleanup: () => {
      backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
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
