import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  computeTargetDate,
  DossierInput,
  dossierInputAt,
  dossierIssueMessages,
  dossierIssues,
  DossierStatus,
  DossierUpdate,
  dossierStatuses,
  formatDossierNumber,
  initials,
  OutflowInput,
  outcomeCategories,
  outcomeLabels,
  outcomeSubkinds,
  ProcedureInput,
  pseudonym,
  Shelter,
  shelters,
  Track,
  tracks,
  VNumber,
  vNumberIssue,
  type DossierIssueCode,
} from '../../../shared/domain/dossier';

/** [path, code] of every issue of a failed parse; [] when it succeeded. */
function issues(r: z.ZodSafeParseResult<unknown>): [string, string][] {
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
}

const minimal = { name: 'Chen X.', referredAt: '2026-01-05' };

describe('vocabularies', () => {
  it('has stable codes that fit the stored columns', () => {
    expect(dossierStatuses).toEqual([
      'aangemeld',
      'intake',
      'richting_bepalen',
      'in_traject',
      'besluit_gedragen',
      'uitvoering',
      'uitgestroomd',
      'gesloten',
    ]);
    expect(tracks).toEqual([
      'nog_te_bepalen',
      'stabilisatie',
      'legalisatie',
      'terugkeer',
      'doormigratie',
      'tweesporen',
    ]);
    expect(shelters).toEqual(['bbb', '24-uursopvang', 'leefgeld', 'geen']);
    expect(DossierStatus.safeParse('open').success).toBe(false);
    expect(Track.safeParse('legalisatie').success).toBe(true);
    expect(Shelter.safeParse('24-uursopvang').success).toBe(true);
  });

  it('keeps the outcome categories exactly as the Perspectief evaluation', () => {
    expect(outcomeCategories).toEqual(['TERUGKEER', 'VERBLIJFSVERGUNNING', 'DOORMIGRATIE', 'MOB', 'OVERIG']);
    expect(outcomeLabels).toEqual({
      TERUGKEER: 'terugkeer naar land van herkomst (gecontroleerd en aantoonbaar)',
      VERBLIJFSVERGUNNING: '(tijdelijke) verblijfsvergunning verkregen',
      DOORMIGRATIE: 'doormigratie of Dublin-overdracht',
      MOB: 'met onbekende bestemming vertrokken',
      OVERIG: 'overig (niet MOB)',
    });
    // Return only when controlled and demonstrable; "vertrek zonder toezicht" is counted with MOB.
    expect(Object.keys(outcomeSubkinds.TERUGKEER)).toEqual(['zelfstandig_aantoonbaar', 'gedwongen']);
    expect(Object.keys(outcomeSubkinds.MOB)).toEqual(['vertrek_zonder_toezicht']);
    expect(Object.keys(outcomeSubkinds.OVERIG)).toEqual([
      'vbl',
      'detentie_ongewenstverklaring',
      'azc_andere_opvang',
      'mbb',
    ]);
  });
});

describe('V-nummer', () => {
  it.each([
    ['1234567890', null],
    ['12 3456 7890', null],
    ['1234.567.890', null],
    [' 1234567890 ', null],
    ['123456789', 'v_number_length'],
    ['12345678901', 'v_number_length'],
    ['', 'v_number_length'],
    ['12345678a0', 'v_number_chars'],
    ['12-34567890', 'v_number_chars'],
    ['V123456789', 'v_number_chars'],
    ['１２３４５６７８９０', 'v_number_chars'], // full-width digits are not ASCII digits
  ])('%j → %s', (raw, issue) => {
    expect(vNumberIssue(raw)).toBe(issue);
  });

  it('the schema outputs the normalised number', () => {
    expect(VNumber.parse('12 3456.7890')).toBe('1234567890');
  });

  it('is optional in a dossier; blank means none', () => {
    expect(DossierInput.parse(minimal).vNumber).toBeNull();
    expect(DossierInput.parse({ ...minimal, vNumber: '  ' }).vNumber).toBeNull();
    expect(DossierInput.parse({ ...minimal, vNumber: '1234 567 890' }).vNumber).toBe('1234567890');
    expect(issues(DossierInput.safeParse({ ...minimal, vNumber: '123' }))).toEqual([
      ['vNumber', 'v_number_length'],
    ]);
    expect(issues(DossierInput.safeParse({ ...minimal, vNumber: '123x567890' }))).toEqual([
      ['vNumber', 'v_number_chars'],
    ]);
  });
});

