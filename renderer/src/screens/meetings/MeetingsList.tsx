import {
  Heading1,
  Heading2,
  Link,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useCallback, useEffect, useState } from 'react';
import type { MeetingOptions, MeetingSummary } from '../../../../shared/contract/meetings';
import { getApi } from '../../api';
import { Button, Field, Notice, SelectField } from '../../components/forms';
import { fieldErrors } from '../../errors';
import { useT } from '../../i18n';
import { navigate } from '../../state/router';
import { AgendaSettingsForm } from './AgendaSettingsForm';
import { useDates } from '../../i18n/dates';
import { errorText } from '../../errors';
import { useCan } from '../../state/session';

type Message = { kind: 'error' | 'success'; text: string } | null;

/** The meetings, newest first; the chair and secretary plan new ones; agenda settings for chair and beheerder. */
export function MeetingsList() {
  const t = useT();
  const dates = useDates();
  const canPlan = useCan('meetings.manage');
  const canSet = useCan('meetings.settings');
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [message, setMessage] = useState<Message>(null);

  const load = useCallback(async () => {
    try {
      setMeetings(await getApi()['meetings.list']({}));
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e, t) });
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main id="main" tabIndex={-1}>
      <Heading1>{t('meetings.title')}</Heading1>
      {/* Planning and chairing is for the chair and secretary; the others read and ask. */}
      <p>{t(canPlan ? 'meetings.intro' : 'meetings.intro.participant')}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {meetings === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : meetings.length === 0 ? (
        <p>{t('meetings.none')}</p>
      ) : (
        <Table>
          <TableCaption>{t('meetings.list.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('meetings.col.date')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('meetings.col.time')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('meetings.col.place')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('meetings.col.chair')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('meetings.col.items')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('meetings.col.state')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {meetings.map((m) => (
              <TableRow key={m.id}>
                <TableCell>
                  <Link
                    href={`#/overleggen/${m.id}`}
                    aria-label={t('meetings.open', { date: dates.date(m.date) })}
                  >
                    {dates.date(m.date)}
                  </Link>
                </TableCell>
                <TableCell>{m.time}</TableCell>
                <TableCell>{m.place}</TableCell>
                <TableCell>{m.chair?.displayName ?? ''}</TableCell>
                <TableCell>{m.itemCount}</TableCell>
                <TableCell>{t(`meetings.state.${m.state}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canPlan ? <PlanForm onPlanned={(id) => navigate(`overleggen/${id}`)} onError={setMessage} /> : null}
      {canSet ? <AgendaSettingsForm /> : null}
    </main>
  );
}

function PlanForm({
  onPlanned,
  onError,
}: {
  onPlanned: (id: number) => void;
  onError: (m: Message) => void;
}) {
  const t = useT();
  const [options, setOptions] = useState<MeetingOptions | null>(null);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('10:00');
  const [place, setPlace] = useState('');
  const [chair, setChair] = useState('');
  const [secretary, setSecretary] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    const api = getApi();
    void api['meetings.options']({})
      .then((o) => {
        setOptions(o);
        setDate(o.suggestedDate);
      })
      .catch((e: unknown) => onError({ kind: 'error', text: errorText(e, t) }));
  }, [onError, t]);
  if (!options) return null;

  const people = (list: MeetingOptions['chairs']) => [
    { value: '', label: t('meetings.field.nobody') },
    ...list.map((p) => ({ value: String(p.id), label: p.displayName })),
  ];
  const submit = async () => {
    try {
      const m = await getApi()['meetings.plan']({
        date,
        time,
        place,
        chairUserId: chair ? Number(chair) : null,
        secretaryUserId: secretary ? Number(secretary) : null,
      });
      onPlanned(m.id);
    } catch (e) {
      setErrors(fieldErrors(e, t));
      onError({ kind: 'error', text: errorText(e, t) });
    }
  };

  return (
    <section aria-labelledby="plan-h" className="card">
      <Heading2 id="plan-h">{t('meetings.plan.title')}</Heading2>
      <p className="help">{t('meetings.plan.help', { cadence: t(`meetings.cadence.${options.cadence}`) })}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="meeting-fields">
          <Field
            label={t('meetings.field.date')}
            type="date"
            value={date}
            onChange={setDate}
            error={errors.date}
            isRequired
          />
          <Field
            label={t('meetings.field.time')}
            type="time"
            value={time}
            onChange={setTime}
            error={errors.time}
          />
          <Field label={t('meetings.field.place')} value={place} onChange={setPlace} error={errors.place} />
          <SelectField
            label={t('meetings.field.chair')}
            value={chair}
            onChange={setChair}
            options={people(options.chairs)}
            error={errors.chairUserId}
          />
          <SelectField
            label={t('meetings.field.secretary')}
            value={secretary}
            onChange={setSecretary}
            options={people(options.secretaries)}
            error={errors.secretaryUserId}
          />
        </div>
        <Button type="submit" variant="primary">
          {t('meetings.plan.submit')}
        </Button>
      </form>
    </section>
  );
}
