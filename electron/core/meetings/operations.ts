import type { Handlers, MethodOutput } from '../../../shared/contract/index';
import type { MeetingDetail, MeetingOptions, MeetingState } from '../../../shared/contract/meetings';
import { isLate } from '../../../shared/domain/agenda';
import { statusAtEnd } from '../../../shared/domain/agenda-order';
import { hasAnyRole, type Role, type Session } from '../../../shared/domain/roles';
import { AppError, type ConflictReason } from '../../../shared/errors';
import { meetingCutoff } from '../agenda/propose';
import type { AuditFacts } from '../context';
import type { Db } from '../db/open';
import { lockMeetingDecisions } from '../decisions/lock';
import { openDecisionWithConsents } from '../decisions/repo';
import { dossierRef, dossierRefByNumber, type DossierRef } from '../dossiers/repo';
import { organisationExists } from '../organisations/repo';
import { latestVersion } from '../minutes/versions';
import { getSetting } from '../settings/settings';
import { dossierBrief } from './dossier-brief';
import {
  activeUsers,
  bumpVersion,
  detail,
  earlierRequest,
  enabledUserRoles,
  expectVersion,
  insertMeeting,
  insertRequest,
  itemIdsInOrder,
  itemOf,
  latestMeetingDate,
  listItems,
  markEnded,
  markInPreparation,
  markStarted,
  meetingRow,
  nextUnstartedMeeting,
  otherRunningMeetingId,
  runningMeetingCurrentItem,
  setAttendanceNames,
  setCurrentItem,
  setItemNote,
  setItemStatus,
  setPresence,
  stateOf,
  updateMeeting,
  type MeetingRow,
} from './repo';
import { nextOnCadence, suggestMeetingDate } from './schedule';

/*
 * The meeting's life: planning, attendance, start, stepping through the agenda, the end, and the
 * parties' requests to discuss a dossier. Each change is a function from the database (inside the
 * caller's transaction) to the result and its audit facts, like decisions/operations.ts; the handler
 * wraps it in writeAudited and wakes the projector.
 */

type Input<M extends keyof Handlers> = Parameters<Handlers[M]>[0];
export type Change<T> = { result: T; audit: AuditFacts | AuditFacts[] };

/** A refusal because of the meeting's state; `reason` lets the UI say which rule applied. */
export function conflict(reason: ConflictReason, message: string): AppError {
  return new AppError('CONFLICT', message, { info: { reason } });
}

export function badField(path: string, code: string, message: string): AppError {
  return new AppError('BAD_INPUT', message, { fields: [{ path, code, message }] });
}

export function requireState(
  row: MeetingRow,
  allowed: readonly MeetingState[],
  reason: ConflictReason,
): void {
  if (!allowed.includes(stateOf(row)))
    throw conflict(reason, `Not allowed while the meeting is ${row.state}`);
}

/** States in which the agenda may still change, and those before the meeting started. */
export const EDITABLE: readonly MeetingState[] = ['gepland', 'in_voorbereiding', 'bezig'];
export const BEFORE: readonly MeetingState[] = ['gepland', 'in_voorbereiding'];

/** The meeting as the screens show it, with its request cut-off. */
export function meetingView(db: Db, id: number): MeetingDetail {
  return detail(db, id, meetingCutoff(db, meetingRow(db, id).date));
}

/**
 * One edit of a meeting: check state and version, change, bump the version, move a planned meeting
 * into preparation once its agenda is touched. The caller runs it in one transaction with its audit.
 */
export function editMeeting(
  db: Db,
  input: { meetingId: number; version: number },
  opts: { states: readonly MeetingState[]; reason: ConflictReason; agenda?: boolean },
  change: (row: MeetingRow) => AuditFacts | AuditFacts[],
): Change<MeetingDetail> {
  const row = meetingRow(db, input.meetingId);
  requireState(row, opts.states, opts.reason);
  expectVersion(row, input.version);
  const audit = change(row);
  bumpVersion(db, row.id);
  if (opts.agenda && stateOf(row) === 'gepland') markInPreparation(db, row.id);
  return { result: meetingView(db, row.id), audit };
}

