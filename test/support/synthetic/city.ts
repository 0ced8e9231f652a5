import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ActionStatus, AgendaItemStatus, AgendaReason } from '../../../shared/domain/agenda';
import type { Role } from '../../../shared/domain/roles';
import { auditHead, chainHash } from '../../../electron/core/audit/audit';
import { formatRecoveryKey, newDatabaseKey } from '../../../electron/core/crypto/keywrap';
import { openDatabase, type Db } from '../../../electron/core/db/open';
import { addMonths } from '../../../shared/domain/dates';
import { getMeta, populateEnvironment, setMeta } from '../../../electron/core/environment/setup';
import { DB_FILE_NAME, Vault } from '../../../electron/core/environment/vault';
import { firstHolderKeys } from '../../../electron/core/environment/keyring';
import type { KdfParams } from '../../../electron/core/ports';
import * as T from './names';
import { deriveSeed, Rng } from './prng';

/**
 * A deterministic synthetic city for tests and benchmarks: at full scale ten years of weekly meetings
 * (520 of 30 agenda items), 6,000 dossiers of which 500 open, positions of every party per dossier
 * item, decisions with consents, 40,000 actions and 500,000 audit records in a valid hash chain.
 * Everything derives from the seed and a fixed "today" (SYNTHETIC_TODAY): no clock, no crypto random.
 */

/** The city's "today": the last meeting is planned for the day after. */
export const SYNTHETIC_TODAY = '2026-11-23';

export interface GenerateCityOptions {
  seed: number;
  /** Length of the history in years (default 10). */
  years?: number;
  /** Scales every count (dossiers, open dossiers, meetings, actions, audit records); 1 = the full city. */
  scale?: number;
}

export interface CityStats {
  seed: number;
  scale: number;
  years: number;
  users: number;
  dossiers: number;
  openDossiers: number;
  special: number;
  history: number;
  procedures: number;
  meetings: number;
  attendance: number;
  agendaItems: number;
  discussionRequests: number;
  positions: number;
  decisions: number;
  consents: number;
  escalations: number;
  actions: number;
  /** Audit records in the table afterwards (including any written before), and those added here. */
  auditTotal: number;
  auditAdded: number;
  /** Milliseconds: planning in memory, inserting, hashing the audit chain, and in total. */
  timings: { plan: number; insert: number; audit: number; total: number };
}

const DAY_MS = 86_400_000;
const ITEMS_PER_MEETING = 30;
const PROCEDURAL_ITEMS = 5;
const PARTIES = 5;

const dayOf = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const isoAt = (ms: number): string => new Date(ms).toISOString();

const TODAY = dayOf(SYNTHETIC_TODAY);

/** First day of the synthetic history: users exist from then on; set-up may be dated just before. */
export function syntheticStartDay(opts: { years?: number; scale?: number } = {}): string {
  return isoDay(timeline(opts.years ?? 10, opts.scale ?? 1).userDay);
}

function timeline(years: number, scale: number) {
  const nMeetings = Math.max(2, Math.round(52 * years * scale));
  const nextMeeting = TODAY + 1;
  const gap = (52 * years * 7) / nMeetings;
  const meetingDays = Array.from(
    { length: nMeetings },
    (_, m) => nextMeeting - Math.round((nMeetings - 1 - m) * gap),
  );
  const firstMeeting = meetingDays[0]!;
  return {
    nMeetings,
    meetingDays,
    firstMeeting,
    backlogStart: firstMeeting - 60,
    userDay: firstMeeting - 90,
  };
}

type Outcome = 'TERUGKEER' | 'VERBLIJFSVERGUNNING' | 'DOORMIGRATIE' | 'MOB' | 'OVERIG';

/** Perspectief's outflow (n = 260 who left guidance): permit 107, MOB 87, other 35, return 21, onward 10. */
const outcomeWeights: readonly (readonly [Outcome, number])[] = [
  ['VERBLIJFSVERGUNNING', 107],
  ['MOB', 87],
  ['OVERIG', 35],
  ['TERUGKEER', 21],
  ['DOORMIGRATIE', 10],
];

interface Step {
  day: number;
  ms: number;
  field: string;
  from: string | null;
  to: string;
  reason: string;
  userId: number;
  decisionId: number | null;
}

interface DossierPlan {
  id: number;
  ref: number;
  /** Outflow day when closed; a projected day beyond today when open. */
  end: number;
  open: boolean;
  outcome: Outcome | null;
  status: string;
  track: string;
  /** [from day, track] in order. */
  tracks: [number, string][];
  steps: Step[];
  intake: number | null;
  targetDay: number;
  casemanagerUserId: number;
  row: unknown[];
  lastDiscussed: number;
  /** Day the dossier reached "besluit gedragen", if it did: the meeting before it takes that decision. */
  besluitDay: number | null;
  stuck: boolean;
  escalatedOpen: boolean;
}

interface OrgInfo {
  id: number;
  name: string;
  kind: string;
}

interface UserInfo {
  id: number;
  orgId: number;
  displayName: string;
}

/** Direction a party or decision takes for a track. */
const directionOfTrack = (track: string): string => (track === 'nog_te_bepalen' ? 'nader_onderzoek' : track);

const outcomeDirection: Record<Outcome, string | null> = {
  VERBLIJFSVERGUNNING: 'legalisatie',
  TERUGKEER: 'terugkeer',
  DOORMIGRATIE: 'doormigratie',
  MOB: null,
  OVERIG: null,
};

/** Why the generator puts a dossier on an agenda; ruleReason turns it into the domain's AgendaReason. */
type Rule =
  | 'nieuw'
  | 'doorgeschoven'
  | 'evaluatiedatum'
  | 'streefdatum'
  | 'actie_verlopen'
  | 'standpunt_gewijzigd'
  | 'verzoek';

interface RuleFacts {
  day: number;
  dossier: DossierPlan;
  carriedFrom: string | null;
  carryCount: number;
  organisationId: number;
  requestedAt: string;
  late: boolean;
}

/** The stored reason, exactly as shared/domain/agenda.ts writes it (the synthetic test parses every one). */
function ruleReason(rule: Rule, f: RuleFacts): AgendaReason {
  switch (rule) {
    case 'nieuw':
      return { code: 'new_referral', referredAt: isoDay(f.dossier.ref) };
    case 'doorgeschoven':
      return {
        code: 'carried_over',
        from: f.carriedFrom ?? isoDay(f.day - 7),
        count: Math.max(1, f.carryCount),
      };
    case 'evaluatiedatum':
      return { code: 'review_due', reviewDate: isoDay(f.day) };
    case 'streefdatum':
      return f.dossier.targetDay < f.day
        ? { code: 'target_passed', targetDate: isoDay(f.dossier.targetDay) }
        : { code: 'target_near', targetDate: isoDay(f.dossier.targetDay), weeks: 4 };
    case 'actie_verlopen':
      return { code: 'actions_due', count: 1, earliestDue: isoDay(f.day - 7) };
    case 'standpunt_gewijzigd':
      return { code: 'positions_changed', organisationIds: [f.organisationId], latestAt: f.requestedAt };
    case 'verzoek':
      return {
        code: 'requested',
        organisationId: f.organisationId,
        requestedAt: f.requestedAt,
        late: f.late,
      };
  }
}

const statusReason: Record<string, string> = {
  intake: 'Uitgebreide intake gestart',
  richting_bepalen: 'Intake afgerond; richting wordt bepaald',
  in_traject: 'Richting bepaald in het overleg',
  besluit_gedragen: 'Gedragen besluit genomen',
  uitvoering: 'Uitvoering van het besluit gestart',
  uitgestroomd: 'Uitstroom geregistreerd',
  gesloten: 'Dossier gesloten na nazorg',
};

