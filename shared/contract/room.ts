import { z } from 'zod';
import { allow, method } from './define';
import { ProjectorView } from './meetings';
import type { MethodName } from './index';

/*
 * The meeting room ("Deelnemers laten aansluiten"): for the length of a running meeting the backend
 * also listens with HTTPS on one network address of this machine, so every party follows and acts
 * from its own laptop. The chair or the secretary opens and closes it and sees who is connected; the
 * participants' pages call the same contract over the listener, limited to `roomCallable` below.
 *
 * The listener's own endpoints (electron/room/server.ts), besides the built renderer's files:
 *   POST /login  {username, password}   → {ok, value: {session, csrfToken}} and the session cookie
 *   GET  /session                        → {ok, value: {session, csrfToken}} for a page reloaded
 *   POST /logout                         → ends the session, clears the cookie
 *   POST /rpc    {method, input}         → the dispatcher's RpcResult; header X-CSRF-Token required;
 *                                          answer header X-Room-Revision: the revision that includes
 *                                          this call's change
 *   GET  /events                         → server-sent events: `change` {revision} at once and whenever
 *                                          the running meeting changes, `end` {reason: logout | removed
 *                                          | closed | expired} when the session ends (then log in again)
 * Every POST needs the listener's own Origin and the CSRF token (except /login, which returns it).
 * Refusals before the dispatcher answer JSON RpcResults too: 401 UNAUTHENTICATED (no or dead session),
 * 403 FORBIDDEN (foreign Origin, CSRF), 413 (body over 64 KB), 429 (too many requests: slow down),
 * 421 (another Host). The session cookie is `__Host-lvv_room` (HttpOnly, Secure, SameSite=Strict).
 */

const Id = z.number().int().positive();
const Empty = z.object({}).strict();

/** A network interface of this machine that the listener can bind to. */
export const RoomInterface = z.object({
  /** The operating system's name for it (eth0, en0, Wi-Fi). */
  name: z.string(),
  /** IPv4 address; 127.0.0.1 is listed for a try-out on this machine alone. */
  address: z.string(),
  internal: z.boolean(),
});
export type RoomInterface = z.infer<typeof RoomInterface>;

/** One participant's browser connected to the listener. */
export const RoomConnection = z.object({
  /** Opaque id for room.disconnect; not the session cookie. */
  id: z.string(),
  userId: z.number().int(),
  person: z.string(),
  organisationId: z.number().int(),
  organisation: z.string(),
  /** Where the connection comes from (its IP address), for the chair to spot a stranger. */
  source: z.string(),
  since: z.string(),
  lastSeen: z.string(),
});
export type RoomConnection = z.infer<typeof RoomConnection>;

export const RoomStatus = z.object({
  running: z.boolean(),
  meetingId: z.number().int().nullable(),
  address: z.string().nullable(),
  port: z.number().int().nullable(),
  /** What participants open (and the QR code holds): https://<address>:<port>/ */
  url: z.string().nullable(),
  /**
   * SHA-256 of the listener's certificate, as sixteen groups of four hex digits ("AB12 CD34 …"):
   * what a participant compares by eye with what their browser shows when they do not install ca.pem.
   */
  fingerprint: z.string().nullable(),
  /** The first four groups of the fingerprint, for the projector: short enough to read aloud. */
  fingerprintShort: z.string().nullable(),
  /** The environment's CA certificate (PEM): installed once per organisation, it makes browsers trust the listener. */
  caPem: z.string().nullable(),
  /** Until when the listener's certificate is valid (a new one is made at every start). */
  validUntil: z.string().nullable(),
  connections: z.array(RoomConnection),
  /** Bumped on every change participants see (and on joins and leaves): room.wait waits for it. */
  revision: z.number().int(),
});
export type RoomStatus = z.infer<typeof RoomStatus>;

/** What a participant's page shows around the item work: the running meeting and where it is. */
export const RoomState = z.object({
  revision: z.number().int(),
  /** The running meeting, or null when none runs (the page says the meeting has ended). */
  meeting: z
    .object({ id: z.number().int(), date: z.string(), city: z.string(), state: z.string() })
    .nullable(),
  /** The current agenda item's id (for items.work), null before the chair picks one. */
  currentItemId: z.number().int().nullable(),
  /** The current item as the projector shows it (pseudonymised, no special categories). */
  projector: ProjectorView,
  /** The caller's own organisation: the one they record positions and consent for. */
  organisation: z.object({ id: z.number().int(), name: z.string() }),
  person: z.string(),
});
export type RoomState = z.infer<typeof RoomState>;

