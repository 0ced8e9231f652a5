import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { ProjectorView } from '../../../../shared/contract/meetings';
import { ApiError } from '../../../../shared/errors';
import { getApi } from '../../api';
import { useT } from '../../i18n';
import { useDates } from '../../i18n/dates';
import { useSession } from '../../state/session';
import { ProjectorSlide } from './Slide';
import { useOrganisations } from '../meetings/hooks';
import { RoomJoinCard, useRoomJoin } from './RoomJoin';

/**
 * The beamer's page (#/projector, no menu): follows the chair through a long poll. Each
 * `projector.wait` returns as soon as anything the room sees changes (or after ~25 s), and the loop
 * asks again at once, so the screen follows within milliseconds. It shows only what the backend's
 * ProjectorView carries: pseudonyms, track, status and reasons; never a V-nummer, a date of birth or
 * special-category data.
 */
/**
 * Scales the wall's content down (CSS zoom) until nothing overflows the viewport: a three-line decision
 * under a long label must be read in full from the back of the room, at 1280×720 as at 1920×1080, never
 * cut off below the screen's edge. It starts from full size at every change (item, text, window size),
 * so a short slide stays as large as the stylesheet makes it.
 */
function useFitToViewport(deps: unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState(() => `${window.innerWidth}x${window.innerHeight}`);
  useEffect(() => {
    const onResize = () => setSize(`${window.innerWidth}x${window.innerHeight}`);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const doc = document.documentElement;
    const overflows = () => doc.scrollHeight > window.innerHeight || doc.scrollWidth > window.innerWidth;
    let zoom = 1;
    el.style.zoom = '1';
    while (overflows() && zoom > 0.3) {
      zoom = Math.round((zoom - 0.05) * 100) / 100;
      el.style.zoom = String(zoom);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the content's inputs, passed by the caller
  }, [size, ...deps]);
  return ref;
}

export function Projector() {
  const t = useT();
  const dates = useDates();
  const { orgName } = useOrganisations();
  // While participants can connect from their laptops, the wall says where (issue 9).
  const join = useRoomJoin();
  const [view, setView] = useState<ProjectorView | null>(null);
  const [offline, setOffline] = useState(false);
  // The wall never goes black for idle time without saying so first: the chair's machine's idle
  // timer (this window shares its session) is watched here too.
  const idle = useSession((s) => s.status?.idle);
  useEffect(() => {
    const poll = setInterval(() => void useSession.getState().refresh(), 10_000);
    return () => clearInterval(poll);
  }, []);
  const idleWarning =
    idle && idle.closesEnvironment && idle.secondsLeft <= 60 ? (
      <p className="projector-idle-warning" role="alert">
        {t('projector.idleWarning', { s: idle.secondsLeft })}
      </p>
    ) : null;

  useEffect(() => {
    let alive = true;
    document.title = t('projector.title');
    void (async () => {
      let since = 0;
      while (alive) {
        try {
          const v = await getApi()['projector.wait']({ sinceVersion: since });
          if (!alive) return;
          since = v.version;
          setView(v);
          setOffline(false);
        } catch (e) {
          if (!alive) return;
          // Locked or logged out: the app shows the login screen instead of this page.
          if (e instanceof ApiError && e.code === 'UNAUTHENTICATED')
            return void useSession.getState().refresh();
          setOffline(true);
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    })();
    return () => {
      alive = false;
    };
  }, [t]);

  if (view?.blackout)
    return (
      <main id="main" className="projector projector-black" aria-label={t('projector.blackout')}>
        <h1 className="visually-hidden">{t('projector.blackout')}</h1>
      </main>
    );
  const item = view?.item;
  return (
    <main id="main" className="projector">
      <Fit deps={[view, offline, idleWarning !== null, join?.url]}>
        {idleWarning}
        {offline ? <p role="status">{t('projector.offline')}</p> : null}
        {!view?.meeting ? (
          <h1 className="projector-idle">{t('projector.idle')}</h1>
        ) : (
          <>
            <p className="projector-meeting">
              {t('projector.meeting', { city: view.meeting.city, date: dates.date(view.meeting.date) })}
              {item ? ` · ${t('projector.item', { n: item.number, total: item.total })}` : ''}
            </p>
            <ProjectorSlide view={view} level={1} orgName={orgName} />
          </>
        )}
        {join?.url ? <RoomJoinCard url={join.url} fingerprint={join.fingerprint} /> : null}
      </Fit>
    </main>
  );
}

function Fit({ deps, children }: { deps: unknown[]; children: ReactNode }) {
  const ref = useFitToViewport(deps);
  return (
    <div className="projector-fit" ref={ref}>
      {children}
    </div>
  );
}