const allDirections = [
  'legalisatie',
  'doormigratie',
  'terugkeer',
  'stabilisatie',
  'tweesporen',
  'nader_onderzoek',
  'geen_standpunt',
] as const;

/** Audit vocabulary: index into these in the compact event arrays. */
const AUDIT_ACTIONS = [
  'dossier.create',
  'dossier.update',
  'special.update',
  'procedure.create',
  'meeting.create',
  'agenda.generate',
  'attendance.record',
  'meeting.start',
  'meeting.end',
  'position.record',
  'decision.create',
  'consent.record',
  'decision.lock',
  'escalation.create',
  'action.create',
  'action.review',
  'minutes.adopt',
  'dossier.view',
  'special.view',
  'auth.login',
  'auth.lock',
  'discussion.request',
  'user.create',
] as const;
type AuditAction = (typeof AUDIT_ACTIONS)[number];
const AUDIT_ENTITY: Record<AuditAction, string> = {
  'dossier.create': 'dossiers',
  'dossier.update': 'dossiers',
  'special.update': 'dossier_special',
  'procedure.create': 'procedures',
  'meeting.create': 'meetings',
  'agenda.generate': 'agenda_items',
  'attendance.record': 'attendance',
  'meeting.start': 'meetings',
  'meeting.end': 'meetings',
  'position.record': 'positions',
  'decision.create': 'decisions',
  'consent.record': 'consents',
  'decision.lock': 'decisions',
  'escalation.create': 'escalations',
  'action.create': 'actions',
  'action.review': 'actions',
  'minutes.adopt': 'meetings',
  'dossier.view': 'dossiers',
  'special.view': 'dossier_special',
  'auth.login': 'users',
  'auth.lock': 'users',
  'discussion.request': 'discussion_requests',
  'user.create': 'users',
};
const ACTION_INDEX = new Map<string, number>(AUDIT_ACTIONS.map((a, i) => [a, i]));

class AuditLog {
  readonly ms: number[] = [];
  readonly user: number[] = [];
  readonly org: number[] = [];
  readonly action: number[] = [];
  readonly ids: number[][] = [];
  add(ms: number, u: UserInfo, action: AuditAction, ids: number[]): void {
    this.ms.push(ms);
    this.user.push(u.id);
    this.org.push(u.orgId);
    this.action.push(ACTION_INDEX.get(action)!);
    this.ids.push(ids);
  }
  get length(): number {
    return this.ms.length;
  }
}

/**
 * Fills an environment that already has its organisations (a gemeente among them) with the synthetic
 * city. Needs a database without dossiers and meetings. Deterministic: same seed and options, same rows.
 */