function userWithRole(db: Db, id: number | null, roles: readonly Role[], path: string): void {
  if (id === null) return;
  const userRoles = enabledUserRoles(db, id);
  if (!userRoles) throw badField(path, 'unknown', 'Unknown user');
  if (!hasAnyRole({ roles: userRoles }, roles)) throw badField(path, 'wrong_role', 'User lacks the role');
}

/** A dossier by the number someone typed; a field error on `path` when there is none. */
export function dossierByNumber(db: Db, number: string, path: string): DossierRef {
  const d = dossierRefByNumber(db, number);
  if (!d) throw badField(path, 'unknown_dossier', 'No dossier with this number');
  return d;
}

function peopleWith(db: Db, roles: readonly Role[]) {
  return activeUsers(db)
    .filter((u) => hasAnyRole(u, roles))
    .map((u) => ({ id: u.id, displayName: u.displayName }));
}

export function meetingOptions(db: Db, today: string): MeetingOptions {
  const cadence = getSetting(db, 'cadence');
  return {
    cadence,
    suggestedDate: suggestMeetingDate(latestMeetingDate(db), cadence, today),
    chairs: peopleWith(db, ['voorzitter']),
    secretaries: peopleWith(db, ['notulist', 'voorzitter']),
  };
}

export function planMeeting(
  db: Db,
  s: Session,
  input: Input<'meetings.plan'>,
  today: string,
): Change<MeetingDetail> {
  const date = input.date ?? suggestMeetingDate(latestMeetingDate(db), getSetting(db, 'cadence'), today);
  // The planner chairs or minutes by default when that is their role.
  const chair = input.chairUserId ?? (s.roles.includes('voorzitter') ? s.userId : null);
  const secretary = input.secretaryUserId ?? (s.roles.includes('notulist') ? s.userId : null);
  userWithRole(db, chair, ['voorzitter'], 'chairUserId');
  userWithRole(db, secretary, ['notulist', 'voorzitter'], 'secretaryUserId');
  const id = insertMeeting(db, {
    date,
    time: input.time,
    place: input.place,
    chairUserId: chair,
    secretaryUserId: secretary,
  });
  return { result: meetingView(db, id), audit: { action: 'meeting.create', entity: 'meetings', ids: [id] } };
}

export function changeMeeting(db: Db, input: Input<'meetings.update'>): Change<MeetingDetail> {
  const after = stateOf(meetingRow(db, input.meetingId)) === 'afgerond';
  return editMeeting(db, input, { states: after ? ['afgerond'] : BEFORE, reason: 'started' }, (row) => {
    userWithRole(db, input.chairUserId, ['voorzitter'], 'chairUserId');
    userWithRole(db, input.secretaryUserId, ['notulist', 'voorzitter'], 'secretaryUserId');
    if (after) {
      // A meeting planned without a chair or secretary could otherwise never have its minutes adopted
      // (they sign). After the meeting only who chaired and minuted it may still be recorded, and only
      // until the minutes are adopted: the adopted version names its signers.
      if (input.date !== row.date || input.time !== row.time || input.place !== row.place)
        throw conflict('finished', 'Only the chair and secretary can be recorded after the meeting');
      requireMinutesOpen(db, row.id);
      updateMeeting(db, row.id, input);
      return { action: 'meeting.signers', entity: 'meetings', ids: [row.id] };
    }
    updateMeeting(db, row.id, input);
    return { action: 'meeting.update', entity: 'meetings', ids: [row.id] };
  });
}

/** Refuses once the latest version of the meeting's minutes is adopted (or signed). */
function requireMinutesOpen(db: Db, meetingId: number): void {
  const state = latestVersion(db, meetingId)?.state;
  if (state === 'vastgesteld' || state === 'ondertekend')
    throw conflict('minutes_state', 'The minutes of this meeting are adopted');
}

/** States in which the notulist's notes and names may still change. */
const NOTES: readonly MeetingState[] = ['in_voorbereiding', 'bezig', 'afgerond'];

export function writeItemNote(db: Db, input: Input<'meetings.setItemNote'>): Change<MeetingDetail> {
  const row = meetingRow(db, input.meetingId);
  requireState(row, NOTES, 'not_running');
  requireMinutesOpen(db, row.id);
  itemOf(db, row.id, input.itemId);
  setItemNote(db, input.itemId, input.note);
  return {
    result: meetingView(db, row.id),
    audit: { action: 'agenda.note', entity: 'agenda_items', ids: [row.id, input.itemId] },
  };
}

