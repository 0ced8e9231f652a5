import type { Handlers, MethodOutput } from '../../../shared/contract/index';
import type { MeetingState } from '../../../shared/contract/meetings';
import { agendaItemKindLabels, type AgendaItemKind } from '../../../shared/domain/agenda';
import { Cadence } from '../../../shared/domain/environment';
import { hasAnyRole, type Role, type Session } from '../../../shared/domain/roles';
import { AppError, type ConflictReason } from '../../../shared/errors';
import { agendaDocxBytes } from '../agenda/build-docx';
import { agendaExport, agendaFileName } from '../agenda/export';
import {
  itemKey,
  meetingCutoff,
  proposalView,
  proposeFromDb,
  readAgendaSettings,
  writeAgendaSettings,
} from '../agenda/propose';
import { requireSession, writeAudited, type AuditFacts, type CoreContext } from '../context';
import type { Db } from '../db/open';
import { lockMeetingDecisions } from '../decisions/lock';
import { getMeta } from '../environment/setup';
import { dossierBrief } from '../meetings/dossier-brief';
import { projectorView, ProjectorHub } from '../meetings/projector';
import {
  bumpVersion,
  detail,
  expectVersion,
  insertItem,
  itemIdsInOrder,
  itemOf,
  listItems,
  meetingRow,
  renumber,
  stateOf,
  summaries,
  type MeetingRow,
} from '../meetings/repo';
import { nextOnCadence, suggestMeetingDate } from '../meetings/schedule';

type MeetingHandlers = Pick<Handlers, Extract<keyof Handlers, `meetings.${string}` | `projector.${string}`>>;

/** A refusal because of the meeting's state; `reason` lets the UI say which rule applied. */
function conflict(reason: ConflictReason, message: string): AppError {
  return new AppError('CONFLICT', message, { info: { reason } });
}

function requireState(row: MeetingRow, allowed: readonly MeetingState[], reason: ConflictReason): void {
  if (!allowed.includes(stateOf(row)))
    throw conflict(reason, `Not allowed while the meeting is ${row.state}`);
}

const EDITABLE: readonly MeetingState[] = ['gepland', 'in_voorbereiding', 'bezig'];
const BEFORE: readonly MeetingState[] = ['gepland', 'in_voorbereiding'];

function badField(path: string, code: string, message: string): AppError {
  return new AppError('BAD_INPUT', message, { fields: [{ path, code, message }] });
}

function userWithRole(db: Db, id: number | null, roles: readonly Role[], path: string): void {
  if (id === null) return;
  const r = db.prepare('SELECT roles, disabled FROM users WHERE id = ?').get(id) as
    { roles: string; disabled: number } | undefined;
  if (!r || r.disabled === 1) throw badField(path, 'unknown', 'Unknown user');
  if (!hasAnyRole({ roles: JSON.parse(r.roles) as Role[] }, roles))
    throw badField(path, 'wrong_role', 'User lacks the role');
}

function dossierByNumber(db: Db, number: string, path: string): { id: number; number: string } {
  const d = db
    .prepare('SELECT id, number FROM dossiers WHERE number = ? COLLATE NOCASE')
    .get(number.trim()) as { id: number; number: string } | undefined;
  if (!d) throw badField(path, 'unknown_dossier', 'No dossier with this number');
  return d;
}

function peopleWith(db: Db, roles: readonly Role[]) {
  const rows = db
    .prepare('SELECT id, display_name, roles FROM users WHERE disabled = 0 ORDER BY display_name')
    .all() as {
    id: number;
    display_name: string;
    roles: string;
  }[];
  return rows
    .filter((r) => hasAnyRole({ roles: JSON.parse(r.roles) as Role[] }, roles))
    .map((r) => ({ id: r.id, displayName: r.display_name }));
}

