import { describe, expect, it } from 'vitest';
import {
  ConsentInput,
  consentIssueMessages,
  consentValues,
  DecisionDirection,
  evaluateDecision,
  participantsFromAttendance,
  PositionDirection,
  presences,
  trackForDirection,
  type ConsentValue,
  type Presence,
} from '../../../shared/domain/consent';

const GEMEENTE = 1;
const IND = 2;
const DTV = 3;
const NGO = 4;

describe('participantsFromAttendance', () => {
  it('present and written input participate; absent with apologies does not', () => {
    expect(
      participantsFromAttendance([
        { organisationId: GEMEENTE, presence: 'aanwezig' },
        { organisationId: IND, presence: 'schriftelijke_inbreng' },
        { organisationId: DTV, presence: 'afwezig_met_bericht' },
        { organisationId: GEMEENTE, presence: 'aanwezig' }, // a duplicate row counts once
      ]),
    ).toEqual([GEMEENTE, IND]);
    expect(participantsFromAttendance([])).toEqual([]);
  });
});

describe('evaluateDecision: required parties', () => {
  const kindOf = (id: number): 'gemeente' | 'ind' | 'ngo' =>
    id === GEMEENTE ? 'gemeente' : id === IND ? 'ind' : 'ngo';
  it('a legalisation the gemeente alone agrees to is only provisionally carried', () => {
    const r = evaluateDecision({
      participants: [GEMEENTE],
      consents: [{ organisationId: GEMEENTE, consent: 'akkoord' }],
      required: ['gemeente', 'ind'],
      kindOf,
    });
    expect(r).toMatchObject({ carried: false, state: 'voorlopig', missingRequired: ['ind'] });
  });
  it('an abstaining required party has not consented; an objection still blocks first', () => {
    const consents = [
      { organisationId: GEMEENTE, consent: 'akkoord' as const },
      { organisationId: IND, consent: 'onthouding' as const },
    ];
    expect(
      evaluateDecision({ participants: [GEMEENTE, IND], consents, required: ['gemeente', 'ind'], kindOf }),
    ).toMatchObject({ state: 'voorlopig', missingRequired: ['ind'] });
    expect(
      evaluateDecision({
        participants: [GEMEENTE, IND],
        consents: [consents[0]!, { organisationId: IND, consent: 'bezwaar' }],
        required: ['gemeente', 'ind'],
        kindOf,
      }).state,
    ).toBe('geblokkeerd');
  });
});

