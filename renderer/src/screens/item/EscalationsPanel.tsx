import { Heading3 } from '@utrecht/component-library-react';
import { useState } from 'react';
import {
  EscalationOutcome,
  type Escalation,
  type EscalationOutcome as Outcome,
} from '../../../../shared/contract/decisions';
import type { ItemWork } from '../../../../shared/contract/items';
import { getApi } from '../../api';
import {
  Button,
  Notice,
  SelectField,
  submitOnCtrlEnter,
  TextAreaField,
  DateField,
} from '../../components/forms';
import { fieldErrors } from '../../errors';
import { useLocale, useT } from '../../i18n';
import { formatMoment, useDates } from '../../i18n/dates';
import { errorText } from '../../errors';

/** The dossier's escalations, with the question and dissent they carried, and the answer when back. */
export function EscalationsPanel({ work, reload }: { work: ItemWork; reload(): Promise<void> }) {
  const t = useT();
  return (
    <section className="item-section" aria-labelledby="escalations-h">
      <Heading3 id="escalations-h">{t('escalation.title')}</Heading3>
      <ul className="escalation-list">
        {work.escalations.map((e) => (
          <li key={e.id}>
            <EscalationView escalation={e} />
            {!e.returnedAt && work.permissions.writeDecision ? (
              <ReturnForm escalation={e} reload={reload} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One escalation: the body, the question, with or without consensus, the dissent, the answer. */
export function EscalationView({ escalation: e }: { escalation: Escalation }) {
  const t = useT();
  const dates = useDates();
  const locale = useLocale((s) => s.locale);
  return (
    <>
      <p>
        <strong>{t('escalation.open', { body: e.body, date: formatMoment(e.createdAt, locale) })}</strong>
        {' · '}
        {e.consensus ? t('escalation.consensus') : t('escalation.noConsensus')}
        {e.returnedAt ? ` · ${t('escalation.returned', { date: formatMoment(e.returnedAt, locale) })}` : ''}
      </p>
      {e.question ? <p>{t('escalation.questionShown', { question: e.question })}</p> : null}
      {e.dissent ? (
        <>
          <p className="help">{t('escalation.dissent')}</p>
          <pre className="dissent">{e.dissent}</pre>
        </>
      ) : null}
      {e.outcome ? (
        <p>
          {t('escalation.answerShown', {
            outcome: t(`escalation.outcome.${e.outcome}`),
            date: e.answeredOn ? dates.date(e.answeredOn) : '',
          })}
          {e.answer ? ` — ${e.answer}` : ''}
        </p>
      ) : null}
    </>
  );
}

/** The body's answer: a result from the list, what it said, and the date it answered. */
export function ReturnForm({ escalation, reload }: { escalation: Escalation; reload(): Promise<void> }) {
  const t = useT();
  const api = getApi();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [answer, setAnswer] = useState('');
  const [answeredOn, setAnsweredOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  return (
    <form
      noValidate
      aria-label={t('escalation.return')}
      onKeyDown={submitOnCtrlEnter}
      onSubmit={(ev) => {
        ev.preventDefault();
        if (!outcome) {
          setErrors({ outcome: t('field.required') });
          return;
        }
        void api['escalations.return']({ escalationId: escalation.id, outcome, answer, answeredOn }).then(
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
      <SelectField
        label={t('escalation.outcome', { body: escalation.body })}
        value={outcome}
        onChange={setOutcome}
        options={EscalationOutcome.options.map((o) => ({ value: o, label: t(`escalation.outcome.${o}`) }))}
        placeholder={t('outflow.choose')}
        error={errors.outcome}
        isRequired
      />
      <TextAreaField
        label={t('escalation.returnReason', { body: escalation.body })}
        value={answer}
        onChange={setAnswer}
        error={errors.answer}
        rows={2}
        isRequired
      />
      <DateField
        label={t('escalation.answeredOn')}
        value={answeredOn}
        onChange={setAnsweredOn}
        placeholder={t('beamer.date.placeholder')}
        pickerLabel={t('beamer.date.pick', { label: t('escalation.answeredOn') })}
        error={errors.answeredOn}
        isRequired
      />
      <Button type="submit">{t('escalation.return')}</Button>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </form>
  );
}