export function generateCity(db: Db, opts: GenerateCityOptions): CityStats {
  const t0 = performance.now();
  const seed = opts.seed >>> 0;
  const years = opts.years ?? 10;
  const scale = opts.scale ?? 1;
  if (!(years > 0) || !(scale > 0)) throw new Error('years and scale must be positive');
  const count = (table: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  if (count('dossiers') > 0 || count('meetings') > 0)
    throw new Error('generateCity needs an environment without dossiers or meetings');

  const city = getMeta(db, 'city') ?? 'Proefstad';
  const termMonths = Number(getMeta(db, 'term_months') ?? '6') || 6;
  const orgs = db
    .prepare('SELECT id, name, kind FROM organisations WHERE active = 1 ORDER BY sort_order, id')
    .all() as OrgInfo[];
  const gemeente = orgs.find((o) => o.kind === 'gemeente');
  if (!gemeente) throw new Error('The environment has no gemeente');
  const parties = orgs.slice(0, PARTIES);
  if (!parties.includes(gemeente)) parties[parties.length - 1] = gemeente;
  const ngos = orgs.filter((o) => o.kind === 'ngo');

  const tl = timeline(years, scale);
  const nMeetings = tl.nMeetings;
  const nDossiers = Math.max(40, Math.round(6000 * scale));
  const nOpen = Math.min(nDossiers, Math.max(1, Math.round(500 * scale)));
  const nActions = Math.round(40000 * scale);
  const auditTarget = Math.round(500000 * scale);
  const dossierSlots = ITEMS_PER_MEETING - PROCEDURAL_ITEMS;
  const dayMs = (day: number, rng: Rng, fromHour = 8, toHour = 16) =>
    day * DAY_MS + rng.int(fromHour * 3600, toHour * 3600) * 1000;

  // ---------------------------------------------------------------- users
  const rngUsers = new Rng(deriveSeed(seed, 1));
  const existingNames = new Set(
    (db.prepare('SELECT username FROM users').all() as { username: string }[]).map((u) =>
      u.username.toLowerCase(),
    ),
  );
  let nextUserId = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM users').get() as { m: number }).m + 1;
  const newUsers: { id: number; username: string; displayName: string; orgId: number; roles: Role[] }[] = [];
  const usersByOrg = new Map<number, UserInfo[]>();
  const makeUser = (org: OrgInfo, roles: Role[]): UserInfo => {
    const first = rngUsers.pick(T.dutchFirst);
    const last = rngUsers.pick(T.dutchLast);
    const slug = org.kind === 'gemeente' ? 'gem' : org.kind;
    const base = `${slug}.${first[0]}${last.replace(/[^a-z]/gi, '')}`.toLowerCase();
    let username = base;
    for (let i = 2; existingNames.has(username); i++) username = `${base}${i}`;
    existingNames.add(username);
    const u = { id: nextUserId++, username, displayName: `${first} ${last}`, orgId: org.id, roles };
    newUsers.push(u);
    const list = usersByOrg.get(org.id) ?? [];
    list.push(u);
    usersByOrg.set(org.id, list);
    return u;
  };
  const chairs = [makeUser(gemeente, ['voorzitter']), makeUser(gemeente, ['voorzitter'])];
  const secretaries = [makeUser(gemeente, ['notulist']), makeUser(gemeente, ['notulist'])];
  const casemanagers = Array.from({ length: 4 }, () => makeUser(gemeente, ['casemanager', 'deelnemer']));
  for (const org of parties) if (org !== gemeente) for (let i = 0; i < 3; i++) makeUser(org, ['deelnemer']);
  const partyUsers = parties.map((p) => usersByOrg.get(p.id) ?? []);
  const allUsers = [...usersByOrg.values()].flat();
  const userById = new Map(allUsers.map((u) => [u.id, u]));

  // ---------------------------------------------------------------- dossiers
  const rng = new Rng(deriveSeed(seed, 2));
  const backlog = Math.min(nDossiers, Math.max(dossierSlots + 5, Math.round(150 * scale)));
  const refs: number[] = [];
  for (let i = 0; i < nDossiers; i++) {
    refs.push(
      i < backlog ? rng.int(tl.backlogStart, tl.firstMeeting - 1) : rng.int(tl.firstMeeting, TODAY - 1),
    );
  }
  refs.sort((a, b) => a - b);
  const projectedEnd = refs.map((r) => r + 45 + Math.min(2000, Math.round(rng.exp(270))));
  // Open: all referred in the last 60 days (as far as the count allows), then those that would end last.
  const order = refs.map((_, i) => i).sort((a, b) => projectedEnd[b]! - projectedEnd[a]! || b - a);
  const isOpen = new Uint8Array(nDossiers);
  let opened = 0;
  for (let i = nDossiers - 1; i >= 0 && opened < nOpen && refs[i]! > TODAY - 60; i--) {
    isOpen[i] = 1;
    opened++;
  }
  for (const i of order) {
    if (opened >= nOpen) break;
    if (!isOpen[i]) {
      isOpen[i] = 1;
      opened++;
    }
  }

  const vNumbers = new Set<string>();
  const yearSeq = new Map<number, number>();
  const dossiers: DossierPlan[] = [];
  const specialRows: unknown[][] = [];
  const procedureRows: unknown[][] = [];
  const audit = new AuditLog();
  const dossierIdBase = 1;
  let nextProcedureId = 1;

  for (let i = 0; i < nDossiers; i++) {
    const id = dossierIdBase + i;
    const ref = refs[i]!;
    const open = isOpen[i] === 1;
    let end = projectedEnd[i]!;
    if (open && end <= TODAY + 7) end = TODAY + rng.int(30, 400);
    if (!open && end >= TODAY)
      end = Math.min(TODAY - 1, ref + 14 + Math.floor(rng.next() * Math.max(0, TODAY - 15 - ref)));
    if (end <= ref) end = ref + 1;
    const year = Number(isoDay(ref).slice(0, 4));
    const seq = (yearSeq.get(year) ?? 0) + 1;
    yearSeq.set(year, seq);

    // Person
    const region = rng.weighted(T.regions.map((r) => [r, r.weight] as const));
    const [country, languages] = rng.weighted(region.countries.map((c) => [c, c[2]] as const));
    const nationality = rng.weighted([
      [country, 90],
      ['onbekend', 5],
      ['staatloos', 2],
      [rng.pick(region.countries)[0], 3],
    ] as const);
    const sex = rng.weighted([
      ['m', 75],
      ['v', 23],
      ['x', 2],
    ] as const);
    const first = rng.pick(
      sex === 'v' ? region.female : sex === 'm' ? region.male : [...region.male, ...region.female],
    );
    const last = rng.pick(region.last);
    const name = `${first} ${last}`;
    const aliases = rng.chance(0.1) ? [`${first} ${rng.pick(region.last)}`] : [];
    const age = Math.min(70, 19 + Math.round(rng.exp(13)));
    const estimated = rng.chance(0.2);
    const birth = estimated
      ? dayOf(`${isoDay(ref - age * 365).slice(0, 4)}-01-01`)
      : ref - age * 365 - rng.int(0, 364);
    const yearsInNl = Math.min(age - 1, 1 + rng.exp(7.5));
    const firstKnown = ref - Math.round(yearsInNl * 365.25);
    let vNumber: string;
    do vNumber = String(rng.int(1_000_000_000, 3_999_999_999));
    while (vNumbers.has(vNumber));
    vNumbers.add(vNumber);
    const casemanager = rng.pick(casemanagers);
    const leadNgo = ngos.length > 0 ? rng.pick(ngos).id : null;
    const shelter = rng.weighted([
      ['bbb', 30],
      ['24-uursopvang', 45],
      ['leefgeld', 10],
      ['geen', 15],
    ] as const);

    // Special categories
    const somatic = rng.weighted([
      ['ja', 30],
      ['nee', 50],
      ['onbekend', 20],
    ] as const);
    const psychiatric = rng.weighted([
      ['ja', 35],
      ['nee', 40],
      ['onbekend', 25],
    ] as const);
    const medicalObstacle =
      somatic === 'ja' || psychiatric === 'ja'
        ? rng.weighted([
            ['ja', 35],
            ['nee', 45],
            ['onbekend', 20],
          ] as const)
        : rng.chance(0.7)
          ? 'nee'
          : 'onbekend';
    const vulnerable = psychiatric === 'ja' || medicalObstacle === 'ja' || rng.chance(0.05);
    specialRows.push([
      id,
      somatic,
      psychiatric,
      medicalObstacle,
      somatic === 'ja' || psychiatric === 'ja' ? rng.pick(T.healthDetails) : null,
      rng.chance(0.25) ? rng.pick(T.justiceHistories) : null,
      rng.chance(0.15) ? rng.pick(T.restrictiveMeasures) : null,
    ]);

    // Outcome and track
    const outcome: Outcome | null = open ? null : rng.weighted(outcomeWeights);
    let finalTrack: string;
    switch (outcome) {
      case 'VERBLIJFSVERGUNNING':
        finalTrack = rng.chance(0.9) ? 'legalisatie' : 'tweesporen';
        break;
      case 'TERUGKEER':
        finalTrack = rng.chance(0.8) ? 'terugkeer' : 'tweesporen';
        break;
      case 'DOORMIGRATIE':
        finalTrack = 'doormigratie';
        break;
      case 'MOB':
      case 'OVERIG':
        finalTrack = rng.weighted([
          ['terugkeer', 45],
          ['tweesporen', 20],
          ['legalisatie', 25],
          ['stabilisatie', 10],
        ] as const);
        break;
      default:
        finalTrack = rng.weighted([
          ['legalisatie', 35],
          ['terugkeer', 20],
          ['tweesporen', 22],
          ['stabilisatie', 15],
          ['doormigratie', 8],
        ] as const);
    }
    const earlierTrack = rng.chance(0.25)
      ? finalTrack === 'legalisatie'
        ? 'stabilisatie'
        : finalTrack === 'stabilisatie'
          ? 'tweesporen'
          : 'legalisatie'
      : null;
    const stuck = open && (TODAY - ref > 730 ? rng.chance(0.4) : rng.chance(0.03));

    // Timeline of status and track; for open dossiers only what happened up to today.
    const D = end - ref;
    const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));
    const intake = ref + clamp(0.06 * D, 5, 28) + rng.int(0, 4);
    const richting = intake + clamp(0.06 * D, 7, 35) + rng.int(0, 4);
    const traject = richting + clamp(0.08 * D, 7, 42) + rng.int(0, 7);
    const switchDay = earlierTrack ? traject + Math.round((end - traject) * (0.3 + 0.3 * rng.next())) : null;
    const hasDecisionSteps = (outcome === null || outcomeDirection[outcome] !== null) && !stuck;
    const besluit = end - clamp(0.2 * D, 14, 90) - rng.int(0, 5);
    const uitvoering = end - clamp(0.08 * D, 5, 30) + rng.int(0, 3);
    const limit = open ? TODAY : end - 1;
    const raw: [number, string, string][] = [
      [intake, 'status', 'intake'],
      [richting, 'status', 'richting_bepalen'],
      [traject, 'status', 'in_traject'],
      [traject, 'track', earlierTrack ?? finalTrack],
    ];
    if (switchDay !== null) raw.push([switchDay, 'track', finalTrack]);
    if (hasDecisionSteps)
      raw.push([besluit, 'status', 'besluit_gedragen'], [uitvoering, 'status', 'uitvoering']);
    raw.sort((a, b) => a[0] - b[0]);
    const steps: Step[] = [];
    let status = 'aangemeld';
    let track = 'nog_te_bepalen';
    const tracks: [number, string][] = [[ref, 'nog_te_bepalen']];
    let lastStatusDay = ref;
    let lastStatusRank = 0;
    const rank = [
      'aangemeld',
      'intake',
      'richting_bepalen',
      'in_traject',
      'besluit_gedragen',
      'uitvoering',
      'uitgestroomd',
      'gesloten',
    ];
    let intakeDate: number | null = null;
    let besluitDay: number | null = null;
    for (const [day, field, to] of raw) {
      if (day > limit || day <= ref) continue;
      if (field === 'status') {
        const r = rank.indexOf(to);
        if (r <= lastStatusRank || day < lastStatusDay) continue;
        const user = to === 'besluit_gedragen' ? chairs[0]! : casemanager;
        steps.push({
          day,
          ms: dayMs(day, rng),
          field,
          from: status,
          to,
          reason: statusReason[to]!,
          userId: user.id,
          decisionId: null,
        });
        status = to;
        lastStatusRank = r;
        lastStatusDay = day;
        if (to === 'intake') intakeDate = day;
        if (to === 'besluit_gedragen') besluitDay = day;
      } else if (to !== track && status !== 'aangemeld') {
        steps.push({
          day,
          ms: dayMs(day, rng),
          field,
          from: track,
          to,
          reason: 'Traject vastgesteld in het overleg',
          userId: casemanager.id,
          decisionId: null,
        });
        track = to;
        tracks.push([day, to]);
      }
    }
    let outflowDate: number | null = null;
    let closedStatus: string | null = null;
    if (!open) {
      outflowDate = end;
      steps.push({
        day: end,
        ms: dayMs(end, rng),
        field: 'status',
        from: status,
        to: 'uitgestroomd',
        reason: statusReason.uitgestroomd!,
        userId: casemanager.id,
        decisionId: null,
      });
      steps.push({
        day: end,
        ms: steps[steps.length - 1]!.ms + 60_000,
        field: 'outcome',
        from: null,
        to: outcome!,
        reason: 'Uitkomst vastgelegd',
        userId: casemanager.id,
        decisionId: null,
      });
      status = 'uitgestroomd';
      const closeDay = end + rng.int(14, 60);
      if (closeDay < TODAY) {
        steps.push({
          day: closeDay,
          ms: dayMs(closeDay, rng),
          field: 'status',
          from: status,
          to: 'gesloten',
          reason: statusReason.gesloten!,
          userId: casemanager.id,
          decisionId: null,
        });
        status = 'gesloten';
      }
      closedStatus = status;
    }
    const targetDay = dayOf(addMonths(isoDay(intakeDate ?? ref), termMonths));
    let subkind: string | null = null;
    let detail: string | null = null;
    let endedBy: string | null = null;
    if (outcome) {
      if (outcome === 'TERUGKEER')
        subkind = rng.weighted([
          ['zelfstandig_aantoonbaar', 6],
          ['gedwongen', 2],
          ['zelfstandig_zonder_toezicht', 2],
        ] as const);
      if (outcome === 'OVERIG')
        subkind = rng.weighted([
          ['vbl', 2],
          ['detentie', 2],
          ['opvang', 3],
          ['mbb', 2],
        ] as const);
      if (outcome === 'VERBLIJFSVERGUNNING')
        detail = rng.weighted([
          ['buitenschuld', 3],
          ['asiel', 3],
          ['medisch', 2],
          ['gezin', 2],
          ['schrijnend', 1],
          ['mensenhandel', 1],
        ] as const);
      if (outcome === 'MOB' && rng.chance(0.4))
        detail = rng.pick([
          'Opvang verlaten na negatief besluit',
          'Vertrokken naar onbekend adres',
          'Niet meer verschenen bij meldplicht',
        ]);
      endedBy =
        outcome === 'MOB'
          ? rng.weighted([
              ['client', 8],
              ['onbekend', 2],
            ] as const)
          : rng.weighted([
              ['organisatie', 2],
              ['gemeente', 2],
              ['client', 2],
              ['wederzijds', 4],
              ['onbekend', 1],
            ] as const);
    }

    // Procedures under legalisation (or a permit)
    if (
      tracks.some(([, t]) => t === 'legalisatie' || t === 'tweesporen') ||
      outcome === 'VERBLIJFSVERGUNNING'
    ) {
      const n = rng.int(1, 2);
      let start = Math.max(ref, traject) + rng.int(7, 60);
      for (let k = 0; k < n && start < Math.min(end, TODAY); k++) {
        const last = k === n - 1;
        const ended = start + rng.int(60, 300);
        const done = ended < Math.min(end + 1, TODAY);
        const result = !done
          ? null
          : last && outcome === 'VERBLIJFSVERGUNNING'
            ? 'ingewilligd'
            : rng.weighted([
                ['afgewezen', 7],
                ['ingetrokken', 2],
                ['ingewilligd', 1],
              ] as const);
        const kind =
          outcome === 'VERBLIJFSVERGUNNING' && detail === 'buitenschuld' && last
            ? 'buitenschuld'
            : rng.pick(T.procedureKinds);
        procedureRows.push([nextProcedureId, id, kind, isoDay(start), done ? isoDay(ended) : null, result]);
        audit.add(dayMs(start, rng), casemanager, 'procedure.create', [id, nextProcedureId]);
        nextProcedureId++;
        start = ended + rng.int(14, 90);
      }
    }

    const number = `D-${year}-${String(seq).padStart(4, '0')}`;
    const row = [
      id,
      number,
      city,
      vNumber,
      name,
      JSON.stringify(aliases),
      sex,
      isoDay(birth),
      estimated ? 1 : 0,
      country,
      nationality,
      isoDay(firstKnown),
      rng.chance(0.15) ? 1 : 0,
      rng.chance(0.2) ? rng.pick(T.familyInNl) : null,
      languages,
      leadNgo,
      `${casemanager.displayName} (gemeente)`,
      shelter,
      isoDay(ref),
      intakeDate === null ? null : isoDay(intakeDate),
      track,
      open ? status : closedStatus,
      isoDay(targetDay),
      null,
      open ? isoDay(TODAY + rng.int(7, 84)) : null,
      stuck ? 1 : 0,
      stuck ? rng.pick(T.stuckReasons) : null,
      open && rng.chance(0.03) ? 1 : 0,
      vulnerable ? 1 : 0,
      0 /* escalated: set after the meetings */,
      rng.chance(0.25) ? rng.pick(T.notesPool) : null,
      outcome,
      subkind,
      detail,
      endedBy,
      outflowDate === null ? null : isoDay(outflowDate),
      1 + steps.length,
      '' /* updated_at: set below */,
    ];
    const createdMs = dayMs(ref, rng);
    row[row.length - 1] = isoAt(steps.length > 0 ? steps[steps.length - 1]!.ms : createdMs);
    audit.add(createdMs, casemanager, 'dossier.create', [id]);
    audit.add(createdMs + 120_000, casemanager, 'special.update', [id]);
    dossiers.push({
      id,
      ref,
      end,
      open,
      outcome,
      status: row[21] as string,
      track,
      tracks,
      steps,
      intake: intakeDate,
      targetDay,
      casemanagerUserId: casemanager.id,
      row,
      lastDiscussed: -1,
      besluitDay,
      stuck,
      escalatedOpen: false,
    });
  }
  const trackAt = (d: DossierPlan, day: number): string => {
    let t = 'nog_te_bepalen';
    for (const [from, tr] of d.tracks) if (from <= day) t = tr;
    return t;
  };

  // ---------------------------------------------------------------- meetings, agenda, positions, decisions
  const rm = new Rng(deriveSeed(seed, 3));
  const meetingRows: unknown[][] = [];
  const attendanceRows: unknown[][] = [];
  const itemRows: unknown[][] = [];
  const requestRows: unknown[][] = [];
  const positionRows: unknown[][] = [];
  const decisionRows: unknown[][] = [];
  const consentRows: unknown[][] = [];
  const escalationRows: unknown[][] = [];
  /** Dossier items that were discussed, for actions: [item id, meeting index, dossier index, decision id or 0, ms]. */
  const discussed: [number, number, number, number, number][] = [];
  const gedragenByDossier = new Map<number, [number, number][]>(); // dossier index -> [day, decision id]
  const versions = new Int32Array(nDossiers * parties.length);
  const decisionSeq = new Map<number, number>();
  let nextItemId = 1;
  let nextPositionId = 1;
  let nextDecisionId = 1;
  let nextEscalationId = 1;
  let nextRequestId = 1;
  let active: number[] = [];
  let pointer = 0;
  /** Items not finished last time: the date they were first carried from and how often (as agenda.ts counts). */
  let carried: { dossier: number; fromDate: string; count: number }[] = [];
  const gap = Math.max(7, tl.meetingDays[1]! - tl.meetingDays[0]!);

  for (let m = 0; m < nMeetings; m++) {
    const meetingId = m + 1;
    const day = tl.meetingDays[m]!;
    const planned = m === nMeetings - 1;
    const startMs = day * DAY_MS + 9 * 3600_000;
    const chair = rm.chance(0.9) ? chairs[0]! : chairs[1]!;
    const secretary = rm.pick(secretaries);

    // Attendance
    const presence = parties.map((p) =>
      planned
        ? null
        : p === gemeente
          ? 'aanwezig'
          : rm.weighted([
              ['aanwezig', 88],
              ['afwezig_met_bericht', 6],
              ['schriftelijke_inbreng', 6],
            ] as const),
    );
    if (!planned) parties.forEach((p, k) => attendanceRows.push([meetingId, p.id, presence[k]]));

    // Which dossiers are on the agenda
    while (pointer < nDossiers && dossiers[pointer]!.ref <= day - 3) active.push(pointer++);
    active = active.filter((i) => dossiers[i]!.open || dossiers[i]!.end >= day);
    const chosen: { dossier: number; reason: Rule; carriedFrom: string | null; carryCount: number }[] = [];
    const taken = new Set<number>();
    const take = (dossier: number, reason: Rule, carriedFrom: string | null = null, carryCount = 0) => {
      if (taken.has(dossier) || chosen.length >= dossierSlots) return;
      taken.add(dossier);
      chosen.push({ dossier, reason, carriedFrom, carryCount });
    };
    for (const c of carried)
      if (dossiers[c.dossier]!.open || dossiers[c.dossier]!.end >= day)
        take(c.dossier, 'doorgeschoven', c.fromDate, c.count);
    for (const i of active) if (dossiers[i]!.lastDiscussed < 0) take(i, 'nieuw');
    const decisive = (d: DossierPlan) =>
      d.besluitDay !== null && d.besluitDay >= day - 3 && d.besluitDay < day + gap;
    for (const i of active) if (decisive(dossiers[i]!)) take(i, 'evaluatiedatum');
    if (chosen.length < dossierSlots) {
      const scored = active
        .filter((i) => !taken.has(i))
        .map((i) => [i, day - dossiers[i]!.lastDiscussed + rm.next() * 56] as const);
      scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      for (const [i] of scored) {
        const d = dossiers[i]!;
        take(
          i,
          d.targetDay <= day + 14
            ? 'streefdatum'
            : rm.weighted([
                ['evaluatiedatum', 5],
                ['actie_verlopen', 3],
                ['standpunt_gewijzigd', 2],
                ['verzoek', 1],
              ] as const),
        );
      }
    }
    if (chosen.length < dossierSlots) {
      // Small cities: fill with the most recently closed dossiers (aftercare review).
      for (let i = pointer - 1; i >= 0 && chosen.length < dossierSlots; i--) take(i, 'evaluatiedatum');
    }
    carried = [];

    meetingRows.push([
      meetingId,
      isoDay(day),
      '10:00',
      'Stadskantoor, zaal 3',
      chair.id,
      secretary.id,
      planned ? 'gepland' : 'afgerond',
      null,
      planned ? null : isoAt(startMs),
      planned ? null : isoAt(startMs + 2.5 * 3600_000),
      planned ? 1 : 3,
    ]);
    const createdMs = startMs - 21 * DAY_MS;
    audit.add(createdMs, secretary, 'meeting.create', [meetingId]);

    // Agenda items
    const itemIds: number[] = [];
    let minute = 0;
    const addItem = (
      kind: string,
      dossier: number | null,
      title: string | null,
      reasons: string,
      minutes: number,
      status: AgendaItemStatus,
      carriedFrom: string | null,
    ) => {
      const id = nextItemId++;
      itemRows.push([
        id,
        meetingId,
        itemIds.length + 1,
        kind,
        dossier === null ? null : dossiers[dossier]!.id,
        title,
        reasons,
        minutes,
        status,
        carriedFrom,
      ]);
      itemIds.push(id);
      const at = startMs + minute * 60_000;
      minute += minutes;
      return { id, at };
    };
    const procStatus: AgendaItemStatus = planned ? 'open' : 'besproken';
    addItem('opening', null, 'Opening en mededelingen', '[]', 5, procStatus, null);
    addItem('verslag', null, 'Verslag vorig overleg', '[]', 5, procStatus, null);
    addItem('acties', null, 'Actielijst', '[]', 10, procStatus, null);
    const dossierItems: {
      id: number;
      at: number;
      dossier: number;
      status: AgendaItemStatus;
      reason: Rule;
    }[] = [];
    const cutoffMs = startMs - DAY_MS + 3 * 3600_000; // the day before at 12:00 (roughly; UTC)
    for (const c of chosen) {
      const d = dossiers[c.dossier]!;
      const status: AgendaItemStatus = planned ? 'open' : rm.chance(0.04) ? 'doorgeschoven' : 'besproken';
      // A party's request is made a few days ahead; one in ten comes in after the cut-off.
      const request =
        c.reason === 'verzoek'
          ? (() => {
              const org = parties[rm.int(1, parties.length - 1)] ?? gemeente;
              const late = rm.chance(0.1);
              const ms = late ? cutoffMs + rm.int(1, 20) * 3600_000 : startMs - rm.int(2, 6) * DAY_MS;
              return { org, ms, late };
            })()
          : null;
      const reasons: AgendaReason[] = [
        ruleReason(c.reason, {
          day,
          dossier: d,
          carriedFrom: c.carriedFrom,
          carryCount: c.carryCount,
          organisationId: request?.org.id ?? parties[1 + (c.dossier % (parties.length - 1))]!.id,
          requestedAt: request ? isoAt(request.ms) : isoAt(startMs - 3 * DAY_MS),
          late: request?.late ?? false,
        }),
      ];
      if (
        c.reason !== 'nieuw' &&
        c.reason !== 'doorgeschoven' &&
        c.reason !== 'actie_verlopen' &&
        !rm.chance(0.8)
      )
        reasons.push({ code: 'actions_due', count: 1, earliestDue: isoDay(day - 7) });
      const { id, at } = addItem(
        'dossier',
        c.dossier,
        null,
        JSON.stringify(reasons),
        c.reason === 'nieuw' ? 10 : 5,
        status,
        c.carriedFrom,
      );
      dossierItems.push({ id, at, dossier: c.dossier, status, reason: c.reason });
      // Carried over again: keep the original date and count one more, as agenda.ts does.
      if (status === 'doorgeschoven')
        carried.push({ dossier: c.dossier, fromDate: c.carriedFrom ?? isoDay(day), count: c.carryCount + 1 });
      if (request) {
        const requester = rm.pick(usersByOrg.get(request.org.id)!);
        requestRows.push([
          nextRequestId,
          meetingId,
          d.id,
          request.org.id,
          isoAt(request.ms),
          request.late ? 1 : 0,
        ]);
        audit.add(request.ms, requester, 'discussion.request', [nextRequestId, d.id]);
        nextRequestId++;
      }
    }
    addItem('rondvraag', null, 'Rondvraag', '[]', 5, procStatus, null);
    addItem('sluiting', null, 'Sluiting', '[]', 2, procStatus, null);
    audit.add(startMs - 2 * DAY_MS, secretary, 'agenda.generate', [meetingId, ...itemIds]);
    if (planned) continue;

    audit.add(startMs - 5 * 60_000, secretary, 'attendance.record', [meetingId]);
    audit.add(startMs, chair, 'meeting.start', [meetingId]);

    for (const it of dossierItems) {
      const d = dossiers[it.dossier]!;
      d.lastDiscussed = day;
      const main = directionOfTrack(trackAt(d, day));
      // Positions: every party, versioned per dossier and organisation.
      parties.forEach((p, k) => {
        const absent = presence[k] !== 'aanwezig';
        const onBehalf = absent;
        const recorder = onBehalf ? secretary : rm.pick(partyUsers[k]!);
        const direction =
          presence[k] === 'afwezig_met_bericht'
            ? 'geen_standpunt'
            : rm.chance(0.82)
              ? main
              : rm.pick(allDirections);
        const withheld = p.kind === 'politie' && rm.chance(0.03);
        const version = ++versions[it.dossier * parties.length + k]!;
        const at = it.at + (k + 1) * 30_000;
        positionRows.push([
          nextPositionId,
          d.id,
          it.id,
          p.id,
          version,
          direction,
          rm.pick(T.positionReasoning[direction]!),
          rm.chance(0.4) ? rm.pick(T.positionInformation) : '',
          rm.chance(0.15) ? rm.pick(T.positionConditions) : '',
          withheld ? 1 : 0,
          withheld ? 'Informatie alleen met de voorzitter gedeeld (lopend onderzoek).' : null,
          recorder.id,
          onBehalf ? 1 : 0,
          isoAt(at),
        ]);
        audit.add(at, recorder, 'position.record', [d.id, nextPositionId]);
        nextPositionId++;
      });
      if (it.status !== 'besproken') continue;

      // Decision
      const endingSoon = decisive(d);
      const pDecision = endingSoon ? 1 : it.reason === 'nieuw' ? 0.2 : 0.33;
      let decisionId = 0;
      if (rm.chance(pDecision)) {
        decisionId = nextDecisionId++;
        const state = d.stuck
          ? rm.weighted([
              ['gedragen', 50],
              ['aangehouden', 25],
              ['geescaleerd', 25],
            ] as const)
          : endingSoon
            ? 'gedragen'
            : rm.weighted([
                ['gedragen', 86],
                ['aangehouden', 9],
                ['geescaleerd', 5],
              ] as const);
        const direction =
          state === 'aangehouden' && rm.chance(0.5)
            ? 'aanhouden'
            : endingSoon && d.outcome && outcomeDirection[d.outcome]
              ? outcomeDirection[d.outcome]!
              : main;
        const year = Number(isoDay(day).slice(0, 4));
        const seq = (decisionSeq.get(year) ?? 0) + 1;
        decisionSeq.set(year, seq);
        const decidedMs = it.at + (parties.length + 2) * 30_000;
        decisionRows.push([
          decisionId,
          `${year}-${String(seq).padStart(3, '0')}`,
          d.id,
          it.id,
          meetingId,
          rm.pick(T.decisionTexts[direction]!),
          direction,
          isoDay(day + rm.int(4, 12) * 7),
          state,
          1,
          isoAt(decidedMs),
          2,
        ]);
        audit.add(decidedMs, secretary, 'decision.create', [d.id, decisionId]);
        // Consents of the participating parties (present or written input).
        const participating = parties.map((_, k) => k).filter((k) => presence[k] !== 'afwezig_met_bericht');
        const objectors = new Set<number>();
        if (state !== 'gedragen') {
          const nonChair = participating.filter((k) => parties[k] !== gemeente);
          const pool = nonChair.length > 0 ? nonChair : participating;
          objectors.add(rm.pick(pool));
          if (rm.chance(0.3)) objectors.add(rm.pick(pool));
        }
        const dissent: string[] = [];
        for (const k of participating) {
          const consent = objectors.has(k)
            ? 'bezwaar'
            : rm.weighted([
                ['akkoord', 85],
                ['akkoord_met_voorbehoud', 10],
                ['onthouding', 5],
              ] as const);
          const reason = consent === 'akkoord' ? null : rm.pick(T.consentReasons);
          const recorder = presence[k] === 'aanwezig' ? rm.pick(partyUsers[k]!) : secretary;
          const at = decidedMs + (k + 1) * 10_000;
          consentRows.push([decisionId, parties[k]!.id, consent, reason, recorder.id, isoAt(at)]);
          audit.add(at, recorder, 'consent.record', [decisionId, parties[k]!.id]);
          if (consent === 'bezwaar') dissent.push(`${parties[k]!.name}: ${reason}`);
        }
        audit.add(decidedMs + 60_000, chair, 'decision.lock', [decisionId]);
        if (state === 'gedragen') {
          const list = gedragenByDossier.get(it.dossier) ?? [];
          list.push([day, decisionId]);
          gedragenByDossier.set(it.dossier, list);
        }
        if (state === 'geescaleerd') {
          const returned = day + rm.int(21, 120);
          const isReturned = returned < TODAY && !(d.stuck && d.open); // stuck ones stay with the higher body
          escalationRows.push([
            nextEscalationId,
            d.id,
            decisionId,
            rm.pick(T.escalationBodies),
            dissent.join('\n'),
            isoAt(decidedMs + 120_000),
            isReturned ? isoAt(returned * DAY_MS + 10 * 3600_000) : null,
          ]);
          audit.add(decidedMs + 120_000, chair, 'escalation.create', [d.id, nextEscalationId]);
          if (!isReturned && d.open) d.escalatedOpen = true;
          nextEscalationId++;
        }
      }
      discussed.push([it.id, m, it.dossier, decisionId, it.at]);
    }
    const endMs = startMs + 2.5 * 3600_000;
    audit.add(endMs, chair, 'meeting.end', [meetingId]);
    if (day + 7 < TODAY) audit.add(endMs + 7 * DAY_MS, chair, 'minutes.adopt', [meetingId]);
  }

  // Link each "besluit gedragen" status change to the decision that carried it; mark open escalations.
  for (const [i, d] of dossiers.entries()) {
    const list = gedragenByDossier.get(i);
    if (list) {
      for (const s of d.steps) {
        if (s.field !== 'status' || s.to !== 'besluit_gedragen') continue;
        for (const [day, id] of list) if (day <= s.day) s.decisionId = id;
      }
    }
    if (d.escalatedOpen) d.row[29] = 1;
  }

  // ---------------------------------------------------------------- actions
  const ra = new Rng(deriveSeed(seed, 4));
  const actionRows: unknown[][] = [];
  const lastFinished = nMeetings - 2;
  const firstMeetingOnOrAfter = (day: number): number => {
    let lo = 0;
    let hi = lastFinished + 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tl.meetingDays[mid]! >= day) hi = mid;
      else lo = mid + 1;
    }
    return lo; // lastFinished + 1 when none
  };
  if (discussed.length > 0) {
    const perItem = new Uint16Array(discussed.length);
    for (let a = 0; a < nActions; a++) perItem[Math.floor(ra.next() * discussed.length)]!++;
    let nextActionId = 1;
    const orgWeights = parties.map(
      (p, k) => [k, p.kind === 'gemeente' ? 3 : p.kind === 'ngo' ? 3 : p.kind === 'dtv' ? 2 : 1] as const,
    );
    discussed.forEach(([, m, dossierIdx, decisionId, at], j) => {
      const d = dossiers[dossierIdx]!;
      const day = tl.meetingDays[m]!;
      const secretary = userById.get(meetingRows[m]![5] as number)!;
      for (let k = 0; k < perItem[j]!; k++) {
        const id = nextActionId++;
        const pk = ra.weighted(orgWeights);
        const org = parties[pk]!;
        const person = ra.pick(partyUsers[pk]!);
        const what = ra.pick(T.actionWhat[trackAt(d, day)] ?? T.actionWhat.nog_te_bepalen!);
        let due = day + ra.pick([7, 14, 14, 21, 28, 28, 42, 56]);
        const reviewIdx = firstMeetingOnOrAfter(due);
        let status: ActionStatus = 'open';
        let postponements = 0;
        let reason: string | null = null;
        let reviewedIn: number | null = null;
        if (reviewIdx <= lastFinished) {
          // MARAC's review: done / postponed (stays open with a later due date) / circumstances changed
          // (vervallen) / not done; a few were simply not reviewed yet.
          const review = ra.weighted([
            ['gedaan', 84],
            ['uitgesteld', 7],
            ['niet_gedaan', 3],
            ['vervallen', 2],
            ['open', 4],
          ] as const);
          status = review === 'uitgesteld' ? 'open' : review;
          if (review !== 'open') reviewedIn = reviewIdx + 1;
          if (review === 'uitgesteld') {
            postponements = ra.int(1, 3);
            due += 14 * postponements;
          }
          if (review === 'uitgesteld' || review === 'niet_gedaan' || review === 'vervallen')
            reason = ra.pick(T.actionReasons);
        }
        const createdMs = at + 5 * 60_000 + k * 20_000;
        actionRows.push([
          id,
          d.id,
          decisionId > 0 && ra.chance(0.6) ? decisionId : null,
          m + 1,
          what,
          org.id,
          person.displayName,
          isoDay(due),
          status,
          postponements,
          reason,
          reviewedIn,
          isoAt(createdMs),
          1 + (reviewedIn !== null ? 1 : 0) + Math.max(0, postponements - 1),
        ]);
        audit.add(createdMs, secretary, 'action.create', [d.id, id]);
        if (reviewedIn !== null) {
          const reviewSecretary = userById.get(meetingRows[reviewedIn - 1]![5] as number)!;
          audit.add(
            tl.meetingDays[reviewedIn - 1]! * DAY_MS + 9 * 3600_000 + 12 * 60_000,
            reviewSecretary,
            'action.review',
            [id],
          );
        }
      }
    });
  }

  // History rows (after decisions, for the links) and their audit records.
  const historyRows: unknown[][] = [];
  let nextHistoryId = 1;
  for (const d of dossiers) {
    for (const s of d.steps) {
      historyRows.push([
        nextHistoryId,
        d.id,
        isoAt(s.ms),
        s.userId,
        s.field,
        s.from,
        s.to,
        s.reason,
        s.decisionId,
      ]);
      audit.add(s.ms, userById.get(s.userId)!, 'dossier.update', [d.id, nextHistoryId]);
      nextHistoryId++;
    }
  }

  // Everyday reading fills the log up to its target: dossier views, special-category views, logins.
  const rf = new Rng(deriveSeed(seed, 5));
  const existingAudit = count('audit');
  const userStart = tl.userDay;
  for (const u of newUsers)
    audit.add(userStart * DAY_MS + 8 * 3600_000, userById.get(u.id)!, 'user.create', [u.id]);
  const fillers = Math.max(0, auditTarget - existingAudit - audit.length);
  for (let f = 0; f < fillers; f++) {
    const day = rf.int(userStart + 1, TODAY - 1);
    const ms = dayMs(day, rf, 7, 17);
    const kind = rf.weighted([
      ['dossier.view', 70],
      ['special.view', 8],
      ['auth.login', 14],
      ['auth.lock', 8],
    ] as const);
    const user = kind === 'special.view' ? rf.pick(casemanagers) : rf.pick(allUsers);
    if (kind === 'auth.login' || kind === 'auth.lock') {
      audit.add(ms, user, kind, [user.id]);
      continue;
    }
    // A dossier referred before that day (dossiers are in referral order).
    let lo = 0;
    let hi = nDossiers;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dossiers[mid]!.ref <= day) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) {
      audit.add(ms, user, 'auth.login', [user.id]);
      continue;
    }
    audit.add(ms, user, kind, [dossiers[rf.int(0, lo - 1)]!.id]);
  }
  const tPlan = performance.now();

  // ---------------------------------------------------------------- insert
  // Several rows per statement saves most of the per-call overhead; one transaction per chunk.
  const ROWS_PER_STATEMENT = 25;
  const bulk = (sql: string, rows: unknown[][], chunk = 50_000) => {
    const [head, values] = sql.split(/\s+VALUES\s+/) as [string, string];
    const many = db.prepare(
      `${head} VALUES ${Array.from({ length: ROWS_PER_STATEMENT }, () => values).join(', ')}`,
    );
    const one = db.prepare(sql);
    const args: unknown[] = [];
    for (let start = 0; start < rows.length; start += chunk) {
      const end = Math.min(rows.length, start + chunk);
      db.transaction(() => {
        let r = start;
        for (; r + ROWS_PER_STATEMENT <= end; r += ROWS_PER_STATEMENT) {
          args.length = 0;
          for (let k = r; k < r + ROWS_PER_STATEMENT; k++) for (const v of rows[k]!) args.push(v);
          many.run(args);
        }
        for (; r < end; r++) one.run(rows[r]!);
      })();
    }
  };
  const q = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  db.transaction(() => {
    setMeta(db, 'synthetic', JSON.stringify({ seed, scale, years, today: SYNTHETIC_TODAY }));
  })();
  bulk(
    'INSERT INTO users (id, username, display_name, organisation_id, roles, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    newUsers.map((u) => [
      u.id,
      u.username,
      u.displayName,
      u.orgId,
      JSON.stringify(u.roles),
      isoAt(userStart * DAY_MS + 8 * 3600_000),
    ]),
  );
  bulk(
    `INSERT INTO dossiers (id, number, city, v_number, name, aliases, sex, birth_date, birth_date_estimated, country_of_origin, nationality,
       first_known_nl, ex_amv, family_in_nl, languages, lead_ngo_id, casemanager, shelter, referred_at, intake_date, track, status,
       target_date, target_override_reason, review_date, stuck, stuck_reason, on_hold, vulnerable, escalated, notes, outcome,
       outcome_subkind, outcome_detail, ended_by, outflow_date, version, updated_at) VALUES (${q(38)})`,
    dossiers.map((d) => d.row),
  );
  bulk(
    'INSERT INTO dossier_special (dossier_id, health_somatic, health_psychiatric, medical_obstacle, health_detail, justice_history, restrictive_measures) VALUES (?, ?, ?, ?, ?, ?, ?)',
    specialRows,
  );
  bulk(
    'INSERT INTO procedures (id, dossier_id, kind, started_on, ended_on, result) VALUES (?, ?, ?, ?, ?, ?)',
    procedureRows,
  );
  bulk(
    'INSERT INTO dossier_history (id, dossier_id, at, user_id, field, from_value, to_value, reason, decision_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    historyRows,
  );
  bulk(
    'INSERT INTO meetings (id, date, time, place, chair_user_id, secretary_user_id, state, current_item_id, started_at, ended_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    meetingRows,
  );
  bulk('INSERT INTO attendance (meeting_id, organisation_id, presence) VALUES (?, ?, ?)', attendanceRows);
  bulk(
    'INSERT INTO agenda_items (id, meeting_id, position, kind, dossier_id, title, reasons, planned_minutes, status, carried_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    itemRows,
  );
  bulk(
    'INSERT INTO discussion_requests (id, meeting_id, dossier_id, organisation_id, requested_at, late) VALUES (?, ?, ?, ?, ?, ?)',
    requestRows,
  );
  bulk(
    `INSERT INTO positions (id, dossier_id, agenda_item_id, organisation_id, version, direction, reasoning, information, conditions, withheld,
       withheld_reason, recorded_by, on_behalf, recorded_at) VALUES (${q(14)})`,
    positionRows,
  );
  bulk(
    'INSERT INTO decisions (id, number, dossier_id, agenda_item_id, meeting_id, text, direction, review_date, state, locked, decided_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    decisionRows,
  );
  bulk(
    'INSERT INTO consents (decision_id, organisation_id, consent, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
    consentRows,
  );
  bulk(
    'INSERT INTO escalations (id, dossier_id, decision_id, body, dissent, created_at, returned_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    escalationRows,
  );
  bulk(
    `INSERT INTO actions (id, dossier_id, decision_id, meeting_id, what, organisation_id, person, due_date, status, postponements, reason,
       reviewed_in, created_at, version) VALUES (${q(14)})`,
    actionRows,
  );
  codeOutcomes(db);
  const tInsert = performance.now();

  // ---------------------------------------------------------------- audit: sort by time, chain in memory, bulk insert
  const n = audit.length;
  const orderIdx = new Uint32Array(n);
  for (let i = 0; i < n; i++) orderIdx[i] = i;
  const times = Float64Array.from(audit.ms);
  orderIdx.sort((a, b) => times[a]! - times[b]! || a - b);
  const chunk = 50_000;
  let prev = auditHead(db);
  const auditRows: unknown[][] = [];
  for (let start = 0; start < n; start += chunk) {
    const end = Math.min(n, start + chunk);
    auditRows.length = 0;
    for (let r = start; r < end; r++) {
      const i = orderIdx[r]!;
      const action = AUDIT_ACTIONS[audit.action[i]!]!;
      const entry = {
        at: isoAt(times[i]!),
        userId: audit.user[i]!,
        organisationId: audit.org[i]!,
        action,
        entity: AUDIT_ENTITY[action],
        ids: audit.ids[i]!,
      };
      const hash = chainHash(prev, entry);
      auditRows.push([
        entry.at,
        entry.userId,
        entry.organisationId,
        action,
        entry.entity,
        JSON.stringify(entry.ids),
        prev,
        hash,
      ]);
      prev = hash;
    }
    bulk(
      'INSERT INTO audit (at, user_id, organisation_id, action, entity, ids, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      auditRows,
      chunk,
    );
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  const tAudit = performance.now();

  return {
    seed,
    scale,
    years,
    users: newUsers.length,
    dossiers: dossiers.length,
    openDossiers: opened,
    special: specialRows.length,
    history: historyRows.length,
    procedures: procedureRows.length,
    meetings: meetingRows.length,
    attendance: attendanceRows.length,
    agendaItems: itemRows.length,
    discussionRequests: requestRows.length,
    positions: positionRows.length,
    decisions: decisionRows.length,
    consents: consentRows.length,
    escalations: escalationRows.length,
    actions: actionRows.length,
    auditTotal: existingAudit + n,
    auditAdded: n,
    timings: {
      plan: Math.round(tPlan - t0),
      insert: Math.round(tInsert - tPlan),
      audit: Math.round(tAudit - tInsert),
      total: Math.round(tAudit - t0),
    },
  };
}

