import {
  Heading1,
  Link,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { MinutesSummary } from '../../../../shared/contract/minutes';
import { minutesStatus } from './status';
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
      <Heading1>{t('minutes.title')}</Heading1>
      <p>{t('minutes.intro')}</p>
      <p>
        <Link href="#/verslag-controleren">{t('minutes.toVerify')}</Link>
      </p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {rows === null && !error ? <p>{t('common.loading')}</p> : null}
      {rows?.length === 0 ? <p>{t('minutes.none')}</p> : null}
      {rows && rows.length > 0 ? (
        <Table>
          <TableCaption>{t('minutes.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('minutes.col.date')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('minutes.col.place')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('minutes.col.version')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('minutes.col.state')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('minutes.col.signatures')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.meetingId}>
                <TableCell>
                  <Link
                    href={`#/verslagen/${r.meetingId}`}
                    aria-label={t('minutes.open', { date: dates.date(r.date) })}
                  >
                    {dates.date(r.date)}
                  </Link>
                </TableCell>
                <TableCell>{r.place || '—'}</TableCell>
                <TableCell>{r.version}</TableCell>
                <TableCell>
                  <StatusBadge status={minutesStatus[r.state]}>{t(`minutes.state.${r.state}`)}</StatusBadge>
                </TableCell>
                <TableCell>{r.signatures} / 2</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </main>
  );
}
