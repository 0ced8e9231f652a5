import { Heading3 } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { Escalation } from '../../../../shared/contract/decisions';
import type { ItemWork } from '../../../../shared/contract/items';
import { getApi } from '../../api';
import { Button, Field, Notice, submitOnCtrlEnter } from '../../components/forms';
import { fieldErrors } from '../../errors';
import { useLocale, useT } from '../../i18n';
import { formatMoment } from '../../i18n/dates';
import { errorText } from '../../errors';

/** The dossier's escalations, with the dissent they carried; the chair records when one returns. */
export function EscalationsPanel({ work, reload }: { work: ItemWork; reload(): Promise<void> }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return (
    <section className="item-section" aria-labelledby="escalations-h">
      <Heading3 id="escalations-h">{t('escalation.title')}</Heading3>
      <ul className="escalation-list">
        {work.escalations.map((e) => (
          <li key={e.id}>
            <p>
              <strong>
                {t('escalation.open', { body: e.body, date: formatMoment(e.createdAt, locale) })}
              </strong>
              {e.returnedAt
                ? ` · ${t('escalation.returned', { date: formatMoment(e.returnedAt, locale) })}`
                : ''}
            </p>
            {e.dissent ? (
              <>
                <p className="help">{t('escalation.dissent')}</p>
                <pre className="dissent">{e.dissent}</pre>
              </>
            ) : null}
            {!e.returnedAt && work.permissions.decide ? <ReturnForm escalation={e} reload={reload} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReturnForm({ escalation, reload }: { escalation: Escalation; reload(): Promise<void> }) {
  const t = useT();
  const api = getApi();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  return (
    <form
      noValidate
      onKeyDown={submitOnCtrlEnter}
      onSubmit={(ev) => {
        ev.preventDefault();
        void api['escalations.return']({ escalationId: escalation.id, reason }).then(
          async () => {
            setMessage({ kind: 'success', text: t('escalation.returnedDone') });
            await reload();
          },
          (e: unknown) => {
            setErrors(fieldErrors(e, t));
            setMessage({ kind: 'error', text: errorText(e, t) });
          },
        );
      }}
    >
      <Field
        label={t('escalation.returnReason', { body: escalation.body })}
        value={reason}
        onChange={setReason}
        error={errors.reason}
      />
      <Button type="submit">{t('escalation.return')}</Button>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </form>
  );
}
