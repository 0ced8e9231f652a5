/**
 * Benchmark for importing an existing register (issue 10: 5,000 rows import in under 5 s) into the
 * synthetic ten-year city (6,000 dossiers already in the register). Each run imports a fresh messy
 * 5,000-line sheet (its own V-nummers; about one line in six refused, skipped) through
 * `dossiers.import.run`: decoding, reading the file, checking every row, writing the dossiers and
 * their timelines in one transaction. Run: npx tsx test/bench/import.bench.ts. Exits non-zero when a
 * median misses 5 s.
 */
import { messySheet, sheetCsv, sheetXlsx } from '../support/register-sheet';
import { measure, scaleArg, syntheticBench } from './support';

const TARGET_MS = 5000;
const ROWS = 5000;
const RUNS = 3;

const { city, api, cleanup } = await syntheticBench('import', scaleArg());
try {
  await api['auth.login'](city.admin);
  const gemeente = (await api['organisations.list']({})).find((o) => o.kind === 'gemeente')!;
  const password = 'benchmark wachtwoord';
  await api['users.create']({
    displayName: 'Bench Notulist',
    username: 'bench',
    organisationId: gemeente.id,
    roles: ['notulist'],
    password,
  });
  await api['auth.login']({ username: 'bench', password });
  const before = (await api['dossiers.list']({})).rows.length;
  console.log(`Synthetic city: ${before} dossiers in the register; sheets of ${ROWS} lines\n`);

  // Every run (warm-up included) its own V-nummer series, so no sheet collides with an earlier import.
  let series = 50;
  const files = async (kind: 'csv' | 'xlsx') => {
    const out = [];
    for (let i = 0; i <= RUNS; i++) {
      const lines = messySheet(ROWS, 'D-0000-0000', kind === 'xlsx', series++);
      const bytes = kind === 'csv' ? sheetCsv(lines) : await sheetXlsx(lines);
      out.push({ name: `register.${kind}`, base64: bytes.toString('base64') });
    }
    return out;
  };
  let ok = true;
  let imported = 0;
  for (const kind of ['csv', 'xlsx'] as const) {
    const sheets = await files(kind);
    let i = 0;
    ok =
      (await measure(
        `dossiers.import.run, ${ROWS} lines ${kind.toUpperCase()} (${Math.round((sheets[0]!.base64.length * 3) / 4 / 1024)} KiB)`,
        { runs: RUNS, targetMs: TARGET_MS },
        async () => {
          const r = await api['dossiers.import.run']({ file: sheets[i++]!, mode: 'geweigerde_overslaan' });
          if (r.outcome !== 'imported') throw new Error(`nothing imported: ${JSON.stringify(r.counts)}`);
          imported = r.imported;
        },
      )) && ok;
  }
  const after = (await api['dossiers.list']({})).rows.length;
  console.log(`\n${imported} dossiers per run; register now ${after} dossiers`);
  if (!ok) process.exitCode = 1;
} finally {
  cleanup();
}
