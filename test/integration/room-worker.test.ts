import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../shared/client';
import { startWorkerBackend } from '../../electron/serve/worker-backend';
import type { BackendClient } from '../../electron/core/rpc-port';
import { silentLogger } from '../../electron/core/ports';
import type { RoomState } from '../../shared/contract/room';
import { tempDir, testKdf } from '../support/backend';
import { fakeRenderer, RoomClient } from '../support/room';

/*
 * The browser host runs the backend in a worker thread (electron/serve/worker-backend.ts), and the
 * end-to-end test drives the browser host: the meeting room must listen from that worker too, with
 * the meeting set up through the contract alone, as the chair does it.
 */

let backend: BackendClient | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await backend?.close();
  backend = null;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the meeting room from the browser host’s backend worker', () => {
  it('the chair opens it; a participant joins over HTTPS and follows; the meeting’s end closes it', async () => {
    const dataDir = tempDir();
    const rendererDir = fakeRenderer();
    dirs.push(dataDir, rendererDir);
    backend = startWorkerBackend({ dataDir, rendererDir, kdf: testKdf, logger: silentLogger });
    const b = backend;
    const chair = createApi((m, i) => b.dispatch(m, i, { id: 'http:chair', source: '127.0.0.1' }));
    await chair['setup.demo']({});
    await chair['auth.login']({ username: 'voorzitter', password: 'demo-voorzitter-2026' });
    const planned = (await chair['meetings.list']({})).find((m) => m.state === 'gepland')!;
    let m = await chair['meetings.get']({ meetingId: planned.id });
    const ind = (await chair['organisations.list']({})).find((o) => o.name === 'IND')!;
    m = await chair['meetings.setAttendance']({
      meetingId: m.id,
      version: m.version,
      organisationId: ind.id,
      presence: 'aanwezig',
    });
    if (m.items.length === 0)
      m = await chair['meetings.agenda.add']({
        meetingId: m.id,
        version: m.version,
        kind: 'onderwerp',
        title: 'Rondvraag',
      });
    m = await chair['meetings.start']({ meetingId: m.id, version: m.version });

    const status = await chair['room.open']({ meetingId: m.id, address: '127.0.0.1' });
    expect(status.running).toBe(true);
    const client = new RoomClient(status, '127.0.0.1');
    try {
      expect((await client.login('ind')).json.ok).toBe(true);
      const state = await client.value<RoomState>('room.state');
      expect(state.meeting?.id).toBe(m.id);
      expect(state.organisation.name).toBe('IND');
      expect((await chair['room.status']({})).connections.map((c) => c.organisation)).toEqual(['IND']);

      m = await chair['meetings.get']({ meetingId: m.id });
      await chair['meetings.end']({ meetingId: m.id, version: m.version });
      await expect.poll(async () => (await chair['room.status']({})).running).toBe(false);
      await expect(client.call('room.state')).rejects.toThrow();
    } finally {
      client.closeStreams();
    }
  });
});
