import { Heading1 } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Button, Field, Form, Notice } from '../components/forms';
import { errorText } from '../errors';
import { useT } from '../i18n';
import { useSession } from '../state/session';
import { RecoverAccess, RestoreLatest } from './RecoverAccess';
import { ApiError } from '../../../shared/errors';

/**
 * `locked`: the environment was closed during this page's life. `switching`: someone takes a turn on
 * this machine while the current person is still logged in (they stay until the new login succeeds).
 */
export function Login({ locked, switching = false }: { locked: boolean; switching?: boolean }) {
  const t = useT();
  const login = useSession((s) => s.login);
  const status = useSession((s) => s.status);
  const setSwitching = useSession((s) => s.setSwitching);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});
  const [recovering, setRecovering] = useState(false);
  /** The database is damaged, missing or empty: the latest backup is offered (its date, when known). */
  const [damaged, setDamaged] = useState<{ backupAt: string | undefined } | null>(null);

  const submit = async () => {
    const empty = {
      username: username.trim() ? undefined : t('field.required'),
      password: password ? undefined : t('field.required'),
    };
    setMissing(empty);
    if (empty.username || empty.password) return;
    setBusy(true);
    setError(null);
    try {
      await login(username, password);
    } catch (e) {
      setError(errorText(e, t));
      setPassword('');
      const reason = e instanceof ApiError && e.code === 'STORAGE_FAULT' ? e.error.info?.reason : undefined;
      setDamaged(
        reason === 'database_damaged' || reason === 'database_missing' || reason === 'database_empty'
          ? { backupAt: e instanceof ApiError ? (e.error.info?.backupAt as string | undefined) : undefined }
          : null,
      );
    } finally {
      setBusy(false);
    }
  };

  if (recovering)
    return (
      <main id="main" className="narrow">
        <RecoverAccess onDone={() => setRecovering(false)} />
      </main>
    );

  return (
    <main id="main" className="narrow">
      <Heading1>{switching ? t('login.switch') : locked ? t('login.locked') : t('login.title')}</Heading1>
      {locked ? <p>{t('login.lockedHint')}</p> : null}
      {switching ? <p>{t('login.switchHint', { name: status?.session?.displayName ?? '' })}</p> : null}
      {status?.state === 'open' && !status.session ? <p>{t('login.openHint')}</p> : null}
      {status?.city ? <p className="help">{status.city}</p> : null}
      <Notice kind="error">{error}</Notice>
      <Form onSubmit={submit}>
        <Field
          label={t('login.username')}
          value={username}
          onChange={setUsername}
          error={missing.username}
          autoComplete="username"
          autoFocus
          isRequired
        />
        <Field
          label={t('login.password')}
          value={password}
          onChange={setPassword}
          error={missing.password}
          type="password"
          autoComplete="current-password"
          isRequired
        />
        <Button type="submit" variant="primary" isDisabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </Button>
        {switching ? <Button onPress={() => setSwitching(false)}>{t('common.cancel')}</Button> : null}
      </Form>
      {damaged ? <RestoreLatest backupAt={damaged.backupAt} /> : null}
      {switching ? null : (
        <p>
          <Button onPress={() => setRecovering(true)}>{t('recover.link')}</Button>
        </p>
      )}
    </main>
  );
}