describe('evaluateDecision: named cases', () => {
  it('all akkoord: gedragen', () => {
    const r = evaluateDecision({
      participants: [GEMEENTE, IND],
      consents: [
        { organisationId: GEMEENTE, consent: 'akkoord' },
        { organisationId: IND, consent: 'akkoord' },
      ],
    });
    expect(r).toEqual({
      carried: true,
      state: 'gedragen',
      missing: [],
      objections: [],
      reservations: [],
      abstentions: [],
      ignored: [],
      missingRequired: [],
    });
  });

  it('reservations and abstentions do not block, and are reported', () => {
    const r = evaluateDecision({
      participants: [GEMEENTE, IND, DTV],
      consents: [
        { organisationId: GEMEENTE, consent: 'akkoord' },
        { organisationId: IND, consent: 'akkoord_met_voorbehoud' },
        { organisationId: DTV, consent: 'onthouding' },
      ],
    });
    expect(r).toMatchObject({ carried: true, state: 'gedragen', reservations: [IND], abstentions: [DTV] });
  });

  it('a missing response keeps it open', () => {
    const r = evaluateDecision({
      participants: [GEMEENTE, IND],
      consents: [{ organisationId: GEMEENTE, consent: 'akkoord' }],
    });
    expect(r).toMatchObject({ carried: false, state: 'open', missing: [IND] });
  });

  it('an objection blocks, even while others have not responded', () => {
    const r = evaluateDecision({
      participants: [GEMEENTE, IND, DTV],
      consents: [{ organisationId: DTV, consent: 'bezwaar' }],
    });
    expect(r).toMatchObject({
      carried: false,
      state: 'geblokkeerd',
      objections: [DTV],
      missing: [GEMEENTE, IND],
    });
  });

  it('consents of non-participants are ignored and reported', () => {
    const r = evaluateDecision({
      participants: [GEMEENTE],
      consents: [
        { organisationId: GEMEENTE, consent: 'akkoord' },
        { organisationId: NGO, consent: 'bezwaar' }, // absent with apologies: cannot block
      ],
    });
    expect(r).toMatchObject({ carried: true, state: 'gedragen', objections: [], ignored: [NGO] });
  });

  it('no participants: nothing is carried', () => {
    expect(evaluateDecision({ participants: [], consents: [] })).toMatchObject({
      carried: false,
      state: 'open',
    });
  });

  it('everyone abstains: carried by the letter of the rule', () => {
    const r = evaluateDecision({
      participants: [GEMEENTE, IND],
      consents: [
        { organisationId: GEMEENTE, consent: 'onthouding' },
        { organisationId: IND, consent: 'onthouding' },
      ],
    });
    expect(r).toMatchObject({ carried: true, abstentions: [GEMEENTE, IND] });
  });

  it('a later consent of the same organisation replaces the earlier one', () => {
    const r = evaluateDecision({
      participants: [GEMEENTE, IND],
      consents: [
        { organisationId: GEMEENTE, consent: 'akkoord' },
        { organisationId: IND, consent: 'bezwaar' },
        { organisationId: IND, consent: 'akkoord_met_voorbehoud' },
      ],
    });
    expect(r).toMatchObject({ carried: true, objections: [], reservations: [IND] });
  });
});

describe('evaluateDecision: a participant list that changes mid-meeting', () => {
  it('is evaluated over the current list each time', () => {
    const consents: { organisationId: number; consent: ConsentValue }[] = [
      { organisationId: GEMEENTE, consent: 'akkoord' },
      { organisationId: IND, consent: 'akkoord' },
    ];
    const attendance: { organisationId: number; presence: Presence }[] = [
      { organisationId: GEMEENTE, presence: 'aanwezig' },
      { organisationId: IND, presence: 'aanwezig' },
      { organisationId: DTV, presence: 'aanwezig' },
    ];
    const now = () => evaluateDecision({ participants: participantsFromAttendance(attendance), consents });

    expect(now()).toMatchObject({ state: 'open', missing: [DTV] });
    // DT&V leaves with apologies before responding: the rest carries it.
    attendance[2] = { organisationId: DTV, presence: 'afwezig_met_bericht' };
    expect(now()).toMatchObject({ state: 'gedragen', missing: [] });
    // The NGO's written input arrives: it now participates and must respond.
    attendance.push({ organisationId: NGO, presence: 'schriftelijke_inbreng' });
    expect(now()).toMatchObject({ state: 'open', missing: [NGO] });
    consents.push({ organisationId: NGO, consent: 'bezwaar' });
    expect(now()).toMatchObject({ state: 'geblokkeerd', objections: [NGO] });
    // DT&V had recorded an objection while absent: ignored until it participates again.
    consents.push({ organisationId: DTV, consent: 'bezwaar' });
    attendance[3] = { organisationId: NGO, presence: 'afwezig_met_bericht' };
    expect(now()).toMatchObject({ state: 'gedragen', ignored: [NGO, DTV] });
    attendance[2] = { organisationId: DTV, presence: 'aanwezig' };
    expect(now()).toMatchObject({ state: 'geblokkeerd', objections: [DTV] });
  });
});

