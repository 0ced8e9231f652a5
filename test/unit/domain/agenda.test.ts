import { describe, expect, it } from 'vitest';
import {
  AgendaReason,
  carryCountOf,
  cutoffFor,
  proposeAgenda,
  reasonLabel,
  type AgendaAction,
  type AgendaDossier,
  type AgendaInput,
  type AgendaProposal,
  type AgendaReasonCode,
  type AgendaRequest,
  type PreviousItem,
} from '../../../shared/domain/agenda';
import { formatDossierNumber, type DossierStatus } from '../../../shared/domain/dossier';

// Meeting on Tuesday 10 March 2026 (winter time, UTC+1); the previous one on 3 March.
const MEETING = '2026-03-10';
const PREV = '2026-03-03';
const CUTOFF = '2026-03-09T11:00:00.000Z'; // Monday 9 March, 12:00 in Amsterdam

function dossier(id: number, over: Partial<AgendaDossier> = {}): AgendaDossier {
  return {
    id,
    number: formatDossierNumber(2026, id),
    status: 'in_traject',
    referredAt: '2025-06-01',
    targetDate: null,
    reviewDate: null,
    escalationReturnedAt: null,
    ...over,
  };
}

const prevItem = (
  dossierId: number,
  status: PreviousItem['status'],
  over: Partial<PreviousItem> = {},
): PreviousItem => ({
  kind: 'dossier',
  dossierId,
  status,
  carriedFrom: null,
  ...over,
});

function propose(over: Partial<AgendaInput>): AgendaProposal {
  return proposeAgenda({ meetingDate: MEETING, previous: { date: PREV, items: [] }, dossiers: [], ...over });
}

const dossierItems = (p: AgendaProposal) => p.items.filter((i) => i.kind === 'dossier');
const ids = (p: AgendaProposal) => dossierItems(p).map((i) => i.dossierId);
const codesOf = (p: AgendaProposal, id: number): AgendaReasonCode[] =>
  p.items.find((i) => i.dossierId === id)?.reasons.map((r) => r.code) ?? [];

describe('cutoffFor', () => {
  it('is the day before at 12:00 Amsterdam time, as a UTC instant', () => {
    expect(cutoffFor(MEETING, { daysBefore: 1, time: '12:00' })).toBe(CUTOFF);
    expect(cutoffFor('2026-06-10', { daysBefore: 1, time: '12:00' })).toBe('2026-06-09T10:00:00.000Z');
    // The day before is the day the clocks went forward (Sunday 29 March): CEST from then on.
    expect(cutoffFor('2026-03-31', { daysBefore: 1, time: '12:00' })).toBe('2026-03-30T10:00:00.000Z');
    expect(cutoffFor(MEETING, { daysBefore: 0, time: '09:30', timeZone: 'UTC' })).toBe(
      '2026-03-10T09:30:00.000Z',
    );
    // Three working days before Tuesday 10 March: Thursday 5 March (the weekend does not count).
    expect(cutoffFor(MEETING, { daysBefore: 3, time: '17:00' })).toBe('2026-03-05T16:00:00.000Z');
  });

  it('falls on the last working day before the meeting: a Monday meeting has its cut-off on Friday', () => {
    // Monday 30 March 2026 → Friday 27 March, 12:00 CET.
    expect(cutoffFor('2026-03-30', { daysBefore: 1, time: '12:00' })).toBe('2026-03-27T11:00:00.000Z');
    // Sunday meeting (unusual, but possible): Friday too.
    expect(cutoffFor('2026-03-29', { daysBefore: 1, time: '12:00' })).toBe('2026-03-27T11:00:00.000Z');
  });

  it('skips the public holidays it is given: the Tuesday after Easter Monday → Good Friday', () => {
    const holidays = new Set(['2026-04-05', '2026-04-06']);
    // Good Friday (3 April) is a working day for the gemeente: not in the list, so it counts.
    expect(cutoffFor('2026-04-07', { daysBefore: 1, time: '12:00' }, holidays)).toBe(
      '2026-04-03T10:00:00.000Z',
    );
    expect(cutoffFor('2026-04-07', { daysBefore: 1, time: '12:00' })).toBe('2026-04-06T10:00:00.000Z');
  });

  it('the proposal uses the holidays it is given', () => {
    const p = proposeAgenda({
      meetingDate: '2026-04-07',
      previous: null,
      dossiers: [],
      holidays: ['2026-04-06'],
    });
    expect(p.cutoff).toBe('2026-04-03T10:00:00.000Z');
  });
});

