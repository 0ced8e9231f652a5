import type { Handlers } from '../../../shared/contract/index';
import type { MeetingDetail } from '../../../shared/contract/meetings';
import type { Session } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import { agendaDocxBytes } from '../agenda/build-docx';
import { agendaDocxStyle, agendaExport, agendaFileName } from '../agenda/export';
import {
  acceptProposal,
  addItem,
  changePlannedMinutes,
  removeItem,
  reorderItems,
} from '../agenda/operations';
import { proposalView, readAgendaSettings, writeAgendaSettings } from '../agenda/propose';
import { requireSession, writeAudited, type CoreContext } from '../context';
import type { Db } from '../db/open';
import {
  changeItemStatus,
  changeMeeting,
  endMeeting,
  itemDetail,
  meetingOptions,
  meetingView,
  planMeeting,
  recordAttendance,
  requestDiscussion,
  revealOnProjector,
  startMeeting,
  stepTo,
  writeAttendanceNames,
  writeItemNote,
  type Change,
} from '../meetings/operations';
import { projectorView, ProjectorHub } from '../meetings/projector';
import { summaries } from '../meetings/repo';

type MeetingHandlers = Pick<Handlers, Extract<keyof Handlers, `meetings.${string}` | `projector.${string}`>>;

export function meetingHandlers(ctx: CoreContext, hub = new ProjectorHub()): MeetingHandlers {
  // A lock must reach the beamer at once, not after its long poll times out.
  ctx.vault.onLock(() => hub.bump());
  const db = () => ctx.vault.database();

  /** Runs one change of the meeting area with its audit records in one transaction. */
  function write<T>(session: Session | null, change: (d: Db, s: Session) => Change<T>): T {
    const s = requireSession(session);
    return writeAudited(ctx, s, (d) => change(d, s));
  }

  /** The projector is woken when the running meeting changed. */
  function shown(result: MeetingDetail): MeetingDetail {
    if (result.state === 'bezig') hub.bump();
    return result;
  }

  return {
    'meetings.list': () => summaries(db()),
    'meetings.get': ({ meetingId }) => meetingView(db(), meetingId),
    'meetings.options': () => meetingOptions(db(), ctx.today()),
    'meetings.plan': (input, { session }) => write(session, (d, s) => planMeeting(d, s, input, ctx.today())),
    'meetings.update': (input, { session }) => shown(write(session, (d) => changeMeeting(d, input))),
    'meetings.setItemNote': (input, { session }) => write(session, (d) => writeItemNote(d, input)),
    'meetings.setAttendanceNames': (input, { session }) =>
      write(session, (d) => writeAttendanceNames(d, input)),
    'meetings.setAttendance': (input, { session }) =>
      shown(write(session, (d) => recordAttendance(d, input))),

    'meetings.start': (input, { session }) => {
      const result = shown(write(session, (d) => startMeeting(d, input, ctx.nowIso())));
      hub.itemChanged();
      return result;
    },

    'meetings.end': (input, { session }) => {
      const result = shown(write(session, (d) => endMeeting(d, input, ctx.nowIso())));
      hub.blackout = false;
      hub.itemChanged();
      return result;
    },

    'meetings.setCurrent': (input, { session }) => {
      const result = write(session, (d) => stepTo(d, input));
      hub.itemChanged();
      return result;
    },

    'meetings.setItemStatus': (input, { session }) => {
      const result = write(session, (d) => changeItemStatus(d, input));
      hub.bump();
      return result;
    },

    'meetings.itemDetail': (input) => itemDetail(db(), input),

    'meetings.requestDiscussion': (input, { session }) =>
      write(session, (d, s) => requestDiscussion(d, s, input, ctx.today(), ctx.nowIso())),

    'meetings.agenda.propose': ({ meetingId }) => proposalView(db(), meetingId),
    'meetings.agenda.accept': (input, { session }) => shown(write(session, (d) => acceptProposal(d, input))),
    'meetings.agenda.add': (input, { session }) => shown(write(session, (d) => addItem(d, input))),
    'meetings.agenda.remove': (input, { session }) => shown(write(session, (d) => removeItem(d, input))),
    'meetings.agenda.reorder': (input, { session }) => shown(write(session, (d) => reorderItems(d, input))),
    'meetings.agenda.setMinutes': (input, { session }) =>
      shown(write(session, (d) => changePlannedMinutes(d, input))),

    'meetings.agenda.export': ({ meetingId }) => agendaExport(db(), meetingId),

    'meetings.agenda.exportDocx': async ({ meetingId }, { session }) => {
      const model = agendaExport(db(), meetingId);
      const bytes = await agendaDocxBytes(model, agendaDocxStyle(db()));
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
      write(session, (d) => revealOnProjector(d, itemId, reveal));
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
