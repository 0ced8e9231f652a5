import {
  Heading1,
  Heading2,
  Heading3,
  Link,
  Button as UtrechtButton,
} from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ItemDetail, MeetingDetail, ProjectorControl } from '../../../../shared/contract/meetings';
import { agendaItemStatuses, type AgendaItemStatus } from '../../../../shared/domain/agenda';
import type { DossierStatus, Track } from '../../../../shared/domain/dossier';
import { getApi } from '../../api';
import { Button, Checkbox, Notice, SelectField } from '../../components/forms';
import { plural, useT } from '../../i18n';
import { useAgendaLabel, useLabels, type DomainLabels } from '../../i18n/domain';
import { navigate } from '../../state/router';
import { useDates } from '../../i18n/dates';
import { reasonText } from './format';
import { Signals } from './Signals';
import { errorText } from '../../errors';
import { useCan, useSession } from '../../state/session';
import { useOrganisations } from './hooks';
import { ItemWork } from '../item/ItemWork';
import { DossierSummary } from './DossierSummary';
import { RoomPanel } from '../room/RoomPanel';

const valueLabel = (labels: DomainLabels, field: 'status' | 'track', v: string | null) =>
  v === null
    ? '—'
    : field === 'status'
      ? (labels.dossierStatus[v as DossierStatus] ?? v)
      : (labels.track[v as Track] ?? v);

/**
 * Single-letter keys (N, P, B) act only where they cannot be typing (WCAG 2.1.4): with focus on the
 * meeting's own controls (marked data-meeting-keys: the agenda, previous/next, the projector panel) or
 * on nothing in particular (the page itself). Never in a text field, and never on a button of another
 * panel — typing "plan b" with focus on the item's Save button must not move the meeting.
 */
const onMeetingControls = (e: KeyboardEvent) => {
  const el = e.target as HTMLElement | null;
  // The page itself, or a heading focus was moved to after a route change: nothing to type into.
  if (!el || el === document.body || el.id === 'main' || /^H[1-6]$/.test(el.tagName)) return true;
  if (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) return false;
  return el.closest('[data-meeting-keys]') !== null;
};

/** The single-letter keys can be turned off, per user, on this machine. */
const keysStorageKey = (userId: number | undefined) => `lvv.meetingKeys.${userId ?? 'anon'}`;
function useSingleKeys(userId: number | undefined): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => localStorage.getItem(keysStorageKey(userId)) !== 'off');
  useEffect(() => setOn(localStorage.getItem(keysStorageKey(userId)) !== 'off'), [userId]);
  const set = useCallback(
    (v: boolean) => {
      localStorage.setItem(keysStorageKey(userId), v ? 'on' : 'off');
      setOn(v);
    },
    [userId],
  );
  return [on, set];
}

/** mm:ss since `since`. */
function useElapsed(since: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.floor((now - since) / 1000));
}

/**
 * Meeting mode, for the chair: step through the agenda (buttons and keys), the current dossier's
 * summary and timeline, a clock against the planned minutes, the projector's controls and a preview of
 * the next item that only this screen shows. The current item is stored in the meeting, so the
 * projector follows it.
 */
