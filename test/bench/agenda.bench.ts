/**
 * Proposing the next meeting's agenda on the synthetic ten-year city, through the backend method
 * (`meetings.agenda.propose`: dispatcher, input and output validation, the queries and the rules).
 * Target: median at most 50 ms. Plain script: `npx tsx test/bench/agenda.bench.ts [--scale 1]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApi } from '../../shared/client';
import { createBackend } from '../../electron/core/backend';
import { createSyntheticEnvironment, SYNTHETIC_TODAY } from '../../electron/core/demo/synthetic';
import { silentLogger } from '../../electron/core/ports';

const TARGET_MS = 50;
const WARMUP = 20;
const RUNS = 200;
const kdf = { logN: 12, r: 8, p: 1 };

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const scale = Number(arg('scale', '1'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvv-bench-agenda-'));
try {
  const t0 = performance.now();
  const env = await createSyntheticEnvironment(dir, { seed: 2026, scale, kdf });
  console.log(
    `Synthetic city (scale ${scale}): ${env.stats.dossiers} dossiers (${env.stats.openDossiers} open), ${env.stats.meetings} meetings, ` +
      `${env.stats.agendaItems} agenda items, ${env.stats.positions} positions, ${env.stats.actions} actions — generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const backend = createBackend({
    dataDir: dir,
    clock: () => new Date(`${SYNTHETIC_TODAY}T09:00:00Z`),
    logger: silentLogger,
    kdf,
  });
  const api = createApi((m, i) => backend.dispatch(m, i));
  await api['auth.login']({ username: env.admin.username, password: env.admin.password });
  const next = (await api['meetings.list']({})).find((m) => m.state === 'gepland');
  if (!next) throw new Error('the synthetic city has no planned meeting');

  let items = 0;
  let reasons = 0;
  const propose = async () => {
    const p = await api['meetings.agenda.propose']({ meetingId: next.id });
    items = p.items.length;
    reasons = p.items.reduce((n, i) => n + i.reasons.length, 0);
  };
  for (let i = 0; i < WARMUP; i++) await propose();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await propose();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const ok = median <= TARGET_MS;
  console.log(`  (proposal for ${next.date}: ${items} items, ${reasons} reasons)`);
  console.log(
    `${'propose next meeting agenda (meetings.agenda.propose)'.padEnd(56)} runs ${RUNS}  median ${median.toFixed(1).padStart(6)} ms  ` +
      `p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  max ${times.at(-1)!.toFixed(1).padStart(6)} ms  target ${TARGET_MS} ms  ${ok ? 'OK' : 'TOO SLOW'}`,
  );
  backend.close();
  if (!ok) process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
