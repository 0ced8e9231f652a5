import { recordColumns, type RecordExportInput, type ReportFile } from '../../../shared/contract/reports';
import { outcomeIncomplete, type DossierStatus } from '../../../shared/domain/dossier';
import type { Db } from '../db/open';
import { toCsv, type Cell, type ReportTable } from './csv';
import { periodRecords } from './repo';
import { tableXlsx } from './xlsx';

/*
 * The record-level export keyed by V-nummer (beheerder only; the handler audits it): one row per
 * dossier in the period's population, with the outcome's codes, so the table's outcomes can be
 * linked to IND and DT&V registrations. The columns are recordColumns, in that order.
 */

export interface RecordExport {
  file: ReportFile;
  /** The dossiers exported, for the audit entry (ids only). */
  ids: number[];
}

export async function exportRecords(db: Db, input: Required<RecordExportInput>): Promise<RecordExport> {
  const rows = periodRecords(db, input);
  const table: ReportTable = {
    header: [...recordColumns],
    rows: rows.map((r): Cell[] => [
      r.v_number ?? '',
      r.number,
      r.track,
      r.status,
      r.referred_at.slice(0, 10),
      r.intake_date,
      r.outcome,
      r.outcome === 'VERBLIJFSVERGUNNING' ? r.outcome_ground : r.outcome_subkind,
      r.outcome_country,
      r.outcome === 'MOB' ? r.outcome_reason : null,
      r.ended_by,
      r.outflow_date,
      r.gone,
      outcomeIncomplete({
        status: r.status as DossierStatus,
        outcome: r.outcome,
        outcomeSubkind: r.outcome_subkind,
        permitGround: r.outcome_ground,
        endedBy: r.ended_by,
        outflowDate: r.outflow_date,
      })
        ? 1
        : 0,
    ]),
  };
  const track = input.track === 'alle' ? '' : `-${input.track}`;
  const fileName = `dossiers-v-nummer-${input.from}-${input.to}${track}.${input.format}`;
  const bytes =
    input.format === 'csv' ? Buffer.from(toCsv(table), 'utf8') : await tableXlsx('dossiers', table);
  return {
    file: {
      fileName,
      mimeType:
        input.format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: bytes.toString('base64'),
    },
    ids: rows.map((r) => r.id),
  };
}
