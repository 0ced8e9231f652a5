import { Heading1 } from '@utrecht/component-library-react';
import { useState } from 'react';
import { getApi } from '../api';
import { Button, Field, Form, Notice } from '../components/forms';
import { errorText, fieldErrors } from '../errors';
import { useT } from '../i18n';
import { CertificateImport } from './CertificateImport';
import { useCan, useSession } from '../state/session';

/** `required`: logged in with a temporary password, which must be replaced before anything else. */
export function Account({ required = false }: { required?: boolean }) {
  const t = useT();
  const { refresh, logout } = useSession();
  // Only the chair and the secretary sign minutes, so only they have a certificate to replace.
  const signs = useCan('minutes.manage');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const submit = async () => {
    try {
      await getApi()['auth.changePassword']({ current, next });
      setMessage({ kind: 'success', text: t('account.changed') });
      setCurrent('');
      setNext('');
      setErrors({});
      if (required) await refresh();
    } catch (e) {
      const f = fieldErrors(e, t);
      setErrors(f);
      setMessage(Object.keys(f).length ? null : { kind: 'error', text: errorText(e, t) });
    }
  };

  return (
    <main id="main" className="narrow" tabIndex={-1}>
      <Heading1>{t(required ? 'account.required.title' : 'account.title')}</Heading1>
      {required ? <Notice kind="warning">{t('account.required.intro')}</Notice> : null}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <Form onSubmit={submit}>
        <Field
          label={t('account.current')}
          type="password"
          value={current}
          onChange={setCurrent}
          error={errors.current}
          autoComplete="current-password"
        />
        <Field
          label={t('account.new')}
          type="password"
          value={next}
          onChange={setNext}
          error={errors.next}
          help={t('setup.admin.password.help')}
          autoComplete="new-password"
        />
        <Button type="submit" variant="primary">
          {t('account.change')}
        </Button>
      </Form>
      {required ? <Button onPress={() => void logout()}>{t('shell.logout')}</Button> : null}
      {signs && !required ? <CertificateImport /> : null}
    </main>
  );
}
