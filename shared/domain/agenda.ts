import { z } from 'zod';
import {
  addDays,
  daysBetween,
  formatDateNl,
  isAfterInstant,
  IsoDate,
  localDate,
  zonedTimeToInstant,
} from './dates';
import { isFinished, outcomeLabels, pseudonym, type DossierStatus, type OutcomeCategory } from './dossier';

/*
 * The proposed agenda: a pure function from the state of the dossiers to a list of items, each with
 * the reasons it is there. The backend gathers the inputs (a few indexed queries), this decides.
 *
 * Decisions worth knowing (tests pin each one):
 * - "Since the last meeting" for instants (escalation returns, positions) means after the previous
 *   meeting's `endedAt` when known, otherwise from midnight (local time) after the previous meeting's
 *   date: what happened on the meeting day is assumed to have been seen at that meeting.
 *   New referrals are dates: referred on or after the previous meeting's date and not on its agenda.
 *   With no previous meeting (the first ever), new referrals are the dossiers still 'aangemeld',
 *   and every returned escalation and recorded position counts.
 * - A party request made exactly at the cut-off instant is on time (the deadline is "by 12:00";
 *   instants have millisecond precision, so only a request stamped at exactly 12:00:00.000 is affected).
 *   Later requests are accepted and marked late. Requests are those made for this meeting.
 * - Finished dossiers (uitgestroomd, gesloten) are proposed only when a party explicitly asks for them:
 *   a request is a deliberate act (e.g. to discuss reopening), every other rule is automatic.
 * - A passed target date asks the table for a decision ("verlengen of andere koers"). Until the table
 *   has discussed the dossier at a meeting after the date passed, it comes back every meeting; after
 *   that only when something else brings it (a change: positions, a request, actions, an escalation
 *   answer, a held item) or at its review date, and then still marked as needing that decision.
 *   A reached review date is persistent until the table sets a new one. A target date on the meeting
 *   day is "near", not "passed".
 * - Items not finished last time ('open' or 'doorgeschoven') carry over; a held item ('aangehouden')
 *   comes back with its own reason. Carry-over keeps the ORIGINAL date and counts the carry-overs.
 * - Data for dossiers not in `dossiers` (unknown ids) is ignored.
 */

export const agendaItemKinds = [
  'opening',
  'verslag',
  'acties',
  'uitstroom',
  'dossier',
  'onderwerp',
  'rondvraag',
  'sluiting',
] as const;
export const AgendaItemKind = z.enum(agendaItemKinds);
export type AgendaItemKind = z.infer<typeof AgendaItemKind>;
export const agendaItemKindLabels: Record<AgendaItemKind, string> = {
  opening: 'Opening',
  verslag: 'Vaststellen verslag vorige vergadering',
  acties: 'Actiepunten vorige vergadering',
  uitstroom: 'Uitstroom sinds vorig overleg',
  dossier: 'Dossier',
  onderwerp: 'Onderwerp',
  rondvraag: 'Rondvraag',
  sluiting: 'Sluiting',
};

/** open: not (yet) discussed; besproken: done; aangehouden: decision held; doorgeschoven: moved on. */
export const agendaItemStatuses = ['open', 'besproken', 'aangehouden', 'doorgeschoven'] as const;
export const AgendaItemStatus = z.enum(agendaItemStatuses);
export type AgendaItemStatus = z.infer<typeof AgendaItemStatus>;

/**
 * Action status. A postponed action stays 'open' with a new due date (actions.postponements counts);
 * 'vervallen' = not done because circumstances changed, 'niet_gedaan' = not undertaken (both need a reason).
 */
export const actionStatuses = ['open', 'gedaan', 'vervallen', 'niet_gedaan'] as const;
export const ActionStatus = z.enum(actionStatuses);
export type ActionStatus = z.infer<typeof ActionStatus>;
export const actionStatusLabels: Record<ActionStatus, string> = {
  open: 'Open',
  gedaan: 'Gedaan',
  vervallen: 'Vervallen (omstandigheden gewijzigd)',
  niet_gedaan: 'Niet gedaan',
};

