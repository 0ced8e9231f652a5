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
import { useCallback, useEffect, useState } from 'react';
import type { BackupContents, BackupStatus } from '../../../shared/contract/backups';
import { can } from '../../../shared/domain/permissions';
import { getApi } from '../api';
import { Button, Field, Form, Notice } from '../components/forms';
import { errorText, fieldErrors } from '../errors';
import { useT } from '../i18n';
import { useDates } from '../i18n/dates';
import { useSession } from '../state/session';

/**
 * Backups on the Beheer screen (issue 10): the folder and how many are kept, a backup now, and the
 * list with what each contains. Restoring first shows what the chosen backup holds, checked by
 * opening it, and asks once more; the environment then closes for everyone.
 */
export function BackupSection() {
  const t = useT();
  const dates = useDates();
  const api = getApi();
  const session = useSession((s) => s.status?.session ?? null);
  const refreshSession = useSession((s) => s.refresh);
  const administer = can(session, 'administer');
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [folder, setFolder] = useState('');
  const [keep, setKeep] = useState('10');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<{ name: string; contents: BackupContents } | null>(null);

  const load = useCallback(() => {
    api['backups.status']({}).then(
      (s) => {
        setStatus(s);
        setFolder(s.folder ?? '');
        setKeep(String(s.keep));
      },
      (e: unknown) => setMessage({ kind: 'error', text: errorText(e, t) }),
    );
  }, [api, t]);
  useEffect(load, [load]);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setMessage(null);
    setFields({});
    try {
      await action();
      setMessage({ kind: 'success', text: done });
      load();
    } catch (e) {
      setFields(fieldErrors(e, t));
      setMessage({ kind: 'error', text: errorText(e, t) });
    } finally {
      setBusy(false);
    }
  };

  const describe = (c: BackupContents) =>
    t('backup.contents', {
      lastMeeting: c.lastMeeting ? dates.date(c.lastMeeting) : t('backup.noMeeting'),
      dossiers: c.dossiers,
      meetings: c.meetings,
      records: c.auditRecords,
    });

  return (
    <section aria-labelledby="backup-h">
      <Heading2 id="backup-h">{t('backup.title')}</Heading2>
      <p>{t('backup.intro')}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {status?.lastError ? <Notice kind="warning">{t('backup.lastFailed')}</Notice> : null}
      {administer ? (
        <Form
          onSubmit={() =>
            run(() => api['backups.configure']({ folder, keep: Number(keep) }), t('backup.configured'))
          }
        >
          <Field
            label={t('backup.folder')}
            help={t('backup.folder.help')}
            value={folder}
            onChange={setFolder}
            error={fields.folder}
          />
          <Field
            label={t('backup.keep')}
            value={keep}
            onChange={setKeep}
            type="number"
            inputMode="numeric"
            error={fields.keep}
          />
          <Button type="submit" isDisabled={busy}>
            {t('common.save')}
          </Button>
        </Form>
      ) : null}
      <Button
        variant="primary"
        isDisabled={busy || !status?.folder}
        onPress={() => void run(() => api['backups.make']({}), t('backup.made'))}
      >
        {busy ? t('backup.busy') : t('backup.make')}
      </Button>
      {status && status.backups.length > 0 ? (
        <Table>
          <TableCaption>{t('backup.list')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('backup.col.date')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('backup.col.contents')}</TableHeaderCell>
              {administer ? <TableHeaderCell scope="col">{t('backup.col.action')}</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {status.backups.map((b) => (
              <TableRow key={b.name}>
                <TableCell>{b.contents ? dates.moment(b.contents.createdAt) : b.name}</TableCell>
                <TableCell>
                  {!b.contents
                    ? t('backup.unreadable')
                    : !b.ours
                      ? t('backup.otherEnvironment')
                      : describe(b.contents)}
                </TableCell>
                {administer ? (
                  <TableCell>
                    {b.contents && b.ours ? (
                      <Button
                        isDisabled={busy}
                        onPress={() =>
                          void run(async () => {
                            setConfirm({
                              name: b.name,
                              contents: await api['backups.inspect']({ name: b.name }),
                            });
                          }, t('backup.checked'))
                        }
                      >
                        {t('backup.restore')}
                      </Button>
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : status?.folder ? (
        <p>{t('backup.none')}</p>
      ) : null}
      {confirm ? (
        <div role="alertdialog" aria-labelledby="backup-confirm-h" className="confirm">
          <Heading3 id="backup-confirm-h">{t('backup.confirm.title')}</Heading3>
          <p>{t('backup.confirm.made', { at: dates.moment(confirm.contents.createdAt) })}</p>
          <p>{describe(confirm.contents)}</p>
          <Notice kind="warning">{t('backup.confirm.warning')}</Notice>
          <Button
            variant="danger"
            isDisabled={busy}
            onPress={() =>
              void run(async () => {
                await api['backups.restore']({ name: confirm.name });
                setConfirm(null);
                await refreshSession();
              }, t('backup.restored'))
            }
          >
            {t('backup.confirm.submit')}
          </Button>
          <Button onPress={() => setConfirm(null)}>{t('common.cancel')}</Button>
        </div>
      ) : null}
    </section>
  );
}