describe('procedural items', () => {
  it('first meeting ever: opening, rondvraag, sluiting only', () => {
    const p = proposeAgenda({ meetingDate: MEETING, previous: null, dossiers: [] });
    expect(p.items.map((i) => i.kind)).toEqual(['opening', 'rondvraag', 'sluiting']);
    expect(p.items[0]?.title).toBe('Opening');
    expect(p.cutoff).toBe(CUTOFF);
  });
  it('with a previous meeting: adopting its minutes; with open actions: reviewing them', () => {
    const p = propose({ actions: [{ dossierId: null, dueDate: '2026-04-01' }] });
    expect(p.items.map((i) => i.kind)).toEqual([
      'opening',
      'verslag',
      'acties',
      'uitstroom',
      'rondvraag',
      'sluiting',
    ]);
    expect(p.items[1]?.title).toBe('Vaststellen verslag vorige vergadering');
  });
  it('a standing item "uitstroom sinds vorig overleg" lists, pseudonymised, who left after the previous meeting', () => {
    const outflow = (dossierId: number, outflowDate: string, outcome: string | null = 'MOB') => ({
      dossierId,
      number: formatDossierNumber(2026, dossierId),
      name: `Yacine Belkacem ${dossierId}`,
      outcome,
      outflowDate,
    });
    const p = propose({
      outflows: [
        outflow(1, PREV), // on the previous meeting's day: recorded there
        outflow(2, '2026-03-06', 'TERUGKEER'),
        outflow(3, '2026-03-04'),
        outflow(4, '2026-03-11'), // after this meeting
      ],
    });
    const item = p.items.find((i) => i.kind === 'uitstroom')!;
    expect(item.title).toBe('Uitstroom sinds vorig overleg');
    expect(item.reasons).toEqual([
      {
        code: 'left_since',
        since: PREV,
        dossiers: [
          { dossierId: 3, label: 'D-2026-0003 (Y.B.)', outcome: 'MOB', date: '2026-03-04' },
          { dossierId: 2, label: 'D-2026-0002 (Y.B.)', outcome: 'TERUGKEER', date: '2026-03-06' },
        ],
      },
    ]);
    expect(JSON.stringify(item)).not.toContain('Belkacem');
    expect(reasonLabel(item.reasons[0]!)).toBe(
      'D-2026-0003 (Y.B.): met onbekende bestemming vertrokken (4 maart 2026); ' +
        'D-2026-0002 (Y.B.): terugkeer naar land van herkomst (gecontroleerd en aantoonbaar) (6 maart 2026)',
    );
    // It stands when nobody left, and is absent at the first meeting ever (no "since").
    expect(reasonLabel(propose({}).items.find((i) => i.kind === 'uitstroom')!.reasons[0]!)).toBe(
      'geen uitstroom sinds het vorige overleg (3 maart 2026)',
    );
    expect(
      proposeAgenda({ meetingDate: MEETING, previous: null, dossiers: [] }).items.map((i) => i.kind),
    ).not.toContain('uitstroom');
  });
  it('an empty previous meeting proposes nothing from it', () => {
    expect(dossierItems(propose({ dossiers: [dossier(1)] }))).toEqual([]);
  });
});

