/**
 * Generates the full synthetic ten-year city into a temporary folder and prints its counts and the
 * time it took. Plain script: `npx tsx test/bench/generate.bench.ts [--scale 1] [--seed 2026] [--keep]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSyntheticEnvironment } from '../support/synthetic/city';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const scale = Number(arg('scale', '1'));
const seed = Number(arg('seed', '2026'));
const keep = process.argv.includes('--keep');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvv-synthetic-'));

const t0 = performance.now();
const env = await createSyntheticEnvironment(dir, { seed, scale });
const total = performance.now() - t0;
const s = env.stats;
const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);

console.log(`Synthetic city (seed ${seed}, scale ${scale}, ${s.years} years) in ${dir}`);
const rows: [string, number][] = [
  ['users (added)', s.users],
  ['dossiers', s.dossiers],
  ['  open', s.openDossiers],
  ['dossier_special', s.special],
  ['dossier_history', s.history],
  ['procedures', s.procedures],
  ['meetings', s.meetings],
  ['attendance', s.attendance],
  ['agenda_items', s.agendaItems],
  ['discussion_requests', s.discussionRequests],
  ['positions', s.positions],
  ['decisions', s.decisions],
  ['consents', s.consents],
  ['escalations', s.escalations],
  ['actions', s.actions],
  ['audit (total)', s.auditTotal],
];
for (const [k, v] of rows) console.log(`  ${k.padEnd(22)}${String(v).padStart(9)}`);
console.log(
  `generateCity: ${s.timings.total} ms (plan ${s.timings.plan} ms, insert ${s.timings.insert} ms, audit chain ${s.timings.audit} ms)`,
);
console.log(`whole environment incl. key wrap (scrypt 2^17): ${Math.round(total)} ms`);
console.log(`database file: ${(size(env.dbFile) / 1048576).toFixed(1)} MiB`);
if (keep) {
  console.log(`kept; recovery key: ${env.recoveryKey}; admin ${env.admin.username} / ${env.admin.password}`);
} else {
  fs.rmSync(dir, { recursive: true, force: true });
}
