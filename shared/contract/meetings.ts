import { z } from 'zod';
import {
  AgendaItemKind,
  AgendaItemStatus,
  AgendaReason,
  AgendaSignal,
  DEFAULT_NO_CONTACT_WEEKS,
} from '../domain/agenda';
import { Presence } from '../domain/consent';
import { IsoDate } from '../domain/dates';
import { ClientWish, DossierStatus, Track } from '../domain/dossier';
import { Cadence } from '../domain/environment';
import { allow, method } from './define';

/*
 * Meetings, the agenda and the projector.
 *
 * Who may do what: the voorzitter and the notulist plan meetings, record attendance and edit the
 * agenda; only the voorzitter runs the meeting (start, step, end) and controls the projector; agenda
 * settings belong to the voorzitter and the beheerder; everyone logged in may read. Every change of a
 * meeting or its agenda bumps `version`; edits carry the version they were based on and get CONFLICT
 * when someone else changed the meeting in between. Stepping through items needs no version: the
 * chair's last step simply wins.
 */

const Id = z.number().int().positive();
const Empty = z.object({}).strict();
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time_format');
const Version = z.number().int().min(1);
const Title = z.string().trim().min(1).max(200);
/** The planned duration of an agenda item in whole minutes; the agenda editor checks the same range. */
export const plannedMinutesRange = { min: 1, max: 240 } as const;
const Minutes = z.number().int().min(plannedMinutesRange.min).max(plannedMinutesRange.max);

export const meetingStates = ['gepland', 'in_voorbereiding', 'bezig', 'afgerond'] as const;
export const MeetingState = z.enum(meetingStates);
export type MeetingState = z.infer<typeof MeetingState>;

export const Person = z.object({ id: z.number().int(), displayName: z.string() });
export type Person = z.infer<typeof Person>;

