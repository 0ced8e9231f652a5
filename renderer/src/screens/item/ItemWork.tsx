import { Heading2, Heading3, StatusBadge } from '@utrecht/component-library-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemWork as ItemWorkData } from '../../../../shared/contract/items';
import { getApi } from '../../api';
import { Notice } from '../../components/forms';
import { useLocale, useT } from '../../i18n';
import { useCan } from '../../state/session';
import { ActionsPanel } from './ActionsPanel';
import { ItemNote } from './ItemNote';
import { PreviousMinutes } from './PreviousMinutes';
import { DecisionPanel } from './DecisionPanel';
import { EscalationsPanel } from './EscalationsPanel';
import { OutflowPanel } from './OutflowPanel';
import { PositionRow } from './PositionRow';
import { useItemShortcuts } from './shortcuts';
import { formatDate } from '../../i18n/dates';
import { useAgendaLabel, useLabels } from '../../i18n/domain';
import { errorText } from '../../errors';

/**
 * The work on one agenda item — every participant's position next to last time's, the decision with
 * consents, escalations, actions and outflow — recordable without a mouse (see shortcuts.ts).
 */
export function ItemWork({
  meetingId,
  itemId,
  onChanged,
  refreshKey = 0,
}: {
  meetingId: number;
  itemId: number;
  /** Bumped when someone else changed the item (a participant's page in the meeting room): reload in place. */
  refreshKey?: number;
  /** Told after every reload that follows a write, so a surrounding screen (meeting mode) can refresh. */
  onChanged?: () => void;
}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const labels = useLabels();
  const agendaLabel = useAgendaLabel();
  const root = useRef<HTMLElement>(null);
  // The notulist (and the chair) write the notes the minutes print.
  const mayNote = useCan('meetings.manage');
  const [work, setWork] = useState<ItemWorkData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useItemShortcuts(root);

  const load = useCallback(async () => {
    try {
      setWork(await getApi()['items.work']({ meetingId, itemId }));
      setError(null);
    } catch (e) {
      setError(errorText(e, t));
    }
  }, [meetingId, itemId, t]);
  useEffect(() => {
    setWork(null);
    void load();
  }, [load]);
  // In place, keeping the forms (and what is being typed in them): only the data under them changes.
  useEffect(() => {
    if (refreshKey) void load();
  }, [refreshKey, load]);
  // The panels reload after each write; settling a decision also changes the item's outcome and the
  // dossier (review date, timeline) that the surrounding screen shows.
  const reload = useCallback(async () => {
    await load();
    onChanged?.();
  }, [load, onChanged]);

  if (!work) return error ? <Notice kind="error">{error}</Notice> : <p role="status">{t('items.loading')}</p>;
  const d = work.dossier;

  return (
    // Keyed by item: moving to another item starts with fresh forms (and flushes the drafts of this one).
    <section className="item-work" aria-labelledby="item-work-h" ref={root} key={itemId}>
      <Heading2 id="item-work-h">
        {d
          ? t('items.title', { label: `${d.number} ${d.name}` })
          : work.item.title
            ? agendaLabel({ kind: work.item.kind, label: work.item.title })
            : t('items.titleTopic')}
        {d?.escalated ? (
          <>
            {' '}
            <StatusBadge status="warning" className="flag">
              {t('items.escalatedFlag')}
            </StatusBadge>
          </>
        ) : null}
      </Heading2>
      <p className="help">
        {t('items.meeting', { date: formatDate(work.meeting.date, locale) })}
        {d
          ? ` · ${t('items.status', { status: labels.dossierStatus[d.status], track: labels.track[d.track] })}`
          : ''}
      </p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {work.meeting.closed ? <Notice kind="info">{t('items.closed')}</Notice> : null}
      <details className="shortcuts">
        <summary>{t('items.keys.title')}</summary>
        <dl>
          <dt>
            <kbd>Alt+1</kbd>…<kbd>Alt+9</kbd>
          </dt>
          <dd>{t('items.keys.org')}</dd>
          <dt>
            <kbd>Ctrl+Enter</kbd>
          </dt>
          <dd>{t('items.keys.save')}</dd>
          <dt>
            <kbd>Alt+B</kbd>
          </dt>
          <dd>{t('items.keys.decision')}</dd>
          <dt>
            <kbd>Alt+I</kbd>
          </dt>
          <dd>{t('items.keys.consent')}</dd>
          <dt>
            <kbd>Alt+S</kbd>
          </dt>
          <dd>{t('items.keys.settle')}</dd>
          <dt>
            <kbd>Alt+A</kbd>
          </dt>
          <dd>{t('items.keys.action')}</dd>
          <dt>
            <kbd>Alt+U</kbd>
          </dt>
          <dd>{t('items.keys.outflow')}</dd>
        </dl>
      </details>
      {!d ? (
        <>
          <p>{t('items.notDossier')}</p>
          {work.item.kind === 'verslag' ? <PreviousMinutes meetingDate={work.meeting.date} /> : null}
          {mayNote ? <ItemNote meetingId={meetingId} itemId={itemId} dossier={false} /> : null}
        </>
      ) : (
        // On a wide screen (container ≥ 84rem) two columns: the positions side by side on the left, the
        // decision and what follows from it on the right, sticky, so the chair never scrolls it away.
        <div className="item-layout">
          <section className="item-section item-positions" aria-labelledby="positions-h">
            <Heading3 id="positions-h">{t('positions.title')}</Heading3>
            {work.participants.length === 0 ? <p>{t('positions.none')}</p> : null}
            {work.participants.map((p, i) => (
              <PositionRow
                key={p.organisationId}
                row={p}
                index={i + 1}
                itemId={itemId}
                canRecord={work.permissions.recordFor.includes(p.organisationId)}
                closed={work.meeting.closed}
                onRecorded={reload}
              />
            ))}
          </section>
          <div className="item-aside">
            {mayNote ? <ItemNote meetingId={meetingId} itemId={itemId} dossier /> : null}
            <DecisionPanel work={work} reload={reload} />
            {work.escalations.length ? <EscalationsPanel work={work} reload={reload} /> : null}
            <ActionsPanel work={work} reload={reload} />
            {work.permissions.outflow ? <OutflowPanel work={work} reload={reload} /> : null}
          </div>
        </div>
      )}
    </section>
  );
}
