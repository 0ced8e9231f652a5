import { Heading2 } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { StoredAgendaSettings } from '../../../../shared/contract/meetings';
import { getApi } from '../../api';
import { Button, Field, Notice } from '../../components/forms';
import { fieldErrors } from '../../errors';
import { useT } from '../../i18n';
import { errorText } from '../../errors';

type Message = { kind: 'error' | 'success'; text: string } | null;

/**
 * The agenda settings (how soon a target date counts as near, the cut-off for discussion requests,
 * the default minutes per dossier). Shown to the chair on the meetings page and to the beheerder on
 * the administration page; the backend allows exactly those two roles.
 */
export function AgendaSettingsForm() {
  const t = useT();
  const [s, setS] = useState<StoredAgendaSettings | null>(null);
  const [form, setForm] = useState({ window: '', days: '', time: '', minutes: '', noContact: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message>(null);

  useEffect(() => {
    const api = getApi();
    void api['meetings.settings.get']({})
      .then((x) => {
        setS(x);
        setForm({
          window: String(x.targetWindowWeeks),
          days: String(x.cutoff.daysBefore),
          time: x.cutoff.time,
          minutes: String(x.minutesPerDossier),
          noContact: String(x.noContactWeeks),
        });
      })
      .catch(() => {});
  }, []);
  if (!s) return null;
  const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
  const save = async () => {
    try {
      await getApi()['meetings.settings.update']({
        targetWindowWeeks: num(form.window),
        cutoff: { daysBefore: num(form.days), time: form.time },
        minutesPerDossier: num(form.minutes),
        noContactWeeks: num(form.noContact),
      });
      setErrors({});
      setMessage({ kind: 'success', text: t('meetings.settings.saved') });
    } catch (e) {
      setErrors(fieldErrors(e, t));
      setMessage({ kind: 'error', text: errorText(e, t) });
    }
  };
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  return (
    <section aria-labelledby="agenda-settings-h" className="card">
      <Heading2 id="agenda-settings-h">{t('meetings.settings.title')}</Heading2>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="meeting-fields">
          <Field
            label={t('meetings.settings.window')}
            type="number"
            inputMode="numeric"
            value={form.window}
            onChange={set('window')}
            error={errors.targetWindowWeeks}
          />
          <Field
            label={t('meetings.settings.daysBefore')}
            type="number"
            inputMode="numeric"
            value={form.days}
            onChange={set('days')}
            error={errors['cutoff.daysBefore']}
          />
          <Field
            label={t('meetings.settings.time')}
            type="time"
            value={form.time}
            onChange={set('time')}
            error={errors['cutoff.time']}
          />
          <Field
            label={t('meetings.settings.minutes')}
            type="number"
            inputMode="numeric"
            value={form.minutes}
            onChange={set('minutes')}
            error={errors.minutesPerDossier}
          />
          <Field
            label={t('meetings.settings.noContactWeeks')}
            type="number"
            inputMode="numeric"
            value={form.noContact}
            onChange={set('noContact')}
            error={errors.noContactWeeks}
          />
        </div>
        <Button type="submit">{t('common.save')}</Button>
      </form>
    </section>
  );
}
