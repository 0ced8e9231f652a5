import { z } from 'zod';
import { allow, method } from './define';
import { Id } from './positions';
import {
  ConsentInput,
  ConsentValue,
  DecisionDirection,
  DecisionState,
  RequiredParties,
} from '../domain/consent';
import { OrganisationKind } from '../domain/roles';
import { IsoDate } from '../domain/dates';
import { DossierStatus, EndedBy, OutcomeCategory, OutflowInput, Track } from '../domain/dossier';

/*
 * The gedragen besluit, its consents, escalation and the outflow of a dossier.
 * - The chair (voorzitter) or the secretary (notulist) writes the decision text and direction; only
 *   the chair settles it: carried, held or escalated.
 * - Each organisation consents for itself (a deelnemer of that organisation) or the secretary
 *   (notulist) records it on its behalf. `decisionVersion` is the version of the text consented to:
 *   a consent to a text that changed meanwhile is refused with CONFLICT.
 * - Changing the text or direction after consents were given clears them: they were given to the
 *   old text (the answer says how many were cleared, so the UI can tell the room).
 * - When the meeting closes, its decisions are locked; reopening needs a reason and is audited.
 */

export const Consent = z.object({
  organisationId: z.number().int(),
  organisationName: z.string(),
  consent: ConsentValue,
  reason: z.string().nullable(),
  recordedById: z.number().int(),
  recordedByName: z.string(),
  onBehalf: z.boolean(),
  recordedAt: z.string(),
});
export type Consent = z.infer<typeof Consent>;

export const Evaluation = z.object({
  carried: z.boolean(),
  state: z.enum(['gedragen', 'voorlopig', 'open', 'geblokkeerd']),
  participants: z.array(z.number().int()),
  missing: z.array(z.number().int()),
  objections: z.array(z.number().int()),
  reservations: z.array(z.number().int()),
  abstentions: z.array(z.number().int()),
  ignored: z.array(z.number().int()),
  /** Required parties (per kind) without a consent: "bevestiging nodig van {label}". */
  missingRequired: z.array(
    z.object({ kind: OrganisationKind, label: z.string(), organisationIds: z.array(z.number().int()) }),
  ),
});

export const Decision = z.object({
  id: z.number().int(),
  number: z.string(),
  dossierId: z.number().int(),
  agendaItemId: z.number().int().nullable(),
  meetingId: z.number().int().nullable(),
  text: z.string(),
  direction: DecisionDirection,
  reviewDate: z.string().nullable(),
  state: DecisionState,
  locked: z.boolean(),
  decidedAt: z.string().nullable(),
  version: z.number().int(),
  consents: z.array(Consent),
  /** A provisionally carried decision: the required parties' answers, given after it was settled. */
  confirmations: z.array(Consent),
  evaluation: Evaluation,
  /** Consents cleared by this save because the text or direction changed (0 otherwise). */
  clearedConsents: z.number().int(),
});
export type Decision = z.infer<typeof Decision>;

/** What the body answered, as a result the table can act on and the reports can count. */
export const escalationOutcomeLabels = {
  legalisatie: 'Advies: legalisatie',
  terugkeer: 'Advies: terugkeer',
  doormigratie: 'Advies: doormigratie',
  buitenschuld_onderzoeken: 'IND gevraagd buitenschuld te onderzoeken',
  terug_naar_tafel: 'Terug naar het overleg zonder advies',
  anders: 'Anders (zie toelichting)',
} as const;
export const EscalationOutcome = z.enum(
  Object.keys(escalationOutcomeLabels) as [
    keyof typeof escalationOutcomeLabels,
    ...(keyof typeof escalationOutcomeLabels)[],
  ],
);
export type EscalationOutcome = z.infer<typeof EscalationOutcome>;

export const Escalation = z.object({
  id: z.number().int(),
  dossierId: z.number().int(),
  decisionId: z.number().int().nullable(),
  body: z.string(),
  /** The question put to the body ('' for escalations from before issue 11). */
  question: z.string(),
  /** Whether the table agreed to put it there (every participant consented, none objected). */
  consensus: z.boolean(),
  dissent: z.string(),
  createdAt: z.string(),
  returnedAt: z.string().nullable(),
  outcome: EscalationOutcome.nullable(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
});
export type Escalation = z.infer<typeof Escalation>;

/** An escalation in the list of open (or all) escalations: with the dossier by number and initials. */
export const EscalationListItem = Escalation.extend({ dossierNumber: z.string(), dossierLabel: z.string() });
export type EscalationListItem = z.infer<typeof EscalationListItem>;

export const DossierOutcome = z.object({
  id: z.number().int(),
  number: z.string(),
  status: DossierStatus,
  track: Track,
  escalated: z.boolean(),
  version: z.number().int(),
  outcome: OutcomeCategory.nullable(),
  outcomeSubkind: z.string().nullable(),
  outcomeDetail: z.string().nullable(),
  endedBy: EndedBy.nullable(),
  outflowDate: z.string().nullable(),
  permitGround: z.string().nullable(),
  mobReason: z.string().nullable(),
  country: z.string().nullable(),
  /** Left without the facts the reports count (migrated or imported): shown as "onvolledig". */
  outcomeIncomplete: z.boolean(),
});
export type DossierOutcome = z.infer<typeof DossierOutcome>;

const reason = z.string().trim().min(1, 'required').max(1000, 'too_long');

export const DecisionSaveInput = z
  .object({
    itemId: Id,
    /** Omitted for a new decision; then `expectedVersion` is ignored. */
    decisionId: Id.optional(),
    expectedVersion: z.number().int().min(1).optional(),
    text: z.string().trim().min(1, 'required').max(4000, 'too_long'),
    direction: DecisionDirection,
    reviewDate: IsoDate.nullish().transform((d) => d ?? null),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.decisionId !== undefined && d.expectedVersion === undefined)
      ctx.addIssue({ code: 'custom', path: ['expectedVersion'], message: 'required' });
  });
