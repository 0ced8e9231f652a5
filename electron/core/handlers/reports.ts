import type { Handlers } from '../../../shared/contract/index';
import { requireSession, writeAudited, type CoreContext } from '../context';
import { monitoringReport } from '../reports/compute';
import { exportReports } from '../reports/export';
import { exportRecords } from '../reports/records';

export function reportHandlers(
  ctx: CoreContext,
): Pick<Handlers, 'reports.monitoring' | 'reports.export' | 'reports.records'> {
  return {
    'reports.monitoring': (input) => monitoringReport(ctx.vault.database(), input, ctx.today()),
    'reports.export': (input) => exportReports(ctx.vault.database(), input, ctx.today()),
    'reports.records': async (input, { session }) => {
      const { file, ids } = await exportRecords(ctx.vault.database(), input);
      // V-nummers leave the system: one audit entry per export, holding the period and track (the
      // audit's entity; no free text) and the dossiers exported, whose number is the count.
      writeAudited(ctx, requireSession(session), () => ({
        result: null,
        audit: {
          action: 'reports.records.export',
          entity: `dossiers:${input.from}/${input.to}/${input.track}`,
          ids,
        },
      }));
      return { ...file, count: ids.length };
    },
  };
}