describe('new referrals', () => {
  it('referred since the last meeting', () => {
    const p = propose({
      dossiers: [
        dossier(1, { referredAt: '2026-03-04', status: 'aangemeld' }),
        dossier(2, { referredAt: '2026-03-10', status: 'intake' }), // status does not matter
        dossier(3, { referredAt: '2026-03-02' }), // before the last meeting
        dossier(4, { referredAt: '2026-03-11' }), // after this meeting
      ],
    });
    expect(ids(p)).toEqual([1, 2]);
    expect(p.items.find((i) => i.dossierId === 1)?.reasons).toEqual([
      { code: 'new_referral', referredAt: '2026-03-04' },
    ]);
  });
  it('referred on the day of the last meeting: new unless it was on that agenda', () => {
    const p = propose({
      previous: { date: PREV, items: [prevItem(2, 'besproken')] },
      dossiers: [dossier(1, { referredAt: PREV }), dossier(2, { referredAt: PREV })],
    });
    expect(ids(p)).toEqual([1]);
  });
  it('first meeting ever: every dossier still aangemeld (up to the meeting date)', () => {
    const p = proposeAgenda({
      meetingDate: MEETING,
      previous: null,
      dossiers: [
        dossier(1, { status: 'aangemeld', referredAt: '2024-01-01' }),
        dossier(2, { status: 'intake' }),
        dossier(3, { status: 'aangemeld', referredAt: '2026-03-11' }),
      ],
    });
    expect(ids(p)).toEqual([1]);
  });
});

describe('target and review dates', () => {
  const dossiers = [
    dossier(1, { targetDate: '2026-03-09' }), // passed
    dossier(2, { targetDate: MEETING }), // on the meeting day: near, not passed
    dossier(3, { targetDate: '2026-04-07' }), // exactly 4 weeks ahead: near
    dossier(4, { targetDate: '2026-04-08' }), // beyond the window
    dossier(5, { targetDate: '2020-01-01' }), // long passed: still proposed until a new date is set
  ];
  it('passed or within the window (default 4 weeks)', () => {
    const p = propose({ dossiers });
    expect(codesOf(p, 1)).toEqual(['target_passed']);
    expect(codesOf(p, 2)).toEqual(['target_near']);
    expect(codesOf(p, 3)).toEqual(['target_near']);
    expect(codesOf(p, 4)).toEqual([]);
    expect(codesOf(p, 5)).toEqual(['target_passed']);
  });
  it('once discussed after the target date passed, it does not come back every week by itself', () => {
    const p = propose({
      dossiers: [
        dossier(6, { targetDate: '2026-02-01', lastDiscussedOn: PREV }), // discussed after passing
        dossier(7, { targetDate: '2026-03-05', lastDiscussedOn: '2026-03-03' }), // discussed before it passed
      ],
    });
    expect(codesOf(p, 6)).toEqual([]);
    expect(codesOf(p, 7)).toEqual(['target_passed']);
  });
  it('it comes back when something changed or at its review date, still saying a decision is needed', () => {
    const p = propose({
      dossiers: [
        dossier(6, { targetDate: '2026-02-01', lastDiscussedOn: PREV }),
        dossier(8, { targetDate: '2026-02-01', lastDiscussedOn: PREV, reviewDate: MEETING }),
      ],
      positionChanges: [{ dossierId: 6, organisationId: 2, recordedAt: '2026-03-05T10:00:00Z' }],
    });
    expect(codesOf(p, 6)).toEqual(['target_passed', 'positions_changed']);
    expect(codesOf(p, 8)).toEqual(['target_passed', 'review_due']);
  });
  it('the window is a setting', () => {
    const p = propose({ dossiers, settings: { targetWindowWeeks: 0 } });
    expect(ids(p)).toEqual([5, 1, 2]);
    expect(p.items.find((i) => i.dossierId === 2)?.reasons).toEqual([
      { code: 'target_near', targetDate: MEETING, weeks: 0 },
    ]);
  });
  it('review date reached (on or before the meeting date)', () => {
    const p = propose({
      dossiers: [
        dossier(1, { reviewDate: MEETING }),
        dossier(2, { reviewDate: '2026-01-01' }),
        dossier(3, { reviewDate: '2026-03-11' }),
      ],
    });
    expect(codesOf(p, 1)).toEqual(['review_due']);
    expect(codesOf(p, 2)).toEqual(['review_due']);
    expect(codesOf(p, 3)).toEqual([]);
  });
});

