import crypto from 'node:crypto';
import os from 'node:os';
import type { RoomInterface, RoomState, RoomStatus } from '../../../shared/contract/room';
import { isRoomCallable, isRoomCaller } from '../../../shared/contract/room';
import type { Caller, Dispatch } from '../../../shared/dispatcher';
import type { Session } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import { writeAudited, type CoreContext } from '../context';
import { projectorView, type ProjectorHub, PROJECTOR_WAIT_MS } from '../meetings/projector';
import { attendance } from '../positions/item';
import { getSetting, setSetting } from '../settings/settings';
import { createRoomCa, fingerprintGroups, issueRoomServerCertificate, type RoomCa } from './certificate';
import type { RoomEndReason, RoomEvent, RoomGateway, RoomListener, RoomPort } from './port';
import { meetingState, runningMeeting } from './repo';

interface Running {
  meetingId: number;
  address: string;
  listener: RoomListener;
  fingerprint: string;
  validUntil: string;
  caPem: string;
}

interface Connection {
  id: string;
  userId: number;
  source: string;
  since: number;
  lastSeen: number;
}

/** A refused request is audited at most once per source in this window (a flood must not flood the chain). */
const REFUSAL_AUDIT_WINDOW_MS = 60_000;

const conflict = (
  reason: 'room_closed' | 'room_unavailable' | 'room_address' | 'room_other_meeting',
  m: string,
) => new AppError('CONFLICT', m, { info: { reason } });

/** This machine's IPv4 addresses (loopback included, for a try-out on this machine alone). */
export function ipv4Interfaces(): RoomInterface[] {
  const out: RoomInterface[] = [];
  for (const [name, addresses] of Object.entries(os.networkInterfaces()))
    for (const a of addresses ?? [])
      if (a.family === 'IPv4') out.push({ name, address: a.address, internal: a.internal });
  return out;
}

/**
 * The meeting room's state and rules, in the backend's process: whether the listener runs and for
 * which meeting, who is connected, who may join, and the revision every participant's page follows.
 * The listener itself (electron/room/server.ts) comes in through the RoomPort and only moves bytes.
 */
