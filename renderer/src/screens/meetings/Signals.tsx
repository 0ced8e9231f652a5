import { StatusBadge } from '@utrecht/component-library-react';
import type { AgendaSignal } from '../../../../shared/domain/agenda';
import { useT, type T } from '../../i18n';
import { useDates, type Dates } from '../../i18n/dates';

/** A signal in the UI's language ("geen contact sinds 6 weken (12 oktober 2026)"). */
export function signalText(s: AgendaSignal, t: T, dates: Dates): string {
  switch (s.code) {
    case 'vastgelopen':
      return t('signal.vastgelopen');
    case 'geescaleerd':
      return t('signal.geescaleerd');
    case 'medische_belemmering':
      return t('signal.medische_belemmering');
    case 'geen_contact':
      return t('signal.geen_contact', { weeks: s.weeks, date: dates.date(s.since) });
  }
}

/**
 * The signals of an agenda item's dossier, as NL Design System status badges: what the table should
 * see at a glance beside why the item is there (issue 11). A list with a name, so a screen reader
 * hears "Signalen, lijst, 2 items".
 */
export function Signals({ signals }: { signals: readonly AgendaSignal[] }) {
  const t = useT();
  const dates = useDates();
  if (signals.length === 0) return null;
  return (
    <ul className="signal-list" aria-label={t('signal.list')}>
      {signals.map((s) => (
        <li key={s.code}>
          <StatusBadge status={s.code === 'geen_contact' ? 'danger' : 'warning'}>
            {signalText(s, t, dates)}
          </StatusBadge>
        </li>
      ))}
    </ul>
  );
}