describe('DossierInput', () => {
  it('fills defaults for a minimal dossier', () => {
    expect(DossierInput.parse(minimal)).toMatchObject({
      name: 'Chen X.',
      aliases: [],
      shelter: 'geen',
      track: 'nog_te_bepalen',
      status: 'aangemeld',
      stuck: false,
      targetOverride: false,
      birthDate: null,
      intakeDate: null,
    });
  });

  it('requires a name and a referral date', () => {
    expect(issues(DossierInput.safeParse({ name: '   ', referredAt: '2026-01-05' }))).toEqual([
      ['name', 'required'],
    ]);
    expect(issues(DossierInput.safeParse({ name: 'A' }))[0]?.[0]).toBe('referredAt');
  });

  it('rejects impossible and malformed dates at the field', () => {
    expect(issues(DossierInput.safeParse({ ...minimal, birthDate: '1990-02-30' }))).toEqual([
      ['birthDate', 'date_impossible'],
    ]);
    expect(issues(DossierInput.safeParse({ ...minimal, intakeDate: '2026-02-29' }))).toEqual([
      ['intakeDate', 'date_impossible'],
    ]);
    expect(issues(DossierInput.safeParse({ ...minimal, targetDate: '5-3-2026' }))).toEqual([
      ['targetDate', 'date_format'],
    ]);
  });

  it('target date not before intake; equal is fine', () => {
    const base = {
      ...minimal,
      intakeDate: '2026-02-01',
      targetOverride: true,
      targetOverrideReason: 'afspraak',
    };
    expect(issues(DossierInput.safeParse({ ...base, targetDate: '2026-01-31' }))).toEqual([
      ['targetDate', 'target_before_intake'],
    ]);
    expect(DossierInput.safeParse({ ...base, targetDate: '2026-02-01' }).success).toBe(true);
  });

  it('intake not before referral; equal is fine', () => {
    expect(issues(DossierInput.safeParse({ ...minimal, intakeDate: '2026-01-04' }))).toEqual([
      ['intakeDate', 'intake_before_referral'],
    ]);
    expect(DossierInput.safeParse({ ...minimal, intakeDate: '2026-01-05' }).success).toBe(true);
  });

  it('birth date not in the future relative to the given today', () => {
    const schema = dossierInputAt('2026-03-10');
    expect(issues(schema.safeParse({ ...minimal, birthDate: '2026-03-11' }))).toEqual([
      ['birthDate', 'birth_in_future'],
    ]);
    expect(schema.safeParse({ ...minimal, birthDate: '2026-03-10' }).success).toBe(true);
    // Without a clock the rule is not checked (the contract schema); the backend uses dossierInputAt.
    expect(DossierInput.safeParse({ ...minimal, birthDate: '2026-03-11' }).success).toBe(true);
  });

  it('first known in NL not before birth', () => {
    const schema = dossierInputAt('2026-03-10');
    expect(
      issues(schema.safeParse({ ...minimal, birthDate: '1990-05-01', firstKnownNl: '1990-04-30' })),
    ).toEqual([['firstKnownNl', 'first_known_before_birth']]);
  });

  it('a birth date in the future is reported at the birth date, not at "first known in NL"', () => {
    const future = { ...minimal, birthDate: '2030-01-01', firstKnownNl: '2010-01-01' };
    expect(issues(dossierInputAt('2026-03-10').safeParse(future))).toEqual([
      ['birthDate', 'birth_in_future'],
    ]);
    // The contract has no clock: it leaves both rules to the backend instead of blaming the wrong field.
    expect(DossierInput.safeParse(future).success).toBe(true);
  });

  it('stuck requires a reason: a pick-list code (counted in the reports) or at least an explanation', () => {
    expect(issues(DossierInput.safeParse({ ...minimal, stuck: true }))).toEqual([
      ['stuckReasonCode', 'stuck_reason_required'],
    ]);
    expect(issues(DossierInput.safeParse({ ...minimal, stuck: true, stuckReason: '  ' }))).toEqual([
      ['stuckReasonCode', 'stuck_reason_required'],
    ]);
    expect(
      DossierInput.safeParse({ ...minimal, stuck: true, stuckReasonCode: 'niet_uitzetbaar' }).success,
    ).toBe(true);
    expect(DossierInput.safeParse({ ...minimal, stuck: true, stuckReasonCode: 'vrije tekst' }).success).toBe(
      false,
    );
    expect(
      DossierInput.safeParse({ ...minimal, stuck: true, stuckReason: 'geen ambassade erkent hem' }).success,
    ).toBe(true);
  });

  it('a target date override requires a reason and a date', () => {
    expect(
      issues(DossierInput.safeParse({ ...minimal, targetOverride: true, targetDate: '2026-09-01' })),
    ).toEqual([['targetOverrideReason', 'target_override_reason_required']]);
    expect(
      issues(DossierInput.safeParse({ ...minimal, targetOverride: true, targetOverrideReason: 'x' })),
    ).toEqual([['targetDate', 'target_override_date_required']]);
  });

  it('reports several cross-field issues at once', () => {
    const r = DossierInput.safeParse({
      ...minimal,
      intakeDate: '2026-01-01',
      targetDate: '2025-12-01',
      targetOverride: true,
      stuck: true,
    });
    expect(
      issues(r)
        .map(([, code]) => code)
        .sort(),
    ).toEqual([
      'intake_before_referral',
      'stuck_reason_required',
      'target_before_intake',
      'target_override_reason_required',
    ]);
  });

  it('an update carries only the changed fields (no defaults), then the merged dossier is checked', () => {
    const u = DossierUpdate.parse({ id: 1, version: 3, changes: { intakeDate: '2026-01-01' } });
    expect(u.changes).toEqual({ intakeDate: '2026-01-01' });
    expect(u.reason).toBeNull();
    const stored = DossierInput.parse(minimal);
    expect(dossierIssues({ ...stored, ...u.changes })).toEqual([
      { path: 'intakeDate', code: 'intake_before_referral' },
    ]);
    expect(
      issues(DossierUpdate.safeParse({ id: 1, version: 3, changes: { birthDate: '2026-02-30' } })),
    ).toEqual([['changes.birthDate', 'date_impossible']]);
  });

  it('has a Dutch message for every issue code', () => {
    const codes = Object.keys(dossierIssueMessages) as DossierIssueCode[];
    expect(codes.length).toBeGreaterThanOrEqual(17);
    for (const c of codes) expect(dossierIssueMessages[c]).toMatch(/^[A-Z].+\.$/);
    expect(dossierIssueMessages.v_number_length).toBe('Een V-nummer heeft precies 10 cijfers.');
  });
});

