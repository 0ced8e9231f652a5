import type { DossierBrief } from '../../../../shared/contract/meetings';
import { useT } from '../../i18n';
import { useDates } from '../../i18n/dates';
import { useLabels } from '../../i18n/domain';

/**
 * The dossier's summary at the table (status, track, dates, begeleidende ngo, regievoerder, casemanager, the person's own wish, last contact, flags): in the chair's
 * meeting mode and on the participants' pages, from the brief the backend gives the caller's role.
 */
export function DossierSummary({ dossier }: { dossier: DossierBrief }) {
  const t = useT();
  const dates = useDates();
  const labels = useLabels();
  return (
    <dl className="mode-summary">
      <dt>{t('mode.summary.status')}</dt>
      <dd>{labels.dossierStatus[dossier.status]}</dd>
      <dt>{t('mode.summary.track')}</dt>
      <dd>{labels.track[dossier.track]}</dd>
      <dt>{t('mode.summary.target')}</dt>
      <dd>{dossier.targetDate ? dates.date(dossier.targetDate) : '—'}</dd>
      <dt>{t('mode.summary.review')}</dt>
      <dd>{dossier.reviewDate ? dates.date(dossier.reviewDate) : '—'}</dd>
      <dt>{t('mode.summary.leadNgo')}</dt>
      <dd>{dossier.leadNgo ?? '—'}</dd>
      <dt>{t('mode.summary.regievoerder')}</dt>
      <dd>{dossier.regievoerder ?? '—'}</dd>
      <dt>{t('mode.summary.casemanager')}</dt>
      <dd>{dossier.casemanager ?? '—'}</dd>
      <dt>{t('mode.summary.clientWish')}</dt>
      <dd>
        {dossier.clientWish ? labels.clientWish[dossier.clientWish] : '—'}
        {dossier.clientWishText ? ` — ${dossier.clientWishText}` : ''}
      </dd>
      <dt>{t('mode.summary.futureTalk')}</dt>
      <dd>
        {dossier.futureTalkDate ? dates.date(dossier.futureTalkDate) : t('mode.summary.futureTalk.none')}
      </dd>
      <dt>{t('mode.summary.lastContact')}</dt>
      <dd>{dossier.lastContactDate ? dates.date(dossier.lastContactDate) : '—'}</dd>
      <dt>{t('mode.summary.flags')}</dt>
      <dd>
        {[
          dossier.stuck ? t('mode.flag.stuck', { reason: dossier.stuckReason ?? '' }) : null,
          dossier.onHold ? t('mode.flag.onHold') : null,
          dossier.vulnerable ? t('mode.flag.vulnerable') : null,
        ]
          .filter(Boolean)
          .join(', ') || t('mode.flag.none')}
      </dd>
    </dl>
  );
}