describe('evaluateDecision: every combination of 2 and 3 organisations', () => {
  // For each organisation: each presence × (no response or each consent value).
  type Org = { presence: Presence; consent: ConsentValue | null };
  const perOrg: Org[] = presences.flatMap((presence) =>
    [null, ...consentValues].map((consent) => ({ presence, consent })),
  );
  function* combinations(n: number, prefix: Org[] = []): Generator<Org[]> {
    if (prefix.length === n) yield prefix;
    else for (const o of perOrg) yield* combinations(n, [...prefix, o]);
  }

  it.each([2, 3])('%i organisations', (n) => {
    let cases = 0;
    let carried = 0;
    for (const orgs of combinations(n)) {
      const attendance = orgs.map((o, i) => ({ organisationId: i + 1, presence: o.presence }));
      const consents = orgs.flatMap((o, i) =>
        o.consent ? [{ organisationId: i + 1, consent: o.consent }] : [],
      );
      const r = evaluateDecision({ participants: participantsFromAttendance(attendance), consents });

      // The rule, stated independently: participants are those not absent; carried when there is at
      // least one, all of them responded, and none of them objects.
      const part = orgs
        .map((o, i) => ({ ...o, id: i + 1 }))
        .filter((o) => o.presence !== 'afwezig_met_bericht');
      const objects = part.some((o) => o.consent === 'bezwaar');
      const expected = part.length > 0 && part.every((o) => o.consent !== null) && !objects;
      const ctx = JSON.stringify(orgs);
      expect(r.carried, ctx).toBe(expected);
      expect(r.state, ctx).toBe(objects ? 'geblokkeerd' : expected ? 'gedragen' : 'open');
      expect(r.missing, ctx).toEqual(part.filter((o) => o.consent === null).map((o) => o.id));
      expect(r.objections, ctx).toEqual(part.filter((o) => o.consent === 'bezwaar').map((o) => o.id));
      expect(r.reservations, ctx).toEqual(
        part.filter((o) => o.consent === 'akkoord_met_voorbehoud').map((o) => o.id),
      );
      expect(r.abstentions, ctx).toEqual(part.filter((o) => o.consent === 'onthouding').map((o) => o.id));
      expect(r.ignored, ctx).toEqual(
        orgs.flatMap((o, i) => (o.presence === 'afwezig_met_bericht' && o.consent ? [i + 1] : [])),
      );
      cases++;
      if (r.carried) carried++;
    }
    expect(cases).toBe(15 ** n);
    expect(carried).toBeGreaterThan(0);
  });
});

describe('ConsentInput', () => {
  const base = { decisionId: 1, organisationId: IND };
  it('akkoord needs no reason', () => {
    expect(ConsentInput.parse({ ...base, consent: 'akkoord' }).reason).toBeNull();
  });
  it.each([
    ['akkoord_met_voorbehoud', 'reason_required_voorbehoud'],
    ['onthouding', 'reason_required_onthouding'],
    ['bezwaar', 'reason_required_bezwaar'],
  ] as const)('%s needs a reason (%s)', (consent, code) => {
    for (const reason of [undefined, null, '', '   ']) {
      const r = ConsentInput.safeParse({ ...base, consent, reason });
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['reason', code]]);
    }
    expect(ConsentInput.parse({ ...base, consent, reason: '  medische belemmering  ' }).reason).toBe(
      'medische belemmering',
    );
    expect(consentIssueMessages[code]).toMatch(/^Geef /);
  });
  it('rejects unknown values', () => {
    expect(ConsentInput.safeParse({ ...base, consent: 'misschien' }).success).toBe(false);
  });
});

describe('directions', () => {
  it('positions and decisions have their own direction sets; carried decisions map to tracks', () => {
    expect(PositionDirection.options).toContain('geen_standpunt');
    expect(PositionDirection.options).not.toContain('aanhouden');
    expect(DecisionDirection.options).toContain('aanhouden');
    expect(DecisionDirection.options).not.toContain('geen_standpunt');
    expect(trackForDirection('legalisatie')).toBe('legalisatie');
    expect(trackForDirection('tweesporen')).toBe('tweesporen');
    expect(trackForDirection('nader_onderzoek')).toBeNull();
    expect(trackForDirection('aanhouden')).toBeNull();
  });
});
