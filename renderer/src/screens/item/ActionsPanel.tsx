import { Heading3 } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { ItemWork } from '../../../../shared/contract/items';
import { getApi } from '../../api';
import {
  Button,
  Checkbox,
  Field,
  Notice,
  SelectField,
  submitOnCtrlEnter,
  DateField,
} from '../../components/forms';
import { fieldErrors } from '../../errors';
import { useT } from '../../i18n';
import { useDates } from '../../i18n/dates';
import { ActionReview } from './ActionReview';
import { errorText } from '../../errors';

/** The dossier's open actions (reviewed here) and a form for new ones agreed at this item. */
export function ActionsPanel({ work, reload }: { work: ItemWork; reload(): Promise<void> }) {
  const t = useT();
  const dates = useDates();
  const [what, setWhat] = useState('');
  const [org, setOrg] = useState<string>('');
  const [person, setPerson] = useState('');
  const [due, setDue] = useState('');
  const [link, setLink] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const manage = work.permissions.manageActions;
  const decision = work.decision;

  const add = async () => {
    if (!org) {
      setErrors({ organisationId: t('field.required') });
      return;
    }
    try {
      const a = await getApi()['actions.create']({
        itemId: work.item.id,
        decisionId: link && decision ? decision.id : null,
        what,
        organisationId: Number(org),
        person: person.trim() || null,
        dueDate: due.trim(),
      });
      setErrors({});
      setWhat('');
      setPerson('');
      setDue('');
      setMessage({ kind: 'success', text: t('actions.added', { org: a.organisationName }) });
      await reload();
    } catch (e) {
      setErrors(fieldErrors(e, t));
      setMessage({ kind: 'error', text: errorText(e, t) });
    }
  };

  return (
    <section className="item-section" aria-labelledby="actions-h">
      <Heading3 id="actions-h">{t('actions.item.title')}</Heading3>
      {work.actions.length === 0 ? <p className="muted">{t('actions.item.none')}</p> : null}
      <ul className="action-list">
        {work.actions.map((a) => (
          <li key={a.id}>
            <strong>{a.what}</strong> — {a.organisationName}
            {a.person ? ` (${a.person})` : ''}, {t('actions.dueOn', { date: dates.date(a.dueDate) })} ·{' '}
            {t(`actions.status.${a.status}`)}
            {a.overdue ? <strong className="overdue"> · {t('actions.overdue')}</strong> : null}
            {a.postponements ? ` · ${t('actions.postponed', { n: a.postponements })}` : ''}
            {a.reason ? ` — ${a.reason}` : ''}
            {manage && a.status === 'open' && !work.meeting.closed ? (
              <ActionReview action={a} meetingId={work.meeting.id} onDone={reload} />
            ) : null}
          </li>
        ))}
      </ul>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {manage && !work.meeting.closed ? (
        <form
          className="action-form"
          data-shortcut="action"
          aria-label={t('actions.add')}
          noValidate
          onKeyDown={submitOnCtrlEnter}
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <Field label={t('actions.what')} value={what} onChange={setWhat} error={errors.what} isRequired />
          <SelectField
            label={t('actions.organisation')}
            value={org}
            onChange={setOrg}
            options={work.organisations.map((o) => ({ value: String(o.id), label: o.name }))}
            placeholder={t('outflow.choose')}
            error={errors.organisationId}
            isRequired
          />
          <Field label={t('actions.person')} value={person} onChange={setPerson} error={errors.person} />
          <DateField
            label={t('actions.due')}
            value={due}
            onChange={setDue}
            placeholder={t('beamer.date.placeholder')}
            pickerLabel={t('beamer.date.pick', { label: t('actions.due') })}
            error={errors.dueDate}
            isRequired
          />
          {decision ? (
            <Checkbox
              label={t('actions.linkDecision', { number: decision.number })}
              checked={link}
              onChange={setLink}
            />
          ) : null}
          <Button type="submit" aria-keyshortcuts="Control+Enter">
            {t('actions.add')} <kbd>Ctrl+Enter</kbd>
          </Button>
        </form>
      ) : null}
    </section>
  );
}
