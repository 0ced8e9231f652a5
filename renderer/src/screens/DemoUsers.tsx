import type { DemoUser } from '../../../shared/contract/auth';
import { Button, Notice } from '../components/forms';
import { useT } from '../i18n';
import { useSession } from '../state/session';

export function DemoUsers({ users }: { users: DemoUser[] }) {
  const t = useT();
  const setDemoUsers = useSession((s) => s.setDemoUsers);
  return (
    <main id="main">
      <h1>{t('demo.title')}</h1>
      <Notice kind="warning">{t('demo.warning')}</Notice>
      <table className="table">
        <caption>{t('demo.users')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('demo.col.user')}</th>
            <th scope="col">{t('demo.col.password')}</th>
            <th scope="col">{t('demo.col.name')}</th>
            <th scope="col">{t('demo.col.org')}</th>
            <th scope="col">{t('demo.col.roles')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.username}>
              <td>
                <code>{u.username}</code>
              </td>
              <td>
                <code>{u.password}</code>
              </td>
              <td>{u.displayName}</td>
              <td>{u.organisation}</td>
              <td>{u.roles.map((r) => t(`role.${r}`)).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button variant="primary" onPress={() => setDemoUsers(null)} autoFocus>
        {t('demo.toLogin')}
      </Button>
    </main>
  );
}
