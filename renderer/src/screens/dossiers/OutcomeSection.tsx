import type { ReactNode } from 'react';
import type { Dossier, Episode } from '../../../../shared/contract/dossiers';
import type { MobReason, PermitGround } from '../../../../shared/domain/dossier';
import { useT } from '../../i18n';
import { useDates } from '../../i18n/dates';
import { countryLabel, useLabels, type DomainLabels } from '../../i18n/domain';
import { useLocale } from '../../i18n/index';

/** Category with its sub-kind, as the reports count it: "met onbekende bestemming vertrokken: vertrek zonder toezicht". */
export function outcomeText(
  labels: DomainLabels,
  o: { outcome: Dossier['outcome']; outcomeSubkind: string | null },
): string {
  if (!o.outcome) return '—';
  const subkinds: Record<string, string> = labels.outcomeSubkinds[o.outcome];
  const sub = o.outcomeSubkind ? subkinds[o.outcomeSubkind] : undefined;
  return sub ? `${labels.outcome[o.outcome]}: ${sub}` : labels.outcome[o.outcome];
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * The dossier's outcome, with the "onvolledig" marker when it lacks what the reports count, and its
 * earlier episodes (outcomes before a reopen). Nothing is shown for a dossier that never left.
 */
export function OutcomeSection({ dossier: d, episodes }: { dossier: Dossier; episodes: Episode[] }) {
  const t = useT();
  const labels = useLabels();
  const dates = useDates();
  const locale = useLocale((s) => s.locale);
  const left = d.status === 'uitgestroomd' || d.status === 'gesloten';
  if (!left && episodes.length === 0) return null;
  const show = (date: string | null) => (date ? dates.date(date) : '—');
  return (
    <section aria-labelledby="outcome-h" className="dossier-section">
      <h2 id="outcome-h">
        {t('dossiers.outcome.h')}
        {d.outcomeIncomplete ? <span className="flag"> {t('dossiers.outcome.incomplete')}</span> : null}
      </h2>
      {d.outcomeIncomplete ? <p>{t('dossiers.outcome.incomplete.help')}</p> : null}
      {left ? (
        <dl className="facts">
          <Fact label={t('dossiers.outcome.category')}>{outcomeText(labels, d)}</Fact>
          <Fact label={t('dossiers.outcome.date')}>{show(d.outflowDate)}</Fact>
          <Fact label={t('dossiers.outcome.endedBy')}>{d.endedBy ? labels.endedBy[d.endedBy] : '—'}</Fact>
          {d.outcome === 'VERBLIJFSVERGUNNING' ? (
            <Fact label={t('dossiers.outcome.permitGround')}>
              {d.permitGround ? labels.permitGround[d.permitGround as PermitGround] : '—'}
            </Fact>
          ) : null}
          {d.outcome === 'MOB' && d.mobReason ? (
            <Fact label={t('dossiers.outcome.mobReason')}>{labels.mobReason[d.mobReason as MobReason]}</Fact>
          ) : null}
          {d.country ? (
            <Fact label={t('dossiers.outcome.country')}>{countryLabel(d.country, locale)}</Fact>
          ) : null}
          {d.outcomeDetail ? <Fact label={t('dossiers.outcome.detail')}>{d.outcomeDetail}</Fact> : null}
        </dl>
      ) : null}
      {episodes.length ? (
        <>
          <h3>{t('dossiers.episodes.h')}</h3>
          <ol>
            {episodes.map((e) => (
              <li key={e.id}>
                {t('dossiers.episodes.item', {
                  outcome: outcomeText(labels, e),
                  date: show(e.outflowDate),
                  reopened: dates.date(e.reopenedAt.slice(0, 10)),
                  reason: e.reopenReason,
                })}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