const manage = allow('room.manage');
const follow = allow('room.follow');

export const roomMethods = {
  /** This machine's IPv4 interfaces, to choose the meeting room's network from. */
  'room.interfaces': method({ input: Empty, output: z.array(RoomInterface), access: manage }),
  /** Starts the listener for a running meeting on one of this machine's addresses. */
  'room.open': method({
    input: z
      .object({
        meetingId: Id,
        address: z.ipv4(),
        /** 0 or left out: any free port. */
        port: z.number().int().min(0).max(65535).default(0),
      })
      .strict(),
    output: RoomStatus,
    access: manage,
  }),
  /** Stops the listener and ends every participant's session on it. */
  'room.close': method({ input: Empty, output: RoomStatus, access: manage }),
  'room.status': method({ input: Empty, output: RoomStatus, access: manage, activity: false }),
  /** Ends one participant's session on the listener (they must log in again). */
  'room.disconnect': method({
    input: z.object({ connectionId: z.string().min(1).max(100) }).strict(),
    output: RoomStatus,
    access: manage,
  }),
  /** The participant's view of the running meeting. */
  'room.state': method({ input: Empty, output: RoomState, access: follow, activity: false }),
  /**
   * Long poll: answers once the revision is past `sinceRevision` (or after about 25 s with the same
   * one), for the chair's panel on a host without server-sent events.
   */
  'room.wait': method({
    input: z.object({ sinceRevision: z.number().int().min(0) }).strict(),
    output: RoomState,
    access: follow,
    activity: false,
  }),
} as const;

/**
 * The only methods a caller on the listener (caller id `room:…`) may call: following the meeting and
 * the work of one's own organisation. Data rules (only one's own organisation's position and consent)
 * still apply in the handlers. Written once; the backend's guard checks it before anything else.
 */
export const roomCallable = [
  'app.status',
  // The city's house style: public everywhere, so the participant's page looks like the chair's.
  'theme.get',
  'auth.login',
  'auth.logout',
  'auth.changePassword',
  'room.state',
  'room.wait',
  'meetings.get',
  'meetings.itemDetail',
  'projector.wait',
  'items.work',
  'positions.record',
  'positions.history',
  'positions.saveDraft',
  'positions.discardDraft',
  'decisions.consent',
  // A required party that was missing confirms the provisional decision from its own laptop (issue 11).
  'decisions.confirm',
  'decisions.list',
  'actions.list',
] as const satisfies readonly MethodName[];

/** The caller id prefix of every session on the listener. */
export const ROOM_CALLER_PREFIX = 'room:';

export function isRoomCaller(callerId: string): boolean {
  return callerId.startsWith(ROOM_CALLER_PREFIX);
}

export function isRoomCallable(method: string): boolean {
  return (roomCallable as readonly string[]).includes(method);
}

/**
 * The methods whose successful call changes what participants see of the running meeting (the
 * current item, the decision and its consents, positions, actions, the projector): the listener then
 * tells every page to refresh. Drafts are private to their writer and change nothing shown. Typed
 * against the contract, so a renamed method fails to compile here instead of going quiet.
 */
export const roomChangingMethods = [
  'positions.record',
  'decisions.confirm',
  'decisions.save',
  'decisions.consent',
  'decisions.settle',
  'decisions.reopen',
  'escalations.return',
  'outflow.record',
  'outflow.reopen',
  'actions.create',
  'actions.review',
  'meetings.update',
  'meetings.setAttendance',
  'meetings.start',
  'meetings.end',
  'meetings.setCurrent',
  'meetings.setItemStatus',
  'meetings.agenda.accept',
  'meetings.agenda.add',
  'meetings.agenda.remove',
  'meetings.agenda.reorder',
  'meetings.agenda.setMinutes',
  'projector.reveal',
  'projector.blackout',
  'projector.setDecisionText',
] as const satisfies readonly MethodName[];

export function changesRoom(method: string): boolean {
  return (roomChangingMethods as readonly string[]).includes(method);
}
