import { z } from 'zod';
import {
  AgendaReason,
  DEFAULT_TIME_ZONE,
  carryCountOf,
  proposeAgenda,
  type AgendaAction,
  type AgendaDossier,
  type AgendaPositionChange,
  type AgendaRequest,
  type PreviousItem,
  type PreviousMeeting,
  type ProposedItem,
} from '../../../shared/domain/agenda';
import { AgendaItemKind, AgendaItemStatus } from '../../../shared/domain/agenda';
import { addDays } from '../../../shared/domain/dates';
import { DossierStatus } from '../../../shared/domain/dossier';
import {
  StoredAgendaSettings,
  type AgendaProposalView,
  type ProposedItemView,
} from '../../../shared/contract/meetings';
import type { Db } from '../db/open';
import { defaultAgendaSettings, getSetting, setSetting } from '../settings/settings';
import { cutoffWithHolidays, holidaysAround } from './holidays';
import { signalsFor } from './signals';
import { itemLabel, listItems, meetingRow, type MeetingRow } from '../meetings/repo';

/*
 * The proposed agenda fed from the database: a handful of indexed queries gather exactly the inputs
 * of the pure `proposeAgenda` (shared/domain/agenda.ts), which decides. Finished dossiers are only
 * read when a party asked for them, as proposeAgenda ignores them otherwise.
 */

export { defaultAgendaSettings };

export function readAgendaSettings(db: Db): StoredAgendaSettings {
  return getSetting(db, 'agenda_settings');
}

export function writeAgendaSettings(db: Db, settings: StoredAgendaSettings): void {
  setSetting(db, 'agenda_settings', settings);
}

export function meetingCutoff(db: Db, date: string): string {
  return cutoffWithHolidays(date, readAgendaSettings(db).cutoff);
}

const Reasons = z.array(AgendaReason);

/** The meeting held before this one: the latest finished meeting with an earlier date (or same date, created earlier). */
function previousMeeting(db: Db, m: MeetingRow): PreviousMeeting | null {
  const prev = db
    .prepare(
      `SELECT id, date, ended_at FROM meetings
        WHERE state = 'afgerond' AND id <> @id AND (date < @date OR (date = @date AND id < @id))
        ORDER BY date DESC, id DESC LIMIT 1`,
    )
    .get({ id: m.id, date: m.date }) as { id: number; date: string; ended_at: string | null } | undefined;
  if (!prev) return null;
  const rows = db
    .prepare(
      'SELECT kind, dossier_id, title, status, carried_from, reasons FROM agenda_items WHERE meeting_id = ?',
    )
    .all(prev.id) as {
    kind: string;
    dossier_id: number | null;
    title: string | null;
    status: string;
    carried_from: string | null;
    reasons: string;
  }[];
  const items: PreviousItem[] = rows.map((r) => ({
    kind: AgendaItemKind.parse(r.kind),
    dossierId: r.dossier_id,
    title: r.title,
    status: AgendaItemStatus.parse(r.status),
    carriedFrom: r.carried_from,
    carryCount: r.carried_from ? Math.max(1, carryCountOf(Reasons.parse(JSON.parse(r.reasons)))) : 0,
  }));
  return { date: prev.date, endedAt: prev.ended_at, items };
}

interface DossierFacts extends AgendaDossier {
  name: string;
}

export interface DbProposal {
  meeting: MeetingRow;
  cutoff: string;
  items: ProposedItem[];
  /** Dossier names by id, to build pseudonyms (never sent out as such). */
  names: Map<number, string>;
}

