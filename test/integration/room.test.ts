import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoomState, RoomStatus } from '../../shared/contract/room';
import type { ItemWork } from '../../shared/contract/items';
import { makeRoomEnv, type RoomEnv } from '../support/room';

/*
 * Participants join the running meeting from their own laptops: the listener over real HTTPS on
 * 127.0.0.1, trusted through the room's CA as a participant's browser trusts it after installing
 * ca.pem. Every refusal of the "Done when" is reproduced here.
 */

const position = {
  direction: 'legalisatie' as const,
  reasoning: 'Medische situatie weegt zwaar.',
  information: '',
  conditions: '',
};

function auditActions(env: RoomEnv): string[] {
  return (env.db().prepare('SELECT action FROM audit ORDER BY id').all() as { action: string }[]).map(
    (r) => r.action,
  );
}

/** Sends raw bytes over TLS (trusting the room's CA) and returns everything the listener answers. */
function rawRequest(env: RoomEnv, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port: env.status.port!, ca: env.status.caPem! }, () =>
      socket.write(text),
    );
    let out = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (out += d));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

let env: RoomEnv;
afterEach(() => env.cleanup());

describe('the meeting room', () => {
  it('two parties record their position and consent from their own laptops; every page hears of it', async () => {
    env = await makeRoomEnv();
    expect(env.status).toMatchObject({ running: true, meetingId: env.meetingId, address: '127.0.0.1' });
    expect(env.status.url).toBe(`https://127.0.0.1:${env.status.port}/`);
    expect(env.status.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(env.status.caPem).toContain('BEGIN CERTIFICATE');

    const ind = env.client('127.0.0.2');
    const dtv = env.client('127.0.0.3');
    expect((await ind.login('ind')).json.ok).toBe(true);
    expect((await dtv.login('dtv')).json.ok).toBe(true);
    const stream = await dtv.events();
    expect(stream.status).toBe(200);
    // The stream starts with the current revision.
    await expect.poll(() => stream.events.length).toBeGreaterThan(0);
    expect(stream.events[0]!.event).toBe('change');
    const since = (stream.events[0]!.data as { revision: number }).revision;

    const state = await ind.value<RoomState>('room.state');
    expect(state).toMatchObject({
      meeting: { id: env.meetingId },
      currentItemId: env.itemId,
      organisation: { id: env.org('IND'), name: 'IND' },
    });
    expect(state.projector.item?.id).toBe(env.itemId);

    // IND records its position: DT&V's page hears of it.
    const heard = stream.next(
      (e) => e.event === 'change' && (e.data as { revision: number }).revision > since,
    );
    const recorded = await ind.call('positions.record', {
      itemId: env.itemId,
      organisationId: env.org('IND'),
      expectedVersion: 0,
      ...position,
    });
    expect(recorded.json).toMatchObject({ ok: true, value: { organisationName: 'IND', onBehalf: false } });
    await heard;

    // The chair puts a decision on the table; both parties consent from their own page.
    const decision = await env.api['decisions.save']({
      itemId: env.itemId,
      text: 'Medisch traject voortzetten.',
      direction: 'legalisatie',
    });
    for (const [client, org] of [
      [ind, 'IND'],
      [dtv, 'DT&V'],
    ] as const) {
      const r = await client.call('decisions.consent', {
        decisionId: decision.id,
        decisionVersion: decision.version,
        organisationId: env.org(org),
        consent: 'akkoord',
      });
      expect(r.json.ok, r.body).toBe(true);
    }
    const work = await env.api['items.work']({ meetingId: env.meetingId, itemId: env.itemId });
    const consents = work.decision!.consents.filter((c) => c.consent !== null);
    expect(consents.map((c) => [c.organisationName, c.consent, c.onBehalf])).toEqual(
      expect.arrayContaining([
        ['IND', 'akkoord', false],
        ['DT&V', 'akkoord', false],
      ]),
    );
    // A participant's own page shows the same item work.
    const seen = await dtv.value<ItemWork>('items.work', { meetingId: env.meetingId, itemId: env.itemId });
    expect(seen.permissions.consentFor).toEqual([env.org('DT&V')]);

    const status = await env.api['room.status']({});
    expect(status.connections.map((c) => [c.person, c.organisation, c.source]).sort()).toEqual([
      ['Daan (DT&V)', 'DT&V', '127.0.0.3'],
      ['Ilse (IND)', 'IND', '127.0.0.2'],
    ]);
    expect(auditActions(env).filter((a) => a.startsWith('room.'))).toEqual([
      'room.open',
      'room.join',
      'room.join',
    ]);
  });

  it('the chair follows by long poll: room.wait answers when a party acts', async () => {
    env = await makeRoomEnv();
    const ind = env.client();
    await ind.login('ind');
    const { revision } = await env.api['room.state']({});
    const waiting = env.api['room.wait']({ sinceRevision: revision });
    await ind.call('positions.record', {
      itemId: env.itemId,
      organisationId: env.org('IND'),
      expectedVersion: 0,
      ...position,
    });
    expect((await waiting).revision).toBeGreaterThan(revision);
  });

  it('a participant cannot act for another organisation', async () => {
    env = await makeRoomEnv();
    const ind = env.client();
    await ind.login('ind');
    const r = await ind.call('positions.record', {
      itemId: env.itemId,
      organisationId: env.org('DT&V'),
      expectedVersion: 0,
      ...position,
    });
    expect(r.json.error).toMatchObject({ code: 'FORBIDDEN', info: { reason: 'other_organisation' } });
    const decision = await env.api['decisions.save']({
      itemId: env.itemId,
      text: 'x',
      direction: 'legalisatie',
    });
    const c = await ind.call('decisions.consent', {
      decisionId: decision.id,
      decisionVersion: decision.version,
      organisationId: env.org('DT&V'),
      consent: 'akkoord',
    });
    expect(c.json.error).toMatchObject({ code: 'FORBIDDEN', info: { reason: 'other_organisation' } });
  });

  it('only the participant methods: the chair’s methods are refused on the listener, even for the chair', async () => {
    env = await makeRoomEnv();
    const chair = env.client();
    expect((await chair.login('voorzitter')).json.ok).toBe(true);
    for (const method of ['meetings.setCurrent', 'room.open', 'room.disconnect', 'users.list', 'auth.lock']) {
      const r = await chair.call(method, {});
      expect(r.json.error, method).toMatchObject({ code: 'FORBIDDEN', info: { reason: 'room_method' } });
    }
    expect(auditActions(env)).toContain('room.refused.request');
    expect(env.backend.vault.state()).toBe('open');
  });

  it('an organisation absent with apologies, or not at the table, cannot join', async () => {
    env = await makeRoomEnv();
    const ggd = env.client();
    const r = await ggd.login('ggd');
    expect(r.json.error).toMatchObject({ code: 'FORBIDDEN', info: { reason: 'room_absent' } });
    expect(ggd.cookie).toBeNull();
    env
      .db()
      .prepare('DELETE FROM attendance WHERE meeting_id = ? AND organisation_id = ?')
      .run(env.meetingId, env.org('Politie'));
    const politie = env.client();
    const p = await politie.login('politie');
    expect(p.json.error).toMatchObject({ code: 'FORBIDDEN', info: { reason: 'room_not_participating' } });
    expect((await env.api['room.status']({})).connections).toEqual([]);
    expect(env.backend.sessions.all().filter((s) => s.callerId.startsWith('room:'))).toEqual([]);
    const audit = auditActions(env);
    expect(audit).toContain('room.refused.room_absent');
    expect(audit).toContain('room.refused.room_not_participating');
    // A wrong password is refused as anywhere else.
    expect((await env.client().login('ind', 'wrong')).json.error).toMatchObject({
      code: 'WRONG_CREDENTIALS',
    });
  });

  it('refuses a request without the session, from a foreign origin, without the CSRF token, or for another host', async () => {
    env = await makeRoomEnv();
    const stranger = env.client();
    expect((await stranger.call('room.state')).status).toBe(401);
    expect((await stranger.events()).status).toBe(401);

    const ind = env.client();
    await ind.login('ind');
    expect((await ind.call('room.state')).status).toBe(200);
    const foreign = await ind.request(
      'POST',
      '/rpc',
      { method: 'room.state', input: {} },
      {
        origin: 'https://evil.example',
      },
    );
    expect(foreign.status).toBe(403);
    const noOrigin = await ind.request(
      'POST',
      '/rpc',
      { method: 'room.state', input: {} },
      { origin: undefined },
    );
    expect(noOrigin.status).toBe(403);
    const noCsrf = await ind.request(
      'POST',
      '/rpc',
      { method: 'room.state', input: {} },
      {
        'x-csrf-token': undefined,
      },
    );
    expect(noCsrf.status).toBe(403);
    const wrongCsrf = await ind.request(
      'POST',
      '/rpc',
      { method: 'room.state', input: {} },
      {
        'x-csrf-token': 'x'.repeat(43),
      },
    );
    expect(wrongCsrf.status).toBe(403);
    const login = await env.client().request(
      'POST',
      '/login',
      { username: 'ind', password: 'demo-ind-2026' },
      {
        origin: 'https://evil.example',
      },
    );
    expect(login.status).toBe(403);
    // A page of another site whose name points at this address (DNS rebinding) names itself in Host.
    const rebinding = await rawRequest(
      env,
      'GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n',
    );
    expect(rebinding).toMatch(/^HTTP\/1.1 421/);
  });

  it('the session cookie is HttpOnly, Secure and SameSite=Strict; a page reload gets its CSRF token back', async () => {
    env = await makeRoomEnv();
    const ind = env.client();
    const r = await ind.login('ind');
    const cookie = r.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/^__Host-lvv_room=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Strict');
    const csrf = ind.csrf;
    const again = await ind.request('GET', '/session');
    expect(again.json).toMatchObject({ ok: true, value: { csrfToken: csrf, session: { username: 'ind' } } });
  });

  it('an organisation marked absent after it joined is let go at once, and cannot come back', async () => {
    env = await makeRoomEnv();
    const politie = env.client();
    await politie.login('politie');
    const stream = await politie.events();
    const ended = stream.next((e) => e.event === 'end');
    const meeting = await env.api['meetings.get']({ meetingId: env.meetingId });
    await env.api['meetings.setAttendance']({
      meetingId: env.meetingId,
      version: meeting.version,
      organisationId: env.org('Politie'),
      presence: 'afwezig_met_bericht',
    });
    expect((await ended).data).toEqual({ reason: 'absent' });
    expect((await politie.call('room.state')).status).toBe(401);
    expect((await env.api['room.status']({})).connections).toEqual([]);
    expect(auditActions(env)).toContain('room.absent');
    const again = await env.client().login('politie');
    expect(again.json.error).toMatchObject({ code: 'FORBIDDEN', info: { reason: 'room_absent' } });
  });

  it('a replayed cookie is refused after logout, after removal by the chair and after the idle time', async () => {
    env = await makeRoomEnv();
    // Logged out: the old cookie opens nothing.
    const ind = env.client();
    await ind.login('ind');
    const { cookie, csrf } = ind;
    expect((await ind.request('POST', '/logout', {})).json.ok).toBe(true);
    ind.cookie = cookie;
    ind.csrf = csrf;
    expect((await ind.call('room.state')).status).toBe(401);
    // Nor does it open an event stream, which reaches no method of the backend.
    expect((await ind.events()).status).toBe(401);

    // Removed by the chair: the page's event stream ends, the cookie is dead.
    const dtv = env.client();
    await dtv.login('dtv');
    const stream = await dtv.events();
    const [connection] = (await env.api['room.status']({})).connections;
    const ended = stream.next((e) => e.event === 'end');
    await env.api['room.disconnect']({ connectionId: connection!.id });
    expect((await ended).data).toEqual({ reason: 'removed' });
    expect((await dtv.call('room.state')).status).toBe(401);
    expect((await dtv.events()).status).toBe(401);
    expect(auditActions(env)).toContain('room.remove');

    // Idle for longer than the environment's idle time: the session expired.
    const politie = env.client();
    await politie.login('politie');
    expect((await politie.call('room.state')).status).toBe(200);
    const later = new Date(env.clock.now.getTime() + 3 * 60 * 60_000);
    env.clock.now = later;
    // The chair and the key holder stayed active meanwhile.
    env.backend.sessions.touch('test:host', later.getTime());
    env.backend.sessions.touch('test:main', later.getTime());
    expect((await politie.call('room.state')).status).toBe(401);
    expect(env.backend.vault.state()).toBe('open');
  });

  it('after the meeting ends the listener is gone and every session on it ended', async () => {
    env = await makeRoomEnv();
    const ind = env.client();
    await ind.login('ind');
    const stream = await ind.events();
    const ended = stream.next((e) => e.event === 'end');
    const meeting = await env.api['meetings.get']({ meetingId: env.meetingId });
    await env.api['meetings.end']({ meetingId: env.meetingId, version: meeting.version });
    expect((await ended).data).toEqual({ reason: 'closed' });
    await expect.poll(async () => (await env.api['room.status']({})).running).toBe(false);
    expect(env.backend.sessions.all().filter((s) => s.callerId.startsWith('room:'))).toEqual([]);
    await expect(ind.call('room.state')).rejects.toThrow(/ECONNREFUSED|ECONNRESET|socket hang up/);
    expect(auditActions(env)).toContain('room.close');
    // And it cannot be opened for a meeting that is not running.
    const reopen = await env.api['room.open']({ meetingId: env.meetingId, address: '127.0.0.1' }).catch(
      (e: { error: unknown }) => e.error,
    );
    expect(reopen).toMatchObject({ code: 'CONFLICT', info: { reason: 'not_running' } });
  });

  it('locking the environment stops the listener', async () => {
    env = await makeRoomEnv();
    const ind = env.client();
    await ind.login('ind');
    env.backend.vault.lock();
    await expect.poll(() => env.backend.room.status().running).toBe(false);
    await expect(ind.call('room.state')).rejects.toThrow(/ECONNREFUSED|ECONNRESET|socket hang up/);
  });

  it('an oversized body is refused before it is read', async () => {
    env = await makeRoomEnv();
    const ind = env.client();
    await ind.login('ind');
    const big = JSON.stringify({ method: 'room.state', input: { pad: 'x'.repeat(70 * 1024) } });
    const r = await ind.request('POST', '/rpc', big);
    expect(r.status).toBe(413);
    expect((await ind.call('room.state')).status).toBe(200);
  });

  it('a flooding source gets 429 while another participant is still served', async () => {
    env = await makeRoomEnv({ limits: { ratePerSecond: 5, burst: 10 } });
    const flood = env.client('127.0.0.9');
    const answers = await Promise.all(Array.from({ length: 40 }, () => flood.request('GET', '/session')));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
    const ind = env.client('127.0.0.2');
    expect((await ind.login('ind')).json.ok).toBe(true);
    expect((await ind.call('room.state')).status).toBe(200);
  });

  it('laptops sharing one address (a NAT, or every browser on 127.0.0.1) each have their own rate', async () => {
    env = await makeRoomEnv({ limits: { ratePerSecond: 5, burst: 10 } });
    const ind = env.client('127.0.0.7');
    const dtv = env.client('127.0.0.7');
    expect((await ind.login('ind')).json.ok).toBe(true);
    expect((await dtv.login('dtv')).json.ok).toBe(true);
    const busy = await Promise.all(Array.from({ length: 30 }, () => ind.call('room.state')));
    expect(busy.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(15);
    // The other laptop behind the same address is still served.
    expect((await dtv.call('room.state')).status).toBe(200);
  });

  it('a slow client that never finishes its headers is cut off', async () => {
    env = await makeRoomEnv({ limits: { headersTimeoutMs: 500, requestTimeoutMs: 1000 } });
    const socket = tls.connect({
      host: '127.0.0.1',
      port: env.status.port!,
      ca: env.status.caPem!,
      servername: undefined,
    });
    await new Promise<void>((resolve) => socket.once('secureConnect', () => resolve()));
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const started = Date.now();
    const closed = await new Promise<boolean>((resolve) => {
      const t = setTimeout(() => resolve(false), 5000);
      socket.once('close', () => {
        clearTimeout(t);
        resolve(true);
      });
      socket.on('data', () => {});
      socket.on('error', () => {});
    });
    expect(closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('a client opening connection after connection is turned away past the limit; others are served again once it lets go', async () => {
    env = await makeRoomEnv({ limits: { maxConnections: 4 } });
    const open = () =>
      new Promise<tls.TLSSocket | null>((resolve) => {
        const s = tls.connect({ host: '127.0.0.1', port: env.status.port!, ca: env.status.caPem! });
        s.once('secureConnect', () => resolve(s));
        s.once('error', () => resolve(null));
        s.once('close', () => resolve(null));
      });
    const held: tls.TLSSocket[] = [];
    for (let i = 0; i < 4; i++) {
      const s = await open();
      if (s) held.push(s);
    }
    expect(held).toHaveLength(4);
    expect(await open()).toBeNull();
    for (const s of held) s.destroy();
    await expect.poll(async () => (await env.client().request('GET', '/')).status).toBe(200);
  });

  it('serves the built page and nothing else: no source maps, no listing, no escape', async () => {
    env = await makeRoomEnv();
    const c = env.client();
    const page = await c.request('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['strict-transport-security']).toBeDefined();
    expect((await c.request('GET', '/assets/app.js')).status).toBe(200);
    expect((await c.request('GET', '/assets/app.js.map')).status).toBe(404);
    expect((await c.request('GET', '/assets/')).body).not.toContain('app.js');
    expect((await c.request('GET', '/..%2f..%2fetc%2fpasswd')).status).toBe(404);
    expect((await c.request('GET', '/rpc')).status).toBe(405);
  });

  it('is refused where the host cannot listen, on a foreign address, and for a meeting that does not run', async () => {
    env = await makeRoomEnv({ open: false });
    const foreign = await env.api['room.open']({ meetingId: env.meetingId, address: '192.0.2.1' }).catch(
      (e: { error: unknown }) => e.error,
    );
    expect(foreign).toMatchObject({ code: 'CONFLICT', info: { reason: 'room_address' } });
    const status: RoomStatus = await env.api['room.status']({});
    expect(status.running).toBe(false);
    const interfaces = await env.api['room.interfaces']({});
    expect(interfaces).toContainEqual({
      name: expect.any(String) as string,
      address: '127.0.0.1',
      internal: true,
    });
    // A participant may not open or see the room's controls.
    await env.login('ind');
    const refused = await env.api['room.status']({}).catch((e: { error: unknown }) => e.error);
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
  });
});