// --- settings ---------------------------------------------------------------------------------------

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/** The cut-off for discussion requests: `daysBefore` the meeting date at local `time`. */
export const CutoffRule = z.object({
  daysBefore: z.number().int().min(0).max(14),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  timeZone: z.string().default(DEFAULT_TIME_ZONE),
});
export type CutoffRule = z.input<typeof CutoffRule>;

export const AgendaSettings = z.object({
  targetWindowWeeks: z.number().int().min(0).max(52).default(4),
  cutoff: CutoffRule.default({ daysBefore: 1, time: '12:00', timeZone: DEFAULT_TIME_ZONE }),
  minutesPerDossier: z.number().int().min(1).max(120).default(5),
});
export type AgendaSettings = z.input<typeof AgendaSettings>;
const defaultSettings = AgendaSettings.parse({});

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * The working day `workingDays` working days before `date` (0: the date itself). Weekends never count;
 * `holidays` are the public holidays the backend knows (Dutch ones, from a maintained package).
 */
export function workingDaysBefore(
  date: IsoDate,
  workingDays: number,
  holidays: ReadonlySet<IsoDate> = new Set(),
): IsoDate {
  let d = date;
  for (let left = workingDays; left > 0;) {
    d = addDays(d, -1);
    if (!isWeekend(d) && !holidays.has(d)) left--;
  }
  return d;
}

/**
 * The cut-off as a UTC instant: `daysBefore` working days before the meeting at local `time`, so a
 * Monday meeting's "day before" is the Friday (nobody is at work to ask on Sunday), and a meeting
 * after Easter Monday has its cut-off before the holiday. E.g. ('2026-03-10', 1 day, 12:00) →
 * "2026-03-09T11:00:00.000Z".
 */
export function cutoffFor(
  meetingDate: IsoDate,
  rule: CutoffRule,
  holidays: ReadonlySet<IsoDate> = new Set(),
): string {
  return zonedTimeToInstant(
    workingDaysBefore(meetingDate, rule.daysBefore, holidays),
    rule.time,
    rule.timeZone ?? DEFAULT_TIME_ZONE,
  );
}

/**
 * Whether a discussion request made at `at` is late for a meeting with this cut-off (both instants).
 * Exactly at the cut-off is on time: the deadline is "by 12:00".
 */
export function isLate(at: string, cutoff: string): boolean {
  return Date.parse(at) > Date.parse(cutoff);
}

// --- reasons ----------------------------------------------------------------------------------------

const date = IsoDate;
const instant = z.string();
/** Why an item is on the agenda: stored as JSON in agenda_items.reasons. */
export const AgendaReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('carried_over'), from: date, count: z.number().int().min(1) }),
  z.object({ code: z.literal('held'), on: date }),
  z.object({ code: z.literal('escalation_returned'), returnedAt: instant }),
  z.object({
    code: z.literal('requested'),
    organisationId: z.number().int(),
    requestedAt: instant,
    late: z.boolean(),
  }),
  z.object({ code: z.literal('target_passed'), targetDate: date }),
  z.object({ code: z.literal('review_due'), reviewDate: date }),
  z.object({ code: z.literal('actions_due'), count: z.number().int().min(1), earliestDue: date }),
  z.object({
    code: z.literal('positions_changed'),
    organisationIds: z.array(z.number().int()),
    latestAt: instant,
  }),
  z.object({ code: z.literal('target_near'), targetDate: date, weeks: z.number().int() }),
  z.object({ code: z.literal('new_referral'), referredAt: date }),
  /**
   * The standing item "uitstroom sinds vorig overleg": the dossiers that left since the previous
   * meeting, pseudonymised like every agenda label (issue 11). May be empty: the item stands.
   */
  z.object({
    code: z.literal('left_since'),
    since: date,
    dossiers: z.array(
      z.object({
        dossierId: z.number().int(),
        label: z.string(),
        outcome: z.string().nullable(),
        date: date,
      }),
    ),
  }),
  /** A decision provisionally carried on `since`: a required party's confirmation is awaited (issue 11). */
  z.object({ code: z.literal('confirmation_needed'), decisionNumber: z.string(), since: date }),
]);
export type AgendaReason = z.infer<typeof AgendaReason>;
export type AgendaReasonCode = AgendaReason['code'];