/** Gathers the inputs from the database and proposes the agenda of a meeting. */
export function proposeFromDb(db: Db, meetingId: number): DbProposal {
  const meeting = meetingRow(db, meetingId);
  const settings = readAgendaSettings(db);
  const previous = previousMeeting(db, meeting);

  const requests = (
    db
      .prepare(
        'SELECT dossier_id, organisation_id, requested_at FROM discussion_requests WHERE meeting_id = ?',
      )
      .raw()
      .all(meeting.id) as [number, number, string][]
  ).map(([dossierId, organisationId, requestedAt]): AgendaRequest => ({
    dossierId,
    organisationId,
    requestedAt,
  }));

  const returned = new Map(
    db
      .prepare(
        'SELECT dossier_id, max(returned_at) FROM escalations WHERE returned_at IS NOT NULL GROUP BY dossier_id',
      )
      .raw()
      .all() as [number, string][],
  );
  // The latest finished meeting before this one at which each dossier was discussed ('besproken').
  const discussed = new Map(
    db
      .prepare(
        `SELECT i.dossier_id, max(m.date) FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.kind = 'dossier' AND i.status = 'besproken' AND m.state = 'afgerond' AND m.id <> ?
            AND m.date <= ?
          GROUP BY i.dossier_id`,
      )
      .raw()
      .all(meeting.id, meeting.date) as [number, string][],
  );
  const dossiers = (
    db
      .prepare(
        `SELECT id, number, name, status, referred_at, target_date, review_date FROM dossiers
          WHERE status NOT IN ('uitgestroomd', 'gesloten')
             OR id IN (SELECT dossier_id FROM discussion_requests WHERE meeting_id = ?)`,
      )
      .raw()
      .all(meeting.id) as [number, string, string, string, string, string | null, string | null][]
  ).map(([id, number, name, status, referredAt, targetDate, reviewDate]): DossierFacts => ({
    id,
    number,
    name,
    status: DossierStatus.parse(status),
    referredAt,
    targetDate,
    reviewDate,
    escalationReturnedAt: returned.get(id) ?? null,
    lastDiscussedOn: discussed.get(id) ?? null,
  }));

  const actions = (
    db.prepare(`SELECT dossier_id, due_date FROM actions WHERE status = 'open'`).raw().all() as [
      number | null,
      string,
    ][]
  ).map(([dossierId, dueDate]): AgendaAction => ({ dossierId, dueDate, status: 'open' }));

  // A lower bound only (a day early, for time zones): proposeAgenda applies the exact rule.
  const positionsFrom = previous ? `${addDays(previous.date, -1)}T00:00:00.000Z` : '';
  const positionChanges = (
    db
      .prepare('SELECT dossier_id, organisation_id, recorded_at FROM positions WHERE recorded_at > ?')
      .raw()
      .all(positionsFrom) as [number, number, string][]
  ).map(([dossierId, organisationId, recordedAt]): AgendaPositionChange => ({
    dossierId,
    organisationId,
    recordedAt,
  }));

  const pendingConfirmations = (
    db
      .prepare(
        `SELECT d.dossier_id, d.number, m.date FROM decisions d JOIN meetings m ON m.id = d.meeting_id
          WHERE d.state = 'voorlopig_gedragen'`,
      )
      .raw()
      .all() as [number, string, string][]
  ).map(([dossierId, decisionNumber, since]) => ({ dossierId, decisionNumber, since }));

  // Who left since the previous meeting (a lower bound on the date: proposeAgenda applies the rule).
  const outflows = previous
    ? (
        db
          .prepare(
            `SELECT id, number, name, outcome, outflow_date FROM dossiers
              WHERE status IN ('uitgestroomd', 'gesloten') AND outflow_date > ? AND outflow_date <= ?`,
          )
          .raw()
          .all(previous.date, meeting.date) as [number, string, string, string | null, string][]
      ).map(([dossierId, number, name, outcome, outflowDate]) => ({
        dossierId,
        number,
        name,
        outcome,
        outflowDate,
      }))
    : [];

  const proposal = proposeAgenda({
    meetingDate: meeting.date,
    previous,
    settings: { ...settings, cutoff: { ...settings.cutoff, timeZone: DEFAULT_TIME_ZONE } },
    dossiers,
    requests,
    actions,
    positionChanges,
    pendingConfirmations,
    holidays: holidaysAround(meeting.date),
    outflows,
  });
  return {
    meeting,
    cutoff: proposal.cutoff,
    items: proposal.items,
    names: new Map(dossiers.map((d) => [d.id, d.name])),
  };
}

/** The stable key of a proposed or stored item: one dossier, one procedural kind, one topic title. */
export function itemKey(item: { kind: string; dossierId: number | null; title: string | null }): string {
  if (item.kind === 'dossier') return `dossier:${item.dossierId}`;
  if (item.kind === 'onderwerp') return `onderwerp:${item.title ?? ''}`;
  return item.kind;
}

export function proposalView(db: Db, meetingId: number): AgendaProposalView {
  const p = proposeFromDb(db, meetingId);
  const stored = new Set(listItems(db, meetingId).map(itemKey));
  const signals = signalsFor(
    db,
    p.items.flatMap((i) => (i.dossierId === null ? [] : [i.dossierId])),
    p.meeting.date,
  );
  const items: ProposedItemView[] = p.items.map((i) => {
    const key = itemKey(i);
    return {
      key,
      kind: i.kind,
      dossierId: i.dossierId,
      dossierNumber: i.dossierNumber,
      label: itemLabel(
        i.kind,
        i.title,
        i.dossierNumber,
        i.dossierId === null ? null : (p.names.get(i.dossierId) ?? ''),
      ),
      reasons: i.reasons,
      signals: (i.dossierId !== null && signals.get(i.dossierId)) || [],
      plannedMinutes: i.plannedMinutes,
      carriedFrom: i.carriedFrom,
      onAgenda: stored.has(key),
    };
  });
  return { cutoff: p.cutoff, items };
}
