import type { Handlers } from '../../../shared/contract/index';
import type { CoreContext } from '../context';
import { monitoringReport } from '../reports/compute';

export function reportHandlers(ctx: CoreContext): Pick<Handlers, 'reports.monitoring'> {
  return {
    'reports.monitoring': (input) => monitoringReport(ctx.vault.database(), input, ctx.today()),
  };
}