describe('carried over and held items', () => {
  it('unfinished items carry over with "doorgeschoven van <datum>"; discussed ones do not', () => {
    const p = propose({
      previous: {
        date: PREV,
        items: [prevItem(1, 'open'), prevItem(2, 'doorgeschoven'), prevItem(3, 'besproken')],
      },
      dossiers: [dossier(1), dossier(2), dossier(3)],
    });
    expect(ids(p)).toEqual([1, 2]);
    const item = p.items.find((i) => i.dossierId === 1)!;
    expect(item.reasons).toEqual([{ code: 'carried_over', from: PREV, count: 1 }]);
    expect(item.carriedFrom).toBe(PREV);
    expect(reasonLabel(item.reasons[0]!)).toBe('doorgeschoven van 3 maart 2026');
  });

  it('an item carried over twice keeps the ORIGINAL date and counts', () => {
    // Week 1 (24 Feb) not reached → week 2 (3 Mar) carried from 24 Feb, not reached → week 3 (10 Mar).
    const week2 = proposeAgenda({
      meetingDate: PREV,
      previous: { date: '2026-02-24', items: [prevItem(1, 'open')] },
      dossiers: [dossier(1)],
    });
    const carried = dossierItems(week2)[0]!;
    expect(carried.carriedFrom).toBe('2026-02-24');
    const week3 = propose({
      previous: {
        date: PREV,
        items: [
          prevItem(1, 'open', {
            carriedFrom: carried.carriedFrom,
            carryCount: carryCountOf(carried.reasons),
          }),
        ],
      },
      dossiers: [dossier(1)],
    });
    const item = dossierItems(week3)[0]!;
    expect(item.carriedFrom).toBe('2026-02-24');
    expect(item.reasons).toEqual([{ code: 'carried_over', from: '2026-02-24', count: 2 }]);
    expect(reasonLabel(item.reasons[0]!)).toBe('doorgeschoven van 24 februari 2026 (2 keer)');
  });

  it('a carried item without a stored count counts as carried once before', () => {
    const p = propose({
      previous: { date: PREV, items: [prevItem(1, 'open', { carriedFrom: '2026-02-17' })] },
      dossiers: [dossier(1)],
    });
    expect(dossierItems(p)[0]?.reasons).toEqual([{ code: 'carried_over', from: '2026-02-17', count: 2 }]);
    expect(carryCountOf([])).toBe(0);
  });

  it('free topics carry over with their title; procedural items never do', () => {
    const p = propose({
      previous: {
        date: PREV,
        items: [
          {
            kind: 'onderwerp',
            dossierId: null,
            title: 'Werkafspraken GGD',
            status: 'open',
            carriedFrom: null,
          },
          { kind: 'rondvraag', dossierId: null, status: 'open', carriedFrom: null },
        ],
      },
    });
    expect(p.items.map((i) => i.kind)).toEqual([
      'opening',
      'verslag',
      'uitstroom',
      'onderwerp',
      'rondvraag',
      'sluiting',
    ]);
    expect(p.items[3]).toMatchObject({ title: 'Werkafspraken GGD', carriedFrom: PREV });
  });

  it('a held decision brings the dossier back by itself', () => {
    const p = propose({
      previous: { date: PREV, items: [prevItem(1, 'aangehouden')] },
      dossiers: [dossier(1)],
    });
    expect(dossierItems(p)[0]?.reasons).toEqual([{ code: 'held', on: PREV }]);
    expect(dossierItems(p)[0]?.carriedFrom).toBeNull();
  });
});