/**
 * Order of the agenda, and of reasons within an item. Rationale: first what the table already owes
 * (carried over, held), then what others wait for (escalation answers, parties' requests), then the
 * deadlines (passed target dates, reviews, actions due), then new information (positions), then
 * what is coming (target near) and new referrals (short intake items), then late requests last so a
 * late request cannot push on-time business out of the meeting.
 */
const rankOf: Record<AgendaReasonCode, number> = {
  carried_over: 0,
  held: 1,
  confirmation_needed: 1,
  escalation_returned: 2,
  requested: 3, // a late request ranks 10, see rank()
  target_passed: 4,
  review_due: 5,
  actions_due: 6,
  positions_changed: 7,
  target_near: 8,
  new_referral: 9,
  left_since: 0, // only on its own procedural item
};
const rank = (r: AgendaReason): number => (r.code === 'requested' && r.late ? 10 : rankOf[r.code]);

/** The date a reason sorts by within its group: oldest first (waited longest / most overdue). */
function sortKey(r: AgendaReason): string {
  switch (r.code) {
    case 'carried_over':
      return r.from;
    case 'held':
      return r.on;
    case 'confirmation_needed':
      return r.since;
    case 'escalation_returned':
      return r.returnedAt;
    case 'requested':
      return r.requestedAt;
    case 'target_passed':
    case 'target_near':
      return r.targetDate;
    case 'review_due':
      return r.reviewDate;
    case 'actions_due':
      return r.earliestDue;
    case 'positions_changed':
      return r.latestAt;
    case 'new_referral':
      return r.referredAt;
    case 'left_since':
      return r.since;
  }
}

export interface ReasonLabelOptions {
  organisationName?: (id: number) => string | undefined;
  timeZone?: string;
}

/** The Dutch text of a reason, e.g. "doorgeschoven van 3 maart 2026 (2 keer)". */
export function reasonLabel(r: AgendaReason, opts: ReasonLabelOptions = {}): string {
  const org = (id: number) => opts.organisationName?.(id) ?? `organisatie ${id}`;
  const day = (i: string) => formatDateNl(localDate(i, opts.timeZone ?? DEFAULT_TIME_ZONE));
  switch (r.code) {
    case 'carried_over':
      return `doorgeschoven van ${formatDateNl(r.from)}${r.count > 1 ? ` (${r.count} keer)` : ''}`;
    case 'held':
      return `aangehouden op ${formatDateNl(r.on)}`;
    case 'confirmation_needed':
      return `besluit ${r.decisionNumber} voorlopig gedragen (${formatDateNl(r.since)}): bevestiging nodig`;
    case 'escalation_returned':
      return `terug van escalatie (${day(r.returnedAt)})`;
    case 'requested':
      return `verzoek van ${org(r.organisationId)} (${day(r.requestedAt)})${r.late ? ', na de deadline' : ''}`;
    case 'target_passed':
      return `streefdatum verstreken (${formatDateNl(r.targetDate)}): besluit nodig: verlengen of andere koers`;
    case 'target_near':
      return `streefdatum binnen ${r.weeks} ${r.weeks === 1 ? 'week' : 'weken'} (${formatDateNl(r.targetDate)})`;
    case 'review_due':
      return `evaluatiedatum bereikt (${formatDateNl(r.reviewDate)})`;
    case 'actions_due':
      return r.count === 1
        ? `open actiepunt, uiterlijk ${formatDateNl(r.earliestDue)}`
        : `${r.count} open actiepunten, eerste uiterlijk ${formatDateNl(r.earliestDue)}`;
    case 'positions_changed':
      return `standpunt gewijzigd: ${r.organisationIds.map(org).join(', ')}`;
    case 'new_referral':
      return `nieuwe aanmelding (${formatDateNl(r.referredAt)})`;
    case 'left_since':
      return r.dossiers.length === 0
        ? `geen uitstroom sinds het vorige overleg (${formatDateNl(r.since)})`
        : r.dossiers
            .map(
              (d) =>
                `${d.label}: ${d.outcome && Object.hasOwn(outcomeLabels, d.outcome) ? outcomeLabels[d.outcome as OutcomeCategory] : 'uitkomst onbekend'} (${formatDateNl(d.date)})`,
            )
            .join('; ');
  }
}

