import { Heading2 } from '@utrecht/component-library-react';
import { useState } from 'react';
import { getApi } from '../api';
import { Button, Field, Form, Notice } from '../components/forms';
import { errorText, fieldErrors } from '../errors';
import { useT } from '../i18n';
import { useDates } from '../i18n/dates';

/**
 * "Wachtwoord of sleutelbestand kwijt" on the login screen (issue 10): the recovery key gives a key
 * holder a new password and rebuilds a missing or damaged key file. The backend checks everything;
 * afterwards the person logs in with the new password as usual.
 */
export function RecoverAccess({ onDone }: { onDone(): void }) {
  const t = useT();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const missing: Record<string, string> = {};
    if (!recoveryKey.trim()) missing.recoveryKey = t('field.required');
    if (!username.trim()) missing.username = t('field.required');
    if (!password) missing.password = t('field.required');
    if (password !== repeat) missing.repeat = t('field.mismatch');
    setFields(missing);
    if (Object.keys(missing).length) return;
    setBusy(true);
    setError(null);
    try {
      const r = await getApi()['auth.recover']({ recoveryKey, username, password });
      setResult(
        [
          t(r.rebuiltKeyFile ? 'recover.doneRebuilt' : 'recover.done'),
          r.othersWithoutKey.length ? t('recover.others', { names: r.othersWithoutKey.join(', ') }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
      setRecoveryKey('');
      setPassword('');
      setRepeat('');
    } catch (e) {
      setFields(fieldErrors(e, t));
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="recover-h">
      <Heading2 id="recover-h">{t('recover.title')}</Heading2>
      <p>{t('recover.intro')}</p>
      <Notice kind="error">{error}</Notice>
      {result ? (
        <>
          <Notice kind="success">{result}</Notice>
          <Button variant="primary" onPress={onDone}>
            {t('recover.toLogin')}
          </Button>
        </>
      ) : (
        <Form onSubmit={submit}>
          <Field
            label={t('recover.key')}
            help={t('recover.key.help')}
            value={recoveryKey}
            onChange={setRecoveryKey}
            error={fields.recoveryKey}
            autoComplete="off"
            isRequired
          />
          <Field
            label={t('login.username')}
            value={username}
            onChange={setUsername}
            error={fields.username}
            autoComplete="username"
            isRequired
          />
          <Field
            label={t('recover.password')}
            value={password}
            onChange={setPassword}
            error={fields.password}
            type="password"
            autoComplete="new-password"
            isRequired
          />
          <Field
            label={t('recover.repeat')}
            value={repeat}
            onChange={setRepeat}
            error={fields.repeat}
            type="password"
            autoComplete="new-password"
            isRequired
          />
          <Button type="submit" variant="primary" isDisabled={busy}>
            {t('recover.submit')}
          </Button>
          <Button onPress={onDone}>{t('common.cancel')}</Button>
        </Form>
      )}
    </section>
  );
}

/**
 * Shown on the login screen when the database is damaged, missing or empty: the newest backup (named
 * beside the key file) is put back, proven with the recovery key. The current files are kept aside.
 */
export function RestoreLatest({ backupAt }: { backupAt: string | undefined }) {
  const t = useT();
  const dates = useDates();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!recoveryKey.trim()) {
      setFields({ recoveryKey: t('field.required') });
      return;
    }
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const r = await getApi()['backups.restoreLatest']({ recoveryKey });
      setDone(t('restoreLatest.done', { at: dates.moment(r.contents.createdAt) }));
      setRecoveryKey('');
    } catch (e) {
      setFields(fieldErrors(e, t));
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="restore-latest-h">
      <Heading2 id="restore-latest-h">{t('restoreLatest.title')}</Heading2>
      <p>{backupAt ? t('restoreLatest.intro', { at: dates.moment(backupAt) }) : t('restoreLatest.none')}</p>
      <Notice kind="error">{error}</Notice>
      {done ? (
        <Notice kind="success">{done}</Notice>
      ) : backupAt ? (
        <Form onSubmit={submit}>
          <Field
            label={t('recover.key')}
            help={t('recover.key.help')}
            value={recoveryKey}
            onChange={setRecoveryKey}
            error={fields.recoveryKey}
            autoComplete="off"
            isRequired
          />
          <Button type="submit" variant="primary" isDisabled={busy}>
            {t('restoreLatest.submit')}
          </Button>
        </Form>
      ) : null}
    </section>
  );
}