export type DecisionSaveInput = z.input<typeof DecisionSaveInput>;

export const DecisionConsentInput = ConsentInput.safeExtend({
  decisionId: Id,
  organisationId: Id,
  decisionVersion: z.number().int().min(1),
}).strict();
export type DecisionConsentInput = z.input<typeof DecisionConsentInput>;

/** 'voorlopig': carried by everyone at the table, but a required party's confirmation is pending. */
export const SettleOutcome = z.enum(['gedragen', 'voorlopig', 'aanhouden', 'escaleren']);
export type SettleOutcome = z.infer<typeof SettleOutcome>;

export const OutflowRecordInput = OutflowInput.safeExtend({
  dossierId: Id,
  expectedVersion: z.number().int().min(1),
}).strict();
export type OutflowRecordInput = z.input<typeof OutflowRecordInput>;

export const decisionsMethods = {
  'decisions.save': method({
    input: DecisionSaveInput,
    output: Decision,
    access: allow('decisions.write'),
  }),
  'decisions.consent': method({
    input: DecisionConsentInput,
    output: Decision,
    access: allow('items.work'),
  }),
  'decisions.settle': method({
    input: z
      .object({
        decisionId: Id,
        expectedVersion: z.number().int().min(1),
        outcome: SettleOutcome,
        /** For 'escaleren': the body (one of the city's, escalations.bodies) and the question put to it. */
        escalation: z
          .object({
            body: z.string().trim().min(1, 'required').max(120, 'too_long'),
            question: z.string().trim().min(1, 'required').max(2000, 'too_long'),
          })
          .strict()
          .optional(),
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.outcome === 'escaleren' && !v.escalation)
          ctx.addIssue({ code: 'custom', path: ['escalation'], message: 'required' });
      }),
    output: Decision,
    access: allow('decisions.settle'),
  }),
  'decisions.reopen': method({
    input: z.object({ decisionId: Id, reason }).strict(),
    output: Decision,
    access: allow('decisions.settle'),
  }),
  /**
   * A required party that was missing answers a provisionally carried decision (at the next meeting or
   * in between): its deelnemer, or the secretary on its behalf. Akkoord (met voorbehoud) from every
   * missing party carries it; a bezwaar holds it.
   */
  'decisions.confirm': method({
    input: ConsentInput.safeExtend({ decisionId: Id, organisationId: Id }).strict(),
    output: Decision,
    access: allow('items.work'),
  }),
  'decisions.requiredParties.get': method({
    input: z.object({}).strict(),
    output: RequiredParties,
    // Not dossier data: the beheerder who sets it reads it, as does the table.
    access: allow('meetings.read'),
  }),
  'decisions.requiredParties.update': method({
    input: RequiredParties.strict(),
    output: RequiredParties,
    access: allow('administer'),
  }),
  'decisions.list': method({
    input: z.object({ dossierId: Id.optional(), meetingId: Id.optional() }).strict(),
    output: z.array(Decision),
    access: allow('items.work'),
  }),
  /**
   * The body's answer, when it comes back: at a meeting or in between (by the chair or the secretary).
   * The dossier loses its escalated flag when no other escalation is open.
   */
  'escalations.return': method({
    input: z
      .object({
        escalationId: Id,
        outcome: EscalationOutcome,
        answer: z.string().trim().min(1, 'required').max(4000, 'too_long'),
        answeredOn: IsoDate,
      })
      .strict(),
    output: Escalation,
    access: allow('decisions.write'),
  }),
  'escalations.list': method({
    input: z.object({ open: z.boolean().default(true) }).strict(),
    output: z.array(EscalationListItem),
    access: allow('items.work'),
  }),
  /** The bodies this city puts dossiers to, the first one the default. */
  'escalations.bodies': method({
    input: z.object({}).strict(),
    output: z.array(z.string()),
    access: allow('meetings.read'),
  }),
  'escalations.setBodies': method({
    input: z
      .object({ bodies: z.array(z.string().trim().min(1, 'required').max(120, 'too_long')).min(1).max(20) })
      .strict(),
    output: z.array(z.string()),
    access: allow('administer'),
  }),
  'outflow.record': method({
    input: OutflowRecordInput,
    output: DossierOutcome,
    access: allow('dossiers.outflow'),
  }),
  'outflow.reopen': method({
    input: z.object({ dossierId: Id, expectedVersion: z.number().int().min(1), reason }).strict(),
    output: DossierOutcome,
    access: allow('dossiers.outflow'),
  }),
} as const;
