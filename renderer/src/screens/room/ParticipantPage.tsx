import { Heading1, Heading2 } from '@utrecht/component-library-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Action } from '../../../../shared/contract/actions';
import type { ItemWork } from '../../../../shared/contract/items';
import type { DossierBrief } from '../../../../shared/contract/meetings';
import { isRoomCallable, type RoomState } from '../../../../shared/contract/room';
import type { Session } from '../../../../shared/domain/roles';
import { ApiError } from '../../../../shared/errors';
import { getApi } from '../../api';
import { Notice } from '../../components/forms';
import { errorText } from '../../errors';
import { useT, type T } from '../../i18n';
import { useDates } from '../../i18n/dates';
import { useAgendaLabel } from '../../i18n/domain';
import { subscribeRoomEvents } from '../../room-host';
import { DecisionPanel } from '../item/DecisionPanel';
import { PositionRow } from '../item/PositionRow';
import { useItemShortcuts } from '../item/shortcuts';
import { DossierSummary } from '../meetings/DossierSummary';
import { ProjectorSlide } from '../projector/Slide';

interface Loaded {
  state: RoomState;
  work: ItemWork | null;
  dossier: DossierBrief | null;
  actions: Action[];
}

type Message = { kind: 'info' | 'warning'; text: string } | null;

/** What changed between two loads, in words for the page (and for screen readers, politely). */
function describeChange(
  before: Loaded,
  after: Loaded,
  t: T,
  label: (i: { kind: string; label: string }) => string,
) {
  const notices: { kind: 'info' | 'warning'; text: string }[] = [];
  const item = after.state.projector.item;
  if (before.state.currentItemId !== after.state.currentItemId && item)
    notices.push({ kind: 'info', text: t('room.moved', { n: item.number, label: label(item) }) });
  const was = before.work?.decision;
  const now = after.work?.decision;
  if (before.state.currentItemId === after.state.currentItemId && now) {
    if (!was) notices.push({ kind: 'info', text: t('room.decision.new', { number: now.number }) });
    else if (was.id === now.id && (was.text !== now.text || was.direction !== now.direction)) {
      // A changed text clears the consents given to the old one (the backend does it); say so.
      const lapsed = was.consents.length > 0 && now.consents.length < was.consents.length;
      notices.push(
        lapsed
          ? { kind: 'warning', text: t('room.decision.changed') }
          : { kind: 'info', text: t('room.decision.changedNoConsents') },
      );
    }
  }
  return notices;
}

/**
 * A participant's page on their own laptop: the running meeting's current item as the wall shows it,
 * what their role may see of the dossier, their organisation's position next to last week's (drafts
 * kept as they type), the decision with everyone's consent and their own, and their organisation's
 * actions. It follows the meeting by server-sent events: every change the chair or another party
 * makes reloads what this page shows.
 */