export function writeAttendanceNames(
  db: Db,
  input: Input<'meetings.setAttendanceNames'>,
): Change<MeetingDetail> {
  const row = meetingRow(db, input.meetingId);
  requireState(row, NOTES, 'not_running');
  requireMinutesOpen(db, row.id);
  if (!setAttendanceNames(db, row.id, input.organisationId, input.names))
    throw badField('organisationId', 'no_attendance', 'No attendance recorded for this organisation');
  return {
    result: meetingView(db, row.id),
    audit: { action: 'attendance.names', entity: 'meetings', ids: [row.id, input.organisationId] },
  };
}

/**
 * Issue 11, the attendance trick: mark the objector "afwezig met bericht", settle, mark them present
 * again. A participant therefore cannot be marked as leaving the table while a decision of this
 * meeting is open with consents given. Refusing (rather than clearing the consents) keeps every voice
 * that was given on the record: the chair can settle first (the decision then keeps the table as it
 * was) or change the text, which clears the consents in the open. Joining is always allowed: it adds a
 * voice that must still respond and so cannot carry anything over anyone.
 */
function refuseLeavingAfterConsent(
  db: Db,
  meetingId: number,
  organisationId: number,
  presence: string | null,
): void {
  const participates = (p: string | null | undefined) => p != null && p !== 'afwezig_met_bericht';
  const before = meetingView(db, meetingId).attendance.find((a) => a.organisationId === organisationId);
  if (!participates(before?.presence) || participates(presence)) return;
  const open = openDecisionWithConsents(db, meetingId);
  if (open)
    throw new AppError('CONFLICT', 'A participant cannot leave while a decision has consents', {
      info: { reason: 'attendance_after_consent', number: open.number },
    });
}

export function recordAttendance(db: Db, input: Input<'meetings.setAttendance'>): Change<MeetingDetail> {
  return editMeeting(db, input, { states: EDITABLE, reason: 'finished' }, (row) => {
    if (!organisationExists(db, input.organisationId))
      throw badField('organisationId', 'unknown', 'Unknown organisation');
    refuseLeavingAfterConsent(db, row.id, input.organisationId, input.presence);
    setPresence(db, row.id, input.organisationId, input.presence);
    return { action: 'attendance.record', entity: 'meetings', ids: [row.id, input.organisationId] };
  });
}

export function startMeeting(db: Db, input: Input<'meetings.start'>, now: string): Change<MeetingDetail> {
  return editMeeting(db, input, { states: BEFORE, reason: 'started' }, (row) => {
    if (otherRunningMeetingId(db, row.id) !== undefined)
      throw conflict('other_running', 'Another meeting is running');
    const first = itemIdsInOrder(db, row.id)[0];
    if (first === undefined) throw conflict('empty_agenda', 'The agenda is empty');
    markStarted(db, row.id, now, first);
    return { action: 'meeting.start', entity: 'meetings', ids: [row.id] };
  });
}

export function endMeeting(db: Db, input: Input<'meetings.end'>, now: string): Change<MeetingDetail> {
  return editMeeting(db, input, { states: ['bezig'], reason: 'not_running' }, (row) => {
    // What was not finished carries over to the next meeting ("doorgeschoven").
    for (const item of listItems(db, row.id)) {
      const status = statusAtEnd(item.kind, item.status);
      if (status !== item.status) setItemStatus(db, item.id, status);
    }
    markEnded(db, row.id, now);
    // The meeting's decisions are final now: changing one needs decisions.reopen with a reason.
    const locked = lockMeetingDecisions(db, row.id);
    return [
      { action: 'meeting.end', entity: 'meetings', ids: [row.id] },
      ...(locked.length ? [{ action: 'decision.lock', entity: 'decisions', ids: locked }] : []),
    ];
  });
}

export function stepTo(db: Db, { meetingId, itemId }: Input<'meetings.setCurrent'>): Change<MeetingDetail> {
  requireState(meetingRow(db, meetingId), ['bezig'], 'not_running');
  itemOf(db, meetingId, itemId);
  setCurrentItem(db, meetingId, itemId);
  return {
    result: meetingView(db, meetingId),
    audit: { action: 'meeting.step', entity: 'agenda_items', ids: [meetingId, itemId] },
  };
}

