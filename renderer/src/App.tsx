import { useEffect } from 'react';
import { useT } from './i18n';
import { useRoute } from './state/router';
import { useSession } from './state/session';
import { DemoUsers } from './screens/DemoUsers';
import { Login } from './screens/Login';
import { Account } from './screens/Account';
import { Recovery } from './screens/Recovery';
import { Shell } from './screens/Shell';
import { defaultRoute, visibleRoutes } from './routes';
import { Start } from './screens/Start';
import { ProjectorPaused } from './screens/projector/ProjectorPaused';
import { getApi } from './api';
import { applyTheme } from './theme/apply';

export function App() {
  const t = useT();
  const { status, demoUsers, recoveryKey, refresh, switching } = useSession();
  const route = useRoute();

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // The environment's house style, read again whenever it opens or locks (a locked one shows the
  // default). Failing to read it keeps the theme shown: a look is no reason to stop the app.
  const state = status?.state;
  useEffect(() => {
    if (!state) return;
    const api = getApi();
    api['theme.get']({}).then(
      (theme) => applyTheme(theme.tokens),
      () => undefined,
    );
  }, [state]);

  // The beamer never shows a login form or set-up screens to the room: while the app is locked it
  // stays black and waits, and it resumes by itself after the next login.
  if (route[0] === 'projector' && (status?.state !== 'open' || !status.session)) return <ProjectorPaused />;
  if (!status) return <p role="status">{t('common.loading')}</p>;
  if (recoveryKey) return <Recovery recoveryKey={recoveryKey} />;
  if (demoUsers) return <DemoUsers users={demoUsers} />;
  if (status.state === 'leeg') return <Start />;
  if (status.state === 'vergrendeld' || !status.session)
    return <Login locked={status.state === 'vergrendeld' && useSession.getState().hadSession} />;
  // Someone else takes a turn on this machine; the current session stays until they log in.
  if (switching) return <Login locked={false} switching />;

  // A temporary password from the beheerder: nothing else until the person has chosen their own.
  if (status.session.mustChangePassword) return <Account required />;

  const roles = status.session.roles;
  const [page = defaultRoute(roles), ...rest] = route;
  const allowed = visibleRoutes(roles);
  const screen = allowed.find((r) => r.path === page) ?? allowed.find((r) => r.path === defaultRoute(roles))!;
  if (screen.bare) return <>{screen.render(rest)}</>;
  return <Shell>{screen.render(rest)}</Shell>;
}
