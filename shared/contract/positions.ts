import { z } from 'zod';
import { allow, method } from './define';
import { PositionDirection } from '../domain/consent';

/*
 * Positions (standpunten): one versioned record per dossier and organisation. Every record is a new
 * version; `expectedVersion` is the latest version the caller saw (0 when there is none), so a stale
 * write is refused with CONFLICT instead of silently replacing someone else's newer version.
 * Who may write for which organisation is checked by the handler (FORBIDDEN), not by role alone.
 */

export const Id = z.number().int().positive();

/** Free text with a cap; trimmed; its too-long issue carries the stable code 'too_long'. */
export const boundedText = (max: number) => z.string().trim().max(max, 'too_long');
export const optionalText = (max: number) =>
  boundedText(max)
    .nullish()
    .transform((s) => (s ? s : null));

const positionShape = {
  direction: PositionDirection,
  reasoning: boundedText(4000).default(''),
  information: boundedText(4000).default(''),
  conditions: boundedText(4000).default(''),
  /** "Informatie niet gedeeld": the organisation withholds something; the reason is then required. */
  withheld: z.boolean().default(false),
  withheldReason: optionalText(1000),
};

export const PositionRecordInput = z
  .object({
    itemId: Id,
    organisationId: Id,
    expectedVersion: z.number().int().min(0),
    ...positionShape,
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.withheld && !p.withheldReason)
      ctx.addIssue({ code: 'custom', path: ['withheldReason'], message: 'withheld_reason_required' });
  });
export type PositionRecordInput = z.input<typeof PositionRecordInput>;

export const PositionField = z.enum(['direction', 'reasoning', 'information', 'conditions', 'withheld']);
export type PositionField = z.infer<typeof PositionField>;

export const Position = z.object({
  id: z.number().int(),
  dossierId: z.number().int(),
  agendaItemId: z.number().int().nullable(),
  organisationId: z.number().int(),
  organisationName: z.string(),
  version: z.number().int(),
  direction: PositionDirection,
  reasoning: z.string(),
  information: z.string(),
  conditions: z.string(),
  withheld: z.boolean(),
  withheldReason: z.string().nullable(),
  recordedById: z.number().int(),
  recordedByName: z.string(),
  /** Recorded by the secretary for this organisation ("vastgelegd door notulist namens IND"). */
  onBehalf: z.boolean(),
  recordedAt: z.string(),
});
export type Position = z.infer<typeof Position>;

/** What was typed so far; lenient on purpose (a half-typed form is a valid draft). */
export const PositionDraftFields = z
  .object({
    direction: PositionDirection.nullable(),
    reasoning: z.string().max(4000),
    information: z.string().max(4000),
    conditions: z.string().max(4000),
    withheld: z.boolean(),
    withheldReason: z.string().max(1000),
  })
  .strict();
export type PositionDraftFields = z.infer<typeof PositionDraftFields>;

export const PositionDraft = z.object({
  organisationId: z.number().int(),
  /** The latest version when the draft was started; a newer one means someone recorded meanwhile. */
  baseVersion: z.number().int(),
  fields: PositionDraftFields,
  savedAt: z.string(),
});
export type PositionDraft = z.infer<typeof PositionDraft>;

const DraftKey = { itemId: Id, organisationId: Id };

export const positionsMethods = {
  'positions.record': method({
    input: PositionRecordInput,
    output: Position,
    access: allow('items.work'),
  }),
  'positions.history': method({
    input: z.object({ dossierId: Id, organisationId: Id.optional() }).strict(),
    output: z.array(Position),
    access: allow('items.work'),
  }),
  'positions.saveDraft': method({
    input: z
      .object({ ...DraftKey, baseVersion: z.number().int().min(0), fields: PositionDraftFields })
      .strict(),
    output: z.object({ savedAt: z.string() }),
    access: allow('items.work'),
  }),
  'positions.discardDraft': method({
    input: z.object(DraftKey).strict(),
    output: z.object({ done: z.literal(true) }),
    access: allow('items.work'),
  }),
} as const;