describe('escalations and positions since the last meeting', () => {
  it('uses the end of the last meeting when known', () => {
    const endedAt = '2026-03-03T11:30:00.000Z';
    const p = propose({
      previous: { date: PREV, endedAt, items: [] },
      dossiers: [
        dossier(1, { escalationReturnedAt: '2026-03-03T11:30:00.001Z' }),
        dossier(2, { escalationReturnedAt: endedAt }),
        dossier(3, { escalationReturnedAt: '2026-02-01T09:00:00Z' }),
      ],
      positionChanges: [
        { dossierId: 4, organisationId: 2, recordedAt: '2026-03-03T10:00:00Z' }, // during the last meeting
        { dossierId: 5, organisationId: 2, recordedAt: '2026-03-03T14:00:00Z' },
      ],
    });
    expect(ids(p)).toEqual([1]);
    const p2 = propose({
      previous: { date: PREV, endedAt, items: [] },
      dossiers: [dossier(4), dossier(5)],
      positionChanges: [
        { dossierId: 4, organisationId: 2, recordedAt: '2026-03-03T10:00:00Z' },
        { dossierId: 5, organisationId: 2, recordedAt: '2026-03-03T14:00:00Z' },
      ],
    });
    expect(ids(p2)).toEqual([5]);
  });

  it('otherwise from local midnight after the meeting day', () => {
    const p = propose({
      dossiers: [
        dossier(1, { escalationReturnedAt: '2026-03-03T22:59:59.999Z' }), // 23:59 on the meeting day, Amsterdam
        dossier(2, { escalationReturnedAt: '2026-03-03T23:00:00.000Z' }), // 00:00 the next day
      ],
    });
    expect(ids(p)).toEqual([2]);
    expect(dossierItems(p)[0]?.reasons).toEqual([
      { code: 'escalation_returned', returnedAt: '2026-03-03T23:00:00.000Z' },
    ]);
  });

  it('positions: one reason per dossier naming each organisation once', () => {
    const p = propose({
      dossiers: [dossier(1)],
      positionChanges: [
        { dossierId: 1, organisationId: 3, recordedAt: '2026-03-05T10:00:00Z' },
        { dossierId: 1, organisationId: 1, recordedAt: '2026-03-08T10:00:00Z' },
        { dossierId: 1, organisationId: 3, recordedAt: '2026-03-06T10:00:00Z' },
        { dossierId: 99, organisationId: 3, recordedAt: '2026-03-06T10:00:00Z' }, // unknown dossier
      ],
    });
    expect(p.items.filter((i) => i.kind === 'dossier')).toHaveLength(1);
    const reason = dossierItems(p)[0]!.reasons[0]!;
    expect(reason).toEqual({
      code: 'positions_changed',
      organisationIds: [1, 3],
      latestAt: '2026-03-08T10:00:00Z',
    });
    const names: Record<number, string> = { 1: 'Gemeente Utrecht', 3: 'DT&V' };
    expect(reasonLabel(reason, { organisationName: (id) => names[id] })).toBe(
      'standpunt gewijzigd: Gemeente Utrecht, DT&V',
    );
  });

  it('first meeting ever: every returned escalation and recorded position counts', () => {
    const p = proposeAgenda({
      meetingDate: MEETING,
      previous: null,
      dossiers: [dossier(1, { escalationReturnedAt: '2025-01-01T00:00:00Z' }), dossier(2)],
      positionChanges: [{ dossierId: 2, organisationId: 1, recordedAt: '2025-01-01T00:00:00Z' }],
    });
    expect(ids(p)).toEqual([1, 2]);
  });
});

