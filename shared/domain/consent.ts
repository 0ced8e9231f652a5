import { z } from 'zod';
import type { Track } from './dossier';
import { OrganisationKind, type OrganisationKind as Kind } from './roles';

/*
 * Positions, decisions and the consent rule of the gedragen besluit.
 *
 * The rule (domain.md): a decision is carried when every participating organisation has responded and
 * none objects. Choices made here:
 * - Participants are the organisations present or with written input (schriftelijke inbreng).
 *   Absent-with-apologies organisations are not participants: their silence cannot block a decision.
 * - Consents from non-participants are ignored (returned in `ignored` so the minutes can mention them):
 *   an organisation that is not at the table cannot carry or block it. If it later joins (the list
 *   changes mid-meeting) its recorded consent counts again: the function is pure over the current list.
 * - With no participants nothing is carried (state 'open'): a decision needs a table.
 * - An objection blocks at once, even while others have yet to respond ('geblokkeerd').
 * - Abstentions and reservations do not block; a decision on which every participant abstains is
 *   therefore carried, as the rule says. Callers may warn about it (`abstentions`).
 * - Required parties (issue 11; domain.md: "the parties a direction cannot do without took part"):
 *   per direction, the kinds of organisation whose consent a carried decision needs (the IND for
 *   legalisatie, DT&V for terugkeer and doormigratie, the gemeente always; a per-city setting). A kind
 *   counts as present when a participant of that kind gave akkoord or akkoord met voorbehoud. Without
 *   it, a decision nobody objects to is only 'voorlopig' (provisionally carried, confirmation needed
 *   from the missing party): an abstaining IND has not consented to a legalisation either.
 */

// --- attendance -------------------------------------------------------------------------------------

export const presences = ['aanwezig', 'afwezig_met_bericht', 'schriftelijke_inbreng'] as const;
export const Presence = z.enum(presences);
export type Presence = z.infer<typeof Presence>;
export const presenceLabels: Record<Presence, string> = {
  aanwezig: 'Aanwezig',
  afwezig_met_bericht: 'Afwezig met bericht',
  schriftelijke_inbreng: 'Schriftelijke inbreng',
};

/** The participating organisations: present or with written input; each once, in input order. */
export function participantsFromAttendance(
  attendance: readonly { organisationId: number; presence: Presence }[],
): number[] {
  const out = new Set<number>();
  for (const a of attendance) if (a.presence !== 'afwezig_met_bericht') out.add(a.organisationId);
  return [...out];
}

// --- positions and decisions ------------------------------------------------------------------------

const directionLabels = {
  legalisatie: 'Legalisatie',
  doormigratie: 'Doormigratie',
  terugkeer: 'Terugkeer',
  stabilisatie: 'Stabilisatie',
  tweesporen: 'Tweesporen',
  nader_onderzoek: 'Nader onderzoek nodig',
};

/** The direction a party supports in its position (positions.direction). */
export const positionDirectionLabels = { ...directionLabels, geen_standpunt: 'Geen standpunt' } as const;
export const PositionDirection = z.enum(
  Object.keys(positionDirectionLabels) as [
    keyof typeof positionDirectionLabels,
    ...(keyof typeof positionDirectionLabels)[],
  ],
);
export type PositionDirection = z.infer<typeof PositionDirection>;

/** The direction of a decision (decisions.direction): a direction, or hold the dossier. */
export const decisionDirectionLabels = { ...directionLabels, aanhouden: 'Aanhouden' } as const;
export const DecisionDirection = z.enum(
  Object.keys(decisionDirectionLabels) as [
    keyof typeof decisionDirectionLabels,
    ...(keyof typeof decisionDirectionLabels)[],
  ],
);
export type DecisionDirection = z.infer<typeof DecisionDirection>;

/** The track a carried decision sets on the dossier; null = the track does not change. */
export function trackForDirection(direction: DecisionDirection): Track | null {
  return direction === 'nader_onderzoek' || direction === 'aanhouden' ? null : direction;
}

/**
 * Stored decision state (decisions.state): concept until the chair settles it. 'voorlopig_gedragen':
 * nobody objected, but a required party did not consent; it becomes 'gedragen' when that party
 * confirms (decisions.confirm), 'aangehouden' when it objects.
 */
export const decisionStates = [
  'concept',
  'gedragen',
  'voorlopig_gedragen',
  'aangehouden',
  'geescaleerd',
] as const;
export const DecisionState = z.enum(decisionStates);
export type DecisionState = z.infer<typeof DecisionState>;
export const decisionStateLabels: Record<DecisionState, string> = {
  concept: 'Concept',
  gedragen: 'Gedragen',
  voorlopig_gedragen: 'Voorlopig gedragen',
  aangehouden: 'Aangehouden',
  geescaleerd: 'Geëscaleerd',
};

// --- required parties -------------------------------------------------------------------------------

