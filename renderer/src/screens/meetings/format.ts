import type { AgendaReason } from '../../../../shared/domain/agenda';
import { outcomeLabels, type OutcomeCategory } from '../../../../shared/domain/dossier';
import { plural, type T } from '../../i18n';
import type { Dates } from '../../i18n/dates';

/** Why an item is on the agenda, in the UI's language ("doorgeschoven van 17 november 2026"). */
export function reasonText(r: AgendaReason, t: T, dates: Dates, orgName: (id: number) => string): string {
  switch (r.code) {
    case 'carried_over':
      return r.count > 1
        ? t('reason.carried_over.times', { date: dates.date(r.from), n: r.count })
        : t('reason.carried_over', { date: dates.date(r.from) });
    case 'held':
      return t('reason.held', { date: dates.date(r.on) });
    case 'confirmation_needed':
      return t('reason.confirmation_needed', { number: r.decisionNumber, date: dates.date(r.since) });
    case 'escalation_returned':
      return t('reason.escalation_returned', { date: dates.day(r.returnedAt) });
    case 'requested':
      return t(r.late ? 'reason.requested.late' : 'reason.requested', {
        org: orgName(r.organisationId),
        date: dates.day(r.requestedAt),
      });
    case 'target_passed':
      return t('reason.target_passed', { date: dates.date(r.targetDate) });
    case 'target_near':
      return t(plural(r.weeks, 'reason.target_near.one', 'reason.target_near.other'), {
        date: dates.date(r.targetDate),
        weeks: r.weeks,
      });
    case 'review_due':
      return t('reason.review_due', { date: dates.date(r.reviewDate) });
    case 'actions_due':
      return r.count === 1
        ? t('reason.actions_due', { date: dates.date(r.earliestDue) })
        : t('reason.actions_due.many', { n: r.count, date: dates.date(r.earliestDue) });
    case 'positions_changed':
      return t('reason.positions_changed', { orgs: r.organisationIds.map(orgName).join(', ') });
    case 'new_referral':
      return t('reason.new_referral', { date: dates.date(r.referredAt) });
    case 'left_since':
      return r.dossiers.length === 0
        ? t('reason.left_since.none', { date: dates.date(r.since) })
        : r.dossiers
            .map((d) =>
              t('reason.left_since.one', {
                label: d.label,
                outcome:
                  d.outcome && Object.hasOwn(outcomeLabels, d.outcome)
                    ? outcomeLabels[d.outcome as OutcomeCategory]
                    : t('reason.left_since.unknown'),
                date: dates.date(d.date),
              }),
            )
            .join('; ');
  }
}

/** "10:00" + 95 → "11:35". */
export function addMinutes(time: string, minutes: number): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = (h * 60 + m + minutes) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
