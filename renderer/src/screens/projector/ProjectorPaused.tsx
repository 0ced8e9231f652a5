import { useEffect } from 'react';
import { useT } from '../../i18n';
import { useSession } from '../../state/session';

/** The projector while the app is locked: a black wall that checks every two seconds for a login. */
export function ProjectorPaused() {
  const t = useT();
  const refresh = useSession((s) => s.refresh);
  useEffect(() => {
    const timer = setInterval(() => void refresh().catch(() => {}), 2000);
    return () => clearInterval(timer);
  }, [refresh]);
  return (
    <main id="main" className="projector projector-black" aria-label={t('projector.blackout')}>
      <h1 className="visually-hidden">{t('projector.blackout')}</h1>
    </main>
  );
}
