import { useEffect, useState } from 'react';
import type { MinutesSummary } from '../../../../shared/contract/minutes';
import { getApi } from '../../api';
import { Notice } from '../../components/forms';
import { errorText } from '../../errors';
import { useT } from '../../i18n';
import { useDates } from '../../i18n/dates';

export function MinutesList() {
  const t = useT();
  const dates = useDates();
  const [rows, setRows] = useState<MinutesSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const api = getApi();
    api['minutes.list']({})
      .then(setRows)
      .catch((e: unknown) => setError(errorText(e, t)));
  }, [t]);

  return (
    <main id="main" tabIndex={-1}>
      <h1>{t('minutes.title')}</h1>
      <p>{t('minutes.intro')}</p>
      <p>
        <a href="#/verslag-controleren">{t('minutes.toVerify')}</a>
      </p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {rows === null && !error ? <p>{t('common.loading')}</p> : null}
      {rows?.length === 0 ? <p>{t('minutes.none')}</p> : null}
      {rows && rows.length > 0 ? (
        <table className="table">
          <caption>{t('minutes.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('minutes.col.date')}</th>
              <th scope="col">{t('minutes.col.place')}</th>
              <th scope="col">{t('minutes.col.version')}</th>
              <th scope="col">{t('minutes.col.state')}</th>
              <th scope="col">{t('minutes.col.signatures')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.meetingId}>
                <td>
                  <a
                    href={`#/verslagen/${r.meetingId}`}
                    aria-label={t('minutes.open', { date: dates.date(r.date) })}
                  >
                    {dates.date(r.date)}
                  </a>
                </td>
                <td>{r.place || '—'}</td>
                <td>{r.version}</td>
                <td>
                  <span className={`minutes-state minutes-state-${r.state}`}>
                    {t(`minutes.state.${r.state}`)}
                  </span>
                </td>
                <td>{r.signatures} / 2</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </main>
  );
}