describe('party requests and the cut-off', () => {
  const at = (requestedAt: string, dossierId = 1, organisationId = 2) => ({
    dossierId,
    organisationId,
    requestedAt,
  });

  it('exactly at the cut-off is on time', () => {
    const p = propose({ dossiers: [dossier(1)], requests: [at(CUTOFF)] });
    expect(dossierItems(p)[0]?.reasons).toEqual([
      { code: 'requested', organisationId: 2, requestedAt: CUTOFF, late: false },
    ]);
  });
  it('one minute after the cut-off is accepted but late', () => {
    const p = propose({ dossiers: [dossier(1)], requests: [at('2026-03-09T11:01:00.000Z')] });
    expect(dossierItems(p)[0]?.reasons[0]).toMatchObject({ code: 'requested', late: true });
    expect(reasonLabel(dossierItems(p)[0]!.reasons[0]!, { organisationName: () => 'IND' })).toBe(
      'verzoek van IND (9 maart 2026), na de deadline',
    );
  });
  it('one millisecond after is late, one before is on time; offsets are respected', () => {
    const p = propose({
      dossiers: [dossier(1), dossier(2), dossier(3)],
      requests: [
        at('2026-03-09T11:00:00.001Z', 1),
        at('2026-03-09T10:59:59.999Z', 2),
        at('2026-03-09T12:00:00+01:00', 3),
      ],
    });
    const late = (id: number) => p.items.find((i) => i.dossierId === id)?.reasons[0];
    expect(late(1)).toMatchObject({ late: true });
    expect(late(2)).toMatchObject({ late: false });
    expect(late(3)).toMatchObject({ late: false });
  });
  it('each organisation once (its earliest request); several organisations each get a reason', () => {
    const p = propose({
      dossiers: [dossier(1)],
      requests: [
        at('2026-03-09T15:00:00Z', 1, 2),
        at('2026-03-06T09:00:00Z', 1, 2),
        at('2026-03-08T09:00:00Z', 1, 5),
      ],
    });
    expect(dossierItems(p)[0]?.reasons).toEqual([
      { code: 'requested', organisationId: 2, requestedAt: '2026-03-06T09:00:00Z', late: false },
      { code: 'requested', organisationId: 5, requestedAt: '2026-03-08T09:00:00Z', late: false },
    ]);
  });
  it('requests for unknown dossiers are ignored', () => {
    expect(dossierItems(propose({ requests: [at(CUTOFF, 42)] }))).toEqual([]);
  });
});

describe('open actions', () => {
  it('due by the meeting date: one reason per dossier with count and earliest due date', () => {
    const p = propose({
      dossiers: [dossier(1), dossier(2)],
      actions: [
        { dossierId: 1, dueDate: '2026-03-08' },
        { dossierId: 1, dueDate: MEETING, status: 'open' },
        { dossierId: 1, dueDate: '2026-03-01', status: 'gedaan' }, // done: ignored
        { dossierId: 2, dueDate: '2026-03-11' }, // not yet due
      ],
    });
    expect(ids(p)).toEqual([1]);
    const reason = dossierItems(p)[0]!.reasons[0]!;
    expect(reason).toEqual({ code: 'actions_due', count: 2, earliestDue: '2026-03-08' });
    expect(reasonLabel(reason)).toBe('2 open actiepunten, eerste uiterlijk 8 maart 2026');
    expect(p.items.some((i) => i.kind === 'acties')).toBe(true);
  });
  it('no open actions: no actions review item', () => {
    const p = propose({ actions: [{ dossierId: null, dueDate: '2026-03-01', status: 'gedaan' }] });
    expect(p.items.some((i) => i.kind === 'acties')).toBe(false);
  });
});

describe('finished dossiers', () => {
  const finished = (id: number, status: DossierStatus) =>
    dossier(id, {
      status,
      targetDate: '2026-01-01',
      reviewDate: '2026-01-01',
      referredAt: '2026-03-05',
      escalationReturnedAt: '2026-03-05T10:00:00Z',
    });
  const everything = (id: number) => ({
    previous: { date: PREV, items: [prevItem(id, 'open'), prevItem(id + 100, 'aangehouden')] },
    actions: [{ dossierId: id, dueDate: '2026-03-01' }],
    positionChanges: [{ dossierId: id, organisationId: 1, recordedAt: '2026-03-05T10:00:00Z' }],
  });

  it.each(['uitgestroomd', 'gesloten'] as const)('%s: not proposed by any automatic rule', (status) => {
    const p = propose({ dossiers: [finished(1, status), finished(101, status)], ...everything(1) });
    expect(dossierItems(p)).toEqual([]);
  });
  it('but proposed when a party explicitly asks, with that reason only', () => {
    const p = propose({
      dossiers: [finished(1, 'gesloten')],
      ...everything(1),
      requests: [{ dossierId: 1, organisationId: 4, requestedAt: '2026-03-06T10:00:00Z' }],
    });
    expect(codesOf(p, 1)).toEqual(['requested']);
  });
});

