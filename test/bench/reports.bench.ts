/**
 * Benchmark for the monitoring reports (issue 12: every report at most 200 ms median) on the synthetic
 * ten-year city (6,000 dossiers). Each report is timed on its own (the functions reports.monitoring is
 * built from, on the backend's database); then, for comparison and without a target, the whole answer
 * as the screen asks for it (a round trip through the dispatcher, contract check included). run.ts
 * picks up every *.bench.ts, so `npm run bench` runs this one too.
 * Run: npx tsx test/bench/reports.bench.ts [--scale 1]. Exits non-zero when a median misses 200 ms.
 */
import {
  durationReport,
  endedByReport,
  flowReport,
  outcomeTable,
  stuckReport,
  trackReport,
} from '../../electron/core/reports/compute';
import { openEscalations, overdueActions } from '../../electron/core/reports/repo';
import { SYNTHETIC_TODAY } from '../support/synthetic/city';
import { measure, scaleArg, syntheticBench } from './support';

const TARGET_MS = 200;
const scale = scaleArg();

const { city, api, backend, cleanup } = await syntheticBench('reports', scale);
try {
  await api['auth.login'](city.admin);
  const db = backend.vault.database();
  const { n } = db.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number };
  const today = SYNTHETIC_TODAY;
  const tenYears = { from: '2016-01-01', to: '2026-12-31', track: 'alle' };
  console.log(`Synthetic city (scale ${scale}): ${n} dossiers\n`);

  const parts: [string, () => unknown][] = [
    ['outcome table', () => outcomeTable(db, tenYears)],
    ['doorlooptijd', () => durationReport(db, tenYears)],
    ['inflow/outflow per quarter', () => flowReport(db, tenYears)],
    ['outcome by track', () => trackReport(db, tenYears)],
    ['who ended the trajectory (all, MOB)', () => endedByReport(db, tenYears)],
    ['stuck by reason', () => stuckReport(db, 'alle')],
    ['open escalations', () => openEscalations(db, 'alle')],
    ['overdue actions per organisation', () => overdueActions(db, today, 'alle')],
  ];
  let ok = true;
  for (const [label, run] of parts)
    ok = (await measure(`${label}, ten years`, { runs: 20, targetMs: TARGET_MS }, run)) && ok;
  // For comparison, without a target (the target is per report): everything the screen shows at once.
  await measure('all reports: reports.monitoring round trip, ten years', { runs: 20 }, () =>
    api['reports.monitoring']({ from: tenYears.from, to: tenYears.to }),
  );
  await measure('all reports: one quarter, track terugkeer', { runs: 20 }, () =>
    api['reports.monitoring']({ from: '2026-01-01', to: '2026-03-31', track: 'terugkeer' }),
  );
  if (!ok) process.exitCode = 1;
} finally {
  cleanup();
}
