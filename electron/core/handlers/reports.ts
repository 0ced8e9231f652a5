import type { Handlers } from '../../../shared/contract/index';
import type { CoreContext } from '../context';
import { monitoringReport } from '../reports/compute';
import { exportReports } from '../reports/export';

export function reportHandlers(ctx: CoreContext): Pick<Handlers, 'reports.monitoring' | 'reports.export'> {
  return {
    'reports.monitoring': (input) => monitoringReport(ctx.vault.database(), input, ctx.today()),
    'reports.export': (input) => exportReports(ctx.vault.database(), input, ctx.today()),
  };
}
