/**
 * Benchmark for issue 4: recording a position through the whole stack — the dispatcher's input
 * validation and role check, the organisation rule, the stale-write check, the versioned insert and
 * its hash-chained audit record in one transaction — against a bare prepared INSERT of the same row
 * in the same run, on the same real encrypted database. Target: median at most 2 ms.
 * Run: npx tsx test/bench/positions.bench.ts   Exits non-zero when the median misses the target.
 */
import { firstItem, makeItemEnv } from '../support/items';
import { testCaller } from '../support/backend';
import { headFileFor, writeHeadFile } from '../../electron/core/audit/head-file';
import { stats } from './support';

const RUNS = 2000;
const TARGET_MS = 2;

async function main(): Promise<void> {
  const env = await makeItemEnv();
  try {
    const { itemId, meetingId, dossierId } = firstItem(env);
    await env.login('notulist');
    const organisationId = env.org('IND');
    const fields = {
      direction: 'terugkeer',
      reasoning: 'Geen nieuwe feiten; vertrekplan met IOM is haalbaar binnen zes weken.',
      information: 'Presentatie bij de ambassade staat gepland.',
      conditions: 'Eerst medische check (fit to fly).',
      withheld: false,
    };

    const stack: number[] = [];
    const warmup = 50;
    for (let i = 0; i < RUNS + warmup; i++) {
      const input = { itemId, organisationId, expectedVersion: i, ...fields };
      const start = performance.now();
      const r = await env.backend.dispatch('positions.record', input, testCaller);
      const ms = performance.now() - start;
      if (!r.ok) throw new Error(`positions.record failed: ${r.error.code}`);
      if (i >= warmup) stack.push(ms);
    }

    // The same row, written by a bare prepared statement (its own implicit transaction), on the same database.
    const db = env.db();
    const insert = db.prepare(
      `INSERT INTO positions (dossier_id, agenda_item_id, organisation_id, version, direction, reasoning, information,
         conditions, withheld, withheld_reason, recorded_by, on_behalf, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const user = (db.prepare("SELECT id FROM users WHERE username = 'notulist'").get() as { id: number }).id;
    const bare: number[] = [];
    const other = env.org('Politie');
    for (let i = 0; i < RUNS + warmup; i++) {
      const start = performance.now();
      insert.run(
        dossierId,
        itemId,
        other,
        i + 1,
        fields.direction,
        fields.reasoning,
        fields.information,
        fields.conditions,
        0,
        null,
        user,
        1,
        new Date().toISOString(),
      );
      const ms = performance.now() - start;
      if (i >= warmup) bare.push(ms);
    }

    const s = stats(stack);
    const b = stats(bare);
    const work = await env.api['items.work']({ meetingId, itemId });
    const ind = work.participants.find((p) => p.organisationId === organisationId)!;
    console.log(
      `positions.record through the whole stack, ${RUNS} calls (after ${warmup} warm-up), encrypted database`,
    );
    console.log(`  whole stack   median ${s.median.toFixed(3)} ms   p95 ${s.p95.toFixed(3)} ms`);
    console.log(`  bare INSERT   median ${b.median.toFixed(3)} ms   p95 ${b.p95.toFixed(3)} ms`);
    console.log(
      `  ratio         median ${(s.median / b.median).toFixed(1)}×   p95 ${(s.p95 / b.p95).toFixed(1)}×`,
    );
    console.log(
      `  versions on record for IND: ${ind.latestVersion}; target median ≤ ${TARGET_MS} ms: ${s.median <= TARGET_MS ? 'OK' : 'TOO SLOW'}`,
    );
    // The head file beside the key file (issue 8, item 5): a call only notes the new head; the atomic
    // write (two fsyncs) follows on a timer at most once per 200 ms, or at lock. Its cost, measured
    // apart because the loop above never yields to that timer:
    const headFile = headFileFor(env.backend.vault.keyFile);
    const writes: number[] = [];
    for (let i = 0; i < 50; i++) {
      const start = performance.now();
      writeHeadFile(headFile, {
        databaseId: 'bench',
        id: i + 1,
        hash: '0'.repeat(64),
        at: new Date().toISOString(),
      });
      writes.push(performance.now() - start);
    }
    const w = stats(writes);
    console.log(
      `  head file     one write median ${w.median.toFixed(3)} ms   p95 ${w.p95.toFixed(3)} ms (at most once per 200 ms, outside the call)`,
    );
    if (s.median > TARGET_MS) process.exitCode = 1;
  } finally {
    env.cleanup();
  }
}

await main();