/** Per decision direction, the kinds of organisation whose consent a carried decision needs. */
export const RequiredParties = z.object(
  Object.fromEntries(
    Object.keys(decisionDirectionLabels).map((d) => [d, z.array(OrganisationKind).max(20)]),
  ) as Record<DecisionDirection, z.ZodArray<typeof OrganisationKind>>,
);
export type RequiredParties = z.infer<typeof RequiredParties>;

/** The sources' defaults: the gemeente always, the IND for legalisatie, DT&V for return and onward migration. */
export const defaultRequiredParties: RequiredParties = {
  legalisatie: ['gemeente', 'ind'],
  doormigratie: ['gemeente', 'dtv'],
  terugkeer: ['gemeente', 'dtv'],
  stabilisatie: ['gemeente'],
  tweesporen: ['gemeente'],
  nader_onderzoek: ['gemeente'],
  aanhouden: ['gemeente'],
};

// --- consent ----------------------------------------------------------------------------------------

export const consentValues = ['akkoord', 'akkoord_met_voorbehoud', 'onthouding', 'bezwaar'] as const;
export const ConsentValue = z.enum(consentValues);
export type ConsentValue = z.infer<typeof ConsentValue>;
export const consentLabels: Record<ConsentValue, string> = {
  akkoord: 'Akkoord',
  akkoord_met_voorbehoud: 'Akkoord met voorbehoud',
  onthouding: 'Onthouding',
  bezwaar: 'Bezwaar',
};

export type ConsentIssueCode =
  'reason_required_voorbehoud' | 'reason_required_onthouding' | 'reason_required_bezwaar' | 'too_long';

const reasonCode: Record<Exclude<ConsentValue, 'akkoord'>, ConsentIssueCode> = {
  akkoord_met_voorbehoud: 'reason_required_voorbehoud',
  onthouding: 'reason_required_onthouding',
  bezwaar: 'reason_required_bezwaar',
};

/** One organisation's consent. A reason is required for everything except a plain akkoord. */
export const ConsentInput = z
  .object({
    decisionId: z.number().int(),
    organisationId: z.number().int(),
    consent: ConsentValue,
    reason: z
      .string()
      .trim()
      .max(2000, 'too_long')
      .nullish()
      .transform((s) => (s ? s : null)),
  })
  .superRefine((c, ctx) => {
    if (c.consent !== 'akkoord' && !c.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: reasonCode[c.consent] });
  });
export type ConsentInput = z.input<typeof ConsentInput>;

export const consentIssueMessages: Record<ConsentIssueCode, string> = {
  reason_required_voorbehoud: 'Geef aan wat het voorbehoud is.',
  reason_required_onthouding: 'Geef een reden voor de onthouding.',
  reason_required_bezwaar: 'Geef een reden voor het bezwaar.',
  too_long: 'Deze tekst is te lang.',
};

export type EvaluationState = 'gedragen' | 'voorlopig' | 'open' | 'geblokkeerd';

export interface DecisionEvaluation {
  carried: boolean;
  state: EvaluationState;
  /** Participants that have not responded. */
  missing: number[];
  objections: number[];
  reservations: number[];
  abstentions: number[];
  /** Organisations that gave consent but are not participants (not counted). */
  ignored: number[];
  /** Required kinds without a consenting participant (then at best 'voorlopig'). */
  missingRequired: Kind[];
}

/**
 * Evaluates the consent rule over the current participants. Lists follow the participants' order;
 * a second consent from the same organisation replaces the first.
 */
export function evaluateDecision(input: {
  participants: readonly number[];
  consents: readonly { organisationId: number; consent: ConsentValue }[];
  /** Required kinds for the decision's direction, and each organisation's kind; none when omitted. */
  required?: readonly Kind[];
  kindOf?: (organisationId: number) => Kind | undefined;
}): DecisionEvaluation {
  const participants = [...new Set(input.participants)];
  const isParticipant = new Set(participants);
  const given = new Map<number, ConsentValue>();
  const ignored = new Set<number>();
  for (const c of input.consents) {
    if (isParticipant.has(c.organisationId)) given.set(c.organisationId, c.consent);
    else ignored.add(c.organisationId);
  }
  const withValue = (v: ConsentValue) => participants.filter((id) => given.get(id) === v);
  const missing = participants.filter((id) => !given.has(id));
  const objections = withValue('bezwaar');
  const consenting = participants.filter((id) => {
    const v = given.get(id);
    return v === 'akkoord' || v === 'akkoord_met_voorbehoud';
  });
  const consentingKinds = new Set(consenting.map((id) => input.kindOf?.(id)));
  const missingRequired = [...new Set(input.required ?? [])].filter((k) => !consentingKinds.has(k));
  const state: EvaluationState =
    objections.length > 0
      ? 'geblokkeerd'
      : missing.length > 0 || participants.length === 0
        ? 'open'
        : missingRequired.length > 0
          ? 'voorlopig'
          : 'gedragen';
  return {
    missingRequired,
    carried: state === 'gedragen',
    state,
    missing,
    objections,
    reservations: withValue('akkoord_met_voorbehoud'),
    abstentions: withValue('onthouding'),
    ignored: [...ignored],
  };
}