export function MeetingMode({ meetingId }: { meetingId: number }) {
  const t = useT();
  const dates = useDates();
  const labels = useLabels();
  const agendaLabel = useAgendaLabel();
  const api = getApi();
  const isChair = useCan('meetings.chair');
  // The chair and the secretary let participants connect from their own laptops (issue 9).
  const canRoom = useCan('room.manage');
  const { orgName } = useOrganisations();
  const [m, setM] = useState<MeetingDetail | null>(null);
  const [detail, setDetail] = useState<ItemDetail | null>(null);
  const [control, setControl] = useState<ProjectorControl | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [since, setSince] = useState(() => Date.now());
  // Ending a meeting locks its decisions: it takes a second, deliberate press.
  const [confirmEnd, setConfirmEnd] = useState(false);
  const elapsed = useElapsed(since);
  const userId = useSession((s) => s.status?.session?.userId);
  const [singleKeys, setSingleKeys] = useSingleKeys(userId);

  const load = useCallback(async () => {
    try {
      setM(await api['meetings.get']({ meetingId }));
      if (isChair) setControl(await api['projector.control']({}));
    } catch (e) {
      setMessage(errorText(e, t));
    }
  }, [api, meetingId, isChair, t]);
  useEffect(() => {
    void load();
  }, [load]);
  // Each change in the meeting room (a party's position or consent, a join) reloads the item's work in place.
  const [roomRevision, setRoomRevision] = useState(0);
  const onRoomRevision = useCallback(() => {
    setRoomRevision((n) => n + 1);
    void load();
  }, [load]);

  const currentId = m?.currentItemId ?? null;
  useEffect(() => setSince(Date.now()), [currentId]);
  // Bumped when the item's work changed (e.g. a held decision): the outcome and the summary reload.
  const [itemChanges, setItemChanges] = useState(0);
  const onItemChanged = useCallback(() => {
    void load();
    setItemChanges((n) => n + 1);
  }, [load]);
  useEffect(() => {
    if (currentId === null) return;
    let alive = true;
    void api['meetings.itemDetail']({ meetingId, itemId: currentId })
      .then((d) => alive && setDetail(d))
      .catch((e: unknown) => alive && setMessage(errorText(e, t)));
    return () => {
      alive = false;
    };
  }, [api, meetingId, currentId, itemChanges, t]);

  const call = useCallback(
    async <R,>(fn: () => Promise<R>): Promise<R | undefined> => {
      try {
        const r = await fn();
        setMessage(null);
        return r;
      } catch (e) {
        setMessage(errorText(e, t));
        return undefined;
      }
    },
    [t],
  );

  const items = useMemo(() => m?.items ?? [], [m]);
  const index = items.findIndex((i) => i.id === currentId);
  const go = useCallback(
    async (to: number) => {
      const target = items[to];
      if (!target || target.id === currentId) return;
      const next = await call(() => api['meetings.setCurrent']({ meetingId, itemId: target.id }));
      if (next) {
        setM(next);
        setControl((c) => (c ? { ...c, revealedItemId: null, decisionText: null } : c));
      }
    },
    [api, call, currentId, items, meetingId],
  );
  const blackout = useCallback(
    async (on: boolean) => {
      const c = await call(() => api['projector.blackout']({ on }));
      if (c) setControl(c);
    },
    [api, call],
  );

  useEffect(() => {
    if (!isChair || m?.state !== 'bezig') return;
    const onKey = (e: KeyboardEvent) => {
      if (!onMeetingControls(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      const key = e.key.toLowerCase();
      // Page Down/Up are not single characters (2.1.4 does not apply): they stay on when letters are off.
      if (e.key === 'PageDown' || (singleKeys && key === 'n')) void go(index + 1);
      else if (e.key === 'PageUp' || (singleKeys && key === 'p')) void go(index - 1);
      else if (singleKeys && key === 'b') void blackout(!control?.blackout);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [blackout, control?.blackout, go, index, isChair, m?.state, singleKeys]);

  if (!m)
    return (
      <main id="main" tabIndex={-1}>
        {message ? <Notice kind="error">{message}</Notice> : <p role="status">{t('common.loading')}</p>}
      </main>
    );
  if (m.state !== 'bezig')
    return (
      <main id="main" tabIndex={-1}>
        <Heading1>{t('mode.title', { date: dates.date(m.date) })}</Heading1>
        <p>{t('mode.notRunning')}</p>
        <Link href={`#/overleggen/${meetingId}`}>{t('meeting.back')}</Link>
      </main>
    );

  const current = items[index];
  const next = items[index + 1];
  const dossier = detail?.item.id === current?.id ? detail?.dossier : null;
  const planned = current?.plannedMinutes ?? 0;
  const openItems = items.filter(
    (i) => i.status === 'open' && (i.kind === 'dossier' || i.kind === 'onderwerp'),
  ).length;
  const clock = `${String(Math.floor(elapsed / 60)).padStart(2, '0')}:${String(elapsed % 60).padStart(2, '0')}`;

  return (
    <main id="main" tabIndex={-1} className="meeting-mode">
      <Heading1>{t('mode.title', { date: dates.date(m.date) })}</Heading1>
      {message ? <Notice kind="error">{message}</Notice> : null}
      {isChair ? (
        <div className="mode-keys">
          <Checkbox label={t('beamer.keys.setting')} checked={singleKeys} onChange={setSingleKeys} />
          <p className="help">{singleKeys ? `${t('mode.shortcuts')} ${t('beamer.keys.help')}` : null}</p>
        </div>
      ) : null}
      <div className="mode-grid">
        <nav aria-labelledby="mode-agenda-h" className="mode-agenda" data-meeting-keys>
          <Heading2 id="mode-agenda-h">{t('mode.agenda')}</Heading2>
          <ol>
            {items.map((item, i) => (
              <li key={item.id}>
                <UtrechtButton
                  type="button"
                  appearance="subtle-button"
                  className="mode-jump"
                  aria-current={item.id === currentId ? 'step' : undefined}
                  disabled={!isChair}
                  onClick={() => void go(i)}
                >
                  {/* The accessible name contains the visible text (WCAG 2.5.3), with a spoken prefix. */}
                  <span className="visually-hidden">{t('mode.jump')} </span>
                  {i + 1}. {agendaLabel(item)}
                  {item.status !== 'open' ? (
                    <span className="agenda-status"> {t(`meeting.item.status.${item.status}`)}</span>
                  ) : null}
                </UtrechtButton>
              </li>
            ))}
          </ol>
        </nav>

        <section aria-labelledby="mode-current-h" className="mode-current">
          <p className="mode-position">{t('mode.current', { n: index + 1, total: items.length })}</p>
          <Heading2 id="mode-current-h">
            {dossier ? `${dossier.pseudonym} — ${dossier.name}` : current ? agendaLabel(current) : ''}
          </Heading2>
          <div className="actions" data-meeting-keys>
            <Button
              onPress={() => void go(index - 1)}
              isDisabled={!isChair || index <= 0}
              aria-keyshortcuts={singleKeys ? 'P PageUp' : 'PageUp'}
            >
              {t('mode.prev')} {singleKeys ? <kbd>P</kbd> : null}
            </Button>
            <Button
              variant="primary"
              onPress={() => void go(index + 1)}
              isDisabled={!isChair || !next}
              aria-keyshortcuts={singleKeys ? 'N PageDown' : 'PageDown'}
            >
              {t('mode.next')} {singleKeys ? <kbd>N</kbd> : null}
            </Button>
          </div>
          <p className={`mode-clock${elapsed > planned * 60 ? ' is-over' : ''}`} aria-live="off">
            {t('mode.clock')}: <strong>{clock}</strong> (
            {t('mode.clock.value', { elapsed: Math.floor(elapsed / 60), planned })})
            {elapsed > planned * 60 ? ` — ${t('mode.clock.over')}` : ''}
          </p>
          {current ? <Signals signals={current.signals} /> : null}
          {current && current.reasons.length > 0 ? (
            <>
              <Heading3>{t('mode.why')}</Heading3>
              <ul>
                {current.reasons.map((r, i) => (
                  <li key={i}>{reasonText(r, t, dates, orgName)}</li>
                ))}
              </ul>
            </>
          ) : null}
          {current && isChair && (current.kind === 'dossier' || current.kind === 'onderwerp') ? (
            <SelectField<AgendaItemStatus>
              label={t('mode.itemStatus')}
              value={current.status}
              options={agendaItemStatuses.map((s) => ({ value: s, label: t(`meeting.item.status.${s}`) }))}
              onChange={(status) =>
                void call(() =>
                  api['meetings.setItemStatus']({ meetingId, itemId: current.id, status }),
                ).then((x) => x && setM(x))
              }
            />
          ) : null}

          {dossier ? (
            <section aria-labelledby="mode-dossier-h" className="card">
              <Heading3 id="mode-dossier-h">{t('mode.summary')}</Heading3>
              <DossierSummary dossier={dossier} />
              <p>
                <Link href={`#/dossiers/${dossier.id}`}>{t('mode.summary.open')}</Link>
                {current ? (
                  <>
                    {' · '}
                    {/* The positions, decision and actions of this item: where the table's work is recorded. */}
                    <Link href={`#/punt/${meetingId}/${current.id}`}>{t('meeting.item.work')}</Link>
                  </>
                ) : null}
              </p>
              <Heading3>{t('mode.timeline')}</Heading3>
              {dossier.history.length === 0 ? (
                <p>{t('mode.timeline.empty')}</p>
              ) : (
                <ol className="timeline">
                  {dossier.history.map((h, i) => (
                    <li key={i}>
                      <time dateTime={h.at}>{dates.day(h.at)}</time>{' '}
                      {t('mode.timeline.entry', {
                        field: t(`mode.timeline.field.${h.field}`),
                        from: valueLabel(labels, h.field, h.from),
                        to: valueLabel(labels, h.field, h.to),
                      })}
                      {h.reason ? ` — ${h.reason}` : ''}
                    </li>
                  ))}
                </ol>
              )}
            </section>
          ) : null}

          {/* ITEM WORK (issue 4): positions, decision, consents, actions of the current item. */}
          {current ? (
            <ItemWork
              meetingId={meetingId}
              itemId={current.id}
              onChanged={onItemChanged}
              refreshKey={roomRevision}
            />
          ) : null}
        </section>

        {isChair || canRoom ? (
          <div className="mode-side-col">
            {canRoom ? <RoomPanel meetingId={meetingId} onRevision={onRoomRevision} /> : null}
            {isChair ? (
              <aside className="mode-side" aria-labelledby="mode-projector-h" data-meeting-keys>
                <Heading2 id="mode-projector-h">{t('mode.projector')}</Heading2>
                <div className="actions">
                  <Button onPress={() => window.open('#/projector', 'lvv-projector')}>
                    {t('mode.projector.open')}
                  </Button>
                  {current?.kind === 'dossier' ? (
                    <Button
                      onPress={() =>
                        void call(() =>
                          api['projector.reveal']({
                            itemId: current.id,
                            reveal: control?.revealedItemId !== current.id,
                          }),
                        ).then((c) => c && setControl(c))
                      }
                    >
                      {control?.revealedItemId === current.id
                        ? t('mode.projector.hide')
                        : t('mode.projector.reveal')}
                    </Button>
                  ) : null}
                  <Button
                    variant={control?.blackout ? 'danger' : 'secondary'}
                    aria-keyshortcuts={singleKeys ? 'B' : undefined}
                    onPress={() => void blackout(!control?.blackout)}
                  >
                    {control?.blackout ? t('mode.projector.unblack') : t('mode.projector.blackout')}{' '}
                    {singleKeys ? <kbd>B</kbd> : null}
                  </Button>
                </div>
                <p role="status">
                  {control?.blackout
                    ? t('mode.projector.isBlack')
                    : control?.revealedItemId === current?.id && current
                      ? t('mode.projector.revealed')
                      : ''}
                </p>
                <Heading2>{t('mode.nextPreview')}</Heading2>
                <p className="mode-next">{next ? agendaLabel(next) : t('mode.nextPreview.none')}</p>
                {next && next.reasons.length > 0 ? (
                  <p className="help">
                    {next.reasons.map((r) => reasonText(r, t, dates, orgName)).join(' · ')}
                  </p>
                ) : null}
                <Heading2>{t('mode.end')}</Heading2>
                <p className="help">{t('mode.end.help')}</p>
                {confirmEnd ? (
                  <div className="confirm" role="group" aria-label={t('mode.end')}>
                    <p role="alert">
                      {t(plural(openItems, 'mode.end.confirm.one', 'mode.end.confirm.other'), {
                        open: openItems,
                      })}
                    </p>
                    <Button
                      variant="danger"
                      autoFocus
                      onPress={() =>
                        void call(() => api['meetings.end']({ meetingId, version: m.version })).then(
                          (x) => x && navigate(`overleggen/${meetingId}`),
                        )
                      }
                    >
                      {t('mode.end.yes')}
                    </Button>
                    <Button onPress={() => setConfirmEnd(false)}>{t('common.cancel')}</Button>
                  </div>
                ) : (
                  <Button variant="danger" onPress={() => setConfirmEnd(true)}>
                    {t('mode.end')}
                  </Button>
                )}
              </aside>
            ) : null}
          </div>
        ) : null}
      </div>
    </main>
  );
}