export const MeetingSummary = z.object({
  id: z.number().int(),
  date: IsoDate,
  time: z.string(),
  place: z.string(),
  state: MeetingState,
  chair: Person.nullable(),
  secretary: Person.nullable(),
  itemCount: z.number().int(),
  version: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

/** A stored agenda item. `label` is what may be shown anywhere: a pseudonym for dossiers, else the title. */
export const AgendaItemView = z.object({
  id: z.number().int(),
  position: z.number().int(),
  kind: AgendaItemKind,
  dossierId: z.number().int().nullable(),
  dossierNumber: z.string().nullable(),
  label: z.string(),
  title: z.string().nullable(),
  reasons: z.array(AgendaReason),
  /** The dossier's signals now (stuck, escalated, medische belemmering, geen contact); [] for other items. */
  signals: z.array(AgendaSignal),
  plannedMinutes: z.number().int(),
  status: AgendaItemStatus,
  carriedFrom: IsoDate.nullable(),
  /** The notulist's short note on the item (for a dossier: its progress note); printed in the minutes. */
  note: z.string(),
});
export type AgendaItemView = z.infer<typeof AgendaItemView>;

export const AttendanceView = z.object({
  organisationId: z.number().int(),
  organisationName: z.string(),
  presence: Presence.nullable(),
  /** Names of the people at the table for this organisation, as the notulist entered them ('' = none). */
  names: z.string(),
});
export type AttendanceView = z.infer<typeof AttendanceView>;

export const MeetingDetail = MeetingSummary.extend({
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  currentItemId: z.number().int().nullable(),
  /** The cut-off for discussion requests (UTC instant). */
  cutoff: z.string(),
  attendance: z.array(AttendanceView),
  items: z.array(AgendaItemView),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const ProposedItemView = z.object({
  /** Stable key of the proposal: `dossier:12`, `opening`, `onderwerp:<title>`. */
  key: z.string(),
  kind: AgendaItemKind,
  dossierId: z.number().int().nullable(),
  dossierNumber: z.string().nullable(),
  label: z.string(),
  reasons: z.array(AgendaReason),
  signals: z.array(AgendaSignal),
  plannedMinutes: z.number().int(),
  carriedFrom: IsoDate.nullable(),
  /** Already on the stored agenda (the chair accepted it or added it by hand). */
  onAgenda: z.boolean(),
});
export type ProposedItemView = z.infer<typeof ProposedItemView>;

export const AgendaProposalView = z.object({
  cutoff: z.string(),
  items: z.array(ProposedItemView),
});
export type AgendaProposalView = z.infer<typeof AgendaProposalView>;

export const MeetingOptions = z.object({
  cadence: Cadence,
  /** The next date on the city's cadence after the latest meeting (today when there is none). */
  suggestedDate: IsoDate,
  chairs: z.array(Person),
  secretaries: z.array(Person),
});
export type MeetingOptions = z.infer<typeof MeetingOptions>;

/** The agenda settings as stored in meta (same bounds as the domain's AgendaSettings; the time zone is the city's). */
export const StoredAgendaSettings = z.object({
  targetWindowWeeks: z.number().int().min(0).max(52),
  cutoff: z.object({
    daysBefore: z.number().int().min(0).max(14),
    time: Time,
  }),
  minutesPerDossier: z.number().int().min(1).max(120),
  /** "Geen contact sinds N weken" from this many weeks on (issue 11); absent in older settings: 4. */
  noContactWeeks: z.number().int().min(1).max(52).default(DEFAULT_NO_CONTACT_WEEKS),
});
export type StoredAgendaSettings = z.infer<typeof StoredAgendaSettings>;

export const HistoryEntry = z.object({
  at: z.string(),
  field: z.enum(['status', 'track']),
  from: z.string().nullable(),
  to: z.string(),
  reason: z.string(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** The chair's view of a dossier during the meeting: no V-nummer, no date of birth, no special categories. */
export const DossierBrief = z.object({
  id: z.number().int(),
  number: z.string(),
  name: z.string(),
  pseudonym: z.string(),
  status: DossierStatus,
  track: Track,
  targetDate: IsoDate.nullable(),
  reviewDate: IsoDate.nullable(),
  stuck: z.boolean(),
  stuckReason: z.string().nullable(),
  onHold: z.boolean(),
  vulnerable: z.boolean(),
  /** The begeleidende ngo's name; the regievoerder is DT&V's case officer (issue 11). */
  leadNgo: z.string().nullable(),
  regievoerder: z.string().nullable(),
  casemanager: z.string().nullable(),
  clientWish: ClientWish.nullable(),
  clientWishText: z.string().nullable(),
  futureTalkDate: IsoDate.nullable(),
  lastContactDate: IsoDate.nullable(),
  history: z.array(HistoryEntry),
});
export type DossierBrief = z.infer<typeof DossierBrief>;

export const ItemDetail = z.object({
  item: AgendaItemView,
  dossier: DossierBrief.nullable(),
});
export type ItemDetail = z.infer<typeof ItemDetail>;

export const DiscussionRequestResult = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  meetingDate: IsoDate,
  /** True when no meeting was planned yet and this request planned the next one on the cadence. */
  plannedMeeting: z.boolean(),
  dossierId: z.number().int(),
  dossierNumber: z.string(),
  requestedAt: z.string(),
  cutoff: z.string(),
  late: z.boolean(),
  /** True when this organisation had already asked; the earlier request stands. */
  existing: z.boolean(),
});

export const AgendaExport = z.object({
  /** True when the meeting's agenda is still empty and this is the app's proposal. */
  proposed: z.boolean(),
  meeting: z.object({
    id: z.number().int(),
    city: z.string(),
    date: IsoDate,
    time: z.string(),
    place: z.string(),
    state: MeetingState,
    chair: z.string().nullable(),
    secretary: z.string().nullable(),
    cutoff: z.string(),
  }),
  items: z.array(
    z.object({
      number: z.number().int(),
      kind: AgendaItemKind,
      /** Dossier number and initials for dossiers ("D-2026-0003 (C.X.)"), the title otherwise. */
      label: z.string(),
      dossierNumber: z.string().nullable(),
      reasons: z.array(z.string()),
      plannedMinutes: z.number().int(),
      startsAt: z.string(),
    }),
  ),
});
export type AgendaExport = z.infer<typeof AgendaExport>;

export const FileDownload = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
});

// --- projector --------------------------------------------------------------------------------------

/** What the room sees. Never a V-nummer, a date of birth or special-category data; a name only when revealed. */
export const ProjectorView = z.object({
  version: z.number().int(),
  blackout: z.boolean(),
  meeting: z.object({ id: z.number().int(), date: IsoDate, city: z.string() }).nullable(),
  item: z
    .object({
      id: z.number().int(),
      number: z.number().int(),
      total: z.number().int(),
      kind: AgendaItemKind,
      label: z.string(),
      /** The full name, only while the chair reveals it for this item. */
      name: z.string().nullable(),
      track: Track.nullable(),
      status: DossierStatus.nullable(),
      stuck: z.boolean(),
      onHold: z.boolean(),
      reasons: z.array(AgendaReason),
      plannedMinutes: z.number().int(),
    })
    .nullable(),
  /** The draft decision text the chair chose to show (positions and decisions set it). */
  decisionText: z.string().nullable(),
});
export type ProjectorView = z.infer<typeof ProjectorView>;

export const ProjectorControl = z.object({
  version: z.number().int(),
  blackout: z.boolean(),
  revealedItemId: z.number().int().nullable(),
  decisionText: z.string().nullable(),
});
export type ProjectorControl = z.infer<typeof ProjectorControl>;

const manage = allow('meetings.manage');
const chair = allow('meetings.chair');
const anyUser = allow('meetings.read');
const MeetingRef = { meetingId: Id };
const Edit = { meetingId: Id, version: Version };

export const meetingMethods = {
  'meetings.list': method({ input: Empty, output: z.array(MeetingSummary), access: anyUser }),
  'meetings.get': method({ input: z.object(MeetingRef).strict(), output: MeetingDetail, access: anyUser }),
  'meetings.options': method({ input: Empty, output: MeetingOptions, access: manage }),
  'meetings.plan': method({
    input: z
      .object({
        /** Left out: the next date on the city's cadence. */
        date: IsoDate.optional(),
        time: Time.default('10:00'),
        place: z.string().trim().max(120).default(''),
        chairUserId: Id.nullable().default(null),
        secretaryUserId: Id.nullable().default(null),
      })
      .strict(),
    output: MeetingDetail,
    access: manage,
  }),
  'meetings.update': method({
    input: z
      .object({
        ...Edit,
        date: IsoDate,
        time: Time,
        place: z.string().trim().max(120),
        chairUserId: Id.nullable(),
        secretaryUserId: Id.nullable(),
      })
      .strict(),
    output: MeetingDetail,
    access: manage,
  }),
  'meetings.setAttendance': method({
    input: z.object({ ...Edit, organisationId: Id, presence: Presence.nullable() }).strict(),
    output: MeetingDetail,
    access: manage,
  }),
  /**
   * The notulist's note on an agenda item and the names present per organisation: written during the
   * meeting and after it, until its minutes are adopted. No version: a note does not conflict with the
   * chair stepping through the agenda.
   */
  'meetings.setItemNote': method({
    input: z.object({ ...MeetingRef, itemId: Id, note: z.string().trim().max(4000) }).strict(),
    output: MeetingDetail,
    access: manage,
  }),
  'meetings.setAttendanceNames': method({
    input: z.object({ ...MeetingRef, organisationId: Id, names: z.string().trim().max(400) }).strict(),
    output: MeetingDetail,
    access: manage,
  }),
  'meetings.start': method({ input: z.object(Edit).strict(), output: MeetingDetail, access: chair }),
  'meetings.end': method({ input: z.object(Edit).strict(), output: MeetingDetail, access: chair }),
  'meetings.setCurrent': method({
    input: z.object({ ...MeetingRef, itemId: Id }).strict(),
    output: MeetingDetail,
    access: chair,
  }),
  'meetings.setItemStatus': method({
    input: z.object({ ...MeetingRef, itemId: Id, status: AgendaItemStatus }).strict(),
    output: MeetingDetail,
    access: manage,
  }),
  'meetings.itemDetail': method({
    input: z.object({ ...MeetingRef, itemId: Id }).strict(),
    output: ItemDetail,
    access: allow('meetings.itemDetail'),
  }),
  'meetings.requestDiscussion': method({
    input: z
      .object({
        /**
         * Left out: the next meeting (the earliest one not yet started, today or later). When none is
         * planned, the request plans it on the city's cadence, so a participant never depends on the
         * chair having planned ahead; the chair keeps it or moves its date.
         */
        meetingId: Id.optional(),
        dossierId: Id.optional(),
        dossierNumber: z.string().trim().min(1).max(40).optional(),
      })
      .strict()
      .refine((v) => (v.dossierId === undefined) !== (v.dossierNumber === undefined), {
        path: ['dossierNumber'],
        message: 'required',
      }),
    output: DiscussionRequestResult,
    access: allow('meetings.requestDiscussion'),
  }),
  'meetings.agenda.propose': method({
    input: z.object(MeetingRef).strict(),
    output: AgendaProposalView,
    access: anyUser,
  }),
  'meetings.agenda.accept': method({
    input: z.object({ ...Edit, keys: z.array(z.string().min(1).max(240)).min(1).max(2000) }).strict(),
    output: MeetingDetail,
    access: manage,
  }),
  'meetings.agenda.add': method({
    input: z
      .object({
        ...Edit,
        kind: AgendaItemKind,
        dossierNumber: z.string().trim().min(1).max(40).optional(),
        title: Title.optional(),
        plannedMinutes: Minutes.optional(),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.kind === 'dossier' && !v.dossierNumber)
          ctx.addIssue({ code: 'custom', path: ['dossierNumber'], message: 'required' });
        if (v.kind === 'onderwerp' && !v.title)
          ctx.addIssue({ code: 'custom', path: ['title'], message: 'required' });
      }),
    output: MeetingDetail,
    access: manage,
  }),
  'meetings.agenda.remove': method({
    input: z.object({ ...Edit, itemId: Id }).strict(),
    output: MeetingDetail,
    access: manage,
  }),
  'meetings.agenda.reorder': method({
    input: z.object({ ...Edit, itemIds: z.array(Id).min(1).max(2000) }).strict(),
    output: MeetingDetail,
    access: manage,
  }),
  'meetings.agenda.setMinutes': method({
    input: z.object({ ...Edit, itemId: Id, plannedMinutes: Minutes }).strict(),
    output: MeetingDetail,
    access: manage,
  }),
  'meetings.agenda.export': method({
    input: z.object(MeetingRef).strict(),
    output: AgendaExport,
    access: anyUser,
  }),
  'meetings.agenda.exportDocx': method({
    input: z.object(MeetingRef).strict(),
    output: FileDownload,
    access: anyUser,
  }),
  'meetings.settings.get': method({ input: Empty, output: StoredAgendaSettings, access: anyUser }),
  'meetings.settings.update': method({
    input: StoredAgendaSettings.strict(),
    output: StoredAgendaSettings,
    access: allow('meetings.settings'),
  }),

  'projector.wait': method({
    input: z.object({ sinceVersion: z.number().int().min(0) }).strict(),
    output: ProjectorView,
    access: anyUser,
    // A waiting projector is not a person at the keyboard: it must not keep the session from locking.
    activity: false,
  }),
  'projector.control': method({ input: Empty, output: ProjectorControl, access: chair }),
  'projector.reveal': method({
    input: z.object({ itemId: Id, reveal: z.boolean() }).strict(),
    output: ProjectorControl,
    access: chair,
  }),
  'projector.blackout': method({
    input: z.object({ on: z.boolean() }).strict(),
    output: ProjectorControl,
    access: chair,
  }),
  'projector.setDecisionText': method({
    input: z.object({ text: z.string().trim().min(1).max(4000).nullable() }).strict(),
    output: ProjectorControl,
    access: chair,
  }),
} as const;