// --- signals ----------------------------------------------------------------------------------------

/**
 * What the table should see about a dossier on its agenda item, beside why it is there (issue 11):
 * stuck, escalated (an escalation that has not come back), a medical obstacle (only the conclusion that
 * there is one, which every party may know; never the detail behind it) and no contact for some weeks,
 * the early warning against leaving with unknown destination. Computed when the agenda is shown, from
 * the dossier as it is then; not stored with the item.
 */
export const AgendaSignal = z.discriminatedUnion('code', [
  z.object({ code: z.literal('vastgelopen') }),
  z.object({ code: z.literal('geescaleerd') }),
  z.object({ code: z.literal('medische_belemmering') }),
  z.object({ code: z.literal('geen_contact'), since: IsoDate, weeks: z.number().int() }),
]);
export type AgendaSignal = z.infer<typeof AgendaSignal>;

export const DEFAULT_NO_CONTACT_WEEKS = 4;

/**
 * Whole weeks without contact at `onDate`, when at least `threshold`; null otherwise, and when no
 * contact was ever recorded (there is no date to count from; the register shows the empty field).
 */
export function noContactWeeks(
  lastContactDate: IsoDate | null,
  onDate: IsoDate,
  threshold: number,
): number | null {
  if (!lastContactDate) return null;
  const weeks = Math.floor(daysBetween(lastContactDate, onDate) / 7);
  return weeks >= threshold ? weeks : null;
}

export interface SignalFacts {
  stuck: boolean;
  escalated: boolean;
  medicalObstacle: boolean;
  lastContactDate: IsoDate | null;
}

export function dossierSignals(d: SignalFacts, onDate: IsoDate, weeksThreshold: number): AgendaSignal[] {
  const out: AgendaSignal[] = [];
  if (d.stuck) out.push({ code: 'vastgelopen' });
  if (d.escalated) out.push({ code: 'geescaleerd' });
  if (d.medicalObstacle) out.push({ code: 'medische_belemmering' });
  const weeks = noContactWeeks(d.lastContactDate, onDate, weeksThreshold);
  if (weeks !== null) out.push({ code: 'geen_contact', since: d.lastContactDate!, weeks });
  return out;
}

/** How many times an item was carried over, read from its stored reasons (0 if never). */
export function carryCountOf(reasons: readonly AgendaReason[]): number {
  for (const r of reasons) if (r.code === 'carried_over') return r.count;
  return 0;
}

// --- input and output -------------------------------------------------------------------------------

export interface AgendaDossier {
  id: number;
  number: string;
  status: DossierStatus;
  referredAt: IsoDate;
  targetDate: IsoDate | null;
  reviewDate: IsoDate | null;
  /** When the latest escalation came back (instant), or null. */
  escalationReturnedAt: string | null;
  /** The date of the latest finished meeting that discussed the dossier ('besproken'), if any. */
  lastDiscussedOn?: IsoDate | null;
}

export interface PreviousItem {
  kind: AgendaItemKind;
  dossierId: number | null;
  title?: string | null;
  status: AgendaItemStatus;
  /** The date the item was first carried from (agenda_items.carried_from), or null. */
  carriedFrom: IsoDate | null;
  /** How often it was carried already (see carryCountOf); assumed 1 when carriedFrom is set. */
  carryCount?: number;
}

export interface PreviousMeeting {
  date: IsoDate;
  /** When the meeting ended (meetings.ended_at), if it did. */
  endedAt?: string | null;
  items: readonly PreviousItem[];
}

