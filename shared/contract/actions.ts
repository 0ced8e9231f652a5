import { z } from 'zod';
import { allow, method } from './define';
import { Id, optionalText } from './positions';
import { ActionStatus } from '../domain/agenda';
import { IsoDate } from '../domain/dates';

/*
 * Actions (actiepunten): what, which organisation, optionally who, by when; linked to the dossier and
 * the decision of the agenda item they were agreed at. Reviewed at a later meeting:
 * - gedaan (done);
 * - uitgesteld (postponed): a new, later due date and a reason; the action stays 'open' and its
 *   postponement count goes up;
 * - vervallen (circumstances changed) or niet_gedaan (not undertaken), each with a reason.
 */

export const ActionReviewOutcome = z.enum(['gedaan', 'uitgesteld', 'vervallen', 'niet_gedaan']);
export type ActionReviewOutcome = z.infer<typeof ActionReviewOutcome>;

export const Action = z.object({
  id: z.number().int(),
  dossierId: z.number().int().nullable(),
  /** "D-2026-0003 (C.X.)": number and initials, so the overview never needs the name. */
  dossierLabel: z.string().nullable(),
  decisionId: z.number().int().nullable(),
  decisionNumber: z.string().nullable(),
  meetingId: z.number().int().nullable(),
  what: z.string(),
  organisationId: z.number().int(),
  organisationName: z.string(),
  person: z.string().nullable(),
  dueDate: z.string(),
  status: ActionStatus,
  postponements: z.number().int(),
  reason: z.string().nullable(),
  reviewedIn: z.number().int().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  /** Open and past its due date (relative to today in Amsterdam). */
  overdue: z.boolean(),
});
export type Action = z.infer<typeof Action>;

export const ActionCreateInput = z
  .object({
    /** The agenda item it was agreed at: gives the dossier and the meeting. */
    itemId: Id,
    decisionId: Id.nullish().transform((d) => d ?? null),
    what: z.string().trim().min(1, 'required').max(1000, 'too_long'),
    organisationId: Id,
    person: optionalText(120),
    dueDate: IsoDate,
  })
  .strict();
export type ActionCreateInput = z.input<typeof ActionCreateInput>;

export const ActionReviewInput = z
  .object({
    actionId: Id,
    expectedVersion: z.number().int().min(1),
    outcome: ActionReviewOutcome,
    newDueDate: IsoDate.nullish().transform((d) => d ?? null),
    reason: optionalText(1000),
    /** The meeting in which it was reviewed, when reviewed at the table. */
    meetingId: Id.nullish().transform((m) => m ?? null),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.outcome !== 'gedaan' && !a.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'action_reason_required' });
    if (a.outcome === 'uitgesteld' && !a.newDueDate)
      ctx.addIssue({ code: 'custom', path: ['newDueDate'], message: 'new_due_date_required' });
  });
export type ActionReviewInput = z.input<typeof ActionReviewInput>;

export const ActionFilter = z.enum(['open', 'overdue', 'all']);
export type ActionFilter = z.infer<typeof ActionFilter>;

export const actionsMethods = {
  'actions.create': method({
    input: ActionCreateInput,
    output: Action,
    access: allow('actions.manage'),
  }),
  'actions.review': method({
    input: ActionReviewInput,
    output: Action,
    access: allow('actions.manage'),
  }),
  'actions.list': method({
    input: z
      .object({
        filter: ActionFilter.default('open'),
        dossierId: Id.optional(),
        /** Defaults to the caller's organisation; others' lists are for the chair and secretary. */
        organisationId: Id.optional(),
      })
      .strict(),
    output: z.object({ organisationId: z.number().int(), actions: z.array(Action) }),
    access: allow('items.work'),
  }),
} as const;