describe('outflow and procedures', () => {
  const base = { endedBy: 'wederzijds', date: '2026-06-01' } as const;
  it('requires a valid sub-kind for TERUGKEER and OVERIG', () => {
    expect(issues(OutflowInput.safeParse({ ...base, outcome: 'TERUGKEER' }))).toEqual([
      ['subkind', 'outcome_subkind_required'],
    ]);
    expect(issues(OutflowInput.safeParse({ ...base, outcome: 'TERUGKEER', subkind: 'mbb' }))).toEqual([
      ['subkind', 'outcome_subkind_invalid'],
    ]);
    expect(OutflowInput.safeParse({ ...base, outcome: 'TERUGKEER', subkind: 'gedwongen' }).success).toBe(
      true,
    );
    expect(OutflowInput.safeParse({ ...base, outcome: 'OVERIG', subkind: 'mbb' }).success).toBe(true);
    expect(issues(OutflowInput.safeParse({ ...base, outcome: 'MOB', subkind: 'gedwongen' }))).toEqual([
      ['subkind', 'outcome_subkind_invalid'],
    ]);
    expect(issues(OutflowInput.safeParse({ ...base, outcome: 'OVERIG', subkind: 'toString' }))).toEqual([
      ['subkind', 'outcome_subkind_invalid'],
    ]);
  });
  it('requires the permit ground for VERBLIJFSVERGUNNING; MOB reason is optional', () => {
    expect(
      issues(OutflowInput.safeParse({ ...base, outcome: 'VERBLIJFSVERGUNNING', detail: 'buitenschuld' })),
    ).toEqual([['permitGround', 'permit_ground_required']]);
    expect(
      OutflowInput.safeParse({ ...base, outcome: 'VERBLIJFSVERGUNNING', permitGround: 'buitenschuld' })
        .success,
    ).toBe(true);
    expect(
      OutflowInput.safeParse({ ...base, outcome: 'VERBLIJFSVERGUNNING', permitGround: 'art. 8' }).success,
    ).toBe(false);
    expect(OutflowInput.safeParse({ ...base, outcome: 'MOB' }).success).toBe(true);
    expect(OutflowInput.safeParse({ ...base, outcome: 'MOB', endedBy: 'iemand' }).success).toBe(false);
  });
  it('a procedure does not end before it starts', () => {
    expect(
      issues(
        ProcedureInput.safeParse({ kind: 'asiel_herhaald', startedOn: '2026-02-01', endedOn: '2026-01-31' }),
      ),
    ).toEqual([['endedOn', 'procedure_end_before_start']]);
    expect(ProcedureInput.safeParse({ kind: 'buitenschuld', startedOn: '2026-02-01' }).success).toBe(true);
  });
});

describe('pseudonyms and numbers', () => {
  it.each([
    ['Chen X.', 'C.X.'],
    ['Mateus K. D.', 'M.K.D.'],
    ['Grâce M. K.', 'G.M.K.'],
    ['abdirahman w. n.', 'A.W.N.'],
    ['Jean-Pierre Dupont', 'J.P.D.'],
    ['  Yacine   B. ', 'Y.B.'],
    ['', '?'],
    ['...', '?'],
  ])('initials(%j) = %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
  it('builds the pseudonymised label and the dossier number', () => {
    expect(formatDossierNumber(2026, 3)).toBe('D-2026-0003');
    expect(pseudonym('D-2026-0003', 'Chen X.')).toBe('D-2026-0003 (C.X.)');
  });
  it('computes the target date from intake, else referral', () => {
    expect(computeTargetDate({ referredAt: '2026-01-05', intakeDate: '2026-01-31' }, 6)).toBe('2026-07-31');
    expect(computeTargetDate({ referredAt: '2025-08-31', intakeDate: null }, 6)).toBe('2026-02-28');
  });
});
