import crypto from 'node:crypto';
import type { ImportMode, ImportReport } from '../../../shared/contract/register-import';
import {
  planImport,
  recogniseColumns,
  type ColumnMapping,
  type PlannedRow,
} from '../../../shared/domain/register-import';
import type { Session } from '../../../shared/domain/roles';
import type { AuditFacts } from '../context';
import type { Db } from '../db/open';
import { createDossiers } from '../dossiers/import';
import type { Grid } from './read';
import { insertImportRecord, vNumbersInRegister } from './repo';

/*
 * The import itself, on a file already read into lines (read.ts): the plan (every row checked), the
 * report, and the commit, which the handler runs inside writeAudited so the dossiers, their timelines,
 * the import record and the one audit record are stored together or not at all.
 */

export interface ImportSource {
  fileName: string;
  bytes: Buffer;
  grid: Grid;
  /** The caller's mapping; the recognised one when absent. */
  mapping: ColumnMapping | undefined;
}

function mappingFor(src: ImportSource): { mapping: ColumnMapping; recognised: ColumnMapping } {
  const recognised = recogniseColumns(src.grid.headers);
  return { recognised, mapping: src.mapping ?? recognised };
}

function report(
  src: ImportSource,
  maps: { mapping: ColumnMapping; recognised: ColumnMapping },
  planned: readonly PlannedRow[],
  extra: Pick<ImportReport, 'mode' | 'outcome' | 'imported'>,
  numbers: ReadonlyMap<number, string> = new Map(),
): ImportReport {
  const count = (s: PlannedRow['status']) => planned.filter((r) => r.status === s).length;
  return {
    fileName: src.fileName,
    format: src.grid.format,
    sheet: src.grid.sheet,
    headers: src.grid.headers,
    ...maps,
    rows: planned.map((r) => ({
      line: r.line,
      status: r.status,
      cells: r.cells,
      issues: r.issues,
      number: numbers.get(r.line) ?? null,
    })),
    counts: { rows: planned.length, ok: count('ok'), refused: count('refused'), empty: count('empty') },
    ...extra,
  };
}

/** What would happen; writes nothing. */
export function previewImport(db: Db, src: ImportSource, today: string): ImportReport {
  const maps = mappingFor(src);
  const planned = planImport(src.grid.rows, maps.mapping, vNumbersInRegister(db), today);
  return report(src, maps, planned, { mode: null, outcome: 'preview', imported: 0 });
}

/**
 * Checks again (the register may have changed since the preview) and writes. Under all-or-nothing a
 * single refused row means nothing is written; with `geweigerde_overslaan` the refused rows are left
 * out. Nothing to write means no audit record either.
 */
export function runImport(
  db: Db,
  s: Session,
  src: ImportSource,
  mode: ImportMode,
  today: string,
  at: string,
): { result: ImportReport; audit: AuditFacts[] } {
  const maps = mappingFor(src);
  const planned = planImport(src.grid.rows, maps.mapping, vNumbersInRegister(db), today);
  const ok = planned.filter((r) => r.status === 'ok');
  const refused = planned.filter((r) => r.status === 'refused').length;
  if (ok.length === 0 || (refused > 0 && mode === 'alles_of_niets')) {
    return {
      result: report(src, maps, planned, { mode, outcome: 'nothing_imported', imported: 0 }),
      audit: [],
    };
  }
  const created = createDossiers(
    db,
    s,
    ok.map((r) => r.fields!),
    today,
    at,
  );
  const importId = insertImportRecord(db, {
    at,
    userId: s.userId,
    fileName: src.fileName,
    fileSha256: crypto.createHash('sha256').update(src.bytes).digest('hex'),
    format: src.grid.format,
    mode,
    rowsTotal: planned.length,
    imported: created.length,
    refused,
    empty: planned.length - ok.length - refused,
    firstDossierId: created[0]?.id ?? null,
    lastDossierId: created.at(-1)?.id ?? null,
  });
  const numbers = new Map(ok.map((r, i) => [r.line, created[i]!.number]));
  return {
    result: report(src, maps, planned, { mode, outcome: 'imported', imported: created.length }, numbers),
    audit: [{ action: 'dossier.import', entity: 'dossier_imports', ids: [importId] }],
  };
}
