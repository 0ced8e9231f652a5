import { Heading3, Link } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { MinutesSummary } from '../../../../shared/contract/minutes';
import { getApi } from '../../api';
import { useT } from '../../i18n';
import { useDates } from '../../i18n/dates';

/**
 * The agenda item "Vaststellen verslag vorige vergadering": the previous meeting's minutes, their
 * state, and the way to adopt them (the minutes screen, where adoption is one confirmed step).
 */
export function PreviousMinutes({ meetingDate }: { meetingDate: string }) {
  const t = useT();
  const dates = useDates();
  const [previous, setPrevious] = useState<MinutesSummary | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const api = getApi();
    api['minutes.list']({}).then(
      (list) => {
        const earlier = list
          .filter((m) => m.date < meetingDate && m.meetingState === 'afgerond')
          .sort((a, b) => b.date.localeCompare(a.date));
        if (live) setPrevious(earlier[0] ?? null);
      },
      () => {
        if (live) setPrevious(null);
      },
    );
    return () => {
      live = false;
    };
  }, [meetingDate]);
  if (previous === undefined) return null;
  return (
    <section className="item-section" aria-labelledby="previous-minutes-h">
      <Heading3 id="previous-minutes-h">{t('items.previousMinutes.title')}</Heading3>
      {previous ? (
        <p>
          {t('items.previousMinutes.state', {
            date: dates.date(previous.date),
            state: t(`minutes.state.${previous.state}`),
          })}{' '}
          <Link href={`#/verslagen/${previous.meetingId}`}>
            {previous.state === 'concept' || previous.state === 'correctieronde'
              ? t('items.previousMinutes.adopt')
              : t('items.previousMinutes.open')}
          </Link>
        </p>
      ) : (
        <p>{t('items.previousMinutes.none')}</p>
      )}
    </section>
  );
}