export function changeItemStatus(
  db: Db,
  { meetingId, itemId, status }: Input<'meetings.setItemStatus'>,
): Change<MeetingDetail> {
  requireState(meetingRow(db, meetingId), ['bezig'], 'not_running');
  itemOf(db, meetingId, itemId);
  setItemStatus(db, itemId, status);
  bumpVersion(db, meetingId);
  return {
    result: meetingView(db, meetingId),
    audit: { action: 'agenda.status', entity: 'agenda_items', ids: [meetingId, itemId] },
  };
}

export function itemDetail(db: Db, { meetingId, itemId }: Input<'meetings.itemDetail'>) {
  const item = itemOf(db, meetingId, itemId);
  return { item, dossier: item.dossierId === null ? null : dossierBrief(db, item.dossierId) };
}

/**
 * The next meeting a request is for: the earliest one from today on that has not started. When there
 * is none, it is planned here on the city's cadence (as `meetings.plan` would suggest it), without a
 * chair or secretary yet: asking for a discussion must not wait for the chair to plan ahead.
 */
function nextMeeting(db: Db, today: string): { row: MeetingRow; planned: boolean } {
  const found = nextUnstartedMeeting(db, today);
  if (found) return { row: found, planned: false };
  const cadence = getSetting(db, 'cadence');
  const latest = latestMeetingDate(db);
  // With no meeting at all, today's date would leave no time before the cut-off: take the next one.
  const date = latest === null ? nextOnCadence(today, cadence) : suggestMeetingDate(latest, cadence, today);
  const id = insertMeeting(db, { date, time: '10:00', place: '', chairUserId: null, secretaryUserId: null });
  return { row: meetingRow(db, id), planned: true };
}

export function requestDiscussion(
  db: Db,
  s: Session,
  input: Input<'meetings.requestDiscussion'>,
  today: string,
  now: string,
): Change<MethodOutput<'meetings.requestDiscussion'>> {
  const target = input.meetingId === undefined ? nextMeeting(db, today) : null;
  const row = target?.row ?? meetingRow(db, input.meetingId!);
  requireState(row, BEFORE, 'started');
  const planned: AuditFacts[] = target?.planned
    ? [{ action: 'meeting.create', entity: 'meetings', ids: [row.id] }]
    : [];
  const dossier =
    input.dossierNumber !== undefined
      ? dossierByNumber(db, input.dossierNumber, 'dossierNumber')
      : dossierRef(db, input.dossierId!);
  if (!dossier) throw badField('dossierId', 'unknown_dossier', 'No such dossier');
  const cutoff = meetingCutoff(db, row.date);
  const earlier = earlierRequest(db, row.id, dossier.id, s.organisationId);
  const base = {
    meetingId: row.id,
    meetingDate: row.date,
    plannedMeeting: target?.planned ?? false,
    dossierId: dossier.id,
    dossierNumber: dossier.number,
    cutoff,
  };
  if (earlier)
    return {
      result: {
        ...base,
        id: earlier.id,
        requestedAt: earlier.requested_at,
        late: earlier.late === 1,
        existing: true,
      },
      audit: planned,
    };
  // A request exactly at the cut-off is on time (the same rule as proposeAgenda).
  const late = isLate(now, cutoff);
  const id = insertRequest(db, {
    meetingId: row.id,
    dossierId: dossier.id,
    organisationId: s.organisationId,
    at: now,
    late,
  });
  return {
    result: { ...base, id, requestedAt: now, late, existing: false },
    audit: [
      ...planned,
      { action: 'discussion.request', entity: 'discussion_requests', ids: [id, dossier.id] },
    ],
  };
}

/**
 * Only the item on the screen now can be revealed; the reveal ends when the chair moves on.
 * A name on the wall is logged, like any other disclosure (ids only).
 */
export function revealOnProjector(db: Db, itemId: number, reveal: boolean): Change<null> {
  if (reveal && runningMeetingCurrentItem(db)?.current_item_id !== itemId)
    throw conflict('not_current', 'Only the current item can be revealed');
  return {
    result: null,
    audit: { action: reveal ? 'projector.reveal' : 'projector.hide', entity: 'agenda_items', ids: [itemId] },
  };
}
