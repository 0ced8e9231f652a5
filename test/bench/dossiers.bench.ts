/**
 * Benchmark for the dossier list (issue 3: filtering the list at most 30 ms) on the synthetic ten-year
 * city (6,000 dossiers). The screen loads every compact row once with `dossiers.list` and then filters
 * and sorts in memory on each keystroke with `filterDossiers`; this measures both halves, and for
 * comparison a round trip with the filter applied server-side.
 * Run: npx tsx test/bench/dossiers.bench.ts [--scale 1]. Exits non-zero when a median misses 30 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApi } from '../../shared/client';
import {
  DossierQuery,
  filterDossiers,
  indexRows,
  type DossierQueryInput,
} from '../../shared/contract/dossiers';
import { createBackend } from '../../electron/core/backend';
import { createSyntheticEnvironment, SYNTHETIC_TODAY } from '../../electron/core/demo/synthetic';
import { silentLogger, type KdfParams } from '../../electron/core/ports';

const kdf: KdfParams = { logN: 12, r: 8, p: 1 };
const TARGET_MS = 30;
const scaleArg = process.argv.indexOf('--scale');
const scale = scaleArg >= 0 ? Number(process.argv[scaleArg + 1]) : 1;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function measure(label: string, runs: number, run: () => unknown, target?: number): Promise<boolean> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const ok = target === undefined || median <= target;
  console.log(
    `${label.padEnd(58)} median ${median.toFixed(2).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(2).padStart(7)} ms` +
      (target === undefined ? '' : `   (target ${target} ms: ${ok ? 'ok' : 'MISSED'})`),
  );
  return ok;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvv-bench-dossiers-'));
try {
  const city = await createSyntheticEnvironment(dir, { seed: 2026, scale, kdf });
  const backend = createBackend({
    dataDir: dir,
    clock: () => new Date(`${SYNTHETIC_TODAY}T09:00:00Z`),
    logger: silentLogger,
    kdf,
  });
  const api = createApi((m, i) => backend.dispatch(m, i));
  await api['auth.login'](city.admin);
  const gemeente = (await api['organisations.list']({})).find((o) => o.kind === 'gemeente')!;
  const password = 'benchmark wachtwoord';
  await api['users.create']({
    displayName: 'Bench Casemanager',
    username: 'bench',
    organisationId: gemeente.id,
    roles: ['casemanager'],
    password,
  });
  await api['auth.login']({ username: 'bench', password });

  const { rows, today } = await api['dossiers.list']({});
  console.log(`Synthetic city (scale ${scale}): ${rows.length} dossiers, today ${today}`);
  const sample = rows[Math.floor(rows.length / 3)]!;

  // What a user does at the list: type a name letter by letter, a V-nummer digit by digit, change filters.
  const typed = (s: string) => Array.from({ length: s.length }, (_, i) => s.slice(0, i + 1));
  const queries: DossierQueryInput[] = [
    ...typed(sample.name.split(' ')[0]!.toLowerCase()).map((text) => ({ text, status: 'open' as const })),
    ...typed(sample.vNumber ?? '3012457781').map((text) => ({ text })),
    { status: 'open' },
    { status: 'open', target: 'verstreken' },
    { status: 'open', target: 'binnenkort', nearWeeks: 4 },
    { stuck: true },
    { track: 'terugkeer', sort: 'targetDate' },
    { sort: 'name' },
    { sort: 'name', descending: true },
    { text: 'a', sort: 'name' },
  ];
  const parsed = queries.map((q) => DossierQuery.parse(q));
  console.log(`${queries.length} queries per round (typing a name and a V-nummer, filters, sorts)\n`);

  let ok = true;
  await measure('load: dossiers.list({}) round trip, all rows', 20, () => api['dossiers.list']({}));
  await measure('prepare: indexRows (once per load)', 20, () => indexRows(rows));
  const indexed = indexRows(rows);
  let i = 0;
  ok =
    (await measure(
      'filter in the renderer: filterDossiers, one keystroke',
      parsed.length * 10,
      () => filterDossiers(indexed, parsed[i++ % parsed.length]!, today),
      TARGET_MS,
    )) && ok;
  let j = 0;
  await measure('for comparison: server-side filter, dossiers.list round trip', queries.length * 3, () =>
    api['dossiers.list'](queries[j++ % queries.length]!),
  );
  backend.close();
  if (!ok) process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
