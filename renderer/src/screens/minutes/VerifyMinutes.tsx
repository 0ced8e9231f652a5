import {
  Heading1,
  Heading2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import type { MinutesVerification, SigningCertificate } from '../../../../shared/contract/minutes';
import { getApi } from '../../api';
import { Button, FileField, Form, Notice } from '../../components/forms';
import { fieldErrors } from '../../errors';
import { plural, useT } from '../../i18n';
import { errorText } from '../../errors';
import { useDates } from '../../i18n/dates';
import { fileToBase64, groupHex } from './files';

/** "Verslag controleren": a received DOCX with its .p7s files, checked against this environment's CA or a ca.pem. */
export function VerifyMinutes() {
  const t = useT();
  const [docx, setDocx] = useState<File | null>(null);
  const [signatures, setSignatures] = useState<File[]>([]);
  const [ca, setCa] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<MinutesVerification | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = (set: (files: File[]) => void) => (files: File[]) => {
    set(files);
    setResult(null);
  };

  const submit = async () => {
    const missing: Record<string, string> = {};
    if (!docx) missing.docx = t('verify.needDocx');
    if (signatures.length === 0) missing.signatures = t('verify.needSignatures');
    setErrors(missing);
    setMessage(null);
    if (!docx || signatures.length === 0) return;
    setBusy(true);
    try {
      const read = async (f: File) => ({ name: f.name, base64: await fileToBase64(f) });
      const input = {
        docx: await read(docx),
        signatures: await Promise.all(signatures.map(read)),
        ...(ca ? { caPem: await ca.text() } : {}),
      };
      setResult(await getApi()['minutes.verify'](input));
    } catch (e) {
      const fields = fieldErrors(e, t);
      if (fields.caPem) setErrors({ ca: fields.caPem });
      else setMessage(errorText(e, t));
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" tabIndex={-1}>
      <Heading1>{t('verify.title')}</Heading1>
      <p>{t('verify.intro')}</p>
      <Form className="card" onSubmit={submit}>
        <FileField
          label={t('verify.docx')}
          accept=".docx"
          onChange={pick((f) => setDocx(f[0] ?? null))}
          error={errors.docx}
        />
        <FileField
          label={t('verify.signatures')}
          accept=".p7s"
          multiple
          onChange={pick(setSignatures)}
          error={errors.signatures}
        />
        <FileField
          label={t('verify.ca')}
          accept=".pem,.crt"
          onChange={pick((f) => setCa(f[0] ?? null))}
          error={errors.ca}
          help={t('verify.ca.help')}
        />
        <Button type="submit" variant="primary" isDisabled={busy}>
          {t('verify.submit')}
        </Button>
      </Form>
      {message ? <Notice kind="error">{message}</Notice> : null}
      {result ? <VerifyResult result={result} /> : null}
    </main>
  );
}

/** Checks after the digest (signature, issuer, validity) failing means the bytes did match; earlier ones tell nothing. */
const afterDigest = new Set([
  'bad_signature',
  'untrusted_signer',
  'certificate_not_valid_at_signing_time',
  'key_usage',
]);
function bytesMatch(s: MinutesVerification['signatures'][number]): boolean | null {
  if (s.valid || afterDigest.has(s.reason ?? '')) return true;
  return s.reason === 'digest_mismatch' ? false : null;
}

function VerifyResult({ result }: { result: MinutesVerification }) {
  const t = useT();
  const dates = useDates();
  return (
    <section aria-labelledby="verify-result-h" className="verify-result">
      <Heading2 id="verify-result-h" className={result.allValid ? 'verify-ok' : 'verify-bad'}>
        {result.allValid
          ? t(plural(result.signatures.length, 'verify.allValid.one', 'verify.allValid.other'), {
              count: result.signatures.length,
            })
          : t('verify.notValid')}
      </Heading2>
      <p>
        {result.knownVersion
          ? t('verify.known', {
              version: result.knownVersion.version,
              date: dates.date(result.knownVersion.date),
            })
          : t('verify.unknown')}{' '}
        {t(`verify.caSource.${result.caSource}`)}
      </p>
      <p className="help">{t('verify.sha', { sha: result.documentSha256 })}</p>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('verify.col.file')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('verify.col.result')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('verify.col.signer')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('verify.col.organisation')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('verify.col.time')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('verify.col.certificate')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('verify.col.bytes')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.signatures.map((s) => (
            <TableRow key={s.file}>
              <TableCell>{s.file}</TableCell>
              <TableCell className={s.valid ? 'verify-ok' : 'verify-bad'}>
                {s.valid
                  ? t('verify.valid')
                  : t('verify.invalid', { reason: t(`verify.reason.${s.reason!}`) })}
              </TableCell>
              <TableCell>{s.signer?.name ?? t('verify.unknownSigner')}</TableCell>
              <TableCell>{s.signer?.organisation ?? t('verify.unknownSigner')}</TableCell>
              <TableCell>{s.signingTime ? dates.moment(s.signingTime) : '—'}</TableCell>
              <TableCell>{s.certificate ? <SigningCertificateFacts cert={s.certificate} /> : '—'}</TableCell>
              <TableCell>
                {bytesMatch(s) === null ? '—' : bytesMatch(s) ? t('common.yes') : t('common.no')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

/** Which certificate signed (subject, serial, fingerprint) and whether it was revoked since. */
function SigningCertificateFacts({ cert }: { cert: SigningCertificate }) {
  const t = useT();
  const dates = useDates();
  return (
    <>
      {cert.subject}
      <br />
      {t('verify.cert.serial', { serial: cert.serial.toUpperCase() })}
      <br />
      {t('verify.cert.sha256')}: <code className="fingerprint">{groupHex(cert.sha256)}</code>
      <br />
      {cert.revokedAt ? (
        <strong>
          {t('verify.cert.revoked', {
            date: dates.moment(cert.revokedAt),
            reason: t(`revoked.${cert.revokedReason ?? 'superseded'}`),
          })}
        </strong>
      ) : cert.registered === null ? (
        t('verify.cert.unchecked')
      ) : (
        t('verify.cert.notRevoked')
      )}
      {cert.registered === false ? (
        <>
          <br />
          <strong>{t('verify.cert.unregistered')}</strong>
        </>
      ) : null}
    </>
  );
}
