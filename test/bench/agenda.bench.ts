/**
 * Proposing the next meeting's agenda on the synthetic ten-year city, through the backend method
 * (`meetings.agenda.propose`: dispatcher, input and output validation, the queries and the rules).
 * Target: median at most 50 ms. Plain script: `npx tsx test/bench/agenda.bench.ts [--scale 1]`.
 */
import { performance } from 'node:perf_hooks';
import { measure, scaleArg, syntheticBench } from './support';

const TARGET_MS = 50;

const scale = scaleArg();
const t0 = performance.now();
const { city: env, api, cleanup } = await syntheticBench('agenda', scale);
try {
  console.log(
    `Synthetic city (scale ${scale}): ${env.stats.dossiers} dossiers (${env.stats.openDossiers} open), ${env.stats.meetings} meetings, ` +
      `${env.stats.agendaItems} agenda items, ${env.stats.positions} positions, ${env.stats.actions} actions — generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
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
  const ok = await measure(
    'propose next meeting agenda (meetings.agenda.propose)',
    { runs: 200, warmup: 20, targetMs: TARGET_MS },
    propose,
  );
  console.log(`  (proposal for ${next.date}: ${items} items, ${reasons} reasons)`);
  if (!ok) process.exitCode = 1;
} finally {
  cleanup();
}