describe('one item per dossier, all reasons, a sensible order', () => {
  it('a dossier matching every rule appears once with all its reasons, in rank order', () => {
    const p = propose({
      previous: { date: PREV, items: [prevItem(1, 'open')] },
      dossiers: [
        dossier(1, {
          referredAt: PREV, // on the previous agenda, so not a new referral
          targetDate: '2026-03-01',
          reviewDate: '2026-03-09',
          escalationReturnedAt: '2026-03-05T10:00:00Z',
        }),
      ],
      requests: [
        { dossierId: 1, organisationId: 2, requestedAt: '2026-03-09T12:00:00Z' },
        { dossierId: 1, organisationId: 3, requestedAt: '2026-03-04T12:00:00Z' },
      ],
      actions: [{ dossierId: 1, dueDate: '2026-03-09' }],
      positionChanges: [{ dossierId: 1, organisationId: 2, recordedAt: '2026-03-06T10:00:00Z' }],
    });
    expect(dossierItems(p)).toHaveLength(1);
    expect(codesOf(p, 1)).toEqual([
      'carried_over',
      'escalation_returned',
      'requested', // on time
      'target_passed',
      'review_due',
      'actions_due',
      'positions_changed',
      'requested', // late
    ]);
  });

  it('a new referral with a near target date also appears once', () => {
    const p = propose({ dossiers: [dossier(1, { referredAt: '2026-03-05', targetDate: '2026-03-20' })] });
    expect(dossierItems(p)).toHaveLength(1);
    expect(codesOf(p, 1)).toEqual(['target_near', 'new_referral']);
  });

  it('orders groups by their first reason, then oldest first, then dossier number', () => {
    const p = propose({
      previous: {
        date: PREV,
        items: [
          prevItem(2, 'open', { carriedFrom: '2026-02-17' }),
          prevItem(1, 'open'),
          prevItem(3, 'aangehouden'),
        ],
      },
      dossiers: [
        dossier(1),
        dossier(2),
        dossier(3),
        dossier(4, { escalationReturnedAt: '2026-03-05T10:00:00Z' }),
        dossier(5),
        dossier(6),
        dossier(7, { targetDate: '2026-03-01' }),
        dossier(8, { targetDate: '2026-02-01' }),
        dossier(9, { reviewDate: '2026-03-01' }),
        dossier(10),
        dossier(11),
        dossier(12, { targetDate: '2026-03-20' }),
        dossier(13, { referredAt: '2026-03-05' }),
        dossier(14, { referredAt: '2026-03-05' }),
      ],
      requests: [
        { dossierId: 5, organisationId: 1, requestedAt: '2026-03-09T11:30:00Z' }, // late
        { dossierId: 6, organisationId: 1, requestedAt: '2026-03-06T10:00:00Z' },
      ],
      actions: [{ dossierId: 10, dueDate: '2026-03-01' }],
      positionChanges: [{ dossierId: 11, organisationId: 1, recordedAt: '2026-03-06T10:00:00Z' }],
    });
    expect(p.items.map((i) => i.kind)).toEqual([
      'opening',
      'verslag',
      'acties',
      'uitstroom',
      ...Array<string>(14).fill('dossier'),
      'rondvraag',
      'sluiting',
    ]);
    // carried (oldest first), held, escalation, request, target passed (oldest first), review, actions,
    // positions, target near, new referrals (by number), late request.
    expect(ids(p)).toEqual([2, 1, 3, 4, 6, 8, 7, 9, 10, 11, 12, 13, 14, 5]);
  });
});

