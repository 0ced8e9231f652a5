import {
  Heading1,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { DemoUser } from '../../../shared/contract/auth';
import { Button, Notice } from '../components/forms';
import { useT } from '../i18n';
import { useSession } from '../state/session';

export function DemoUsers({ users }: { users: DemoUser[] }) {
  const t = useT();
  const setDemoUsers = useSession((s) => s.setDemoUsers);
  return (
    <main id="main">
      <Heading1>{t('demo.title')}</Heading1>
      <Notice kind="warning">{t('demo.warning')}</Notice>
      <Table>
        <TableCaption>{t('demo.users')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('demo.col.user')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('demo.col.password')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('demo.col.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('demo.col.org')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('demo.col.roles')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((u) => (
            <TableRow key={u.username}>
              <TableCell>
                <code>{u.username}</code>
              </TableCell>
              <TableCell>
                <code>{u.password}</code>
              </TableCell>
              <TableCell>{u.displayName}</TableCell>
              <TableCell>{u.organisation}</TableCell>
              <TableCell>{u.roles.map((r) => t(`role.${r}`)).join(', ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Button variant="primary" onPress={() => setDemoUsers(null)} autoFocus>
        {t('demo.toLogin')}
      </Button>
    </main>
  );
}
