import {
  Heading2,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useCallback, useEffect, useState } from 'react';
import type { CertificateRequest } from '../../../shared/contract/minutes';
import { getApi } from '../api';
import { Button, Field, Form, Notice } from '../components/forms';
import { errorText, fieldErrors } from '../errors';
import { useT } from '../i18n';
import { useDates } from '../i18n/dates';

/**
 * "Aanvragen voor ondertekeningscertificaten" on the beheerder's screen: a signer's first signature
 * (or Mijn account) asks for a certificate; the beheerder issues it by typing their own password, which
 * unwraps the CA's key for that one issuance. The backend decides who may; this only shows the list.
 */
export function CertificateRequests() {
  const t = useT();
  const dates = useDates();
  const [requests, setRequests] = useState<CertificateRequest[] | null>(null);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setRequests(await getApi()['certificates.requests']({}));
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e, t) });
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  const approve = async (r: CertificateRequest) => {
    setMessage(null);
    setBusy(true);
    try {
      setRequests(await getApi()['certificates.approve']({ requestId: r.id, password }));
      setErrors({});
      setPassword('');
      setMessage({ kind: 'success', text: t('requests.approved', { name: r.name }) });
    } catch (e) {
      const fields = fieldErrors(e, t);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setMessage({ kind: 'error', text: errorText(e, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="requests-h">
      <Heading2 id="requests-h">{t('requests.title')}</Heading2>
      <p className="help">{t('requests.intro')}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {requests && requests.length === 0 ? <p>{t('requests.none')}</p> : null}
      {requests && requests.length > 0 ? (
        <Form className="card" onSubmit={() => undefined}>
          <Field
            label={t('requests.password')}
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            error={errors.password}
          />
          <Table>
            <TableCaption>{t('requests.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('requests.col.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('requests.col.organisation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('requests.col.requestedAt')}</TableHeaderCell>
                <TableHeaderCell scope="col">
                  <span className="visually-hidden">{t('trust.col.actions')}</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {requests.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{r.name}</TableCell>
                  <TableCell>{r.organisation}</TableCell>
                  <TableCell>{dates.date(r.requestedAt.slice(0, 10))}</TableCell>
                  <TableCell>
                    <Button variant="primary" isDisabled={busy} onPress={() => void approve(r)}>
                      {t('requests.approve', { name: r.name })}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Form>
      ) : null}
    </section>
  );
}