export interface AgendaInput {
  meetingDate: IsoDate;
  previous: PreviousMeeting | null;
  settings?: AgendaSettings;
  dossiers: readonly AgendaDossier[];
  /** Requests to discuss a dossier at this meeting. */
  requests?: readonly AgendaRequest[];
  /** Actions; only those with status 'open' (or no status given) count. */
  actions?: readonly AgendaAction[];
  /** Recorded positions; passing only those since the previous meeting is enough (older ones are skipped). */
  positionChanges?: readonly AgendaPositionChange[];
  /** Dossiers that left (outflow date, outcome), for the standing item "uitstroom sinds vorig overleg". */
  outflows?: readonly AgendaOutflow[];
  /** Public holidays (dates) that are no working day for the cut-off; weekends never are. */
  holidays?: readonly IsoDate[];
  /** Decisions provisionally carried, awaiting a required party: they come back until confirmed. */
  pendingConfirmations?: readonly { dossierId: number; decisionNumber: string; since: IsoDate }[];
}

export interface AgendaOutflow {
  dossierId: number;
  number: string;
  name: string;
  outcome: string | null;
  outflowDate: IsoDate;
}

export interface AgendaRequest {
  dossierId: number;
  organisationId: number;
  requestedAt: string;
}
export interface AgendaAction {
  dossierId: number | null;
  dueDate: IsoDate;
  status?: ActionStatus;
}
export interface AgendaPositionChange {
  dossierId: number;
  organisationId: number;
  recordedAt: string;
}

/** A proposed item, shaped like an agenda_items row (reasons as objects; the backend stores JSON). */
export interface ProposedItem {
  kind: AgendaItemKind;
  dossierId: number | null;
  dossierNumber: string | null;
  title: string | null;
  reasons: AgendaReason[];
  carriedFrom: IsoDate | null;
  plannedMinutes: number;
}

export interface AgendaProposal {
  /** The cut-off instant used for requests. */
  cutoff: string;
  items: ProposedItem[];
}

const collator = new Intl.Collator('nl', { numeric: true });

const proceduralMinutes = {
  opening: 2,
  verslag: 5,
  acties: 10,
  uitstroom: 3,
  rondvraag: 5,
  sluiting: 1,
} as const;

function procedural(kind: keyof typeof proceduralMinutes): ProposedItem {
  return {
    kind,
    dossierId: null,
    dossierNumber: null,
    title: agendaItemKindLabels[kind],
    reasons: [],
    carriedFrom: null,
    plannedMinutes: proceduralMinutes[kind],
  };
}

/**
 * Proposes the agenda for a meeting. Linear in the size of the input (one pass per source, maps for
 * lookups), then a sort of the proposed items only.
 */
