import { z } from 'zod';
import { importFields, importReasons, type ImportField } from '../domain/register-import';
import { allow, method } from './define';

/*
 * Importing an existing register (CSV or XLSX). The file crosses the boundary as base64, like the
 * other uploads, and is read and checked in the backend. `preview` writes nothing; `run` checks the
 * same way and then writes every importable row in one transaction, with one audit record: all or
 * nothing, unless the caller chose to skip the refused rows. For those who may write dossiers.
 */

/** An exported register of several thousand dossiers is well under 1 MB; ten is generous. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export const ImportFile = z
  .object({
    name: z.string().trim().min(1).max(255),
    base64: z
      .string()
      .min(1, 'file_empty')
      .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, 'file_too_large')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not_base64'),
  })
  .strict();

const Column = z.number().int().min(0).max(999).nullable();

/** Column per field; a column may serve one field only. */
export const ColumnMappingSchema = z
  .object(Object.fromEntries(importFields.map((f) => [f, Column])) as Record<ImportField, typeof Column>)
  .strict()
  .superRefine((m, ctx) => {
    const seen = new Set<number>();
    for (const f of importFields) {
      const c = m[f];
      if (c === null) continue;
      if (seen.has(c)) ctx.addIssue({ code: 'custom', path: [f], message: 'mapping_twice' });
      seen.add(c);
    }
  });

export const ImportMode = z.enum(['alles_of_niets', 'geweigerde_overslaan']);
export type ImportMode = z.infer<typeof ImportMode>;

const Cells = z.object(
  Object.fromEntries(importFields.map((f) => [f, z.string()])) as Record<ImportField, z.ZodString>,
);

export const ImportIssueSchema = z.object({
  field: z.enum(importFields),
  code: z.enum(importReasons),
  line: z.number().int().optional(),
  number: z.string().optional(),
});

export const ImportRowReport = z.object({
  line: z.number().int(),
  status: z.enum(['ok', 'refused', 'empty']),
  cells: Cells,
  issues: z.array(ImportIssueSchema),
  /** The dossier number given, once imported. */
  number: z.string().nullable(),
});
export type ImportRowReport = z.infer<typeof ImportRowReport>;

export const ImportReport = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  sheet: z.string().nullable(),
  headers: z.array(z.string()),
  /** The mapping used, and what automatic recognition of the headers proposed. */
  mapping: ColumnMappingSchema,
  recognised: ColumnMappingSchema,
  rows: z.array(ImportRowReport),
  counts: z.object({
    rows: z.number().int(),
    ok: z.number().int(),
    refused: z.number().int(),
    empty: z.number().int(),
  }),
  /** null for a preview. */
  mode: ImportMode.nullable(),
  /**
   * preview: nothing written; imported: `imported` dossiers created; nothing_imported: a run that
   * wrote nothing (a refused row under all-or-nothing, or no importable row).
   */
  outcome: z.enum(['preview', 'imported', 'nothing_imported']),
  imported: z.number().int(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const registerImportMethods = {
  'dossiers.import.preview': method({
    input: z.object({ file: ImportFile, mapping: ColumnMappingSchema.optional() }).strict(),
    output: ImportReport,
    access: allow('dossiers.write'),
  }),
  'dossiers.import.run': method({
    input: z.object({ file: ImportFile, mapping: ColumnMappingSchema.optional(), mode: ImportMode }).strict(),
    output: ImportReport,
    access: allow('dossiers.write'),
  }),
} as const;