export function meetingHandlers(ctx: CoreContext, hub = new ProjectorHub()): MeetingHandlers {
  // A lock must reach the beamer at once, not after its long poll times out.
  ctx.vault.onLock(() => hub.bump());
  const db = () => ctx.vault.database();
  const view = (d: Db, id: number) => detail(d, id, meetingCutoff(d, meetingRow(d, id).date));

  /**
   * One edit of a meeting: check state and version, change, bump the version, move a planned meeting
   * into preparation once its agenda is touched, audit — all in one transaction. The projector is
   * woken when the running meeting changed.
   */
  function edit(
    session: Session | null,
    input: { meetingId: number; version: number },
    opts: { states: readonly MeetingState[]; reason: ConflictReason; agenda?: boolean },
    change: (d: Db, row: MeetingRow) => AuditFacts | AuditFacts[],
  ) {
    const s = requireSession(session);
    const result = writeAudited(ctx, s, (d) => {
      const row = meetingRow(d, input.meetingId);
      requireState(row, opts.states, opts.reason);
      expectVersion(row, input.version);
      const audit = change(d, row);
      bumpVersion(d, row.id);
      if (opts.agenda && stateOf(row) === 'gepland')
        d.prepare(`UPDATE meetings SET state = 'in_voorbereiding' WHERE id = ?`).run(row.id);
      return { result: view(d, row.id), audit };
    });
    if (result.state === 'bezig') hub.bump();
    return result;
  }

  /**
   * The next meeting a request is for: the earliest one from today on that has not started. When there
   * is none, it is planned here on the city's cadence (as `meetings.plan` would suggest it), without a
   * chair or secretary yet: asking for a discussion must not wait for the chair to plan ahead.
   */
  function nextMeeting(d: Db): { row: MeetingRow; planned: boolean } {
    const today = ctx.today();
    const found = d
      .prepare(
        `SELECT * FROM meetings WHERE state IN ('gepland', 'in_voorbereiding') AND date >= ?
          ORDER BY date, time, id LIMIT 1`,
      )
      .get(today) as MeetingRow | undefined;
    if (found) return { row: found, planned: false };
    const cadence = Cadence.catch('wekelijks').parse(getMeta(d, 'cadence'));
    const latest = d.prepare('SELECT max(date) FROM meetings').pluck().get() as string | null;
    // With no meeting at all, today's date would leave no time before the cut-off: take the next one.
    const date = latest === null ? nextOnCadence(today, cadence) : suggestMeetingDate(latest, cadence, today);
    const id = Number(
      d.prepare("INSERT INTO meetings (date, time, place) VALUES (?, '10:00', '')").run(date).lastInsertRowid,
    );
    return { row: meetingRow(d, id), planned: true };
  }

  return {
    'meetings.list': () => summaries(db()),
    'meetings.get': ({ meetingId }) => view(db(), meetingId),

    'meetings.options': () => {
      const d = db();
      const latest = d.prepare('SELECT max(date) FROM meetings').pluck().get() as string | null;
      const cadence = Cadence.catch('wekelijks').parse(getMeta(d, 'cadence'));
      return {
        cadence,
        suggestedDate: suggestMeetingDate(latest, cadence, ctx.today()),
        chairs: peopleWith(d, ['voorzitter']),
        secretaries: peopleWith(d, ['notulist', 'voorzitter']),
      };
    },

    'meetings.plan': (input, { session }) => {
      const s = requireSession(session);
      return writeAudited(ctx, s, (d) => {
        const cadence = Cadence.catch('wekelijks').parse(getMeta(d, 'cadence'));
        const latest = d.prepare('SELECT max(date) FROM meetings').pluck().get() as string | null;
        const date = input.date ?? suggestMeetingDate(latest, cadence, ctx.today());
        // The planner chairs or minutes by default when that is their role.
        const chair = input.chairUserId ?? (s.roles.includes('voorzitter') ? s.userId : null);
        const secretary = input.secretaryUserId ?? (s.roles.includes('notulist') ? s.userId : null);
        userWithRole(d, chair, ['voorzitter'], 'chairUserId');
        userWithRole(d, secretary, ['notulist', 'voorzitter'], 'secretaryUserId');
        const id = Number(
          d
            .prepare(
              'INSERT INTO meetings (date, time, place, chair_user_id, secretary_user_id) VALUES (?, ?, ?, ?, ?)',
            )
            .run(date, input.time, input.place, chair, secretary).lastInsertRowid,
        );
        return { result: view(d, id), audit: { action: 'meeting.create', entity: 'meetings', ids: [id] } };
      });
    },

    'meetings.update': (input, { session }) =>
      edit(session, input, { states: BEFORE, reason: 'started' }, (d, row) => {
        userWithRole(d, input.chairUserId, ['voorzitter'], 'chairUserId');
        userWithRole(d, input.secretaryUserId, ['notulist', 'voorzitter'], 'secretaryUserId');
        d.prepare(
          'UPDATE meetings SET date = ?, time = ?, place = ?, chair_user_id = ?, secretary_user_id = ? WHERE id = ?',
        ).run(input.date, input.time, input.place, input.chairUserId, input.secretaryUserId, row.id);
        return { action: 'meeting.update', entity: 'meetings', ids: [row.id] };
      }),

    'meetings.setAttendance': (input, { session }) =>
      edit(session, input, { states: EDITABLE, reason: 'finished' }, (d, row) => {
        if (!d.prepare('SELECT 1 FROM organisations WHERE id = ?').get(input.organisationId))
          throw badField('organisationId', 'unknown', 'Unknown organisation');
        if (input.presence === null)
          d.prepare('DELETE FROM attendance WHERE meeting_id = ? AND organisation_id = ?').run(
            row.id,
            input.organisationId,
          );
        else
          d.prepare(
            `INSERT INTO attendance (meeting_id, organisation_id, presence) VALUES (?, ?, ?)
             ON CONFLICT (meeting_id, organisation_id) DO UPDATE SET presence = excluded.presence`,
          ).run(row.id, input.organisationId, input.presence);
        return { action: 'attendance.record', entity: 'meetings', ids: [row.id, input.organisationId] };
      }),

    'meetings.start': (input, { session }) => {
      const result = edit(session, input, { states: BEFORE, reason: 'started' }, (d, row) => {
        const other = d
          .prepare(`SELECT id FROM meetings WHERE state = 'bezig' AND id <> ?`)
          .pluck()
          .get(row.id);
        if (other !== undefined) throw conflict('other_running', 'Another meeting is running');
        const first = itemIdsInOrder(d, row.id)[0];
        if (first === undefined) throw conflict('empty_agenda', 'The agenda is empty');
        d.prepare(
          `UPDATE meetings SET state = 'bezig', started_at = ?, current_item_id = ? WHERE id = ?`,
        ).run(ctx.nowIso(), first, row.id);
        return { action: 'meeting.start', entity: 'meetings', ids: [row.id] };
      });
      hub.itemChanged();
      return result;
    },

    'meetings.end': (input, { session }) => {
      const result = edit(session, input, { states: ['bezig'], reason: 'not_running' }, (d, row) => {
        // What was not finished carries over to the next meeting ("doorgeschoven").
        d.prepare(
          `UPDATE agenda_items SET status = 'doorgeschoven'
            WHERE meeting_id = ? AND status = 'open' AND kind IN ('dossier', 'onderwerp')`,
        ).run(row.id);
        d.prepare(
          `UPDATE agenda_items SET status = 'besproken' WHERE meeting_id = ? AND status = 'open'`,
        ).run(row.id);
        d.prepare(
          `UPDATE meetings SET state = 'afgerond', ended_at = ?, current_item_id = NULL WHERE id = ?`,
        ).run(ctx.nowIso(), row.id);
        // The meeting's decisions are final now: changing one needs decisions.reopen with a reason.
        const locked = lockMeetingDecisions(d, row.id);
        return [
          { action: 'meeting.end', entity: 'meetings', ids: [row.id] },
          ...(locked.length ? [{ action: 'decision.lock', entity: 'decisions', ids: locked }] : []),
        ];
      });
      hub.blackout = false;
      hub.itemChanged();
      return result;
    },

    'meetings.setCurrent': ({ meetingId, itemId }, { session }) => {
      const s = requireSession(session);
      const result = writeAudited(ctx, s, (d) => {
        const row = meetingRow(d, meetingId);
        requireState(row, ['bezig'], 'not_running');
        itemOf(d, meetingId, itemId);
        d.prepare('UPDATE meetings SET current_item_id = ? WHERE id = ?').run(itemId, meetingId);
        return {
          result: view(d, meetingId),
          audit: { action: 'meeting.step', entity: 'agenda_items', ids: [meetingId, itemId] },
        };
      });
      hub.itemChanged();
      return result;
    },

    'meetings.setItemStatus': ({ meetingId, itemId, status }, { session }) => {
      const s = requireSession(session);
      const result = writeAudited(ctx, s, (d) => {
        const row = meetingRow(d, meetingId);
        requireState(row, ['bezig'], 'not_running');
        itemOf(d, meetingId, itemId);
        d.prepare('UPDATE agenda_items SET status = ? WHERE id = ?').run(status, itemId);
        bumpVersion(d, meetingId);
        return {
          result: view(d, meetingId),
          audit: { action: 'agenda.status', entity: 'agenda_items', ids: [meetingId, itemId] },
        };
      });
      hub.bump();
      return result;
    },

    'meetings.itemDetail': ({ meetingId, itemId }) => {
      const d = db();
      const item = itemOf(d, meetingId, itemId);
      return { item, dossier: item.dossierId === null ? null : dossierBrief(d, item.dossierId) };
    },

    'meetings.requestDiscussion': (input, { session }) => {
      const s = requireSession(session);
      return writeAudited<MethodOutput<'meetings.requestDiscussion'>>(ctx, s, (d) => {
        const target = input.meetingId === undefined ? nextMeeting(d) : null;
        const row = target?.row ?? meetingRow(d, input.meetingId!);
        requireState(row, BEFORE, 'started');
        const planned: AuditFacts[] = target?.planned
          ? [{ action: 'meeting.create', entity: 'meetings', ids: [row.id] }]
          : [];
        const dossier =
          input.dossierNumber !== undefined
            ? dossierByNumber(d, input.dossierNumber, 'dossierNumber')
            : (d.prepare('SELECT id, number FROM dossiers WHERE id = ?').get(input.dossierId) as
                { id: number; number: string } | undefined);
        if (!dossier) throw badField('dossierId', 'unknown_dossier', 'No such dossier');
        const cutoff = meetingCutoff(d, row.date);
        const earlier = d
          .prepare(
            `SELECT id, requested_at, late FROM discussion_requests
              WHERE meeting_id = ? AND dossier_id = ? AND organisation_id = ? ORDER BY requested_at LIMIT 1`,
          )
          .get(row.id, dossier.id, s.organisationId) as
          { id: number; requested_at: string; late: number } | undefined;
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
        const at = ctx.nowIso();
        // A request exactly at the cut-off is on time (the same rule as proposeAgenda).
        const late = Date.parse(at) > Date.parse(cutoff);
        const id = Number(
          d
            .prepare(
              'INSERT INTO discussion_requests (meeting_id, dossier_id, organisation_id, requested_at, late) VALUES (?, ?, ?, ?, ?)',
            )
            .run(row.id, dossier.id, s.organisationId, at, late ? 1 : 0).lastInsertRowid,
        );
        return {
          result: { ...base, id, requestedAt: at, late, existing: false },
          audit: [
            ...planned,
            { action: 'discussion.request', entity: 'discussion_requests', ids: [id, dossier.id] },
          ],
        };
      });
    },

    'meetings.agenda.propose': ({ meetingId }) => proposalView(db(), meetingId),

    'meetings.agenda.accept': (input, { session }) =>
      edit(session, input, { states: EDITABLE, reason: 'finished', agenda: true }, (d, row) => {
        const proposal = proposeFromDb(d, row.id).items;
        const index = new Map(proposal.map((p, i) => [itemKey(p), i]));
        const wanted = new Set(input.keys);
        input.keys.forEach((k, i) => {
          if (!index.has(k)) throw badField(`keys.${i}`, 'not_proposed', 'Not (or no longer) proposed');
        });
        const stored = listItems(d, row.id);
        const storedByKey = new Map(stored.map((s) => [itemKey(s), s]));
        // Order of the agenda as [item id, proposal index or null]; new items go after the last stored
        // item that comes earlier in the proposal, so opening stays first and rondvraag last.
        const order: [number, number | null][] = stored.map((s) => [s.id, index.get(itemKey(s)) ?? null]);
        const touched: number[] = [];
        proposal.forEach((p, k) => {
          const key = itemKey(p);
          if (!wanted.has(key)) return;
          const existing = storedByKey.get(key);
          if (existing) {
            // Already on the agenda: bring its reasons up to date (e.g. a request that came in later).
            d.prepare('UPDATE agenda_items SET reasons = ?, carried_from = ? WHERE id = ?').run(
              JSON.stringify(p.reasons),
              p.carriedFrom,
              existing.id,
            );
            touched.push(existing.id);
            return;
          }
          const id = insertItem(d, row.id, 0, p);
          let at = 0;
          order.forEach(([, idx], i) => {
            if (idx !== null && idx < k) at = i + 1;
          });
          order.splice(at, 0, [id, k]);
          touched.push(id);
        });
        renumber(
          d,
          order.map(([id]) => id),
        );
        return { action: 'agenda.accept', entity: 'agenda_items', ids: [row.id, ...touched] };
      }),

    'meetings.agenda.add': (input, { session }) =>
      edit(session, input, { states: EDITABLE, reason: 'finished', agenda: true }, (d, row) => {
        const settings = readAgendaSettings(d);
        const kind: AgendaItemKind = input.kind;
        const ids = itemIdsInOrder(d, row.id);
        let dossierId: number | null = null;
        if (kind === 'dossier') {
          const dossier = dossierByNumber(d, input.dossierNumber!, 'dossierNumber');
          if (listItems(d, row.id).some((i) => i.dossierId === dossier.id))
            throw badField('dossierNumber', 'already_on_agenda', 'Dossier already on the agenda');
          dossierId = dossier.id;
        }
        const title = kind === 'dossier' ? null : (input.title ?? agendaItemKindLabels[kind]);
        const id = insertItem(d, row.id, ids.length + 1, {
          kind,
          dossierId,
          title,
          reasons: [],
          plannedMinutes: input.plannedMinutes ?? settings.minutesPerDossier,
          carriedFrom: null,
        });
        // By hand: before the closing items, so "rondvraag" and "sluiting" stay last.
        const tail = listItems(d, row.id).filter((i) => i.kind === 'rondvraag' || i.kind === 'sluiting');
        const rest = ids.filter((x) => !tail.some((t) => t.id === x));
        renumber(
          d,
          kind === 'rondvraag' || kind === 'sluiting'
            ? [...ids, id]
            : [...rest, id, ...tail.map((t) => t.id)],
        );
        return { action: 'agenda.add', entity: 'agenda_items', ids: [row.id, id] };
      }),

    'meetings.agenda.remove': (input, { session }) =>
      edit(session, input, { states: EDITABLE, reason: 'finished', agenda: true }, (d, row) => {
        itemOf(d, row.id, input.itemId);
        if (row.current_item_id === input.itemId)
          throw conflict('current_item', 'The item is being discussed');
        const used =
          d.prepare('SELECT 1 FROM positions WHERE agenda_item_id = ? LIMIT 1').get(input.itemId) ??
          d.prepare('SELECT 1 FROM decisions WHERE agenda_item_id = ? LIMIT 1').get(input.itemId);
        if (used) throw conflict('item_has_work', 'Positions or decisions were recorded under this item');
        d.prepare('DELETE FROM agenda_items WHERE id = ?').run(input.itemId);
        renumber(d, itemIdsInOrder(d, row.id));
        return { action: 'agenda.remove', entity: 'agenda_items', ids: [row.id, input.itemId] };
      }),

    'meetings.agenda.reorder': (input, { session }) =>
      edit(session, input, { states: EDITABLE, reason: 'finished', agenda: true }, (d, row) => {
        const current = itemIdsInOrder(d, row.id);
        const given = new Set(input.itemIds);
        if (
          given.size !== input.itemIds.length ||
          given.size !== current.length ||
          current.some((x) => !given.has(x))
        )
          throw badField('itemIds', 'not_a_permutation', 'Give every item of this agenda exactly once');
        renumber(d, input.itemIds);
        return { action: 'agenda.reorder', entity: 'agenda_items', ids: [row.id] };
      }),

    'meetings.agenda.setMinutes': (input, { session }) =>
      edit(session, input, { states: EDITABLE, reason: 'finished', agenda: true }, (d, row) => {
        itemOf(d, row.id, input.itemId);
        d.prepare('UPDATE agenda_items SET planned_minutes = ? WHERE id = ?').run(
          input.plannedMinutes,
          input.itemId,
        );
        return { action: 'agenda.update', entity: 'agenda_items', ids: [row.id, input.itemId] };
      }),

    'meetings.agenda.export': ({ meetingId }) => agendaExport(db(), meetingId),

    'meetings.agenda.exportDocx': async ({ meetingId }, { session }) => {
      const model = agendaExport(db(), meetingId);
      const bytes = await agendaDocxBytes(model);
      // Data leaving the system is logged (ids only).
      writeAudited(ctx, requireSession(session), () => ({
        result: null,
        audit: { action: 'agenda.export', entity: 'meetings', ids: [meetingId] },
      }));
      return {
        fileName: agendaFileName(model.meeting.date, 'docx'),
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        base64: Buffer.from(bytes).toString('base64'),
      };
    },

    'meetings.settings.get': () => readAgendaSettings(db()),
    'meetings.settings.update': (input, { session }) =>
      writeAudited(ctx, requireSession(session), (d) => {
        writeAgendaSettings(d, input);
        return {
          result: readAgendaSettings(d),
          audit: { action: 'settings.agenda', entity: 'meta', ids: [] },
        };
      }),

    'projector.wait': async ({ sinceVersion }) => {
      await hub.wait(sinceVersion);
      if (ctx.vault.state() !== 'open') throw new AppError('UNAUTHENTICATED', 'Locked while waiting');
      return projectorView(db(), hub);
    },
    'projector.control': () => hub.control(),
    'projector.reveal': ({ itemId, reveal }, { session }) => {
      // Only the item on the screen now can be revealed; the reveal ends when the chair moves on.
      // A name on the wall is logged, like any other disclosure (ids only).
      writeAudited(ctx, requireSession(session), (d) => {
        const row = d.prepare(`SELECT current_item_id FROM meetings WHERE state = 'bezig'`).get() as
          { current_item_id: number | null } | undefined;
        if (reveal && row?.current_item_id !== itemId)
          throw conflict('not_current', 'Only the current item can be revealed');
        return {
          result: null,
          audit: {
            action: reveal ? 'projector.reveal' : 'projector.hide',
            entity: 'agenda_items',
            ids: [itemId],
          },
        };
      });
      hub.revealedItemId = reveal ? itemId : null;
      hub.bump();
      return hub.control();
    },
    'projector.blackout': ({ on }) => {
      hub.blackout = on;
      hub.bump();
      return hub.control();
    },
    'projector.setDecisionText': ({ text }) => {
      hub.decisionText = text;
      hub.bump();
      return hub.control();
    },
  };
}