export function proposeAgenda(input: AgendaInput): AgendaProposal {
  // Defaults by hand rather than AgendaSettings.parse: settings are validated where they are stored,
  // and a zod parse here costs more on a cold start than the whole proposal.
  const given = input.settings ?? {};
  const settings = {
    targetWindowWeeks: given.targetWindowWeeks ?? defaultSettings.targetWindowWeeks,
    minutesPerDossier: given.minutesPerDossier ?? defaultSettings.minutesPerDossier,
    cutoff: {
      ...defaultSettings.cutoff,
      ...given.cutoff,
      timeZone: given.cutoff?.timeZone ?? DEFAULT_TIME_ZONE,
    },
  };
  const { meetingDate, previous } = input;
  const cutoff = cutoffFor(meetingDate, settings.cutoff, new Set(input.holidays ?? []));
  const windowEnd = addDays(meetingDate, settings.targetWindowWeeks * 7);

  // Instants strictly after `since` count as "since the last meeting" (see the header comment).
  const since = !previous
    ? '0000-01-01T00:00:00.000Z'
    : previous.endedAt
      ? new Date(previous.endedAt).toISOString()
      : new Date(
          Date.parse(zonedTimeToInstant(addDays(previous.date, 1), '00:00', settings.cutoff.timeZone)) - 1,
        ).toISOString();

  const byId = new Map<number, AgendaDossier>();
  for (const d of input.dossiers) byId.set(d.id, d);

  const items = new Map<number, ProposedItem>();
  const topics: ProposedItem[] = [];
  const itemFor = (d: AgendaDossier): ProposedItem => {
    let item = items.get(d.id);
    if (!item) {
      item = {
        kind: 'dossier',
        dossierId: d.id,
        dossierNumber: d.number,
        title: null,
        reasons: [],
        carriedFrom: null,
        plannedMinutes: settings.minutesPerDossier,
      };
      items.set(d.id, item);
    }
    return item;
  };
  /** An open dossier known to us, or undefined. */
  const open = (id: number | null) => {
    const d = id === null ? undefined : byId.get(id);
    return d && !isFinished(d.status) ? d : undefined;
  };

  // Last meeting: carried over and held items.
  const onPrevious = new Set<number>();
  for (const p of previous?.items ?? []) {
    if (p.dossierId !== null) onPrevious.add(p.dossierId);
    if (p.kind !== 'dossier' && p.kind !== 'onderwerp') continue;
    if (p.status === 'besproken') continue;
    if (p.status === 'aangehouden') {
      const d = open(p.dossierId);
      if (d && previous) itemFor(d).reasons.push({ code: 'held', on: previous.date });
      continue;
    }
    const from = p.carriedFrom ?? previous!.date;
    const count = p.carriedFrom ? (p.carryCount ?? 1) + 1 : 1;
    const reason: AgendaReason = { code: 'carried_over', from, count };
    if (p.kind === 'onderwerp') {
      topics.push({
        kind: 'onderwerp',
        dossierId: null,
        dossierNumber: null,
        title: p.title ?? null,
        reasons: [reason],
        carriedFrom: from,
        plannedMinutes: settings.minutesPerDossier,
      });
      continue;
    }
    const d = open(p.dossierId);
    if (d) {
      const item = itemFor(d);
      item.reasons.push(reason);
      item.carriedFrom = from;
    }
  }

  // Passed target dates the table already discussed after they passed.
  const decidedPast: AgendaDossier[] = [];
  // Rules on the dossier itself.
  for (const d of input.dossiers) {
    if (isFinished(d.status)) continue;
    const isNew = previous
      ? d.referredAt >= previous.date && d.referredAt <= meetingDate && !onPrevious.has(d.id)
      : d.status === 'aangemeld' && d.referredAt <= meetingDate;
    if (isNew) itemFor(d).reasons.push({ code: 'new_referral', referredAt: d.referredAt });
    if (d.targetDate) {
      if (d.targetDate < meetingDate) {
        // Discussed since the date passed: only as context when something else brings it (below).
        if (d.lastDiscussedOn && d.lastDiscussedOn > d.targetDate) decidedPast.push(d);
        else itemFor(d).reasons.push({ code: 'target_passed', targetDate: d.targetDate });
      } else if (d.targetDate <= windowEnd)
        itemFor(d).reasons.push({
          code: 'target_near',
          targetDate: d.targetDate,
          weeks: settings.targetWindowWeeks,
        });
    }
    if (d.reviewDate && d.reviewDate <= meetingDate)
      itemFor(d).reasons.push({ code: 'review_due', reviewDate: d.reviewDate });
    if (d.escalationReturnedAt && isAfterInstant(d.escalationReturnedAt, since))
      itemFor(d).reasons.push({ code: 'escalation_returned', returnedAt: d.escalationReturnedAt });
  }

  // Provisionally carried decisions come back until the missing party confirms (issue 11).
  for (const c of input.pendingConfirmations ?? []) {
    const d = open(c.dossierId);
    if (d && c.since < meetingDate)
      itemFor(d).reasons.push({
        code: 'confirmation_needed',
        decisionNumber: c.decisionNumber,
        since: c.since,
      });
  }

  // Requests: the earliest per organisation and dossier counts. Finished dossiers too (see header).
  const firstRequest = new Map<
    string,
    { dossierId: number; organisationId: number; requestedAt: string; t: number }
  >();
  for (const r of input.requests ?? []) {
    const key = `${r.dossierId}:${r.organisationId}`;
    const t = Date.parse(r.requestedAt);
    const seen = firstRequest.get(key);
    if (!seen || t < seen.t) firstRequest.set(key, { ...r, t });
  }
  for (const r of firstRequest.values()) {
    const d = byId.get(r.dossierId);
    if (!d) continue;
    itemFor(d).reasons.push({
      code: 'requested',
      organisationId: r.organisationId,
      requestedAt: r.requestedAt,
      late: isLate(r.requestedAt, cutoff),
    });
  }

  // Actions due by the meeting date, one reason per dossier.
  const due = new Map<number, { count: number; earliestDue: string }>();
  let openActions = 0;
  for (const a of input.actions ?? []) {
    if (a.status !== undefined && a.status !== 'open') continue;
    openActions++;
    if (a.dueDate > meetingDate || !open(a.dossierId)) continue;
    const seen = due.get(a.dossierId!);
    if (!seen) due.set(a.dossierId!, { count: 1, earliestDue: a.dueDate });
    else {
      seen.count++;
      if (a.dueDate < seen.earliestDue) seen.earliestDue = a.dueDate;
    }
  }
  for (const [id, a] of due) itemFor(byId.get(id)!).reasons.push({ code: 'actions_due', ...a });

  // Positions recorded since the last meeting, one reason per dossier naming the organisations.
  const changed = new Map<number, { orgs: Set<number>; latestAt: string }>();
  for (const p of input.positionChanges ?? []) {
    if (!isAfterInstant(p.recordedAt, since) || !open(p.dossierId)) continue;
    const seen = changed.get(p.dossierId);
    if (!seen) changed.set(p.dossierId, { orgs: new Set([p.organisationId]), latestAt: p.recordedAt });
    else {
      seen.orgs.add(p.organisationId);
      if (isAfterInstant(p.recordedAt, seen.latestAt)) seen.latestAt = p.recordedAt;
    }
  }
  for (const [id, c] of changed)
    itemFor(byId.get(id)!).reasons.push({
      code: 'positions_changed',
      organisationIds: [...c.orgs].sort((a, b) => a - b),
      latestAt: c.latestAt,
    });

  // A passed target date the table discussed already: said again only on an item something else brought.
  for (const d of decidedPast)
    items.get(d.id)?.reasons.push({ code: 'target_passed', targetDate: d.targetDate! });

  // The standing item: who left after the previous meeting's date, up to this meeting (dates; what left
  // on the previous meeting's own day was recorded there, through the outflow form at its item).
  const outflowItem = (since: IsoDate): ProposedItem => ({
    ...procedural('uitstroom'),
    reasons: [
      {
        code: 'left_since',
        since,
        dossiers: (input.outflows ?? [])
          .filter((o) => o.outflowDate > since && o.outflowDate <= meetingDate)
          .sort((a, b) => (a.outflowDate < b.outflowDate ? -1 : a.outflowDate > b.outflowDate ? 1 : 0))
          .map((o) => ({
            dossierId: o.dossierId,
            label: pseudonym(o.number, o.name),
            outcome: o.outcome,
            date: o.outflowDate,
          })),
      },
    ],
  });

  // Order: reasons within an item by rank then date; items by their first reason, then date, number.
  const byReason = (a: AgendaReason, b: AgendaReason) =>
    rank(a) - rank(b) || (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0);
  const proposed = [...items.values(), ...topics];
  for (const item of proposed) item.reasons.sort(byReason);
  proposed.sort((a, b) => {
    const ra = a.reasons[0]!;
    const rb = b.reasons[0]!;
    return (
      byReason(ra, rb) || collator.compare(a.dossierNumber ?? a.title ?? '', b.dossierNumber ?? b.title ?? '')
    );
  });

  return {
    cutoff,
    items: [
      procedural('opening'),
      ...(previous ? [procedural('verslag')] : []),
      ...(openActions > 0 ? [procedural('acties')] : []),
      ...(previous ? [outflowItem(previous.date)] : []),
      ...proposed,
      procedural('rondvraag'),
      procedural('sluiting'),
    ],
  };
}
