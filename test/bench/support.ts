/**
 * What the benchmarks share: timing a call many times and printing median and p95 against a target,
 * the --scale argument, and a backend over the synthetic ten-year city in a temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApi } from '../../shared/client';
import type { Api } from '../../shared/contract/index';
import { createBackend, type Backend } from '../../electron/core/backend';
import {
  createSyntheticEnvironment,
  SYNTHETIC_TODAY,
  type SyntheticEnvironment,
} from '../support/synthetic/city';
import { silentLogger, type KdfParams } from '../../electron/core/ports';

/** A cheap password KDF: the benchmarks measure the work after login, not scrypt. */
export const benchKdf: KdfParams = { logN: 12, r: 8, p: 1 };

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Median and p95 of unsorted timings. */
export function stats(times: number[]): { median: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/**
 * Runs `run` `warmup` times unmeasured (module loading and JIT are not what we measure), then `runs`
 * times measured; prints one line and says whether the median met the target (always true without one).
 */
export async function measure(
  label: string,
  opts: { runs: number; targetMs?: number; warmup?: number },
  run: () => unknown,
): Promise<boolean> {
  for (let i = 0; i < (opts.warmup ?? 1); i++) await run();
  const times: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  const { median, p95 } = stats(times);
  const ok = opts.targetMs === undefined || median <= opts.targetMs;
  console.log(
    `${label.padEnd(58)} runs ${String(opts.runs).padStart(4)}  median ${median.toFixed(2).padStart(7)} ms  ` +
      `p95 ${p95.toFixed(2).padStart(7)} ms` +
      (opts.targetMs === undefined ? '' : `  target ${opts.targetMs} ms  ${ok ? 'OK' : 'TOO SLOW'}`),
  );
  return ok;
}

/** `--scale N` from the command line (default 1). */
export function scaleArg(): number {
  const i = process.argv.indexOf('--scale');
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : 1;
}

export interface SyntheticBench {
  city: SyntheticEnvironment;
  backend: Backend;
  api: Api;
  /** Closes the backend and removes the folder. */
  cleanup(): void;
}

/** The synthetic city (seed 2026) in a temporary folder, with a backend whose clock stands at its today. */
export async function syntheticBench(name: string, scale: number): Promise<SyntheticBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lvv-bench-${name}-`));
  try {
    const city = await createSyntheticEnvironment(dir, { seed: 2026, scale, kdf: benchKdf });
    const backend = createBackend({
      dataDir: dir,
      clock: () => new Date(`${SYNTHETIC_TODAY}T09:00:00Z`),
      logger: silentLogger,
      kdf: benchKdf,
    });
    const api = createApi((m, i) => backend.dispatch(m, i, { id: 'bench', source: 'bench' }));
    return {
      city,
      backend,
      api,
      cleanup: () => {
        backend.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