describe('reasons', () => {
  it('every reason has a Dutch label and survives a JSON round trip through the schema', () => {
    const reasons: AgendaReason[] = [
      { code: 'carried_over', from: '2026-03-03', count: 1 },
      { code: 'held', on: '2026-03-03' },
      { code: 'escalation_returned', returnedAt: '2026-03-05T10:00:00Z' },
      { code: 'requested', organisationId: 2, requestedAt: '2026-03-06T10:00:00Z', late: false },
      { code: 'target_passed', targetDate: '2026-03-01' },
      { code: 'review_due', reviewDate: '2026-03-09' },
      { code: 'actions_due', count: 1, earliestDue: '2026-03-09' },
      { code: 'positions_changed', organisationIds: [2], latestAt: '2026-03-06T10:00:00Z' },
      { code: 'target_near', targetDate: '2026-03-20', weeks: 1 },
      { code: 'new_referral', referredAt: '2026-03-05' },
    ];
    expect(reasons.map((r) => reasonLabel(r, { organisationName: () => 'IND' }))).toEqual([
      'doorgeschoven van 3 maart 2026',
      'aangehouden op 3 maart 2026',
      'terug van escalatie (5 maart 2026)',
      'verzoek van IND (6 maart 2026)',
      'streefdatum verstreken (1 maart 2026): besluit nodig: verlengen of andere koers',
      'evaluatiedatum bereikt (9 maart 2026)',
      'open actiepunt, uiterlijk 9 maart 2026',
      'standpunt gewijzigd: IND',
      'streefdatum binnen 1 week (20 maart 2026)',
      'nieuwe aanmelding (5 maart 2026)',
    ]);
    expect(reasonLabel({ code: 'requested', organisationId: 7, requestedAt: CUTOFF, late: false })).toBe(
      'verzoek van organisatie 7 (9 maart 2026)',
    );
    expect(AgendaReason.array().parse(JSON.parse(JSON.stringify(reasons)))).toEqual(reasons);
    expect(AgendaReason.safeParse({ code: 'whim' }).success).toBe(false);
  });
});

describe('a ten-year city: 6,000 dossiers, 500 open', () => {
  it('proposes exactly the expected items', () => {
    const dossiers: AgendaDossier[] = [];
    const previousItems: PreviousItem[] = [];
    const actions: AgendaAction[] = [];
    const requests: AgendaRequest[] = [];
    for (let id = 1; id <= 6000; id++) {
      if (id > 500) {
        // Finished dossiers match every rule but must not appear (except the three requested ones).
        dossiers.push(
          dossier(id, {
            status: id % 2 ? 'gesloten' : 'uitgestroomd',
            targetDate: '2020-01-01',
            reviewDate: '2020-01-01',
            referredAt: '2026-03-05',
          }),
        );
        actions.push({ dossierId: id, dueDate: '2026-03-01' });
        if (id % 50 === 0) previousItems.push(prevItem(id, 'open'));
        continue;
      }
      const i = id - 1;
      const d = dossier(id, { targetDate: '2027-01-01' });
      switch (i % 10) {
        case 0:
          d.targetDate = '2026-02-01';
          break;
        case 1:
          d.targetDate = '2026-03-20';
          break;
        case 2:
          d.reviewDate = '2026-03-01';
          break;
        case 3:
          d.referredAt = '2026-03-05';
          break;
        case 4:
          previousItems.push(prevItem(id, 'open'));
          break;
        case 5:
          actions.push({ dossierId: id, dueDate: '2026-03-01' }, { dossierId: id, dueDate: '2026-03-09' });
          break;
        default:
          previousItems.push(prevItem(id, 'besproken'));
      }
      dossiers.push(d);
    }
    for (const id of [600, 601, 602])
      requests.push({ dossierId: id, organisationId: 1, requestedAt: '2026-03-06T10:00:00Z' });

    const p = propose({ previous: { date: PREV, items: previousItems }, dossiers, actions, requests });
    const items = dossierItems(p);
    expect(items).toHaveLength(6 * 50 + 3);
    expect(new Set(items.map((i) => i.dossierId)).size).toBe(items.length);
    const count = (code: AgendaReasonCode) => items.filter((i) => i.reasons[0]?.code === code).length;
    expect(count('target_passed')).toBe(50);
    expect(count('target_near')).toBe(50);
    expect(count('review_due')).toBe(50);
    expect(count('new_referral')).toBe(50);
    expect(count('carried_over')).toBe(50);
    expect(count('actions_due')).toBe(50);
    expect(count('requested')).toBe(3);
    expect(items.every((i) => i.reasons.length === 1)).toBe(true);
    const actionCounts = items.flatMap((i) =>
      i.reasons.flatMap((r) => (r.code === 'actions_due' ? [r.count] : [])),
    );
    expect(actionCounts).toEqual(Array<number>(50).fill(2));
  });
});
