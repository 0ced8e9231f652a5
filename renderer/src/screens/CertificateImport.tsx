import { Heading2 } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { CertificateInfo } from '../../../shared/contract/minutes';
import { getApi } from '../api';
import { Button, Field, FileField, Form, Notice } from '../components/forms';
import { errorText, fieldErrors } from '../errors';
import { useT } from '../i18n';
import { useDates } from '../i18n/dates';
import { fileToBase64, groupHex } from './minutes/files';

/**
 * "Eigen certificaat importeren" in Mijn account, for the chair and the secretary (who sign minutes):
 * a PKCS#12 file with its password replaces the certificate issued by the environment's CA.
 */
export function CertificateImport() {
  const t = useT();
  const dates = useDates();
  const [current, setCurrent] = useState<CertificateInfo | null | undefined>(undefined);
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const api = getApi();
    void api['certificates.mine']({}).then(setCurrent, () => setCurrent(null));
  }, []);

  const submit = async () => {
    setMessage(null);
    if (!file) {
      setErrors({ p12: t('certificate.needFile') });
      return;
    }
    setBusy(true);
    try {
      setCurrent(
        await getApi()['certificates.import']({ p12: await fileToBase64(file), passphrase, password }),
      );
      setErrors({});
      setPassphrase('');
      setPassword('');
      setMessage({ kind: 'success', text: t('certificate.imported') });
    } catch (e) {
      const fields = fieldErrors(e, t);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setMessage({ kind: 'error', text: errorText(e, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="certificate-h" className="card">
      <Heading2 id="certificate-h">{t('certificate.title')}</Heading2>
      <p className="help">{t('certificate.intro')}</p>
      {current === undefined ? null : current ? (
        <p>
          {t('certificate.current', {
            subject: current.subject ?? '—',
            organisation: current.organisation ?? '—',
            issuer: current.issuer ?? '—',
            until: dates.date(current.validUntil.slice(0, 10)),
          })}{' '}
          {current.imported ? t('certificate.current.imported') : null}
          <br />
          {t('certificate.serial', { serial: current.serial.toUpperCase() })}
          <br />
          <code className="fingerprint">{t('certificate.sha256', { sha: groupHex(current.sha256) })}</code>
        </p>
      ) : (
        <p>{t('certificate.none')}</p>
      )}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <Form onSubmit={submit}>
        <FileField
          label={t('certificate.file')}
          accept=".p12,.pfx"
          onChange={(files) => setFile(files[0] ?? null)}
          error={errors.p12}
        />
        <Field
          label={t('certificate.passphrase')}
          type="password"
          value={passphrase}
          onChange={setPassphrase}
          error={errors.passphrase}
          autoComplete="off"
        />
        <Field
          label={t('certificate.password')}
          help={t('certificate.password.help')}
          type="password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          autoComplete="current-password"
        />
        <Button type="submit" variant="primary" isDisabled={busy}>
          {t('certificate.submit')}
        </Button>
      </Form>
    </section>
  );
}