export class Room {
  private running: Running | null = null;
  private connections = new Map<string, Connection>();
  private rev = 1;
  private listeners = new Set<(e: RoomEvent) => void>();
  private waiters = new Set<() => void>();
  private refusedAt = new Map<string, number>();
  private dispatch: Dispatch | null = null;
  /** A start in progress: a second open waits for it instead of starting another listener. */
  private starting: Promise<unknown> | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly port: RoomPort | undefined,
    private readonly hub: ProjectorHub,
  ) {
    // Locking ends every session (the registry's endAll); the listener stops with it.
    ctx.vault.onLock(() => void this.stop('closed', null));
  }

  /** The backend's dispatcher, once built (it needs the handlers, which need this room). */
  attach(dispatch: Dispatch): void {
    this.dispatch = dispatch;
  }

  private now(): number {
    return this.ctx.ports.clock().getTime();
  }

  // --- the chair's side ------------------------------------------------------------------------------

  status(): RoomStatus {
    this.prune();
    const r = this.running;
    const port = r?.listener.port ?? null;
    return {
      running: r !== null,
      meetingId: r?.meetingId ?? null,
      address: r?.address ?? null,
      port,
      url: r ? `https://${r.address}:${port}/` : null,
      fingerprint: r?.fingerprint ?? null,
      fingerprintShort: r ? r.fingerprint.split(' ').slice(0, 4).join(' ') : null,
      caPem: r?.caPem ?? null,
      validUntil: r?.validUntil ?? null,
      connections: [...this.connections].flatMap(([callerId, c]) => {
        const s = this.ctx.sessions.get(callerId);
        if (!s) return [];
        return [
          {
            id: c.id,
            userId: s.userId,
            person: s.displayName,
            organisationId: s.organisationId,
            organisation: s.organisationName,
            source: c.source,
            since: new Date(c.since).toISOString(),
            lastSeen: new Date(c.lastSeen).toISOString(),
          },
        ];
      }),
      revision: this.rev,
    };
  }

  async open(
    session: Session,
    input: { meetingId: number; address: string; port: number },
  ): Promise<RoomStatus> {
    if (!this.port || !this.dispatch)
      throw conflict('room_unavailable', 'This host cannot listen on a network');
    while (this.starting) await this.starting.catch(() => undefined);
    this.requireRunningMeeting(input.meetingId);
    const r = this.running;
    if (r && r.meetingId !== input.meetingId)
      throw conflict('room_other_meeting', 'The room is open for another meeting');
    if (r && r.address === input.address && (input.port === 0 || input.port === r.listener.port))
      return this.status();
    if (!ipv4Interfaces().some((i) => i.address === input.address))
      throw conflict('room_address', 'Not an address of this machine');
    const start = this.start(session, input);
    this.starting = start;
    try {
      await start;
    } finally {
      this.starting = null;
    }
    return this.status();
  }

  private async start(
    session: Session,
    input: { meetingId: number; address: string; port: number },
  ): Promise<void> {
    if (this.running) await this.stop('closed', session);
    const ca = await this.roomCa();
    const cert = await issueRoomServerCertificate(ca, input.address, this.ctx.ports.clock());
    let listener: RoomListener;
    try {
      listener = await this.port!.listen({
        address: input.address,
        port: input.port,
        keyPem: cert.keyPem,
        certPem: cert.chainPem,
        gateway: this.gateway(),
      });
    } catch (e) {
      this.ctx.ports.logger.warn('The meeting room could not listen', {
        address: input.address,
        error: e instanceof Error ? e.message : String(e),
      });
      throw conflict('room_address', 'Could not listen on this address');
    }
    // The meeting may have ended, or the environment locked, while the listener started.
    if (this.ctx.vault.state() !== 'open' || !this.meetingRuns(input.meetingId)) {
      await listener.close();
      throw conflict('room_closed', 'The meeting ended meanwhile');
    }
    this.running = {
      meetingId: input.meetingId,
      address: input.address,
      listener,
      fingerprint: fingerprintGroups(cert.sha256),
      validUntil: cert.validUntil,
      caPem: ca.certificatePem,
    };
    writeAudited(this.ctx, session, () => ({
      result: null,
      audit: { action: 'room.open', entity: 'meetings', ids: [input.meetingId] },
    }));
    this.ctx.ports.logger.info('Meeting room open', { address: input.address, port: listener.port });
    this.bump();
  }

  /**
   * Stops the listener and ends every session on it (room.close, the meeting's end, the lock). The
   * audit records need the open database: on a lock it is closed already, and the log says it.
   */
  async stop(reason: RoomEndReason, session: Session | null): Promise<RoomStatus> {
    const r = this.running;
    if (!r) return this.status();
    this.running = null;
    const ended = [...this.connections.keys()];
    const users: number[] = [];
    for (const callerId of ended) {
      const s = this.ctx.sessions.end(callerId);
      if (s) users.push(s.userId);
      this.connections.delete(callerId);
      this.emit({ type: 'end', callerId, reason });
    }
    if (this.ctx.vault.state() === 'open')
      writeAudited(this.ctx, session, () => ({
        result: null,
        audit: [
          ...users.map((u) => ({ action: 'room.leave', entity: 'users', ids: [u] })),
          { action: 'room.close', entity: 'meetings', ids: [r.meetingId] },
        ],
      }));
    this.ctx.ports.logger.info('Meeting room closed', { reason, sessionsEnded: ended.length });
    this.bump();
    await r.listener.close();
    return this.status();
  }

  disconnect(session: Session, connectionId: string): RoomStatus {
    const entry = [...this.connections].find(([, c]) => c.id === connectionId);
    if (!entry) throw new AppError('NOT_FOUND', 'No such connection');
    this.leave(entry[0], 'removed', session);
    return this.status();
  }

  // --- participants --------------------------------------------------------------------------------

  /** Checked by the dispatcher before anything else, for callers on the listener only. */
  guard(method: string, caller: Caller): void {
    if (!isRoomCaller(caller.id)) return;
    if (!this.running) throw conflict('room_closed', 'The meeting room is closed');
    if (!isRoomCallable(method)) {
      this.refused(caller.source, `method ${method}`, this.ctx.sessions.get(caller.id));
      throw new AppError('FORBIDDEN', 'Not callable from the meeting room', {
        info: { reason: 'room_method' },
      });
    }
    // A participant never opens a locked environment from the network: only a key holder at the
    // chair's machine does.
    if (method === 'auth.login' && this.ctx.vault.state() !== 'open')
      throw conflict('room_closed', 'The environment is locked');
  }

  /**
   * Called by auth.login once the password is proven, before the session starts: only people of an
   * organisation taking part in the running meeting join; one absent with apologies does not.
   */
  admit(caller: Caller, session: Session): void {
    if (!isRoomCaller(caller.id)) return;
    const r = this.running;
    if (!r) throw conflict('room_closed', 'The meeting room is closed');
    const attendee = attendance(this.ctx.vault.database(), r.meetingId).find(
      (a) => a.organisationId === session.organisationId,
    );
    const reason = !attendee
      ? ('room_not_participating' as const)
      : attendee.presence === 'afwezig_met_bericht'
        ? ('room_absent' as const)
        : null;
    if (reason) {
      writeAudited(this.ctx, session, () => ({
        result: null,
        audit: { action: `room.refused.${reason}`, entity: 'users', ids: [session.userId] },
      }));
      this.ctx.ports.logger.warn('Meeting room: refused a participant', { reason, source: caller.source });
      throw new AppError('FORBIDDEN', 'Organisation may not join this meeting', { info: { reason } });
    }
  }

  /** After a successful login on the listener: the connection shows in the chair's list. */
  joined(caller: Caller, session: Session): void {
    if (!isRoomCaller(caller.id) || !this.running) return;
    const previous = this.connections.get(caller.id);
    const now = this.now();
    this.connections.set(caller.id, {
      id: previous?.id ?? crypto.randomBytes(12).toString('hex'),
      userId: session.userId,
      source: caller.source,
      since: now,
      lastSeen: now,
    });
    writeAudited(this.ctx, session, () => ({
      result: null,
      audit: { action: 'room.join', entity: 'meetings', ids: [this.running!.meetingId] },
    }));
    this.bump();
  }

  /** Ends one connection: its session, its event streams, its cookie. */
  leave(callerId: string, reason: RoomEndReason, by: Session | null): void {
    const c = this.connections.get(callerId);
    if (!c) return;
    this.connections.delete(callerId);
    const s = this.ctx.sessions.end(callerId);
    if (this.ctx.vault.state() === 'open' && s)
      writeAudited(this.ctx, by ?? s, () => ({
        result: null,
        audit: {
          action: reason === 'removed' ? 'room.remove' : 'room.leave',
          entity: 'users',
          ids: [s.userId],
        },
      }));
    this.emit({ type: 'end', callerId, reason });
    this.bump();
  }

  /**
   * Connections whose session ended elsewhere (logged out, idle time, a disabled account, a password
   * reset) are let go: audited as a leave, their event streams closed.
   */
  prune(reason: RoomEndReason = 'expired'): void {
    for (const [callerId, c] of [...this.connections]) {
      if (this.ctx.sessions.get(callerId)) continue;
      this.connections.delete(callerId);
      if (this.ctx.vault.state() === 'open')
        writeAudited(this.ctx, null, () => ({
          result: null,
          audit: {
            action: reason === 'logout' ? 'room.leave' : 'room.expire',
            entity: 'users',
            ids: [c.userId],
          },
        }));
      this.emit({ type: 'end', callerId, reason });
      this.bump();
    }
  }

  isLive(callerId: string): boolean {
    if (!this.running || !this.connections.has(callerId)) return false;
    if (!this.ctx.sessions.get(callerId)) {
      this.prune();
      return false;
    }
    return true;
  }

  /** A refusal, in the audit log at most once per source and minute (see REFUSAL_AUDIT_WINDOW_MS). */
  refused(source: string, why: string, session: Session | null = null): void {
    this.ctx.ports.logger.warn('Meeting room: refused a request', { source, why });
    const now = this.now();
    const last = this.refusedAt.get(source);
    if (last !== undefined && now - last < REFUSAL_AUDIT_WINDOW_MS) return;
    this.refusedAt.set(source, now);
    if (this.refusedAt.size > 1000) this.refusedAt.clear();
    if (this.ctx.vault.state() === 'open')
      writeAudited(this.ctx, session, () => ({
        result: null,
        audit: {
          action: 'room.refused.request',
          entity: 'meetings',
          ids: this.running ? [this.running.meetingId] : [],
        },
      }));
  }

  // --- what participants see -------------------------------------------------------------------------

  /** After every call: a change participants see bumps the revision; the meeting's end closes the room. */
  afterCall(method: string, changed: boolean): void {
    if (!this.running) return;
    if (method === 'auth.logout') this.prune('logout');
    if (!changed) return;
    if (!this.meetingRuns(this.running.meetingId)) {
      void this.stop('closed', null).catch((e: unknown) =>
        this.ctx.ports.logger.error('Could not stop the meeting room', { error: String(e) }),
      );
      return;
    }
    this.bump();
  }

  bump(): void {
    this.rev++;
    this.emit({ type: 'change', revision: this.rev });
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiting) wake();
  }

  state(session: Session): RoomState {
    const db = this.ctx.vault.database();
    const m = runningMeeting(db);
    return {
      revision: this.rev,
      meeting: m ? { id: m.id, date: m.date, city: getSetting(db, 'city'), state: m.state } : null,
      currentItemId: m?.current_item_id ?? null,
      projector: projectorView(db, this.hub),
      organisation: { id: session.organisationId, name: session.organisationName },
      person: session.displayName,
    };
  }

  /** Resolves at once when behind, else at the next change or after `timeoutMs`. */
  wait(sinceRevision: number, timeoutMs = PROJECTOR_WAIT_MS): Promise<void> {
    if (sinceRevision !== this.rev) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      timer.unref?.();
      this.waiters.add(wake);
    });
  }

  // --- internals -----------------------------------------------------------------------------------

  private gateway(): RoomGateway {
    return {
      dispatch: (method, input, caller) => this.dispatch!(method, input, caller),
      isLive: (callerId) => this.isLive(callerId),
      seen: (callerId) => {
        const c = this.connections.get(callerId);
        if (c) c.lastSeen = this.now();
      },
      revision: () => this.rev,
      subscribe: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
      refused: (source, why) => this.refused(source, why),
    };
  }

  private emit(e: RoomEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch (err) {
        this.ctx.ports.logger.error('A meeting room listener failed', { error: String(err) });
      }
    }
  }

  private meetingRuns(meetingId: number): boolean {
    return meetingState(this.ctx.vault.database(), meetingId) === 'bezig';
  }

  private requireRunningMeeting(meetingId: number): void {
    const state = meetingState(this.ctx.vault.database(), meetingId);
    if (state === undefined) throw new AppError('NOT_FOUND', 'No such meeting');
    if (state !== 'bezig')
      throw new AppError('CONFLICT', 'The meeting is not running', { info: { reason: 'not_running' } });
  }

  /** The room's CA, made at the first start and kept in the encrypted database (certificate.ts). */
  private async roomCa(): Promise<RoomCa> {
    const db = this.ctx.vault.database();
    const stored = getSetting(db, 'room_ca');
    if (stored) return JSON.parse(stored) as RoomCa;
    const ca = await createRoomCa(getSetting(db, 'city'), this.ctx.ports.clock());
    const d = this.ctx.vault.database();
    if (!getSetting(d, 'room_ca')) setSetting(d, 'room_ca', JSON.stringify(ca));
    return JSON.parse(getSetting(d, 'room_ca')!) as RoomCa;
  }
}