export const SYNTHETIC_ADMIN = {
  username: 'beheerder',
  password: 'synthetisch-beheer-2026',
  displayName: 'Bea Beheerder',
} as const;

export interface SyntheticEnvironment {
  dir: string;
  dbFile: string;
  /** The database key as grouped hexadecimal (the recovery key). */
  recoveryKey: string;
  /** The raw 32-byte key, for benchmarks that open without the password derivation. */
  key: Buffer;
  admin: { username: string; password: string };
  stats: CityStats;
}

/**
 * Creates a complete environment in `dir` through the Vault (same encryption and key file as a real
 * one), with the default five parties, and fills it with the synthetic city. The database key is
 * random; the data is determined by the seed. Pass low `kdf` parameters only in tests.
 */
export async function createSyntheticEnvironment(
  dir: string,
  opts: GenerateCityOptions & { kdf?: KdfParams; city?: string },
): Promise<SyntheticEnvironment> {
  const vault = opts.kdf ? new Vault(dir, opts.kdf) : new Vault(dir);
  const key = newDatabaseKey();
  const city = opts.city ?? 'Proefstad';
  const setupAt = isoAt(timeline(opts.years ?? 10, opts.scale ?? 1).userDay * DAY_MS + 7 * 3600_000);
  await vault.create(
    (db) =>
      populateEnvironment(
        db,
        {
          city,
          cadence: 'wekelijks',
          termMonths: 6,
          organisations: [
            { name: `Gemeente ${city}`, kind: 'gemeente' },
            { name: 'IND', kind: 'ind' },
            { name: 'DT&V', kind: 'dtv' },
            { name: 'VluchtelingenWerk', kind: 'ngo' },
            { name: 'Politie', kind: 'politie' },
          ],
          admin: {
            displayName: SYNTHETIC_ADMIN.displayName,
            username: SYNTHETIC_ADMIN.username,
            password: SYNTHETIC_ADMIN.password,
            organisationIndex: 0,
          },
        },
        setupAt,
        false,
      ),
    firstHolderKeys(key, SYNTHETIC_ADMIN.password, vault.kdf),
    key,
  );
  const dbFile = path.join(dir, DB_FILE_NAME);
  const db = openDatabase(dbFile, key, { create: false });
  let stats: CityStats;
  try {
    stats = generateCity(db, opts);
  } finally {
    db.close();
  }
  return {
    dir,
    dbFile,
    recoveryKey: formatRecoveryKey(key),
    key,
    admin: { username: SYNTHETIC_ADMIN.username, password: SYNTHETIC_ADMIN.password },
    stats,
  };
}

