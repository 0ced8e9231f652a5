import { NavList, NavListLink, SkipLink } from '@utrecht/component-library-react';
import { useEffect, type ReactNode } from 'react';
import { Button } from '../components/forms';
import { useLocale, useT } from '../i18n';
import { defaultRoute, visibleRoutes } from '../routes';
import { navigate, useRoute } from '../state/router';
import { useSession } from '../state/session';
import { getApi } from '../api';
import { AboutButton } from './About';

/**
 * Watches for inactivity and ends the session (for the last key holder: locks the environment); the
 * backend enforces the same limit on its own. A warning shows for the last minute, so a running
 * meeting (and the projector) is never blacked out without notice.
 */
function useIdleLock(minutes: number, lock: () => void) {
  useEffect(() => {
    let timer = setTimeout(lock, minutes * 60_000);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, minutes * 60_000);
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
    events.forEach((e) => window.addEventListener(e, reset, { passive: true }));
    return () => {
      clearTimeout(timer);
      events.forEach((e) => window.removeEventListener(e, reset));
    };
  }, [minutes, lock]);
}

export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  const { status, lock, logout, refresh, setSwitching } = useSession();
  const { locale, setLocale } = useLocale();
  const route = useRoute();
  const session = status?.session;
  // A key holder's lock closes the environment for everyone; anyone else just leaves.
  const doLock = () => void (status?.session?.keyHolder ? lock() : logout());

  // Idle ends only this session; the backend closes the environment when no key holder is left.
  const doLogout = () => void logout();
  useIdleLock(status?.idleLockMinutes ?? 10, doLogout);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        doLock();
      }
    };
    window.addEventListener('keydown', onKey);
    // The backend may lock on its own (idle time); notice it, and the idle warning, within seconds.
    const poll = setInterval(() => void refresh(), 10_000);
    return () => {
      window.removeEventListener('keydown', onKey);
      clearInterval(poll);
    };
  });

  if (!session) return null;
  const nav = visibleRoutes(session.roles).filter((r) => !r.hidden && !r.bare);
  const current = route[0] ?? defaultRoute(session.roles);

  return (
    <div className="shell">
      <SkipLink
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </SkipLink>
      {status?.demo ? <div className="demo-banner">{t('demo.banner')}</div> : null}
      <IdleWarning />
      <header className="topbar">
        <span className="brand">
          {t('app.name')} · {status?.city}
        </span>
        <nav aria-label={t('shell.nav')}>
          <NavList inlineSizeAuto>
            {nav.map((n) => (
              <NavListLink
                key={n.path}
                href={`#/${n.path}`}
                aria-current={current === n.path ? 'page' : undefined}
                onClick={() => navigate(n.path)}
              >
                {t(n.label)}
              </NavListLink>
            ))}
          </NavList>
        </nav>
        <div className="topbar-tools">
          <span className="who">
            {t('shell.loggedInAs', { name: session.displayName, org: session.organisationName })}
            <span className="roles"> ({session.roles.map((r) => t(`role.${r}`)).join(', ')})</span>
          </span>
          <Button
            onPress={() => setLocale(locale === 'nl' ? 'en' : 'nl')}
            lang={locale === 'nl' ? 'en' : 'nl'}
          >
            {t('lang.switch')}
          </Button>
          <Button onPress={() => setSwitching(true)}>{t('shell.switchUser')}</Button>
          {session.keyHolder ? <Button onPress={() => void logout()}>{t('shell.logout')}</Button> : null}
          <Button onPress={doLock} aria-keyshortcuts="Control+Shift+L">
            {t(session.keyHolder ? 'shell.lock' : 'shell.logout')} <kbd>{t('shell.lockShortcut')}</kbd>
          </Button>
        </div>
      </header>
      {children}
      <footer className="shell-footer">
        <AboutButton />
      </footer>
    </div>
  );
}

/** Shown for the last minute before the idle timer ends this session (and maybe closes the environment). */
export function IdleWarning() {
  const t = useT();
  const { status, refresh } = useSession();
  const idle = status?.idle;
  if (!idle || idle.secondsLeft > 60) return null;
  return (
    <div className="idle-warning" role="alert">
      {t(idle.closesEnvironment ? 'shell.idle.closes' : 'shell.idle.logout', { s: idle.secondsLeft })}{' '}
      <Button onPress={() => void getApi()['settings.get']({}).then(refresh)}>{t('shell.idle.stay')}</Button>
    </div>
  );
}
