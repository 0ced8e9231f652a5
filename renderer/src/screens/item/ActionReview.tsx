import { useState } from 'react';
import type { Action, ActionReviewOutcome } from '../../../../shared/contract/actions';
import { getApi } from '../../api';
import { Button, Field, Notice, SelectField, submitOnCtrlEnter, DateField } from '../../components/forms';
import { fieldErrors } from '../../errors';
import { useT } from '../../i18n';
import { errorText } from '../../errors';

const outcomes: ActionReviewOutcome[] = ['gedaan', 'uitgesteld', 'vervallen', 'niet_gedaan'];

/** Reviewing one open action: done, postponed (new date and reason), lapsed or not done (reason). */
export function ActionReview(props: { action: Action; meetingId: number | null; onDone(): Promise<void> }) {
  const t = useT();
  const api = getApi();
  const [outcome, setOutcome] = useState<ActionReviewOutcome | ''>('');
  const [newDueDate, setNewDueDate] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const a = props.action;
  return (
    <form
      className="action-review"
      aria-label={t('actions.review.outcome', { what: a.what })}
      noValidate
      onKeyDown={submitOnCtrlEnter}
      onSubmit={(e) => {
        e.preventDefault();
        if (!outcome) {
          setErrors({ outcome: t('field.required') });
          return;
        }
        void api['actions.review']({
          actionId: a.id,
          expectedVersion: a.version,
          outcome,
          newDueDate: outcome === 'uitgesteld' ? newDueDate.trim() || null : null,
          reason: reason.trim() || null,
          meetingId: props.meetingId,
        }).then(
          async () => {
            setErrors({});
            setError(null);
            await props.onDone();
          },
          (err: unknown) => {
            setErrors(fieldErrors(err, t));
            setError(errorText(err, t));
          },
        );
      }}
    >
      <SelectField
        label={t('actions.review.outcome', { what: a.what })}
        value={outcome}
        onChange={setOutcome}
        options={outcomes.map((o) => ({ value: o, label: t(`actions.review.${o}`) }))}
        placeholder={t('outflow.choose')}
        error={errors.outcome}
        isRequired
      />
      {outcome === 'uitgesteld' ? (
        <DateField
          label={t('actions.review.newDate')}
          value={newDueDate}
          onChange={setNewDueDate}
          placeholder={t('beamer.date.placeholder')}
          pickerLabel={t('beamer.date.pick', { label: t('actions.review.newDate') })}
          error={errors.newDueDate}
        />
      ) : null}
      {outcome && outcome !== 'gedaan' ? (
        <Field label={t('actions.review.reason')} value={reason} onChange={setReason} error={errors.reason} />
      ) : null}
      <Button type="submit">{t('actions.review.save')}</Button>
      {error ? <Notice kind="error">{error}</Notice> : null}
    </form>
  );
}
