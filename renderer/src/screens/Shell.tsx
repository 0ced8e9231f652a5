import { useEffect, type ReactNode } from 'react';
import { Button } from '../components/forms';
import { useLocale, useT } from '../i18n';
import { defaultRoute, visibleRoutes } from '../routes';
import { navigate, useRoute } from '../state/router';
import { useSession } from '../state/session';

/** Watches for inactivity and locks; the backend enforces the same limit on its own. */
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
  const { status, lock, refresh } = useSession();
  const { locale, setLocale } = useLocale();
  const route = useRoute();
  const session = status?.session;
  const doLock = () => void lock();

  useIdleLock(status?.idleLockMinutes ?? 10, doLock);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        doLock();
      }
    };
    window.addEventListener('keydown', onKey);
    // The backend may lock on its own (idle time); notice it within half a minute.
    const poll = setInterval(() => void refresh(), 30_000);
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
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      {status?.demo ? <div className="demo-banner">{t('demo.banner')}</div> : null}
      <header className="topbar">
        <span className="brand">
          {t('app.name')} · {status?.city}
        </span>
        <nav aria-label={t('shell.nav')}>
          <ul>
            {nav.map((n) => (
              <li key={n.path}>
                <a
                  href={`#/${n.path}`}
                  aria-current={current === n.path ? 'page' : undefined}
                  onClick={() => navigate(n.path)}
                >
                  {t(n.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">
          {t('shell.loggedInAs', { name: session.displayName, org: session.organisationName })}
          <span className="roles"> ({session.roles.map((r) => t(`role.${r}`)).join(', ')})</span>
        </span>
        <Button onPress={() => setLocale(locale === 'nl' ? 'en' : 'nl')} lang={locale === 'nl' ? 'en' : 'nl'}>
          {t('lang.switch')}
        </Button>
        <Button onPress={doLock} aria-keyshortcuts="Control+Shift+L">
          {t('shell.lock')} <kbd>{t('shell.lockShortcut')}</kbd>
        </Button>
      </header>
      {children}
    </div>
  );
}
