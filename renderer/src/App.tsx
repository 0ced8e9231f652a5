import { useEffect } from 'react';
import { useT } from './i18n';
import { useRoute } from './state/router';
import { useSession } from './state/session';
import { Account } from './screens/Account';
import { Admin } from './screens/Admin';
import { DemoUsers } from './screens/DemoUsers';
import { Login } from './screens/Login';
import { Recovery } from './screens/Recovery';
import { defaultRoute, Shell } from './screens/Shell';
import { Start } from './screens/Start';

export function App() {
  const t = useT();
  const { status, demoUsers, recoveryKey, refresh } = useSession();
  const route = useRoute();

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (!status) return <p role="status">{t('common.loading')}</p>;
  if (recoveryKey) return <Recovery recoveryKey={recoveryKey} />;
  if (demoUsers) return <DemoUsers users={demoUsers} />;
  if (status.state === 'leeg') return <Start />;
  if (status.state === 'vergrendeld' || !status.session) return <Login locked={useSession.getState().hadSession} />;

  const page = route[0] ?? defaultRoute(status.session.roles);
  return <Shell>{page === 'beheer' && status.session.roles.includes('beheerder') ? <Admin /> : <Account />}</Shell>;
}