export function ParticipantPage({ session, onEnded }: { session: Session; onEnded(reason: string): void }) {
  const t = useT();
  const dates = useDates();
  const agendaLabel = useAgendaLabel();
  const root = useRef<HTMLElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [connected, setConnected] = useState(true);
  const [message, setMessage] = useState<Message>(null);
  const [arrivals, setArrivals] = useState('');
  const [error, setError] = useState<string | null>(null);
  useItemShortcuts(root);

  const last = useRef<Loaded | null>(null);
  const busy = useRef(false);
  const again = useRef(false);
  const tRef = useRef(t);
  const labelRef = useRef(agendaLabel);
  const endedRef = useRef(onEnded);
  useEffect(() => {
    tRef.current = t;
    labelRef.current = agendaLabel;
    endedRef.current = onEnded;
  });

  // One load at a time; events during a load ask for exactly one more, so a burst costs two loads.
  const refresh = useCallback(async () => {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    try {
      do {
        again.current = false;
        const next = await load(last.current);
        const before = last.current;
        last.current = next;
        setLoaded(next);
        setError(null);
        if (before) {
          const notices = describeChange(before, next, tRef.current, labelRef.current);
          if (notices.length) setMessage(notices[notices.length - 1]!);
          // Once the organisation has answered the new text, the call to consent again has been heard.
          else if (
            hasOwnConsent(next, session.organisationId) &&
            !hasOwnConsent(before, session.organisationId)
          )
            setMessage(null);
          setArrivals(consentArrivals(before, next, session.organisationId, tRef.current));
        }
      } while (again.current);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') endedRef.current('expired');
      else if (e instanceof ApiError && e.error.info?.reason === 'room_closed') endedRef.current('closed');
      else setError(errorText(e, tRef.current));
    } finally {
      busy.current = false;
    }
  }, [session.organisationId]);

  useEffect(() => {
    void refresh();
    return subscribeRoomEvents({
      onChange: () => void refresh(),
      onEnd: (reason) => endedRef.current(reason),
      onConnection: (up) => {
        setConnected(up);
        // Back after a drop: what happened meanwhile came without us.
        if (up) void refresh();
      },
    });
  }, [refresh]);

  if (!loaded)
    return (
      <main id="main" tabIndex={-1}>
        {error ? <Notice kind="error">{error}</Notice> : <p role="status">{t('common.loading')}</p>}
      </main>
    );

  const { state, work, dossier, actions } = loaded;
  const view = state.projector;
  const item = view.item;
  const own = work?.participants.find((p) => p.organisationId === session.organisationId);
  const ownIndex = work
    ? work.participants.findIndex((p) => p.organisationId === session.organisationId)
    : -1;
  const decision = work?.decision ?? null;
  // On the listener a person speaks only for their own organisation and may call only roomCallable:
  // the secretary's pen (decision text, on behalf of others) stays at the chair's computer.
  const roomWork: ItemWork | null = work && {
    ...work,
    permissions: {
      recordFor: work.permissions.recordFor.filter((id) => id === session.organisationId),
      consentFor: work.permissions.consentFor.filter((id) => id === session.organisationId),
      confirmFor: work.permissions.confirmFor.filter((id) => id === session.organisationId),
      writeDecision: work.permissions.writeDecision && isRoomCallable('decisions.save'),
      decide: work.permissions.decide && isRoomCallable('decisions.settle'),
      manageActions: work.permissions.manageActions && isRoomCallable('actions.create'),
      outflow: false,
    },
  };

  return (
    <main id="main" tabIndex={-1} className="room-page" ref={root}>
      <Heading1>
        {state.meeting
          ? t('room.meeting', { city: state.meeting.city, date: dates.date(state.meeting.date) })
          : t('room.noMeeting')}
      </Heading1>
      <p className={connected ? 'help room-connection' : 'room-connection is-offline'} role="status">
        {connected ? t('room.connected') : t('room.reconnecting')}
      </p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <p className="visually-hidden" role="status">
        {arrivals}
      </p>

      {state.meeting ? (
        <div className="room-grid">
          <div className="room-col">
            <section className="card room-now" aria-labelledby="room-now-h">
              <p id="room-now-h" className="projector-meeting">
                {item ? t('room.now', { n: item.number, total: item.total }) : t('room.noItem')}
              </p>
              {item ? (
                <ProjectorSlide
                  view={view}
                  level={2}
                  // The item's work names the table's organisations; the page asks for nothing more.
                  orgName={(id) => work?.organisations.find((o) => o.id === id)?.name ?? `#${id}`}
                />
              ) : null}
            </section>
            {dossier ? (
              <section className="card" aria-labelledby="room-dossier-h">
                <Heading2 id="room-dossier-h">{t('room.dossier')}</Heading2>
                <DossierSummary dossier={dossier} />
              </section>
            ) : null}
            <section className="card" aria-labelledby="room-actions-h">
              <Heading2 id="room-actions-h">{t('room.actions', { org: session.organisationName })}</Heading2>
              {actions.length === 0 ? <p className="muted">{t('room.actions.none')}</p> : null}
              <ul className="action-list">
                {actions.map((a) => (
                  <li key={a.id}>
                    <strong>{a.what}</strong>
                    {a.dossierLabel ? ` — ${t('room.actions.dossier', { label: a.dossierLabel })}` : ''}
                    {a.person ? ` (${a.person})` : ''}, {t('actions.dueOn', { date: dates.date(a.dueDate) })}
                    {a.overdue ? <strong className="overdue"> · {t('actions.overdue')}</strong> : null}
                  </li>
                ))}
              </ul>
            </section>
          </div>

          <div className="room-col">
            {!roomWork || !roomWork.dossier ? (
              item ? (
                <p className="card">{t('room.notDossier')}</p>
              ) : null
            ) : (
              <>
                <section className="item-section" aria-labelledby="room-position-h">
                  <Heading2 id="room-position-h">
                    {t('room.position', { org: session.organisationName })}
                  </Heading2>
                  {own ? (
                    // Keyed by item: the next item starts with a fresh form (this one's draft is flushed).
                    <PositionRow
                      key={`${roomWork.item.id}:${own.organisationId}`}
                      row={own}
                      index={ownIndex + 1}
                      itemId={roomWork.item.id}
                      canRecord={roomWork.permissions.recordFor.includes(own.organisationId)}
                      closed={roomWork.meeting.closed}
                      onRecorded={refresh}
                    />
                  ) : (
                    <p>{t('room.position.notParticipating', { org: session.organisationName })}</p>
                  )}
                </section>
                {/* A new decision text starts a fresh consent form: the old answer was to the old text. */}
                <DecisionPanel
                  key={decision ? `${decision.id}:${decision.version}` : 'none'}
                  work={roomWork}
                  reload={refresh}
                />
              </>
            )}
          </div>
        </div>
      ) : null}
    </main>
  );
}

function hasOwnConsent(l: Loaded, org: number): boolean {
  return l.work?.decision?.consents.some((c) => c.organisationId === org) ?? false;
}

/** Consents that arrived since the last load from other organisations, for screen readers. */
function consentArrivals(before: Loaded, after: Loaded, ownOrg: number, t: T): string {
  const was = before.work?.decision;
  const now = after.work?.decision;
  if (!was || !now || was.id !== now.id) return '';
  const fresh = now.consents.filter(
    (c) =>
      c.organisationId !== ownOrg &&
      !was.consents.some((o) => o.organisationId === c.organisationId && o.recordedAt === c.recordedAt),
  );
  return fresh
    .map((c) => t('room.consent.arrived', { org: c.organisationName, consent: t(`consent.${c.consent}`) }))
    .join(' ');
}

/** The room's state, and for the current item its work, the dossier brief and the organisation's actions. */
async function load(previous: Loaded | null): Promise<Loaded> {
  const api = getApi();
  const state = await api['room.state']({});
  const meetingId = state.meeting?.id;
  const itemId = state.currentItemId;
  let work: ItemWork | null = null;
  let dossier: DossierBrief | null = null;
  if (meetingId && itemId) {
    work = await api['items.work']({ meetingId, itemId });
    // The brief is the same until the chair moves on; a role that may not see it gets none.
    dossier =
      previous && previous.state.currentItemId === itemId
        ? previous.dossier
        : await api['meetings.itemDetail']({ meetingId, itemId }).then(
            (d) => d.dossier,
            () => null,
          );
  }
  const actions = (await api['actions.list']({ filter: 'open' })).actions;
  return { state, work, dossier, actions };
}