/**
 * The generator draws outcomes in the evaluation's words; here they become the codes the app stores
 * since schema 8 (issue 12), without changing the random draws (so every other count stays the same):
 * "zelfstandig zonder toezicht" is MOB (vertrek zonder toezicht), not return; OVERIG's sub-kinds get
 * their codes; permit grounds and stuck reasons become pick-list codes.
 */
function codeOutcomes(db: Db): void {
  db.exec(`
UPDATE dossiers SET outcome = 'MOB', outcome_subkind = 'vertrek_zonder_toezicht'
 WHERE outcome = 'TERUGKEER' AND outcome_subkind = 'zelfstandig_zonder_toezicht';
UPDATE dossiers SET outcome_subkind = 'detentie_ongewenstverklaring' WHERE outcome = 'OVERIG' AND outcome_subkind = 'detentie';
UPDATE dossiers SET outcome_subkind = 'azc_andere_opvang' WHERE outcome = 'OVERIG' AND outcome_subkind = 'opvang';
UPDATE dossiers SET outcome_ground = CASE outcome_detail
    WHEN 'buitenschuld' THEN 'buitenschuld' WHEN 'asiel' THEN 'asiel_bepaalde_tijd' WHEN 'medisch' THEN 'medisch'
    WHEN 'gezin' THEN 'gezinsleven' WHEN 'schrijnend' THEN 'schrijnend' WHEN 'mensenhandel' THEN 'mensenhandel'
    ELSE 'overig_regulier' END
 WHERE outcome = 'VERBLIJFSVERGUNNING';
UPDATE dossiers SET stuck_reason_code = CASE
    WHEN stuck_reason LIKE 'Geen ambassade%' THEN 'geen_reisdocumenten'
    WHEN stuck_reason LIKE 'Buitenschuld%' THEN 'langlopende_procedure'
    WHEN stuck_reason LIKE '%medisch%' THEN 'medische_belemmering'
    WHEN stuck_reason LIKE 'Identiteit%' THEN 'identiteit_niet_aantoonbaar'
    WHEN stuck_reason LIKE 'Procedure%' THEN 'langlopende_procedure'
    ELSE 'overig' END
 WHERE stuck = 1;
`);
}
