import { z } from 'zod';
import { allow, method } from './define';
import { Action, actionsMethods } from './actions';
import { Decision, decisionsMethods, DossierOutcome, Escalation } from './decisions';
import { Id, Position, PositionDraft, PositionField, positionsMethods } from './positions';
import { Presence } from '../domain/consent';

/*
 * The work on one agenda item: every participating organisation's position next to its previous one,
 * the decision with consents, escalations and actions — in one call, so the panel opens at once.
 * `permissions` tells the UI what this user may do; the backend checks each write again regardless.
 */

export const ParticipantWork = z.object({
  organisationId: z.number().int(),
  organisationName: z.string(),
  presence: Presence,
  /** The position recorded at this item (latest version), or null when none yet. */
  current: Position.nullable(),
  /** The latest position from before this item (last meeting's), or null. */
  previous: Position.nullable(),
  /** Fields in which current differs from previous (empty when either is missing). */
  changed: z.array(PositionField),
  /** The latest version on record for this dossier and organisation (0 = none): the expected version. */
  latestVersion: z.number().int(),
  /** This user's unsaved draft for this organisation at this item, if any. */
  draft: PositionDraft.nullable(),
});
export type ParticipantWork = z.infer<typeof ParticipantWork>;

export const ItemWork = z.object({
  meeting: z.object({ id: z.number().int(), date: z.string(), state: z.string(), closed: z.boolean() }),
  item: z.object({
    id: z.number().int(),
    kind: z.string(),
    status: z.string(),
    title: z.string().nullable(),
  }),
  dossier: DossierOutcome.extend({ name: z.string() }).nullable(),
  participants: z.array(ParticipantWork),
  decision: Decision.nullable(),
  /** The dossier's provisionally carried decision awaiting a required party (issue 11), if any. */
  pendingConfirmation: Decision.nullable(),
  escalations: z.array(Escalation),
  actions: z.array(Action),
  organisations: z.array(z.object({ id: z.number().int(), name: z.string() })),
  escalationBody: z.string(),
  /** Every body this city puts dossiers to (the default first). */
  escalationBodies: z.array(z.string()),
  permissions: z.object({
    recordFor: z.array(z.number().int()),
    consentFor: z.array(z.number().int()),
    /** The missing required parties of `pendingConfirmation` this user may answer for. */
    confirmFor: z.array(z.number().int()),
    /** Write the decision text and direction: the chair or the secretary. */
    writeDecision: z.boolean(),
    /** Settle (carry, hold, escalate), reopen, return escalations: the chair only. */
    decide: z.boolean(),
    manageActions: z.boolean(),
    outflow: z.boolean(),
  }),
});
export type ItemWork = z.infer<typeof ItemWork>;

export const itemsMethods = {
  ...positionsMethods,
  ...decisionsMethods,
  ...actionsMethods,
  'items.work': method({
    input: z.object({ meetingId: Id, itemId: Id }).strict(),
    output: ItemWork,
    access: allow('items.work'),
  }),
} as const;
