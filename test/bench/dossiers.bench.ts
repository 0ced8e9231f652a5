/**
 * Benchmark for the dossier list (issue 3: filtering the list at most 30 ms) on the synthetic ten-year
 * city (6,000 dossiers). The screen loads every compact row once with `dossiers.list` and then filters
 * and sorts in memory on each keystroke with `filterDossiers`; this measures both halves, and for
 * comparison a round trip with the filter applied server-side.
 * Run: npx tsx test/bench/dossiers.bench.ts [--scale 1]. Exits non-zero when a median misses 30 ms.
 */
import {
  DossierQuery,
  filterDossiers,
  indexRows,
  type DossierQueryInput,
} from '../../shared/contract/dossiers';
import { measure, scaleArg, syntheticBench } from './support';

const TARGET_MS = 30;
const scale = scaleArg();

const { city, api, cleanup } = await syntheticBench('dossiers', scale);
try {
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
  await measure('load: dossiers.list({}) round trip, all rows', { runs: 20 }, () => api['dossiers.list']({}));
  await measure('prepare: indexRows (once per load)', { runs: 20 }, () => indexRows(rows));
  const indexed = indexRows(rows);
  let i = 0;
  ok =
    (await measure(
      'filter in the renderer: filterDossiers, one keystroke',
      { runs: parsed.length * 10, targetMs: TARGET_MS },
      () => filterDossiers(indexed, parsed[i++ % parsed.length]!, today),
    )) && ok;
  let j = 0;
  await measure(
    'for comparison: server-side filter, dossiers.list round trip',
    { runs: queries.length * 3 },
    () => api['dossiers.list'](queries[j++ % queries.length]!),
  );
  if (!ok) process.exitCode = 1;
} finally {
  cleanup();
}
