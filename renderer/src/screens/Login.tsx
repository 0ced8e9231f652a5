import { useState } from 'react';
import { Button, Field, Form, Notice } from '../components/forms';
import { errorText } from '../errors';
import { useT } from '../i18n';
import { useSession } from '../state/session';

export function Login({ locked }: { locked: boolean }) {
  const t = useT();
  const login = useSession((s) => s.login);
  const status = useSession((s) => s.status);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});

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
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="narrow">
      <h1>{locked ? t('login.locked') : t('login.title')}</h1>
      {locked ? <p>{t('login.lockedHint')}</p> : null}
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
      </Form>
    </main>
  );
}
