import {
  Heading2,
  Heading3,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { TrustedCertificate, TrustedRoots as TrustedRootsList } from '../../../shared/contract/trust';
import { getApi } from '../api';
import { Button, FileField, Form, Notice, TextAreaField } from '../components/forms';
import { errorText, fieldErrors } from '../errors';
import { useT } from '../i18n';
import { useDates } from '../i18n/dates';
import { fileToBase64 } from './minutes/files';

/**
 * "Vertrouwde basiscertificaten" on the beheerder's screen: the certificates signatures are checked
 * against (in the app, and by recipients through the exported ca.pem). The environment's own CA is
 * always there; the beheerder adds others, e.g. PKIoverheid's, and compares the fingerprint with the
 * one the publisher states. A chain inside someone's PKCS#12 file never counts.
 */
export function TrustedRoots() {
  const t = useT();
  const [list, setList] = useState<TrustedRootsList | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setList(await getApi()['trust.roots.list']({}));
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e, t) });
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async () => {
    setMessage(null);
    const pem = file ? await pemOf(file) : pasted.trim();
    if (!pem) {
      setErrors({ pem: t('trust.needCertificate') });
      return;
    }
    setBusy(true);
    try {
      setList(await getApi()['trust.roots.add']({ pem }));
      setErrors({});
      setPasted('');
      setMessage({ kind: 'success', text: t('trust.added') });
    } catch (e) {
      const fields = fieldErrors(e, t);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setMessage({ kind: 'error', text: errorText(e, t) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: number) => {
    setMessage(null);
    try {
      setList(await getApi()['trust.roots.remove']({ id }));
      setMessage({ kind: 'success', text: t('trust.removed') });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e, t) });
    } finally {
      setConfirming(null);
    }
  };

  return (
    <section aria-labelledby="trust-h">
      <Heading2 id="trust-h">{t('trust.title')}</Heading2>
      <p className="help">{t('trust.intro')}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {list ? (
        <Table>
          <TableCaption>{t('trust.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('trust.col.subject')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('trust.col.kind')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('trust.col.until')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('trust.col.fingerprint')}</TableHeaderCell>
              <TableHeaderCell scope="col">
                <span className="visually-hidden">{t('trust.col.actions')}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            <CertificateRow cert={list.environmentCa} kind={t('trust.kind.environment')}>
              {t('trust.alwaysTrusted')}
            </CertificateRow>
            {list.roots.map((r) => (
              <CertificateRow
                key={r.id}
                cert={r}
                kind={r.selfSigned ? t('trust.kind.root') : t('trust.kind.intermediate')}
              >
                {confirming === r.id ? (
                  <>
                    <span>{t('trust.remove.confirm')}</span>{' '}
                    <Button variant="danger" onPress={() => void remove(r.id)}>
                      {t('trust.remove.yes', { subject: r.subject })}
                    </Button>{' '}
                    <Button onPress={() => setConfirming(null)}>{t('common.cancel')}</Button>
                  </>
                ) : (
                  <Button onPress={() => setConfirming(r.id)}>
                    {t('trust.remove', { subject: r.subject })}
                  </Button>
                )}
              </CertificateRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <Form className="card" onSubmit={add}>
        <Heading3>{t('trust.add.title')}</Heading3>
        <p className="help">{t('trust.add.help')}</p>
        <FileField
          label={t('trust.add.file')}
          accept=".pem,.crt,.cer,.der"
          onChange={(files) => setFile(files[0] ?? null)}
          error={file ? errors.pem : undefined}
        />
        <TextAreaField
          label={t('trust.add.pasted')}
          value={pasted}
          onChange={setPasted}
          rows={6}
          error={file ? undefined : errors.pem}
        />
        <Button type="submit" variant="primary" isDisabled={busy}>
          {t('trust.add.submit')}
        </Button>
      </Form>
    </section>
  );
}

function CertificateRow(props: { cert: TrustedCertificate; kind: string; children: ReactNode }) {
  const dates = useDates();
  const { cert } = props;
  return (
    <TableRow>
      <TableCell>{cert.subject}</TableCell>
      <TableCell>{props.kind}</TableCell>
      <TableCell>{dates.date(cert.notAfter.slice(0, 10))}</TableCell>
      <TableCell>
        <code className="fingerprint">
          {cert.sha256
            .match(/.{1,2}/g)
            ?.join(':')
            .toUpperCase()}
        </code>
      </TableCell>
      <TableCell>{props.children}</TableCell>
    </TableRow>
  );
}

/** A .pem file as it is; a binary (DER) .crt/.cer, as publishers often offer roots, armoured as PEM. */
async function pemOf(file: File): Promise<string> {
  const text = await file.text();
  if (text.includes('-----BEGIN')) return text;
  const b64 = await fileToBase64(file);
  return `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;
}
