import { Heading1 } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Button, Field, Form, Notice } from '../components/forms';
import { useT } from '../i18n';
import { useSession } from '../state/session';

/** Shows the recovery key once; the user proves they wrote it down by typing its last two groups. */
export function Recovery({ recoveryKey }: { recoveryKey: string }) {
  const t = useT();
  const setRecoveryKey = useSession((s) => s.setRecoveryKey);
  // After a re-key (not set-up): say why there is a new key, and who needs a new password.
  const rekey = useSession((s) => s.rekeyNeedNewPassword);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();
  const groups = recoveryKey.split('-');
  const expected = groups.slice(-2).join('-');

  const confirm = () => {
    if (typed.trim().toUpperCase().replace(/\s+/g, '-') !== expected) {
      setError(t('recovery.mismatch'));
      return;
    }
    setRecoveryKey(null);
  };

  return (
    <main id="main" className="narrow">
      <Heading1>{t('recovery.title')}</Heading1>
      {rekey ? <Notice kind="info">{t('recovery.rekeyed')}</Notice> : null}
      {rekey?.length ? (
        <Notice kind="warning">{t('admin.keys.needNewPassword', { names: rekey.join(', ') })}</Notice>
      ) : null}
      <Notice kind="warning">{t('recovery.intro')}</Notice>
      <p className="recovery-key" aria-label={t('recovery.key')} data-testid="recovery-key">
        {groups.map((g, i) => (
          <span key={i}>{g}</span>
        ))}
      </p>
      <Form onSubmit={confirm}>
        <Field
          label={t('recovery.confirm')}
          value={typed}
          onChange={setTyped}
          error={error}
          autoComplete="off"
          autoFocus
        />
        <Button type="submit" variant="primary">
          {t(rekey ? 'common.close' : 'recovery.done')}
        </Button>
      </Form>
    </main>
  );
}
