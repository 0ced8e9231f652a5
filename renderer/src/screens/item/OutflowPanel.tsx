import { Heading3 } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { ItemWork } from '../../../../shared/contract/items';
import { countries } from '../../../../shared/domain/countries';
import {
  endedByValues,
  mobReasons,
  outcomeCategories,
  permitGrounds,
  type EndedBy,
  type MobReason,
  type OutcomeCategory,
  type PermitGround,
} from '../../../../shared/domain/dossier';
import { getApi } from '../../api';
import { Button, Field, Notice, SelectField, submitOnCtrlEnter, DateField } from '../../components/forms';
import { fieldErrors } from '../../errors';
import { useT } from '../../i18n';
import { useDates } from '../../i18n/dates';
import { countryLabel, useLabels } from '../../i18n/domain';
import { useLocale } from '../../i18n/index';
import { errorText } from '../../errors';
import { outcomeText } from '../dossiers/OutcomeSection';

/** Uitstroom: the categories of the Perspectief evaluation, exactly as domain.md lists them. */
export function OutflowPanel({ work, reload }: { work: ItemWork; reload(): Promise<void> }) {
  const t = useT();
  const labels = useLabels();
  const dates = useDates();
  const dossier = work.dossier!;
  const [outcome, setOutcome] = useState<OutcomeCategory | ''>('');
  const [subkind, setSubkind] = useState('');
  const [detail, setDetail] = useState('');
  const [permitGround, setPermitGround] = useState<PermitGround | ''>('');
  const [mobReason, setMobReason] = useState<MobReason | ''>('');
  const [country, setCountry] = useState('');
  const locale = useLocale((s) => s.locale);
  const [endedBy, setEndedBy] = useState<EndedBy | ''>('');
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const out = dossier.status === 'uitgestroomd' || dossier.status === 'gesloten';
  const subkinds: Record<string, string> = outcome ? labels.outcomeSubkinds[outcome] : {};

  const run = async (fn: () => Promise<string>) => {
    try {
      setMessage({ kind: 'success', text: await fn() });
      setErrors({});
    } catch (e) {
      setErrors(fieldErrors(e, t));
      setMessage({ kind: 'error', text: errorText(e, t) });
    }
    await reload();
  };

  const submit = () => {
    const missing: Record<string, string> = {};
    if (!outcome) missing.outcome = t('field.required');
    if (!endedBy) missing.endedBy = t('field.required');
    if (!outcome || !endedBy) return setErrors(missing);
    void run(async () => {
      await getApi()['outflow.record']({
        dossierId: dossier.id,
        expectedVersion: dossier.version,
        outcome,
        subkind: subkind || null,
        permitGround: permitGround || null,
        mobReason: mobReason || null,
        country: country || null,
        detail: detail.trim() || null,
        endedBy,
        date: date.trim(),
      });
      return t(out ? 'outflow.completed' : 'outflow.saved');
    });
  };

  return (
    <section className="item-section" aria-labelledby="outflow-h" data-shortcut="outflow">
      <Heading3 id="outflow-h" tabIndex={-1}>
        {t('outflow.title')} <kbd>Alt+U</kbd>
      </Heading3>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {out ? (
        <form
          noValidate
          onKeyDown={submitOnCtrlEnter}
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await getApi()['outflow.reopen']({
                dossierId: dossier.id,
                expectedVersion: dossier.version,
                reason,
              });
              setReason('');
              return t('outflow.reopened');
            });
          }}
        >
          <p>
            {t('outflow.current', {
              date: dossier.outflowDate ? dates.date(dossier.outflowDate) : '',
              outcome: outcomeText(labels, dossier),
            })}
            {dossier.outcomeIncomplete ? <strong className="flag"> {t('outflow.incomplete')}</strong> : null}
            {dossier.outcomeDetail ? ` — ${dossier.outcomeDetail}` : ''}
          </p>
          <Field
            label={t('outflow.reopenReason')}
            value={reason}
            onChange={setReason}
            error={errors.reason}
          />
          <Button type="submit">{t('outflow.reopen')}</Button>
        </form>
      ) : null}
      {!out || dossier.outcomeIncomplete ? (
        <form
          noValidate
          onKeyDown={submitOnCtrlEnter}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <SelectField
            label={t('outflow.outcome')}
            value={outcome}
            onChange={(v) => {
              setOutcome(v);
              setSubkind('');
            }}
            options={outcomeCategories.map((c) => ({ value: c, label: labels.outcome[c] }))}
            placeholder={t('outflow.choose')}
            error={errors.outcome}
            isRequired
          />
          {Object.keys(subkinds).length ? (
            <SelectField
              label={t('outflow.subkind')}
              value={subkind}
              onChange={setSubkind}
              options={Object.entries(subkinds).map(([value, label]) => ({ value, label }))}
              placeholder={t('outflow.choose')}
              error={errors.subkind}
            />
          ) : null}
          {outcome === 'VERBLIJFSVERGUNNING' ? (
            <SelectField
              label={t('outflow.permitGround')}
              value={permitGround}
              onChange={setPermitGround}
              options={permitGrounds.map((g) => ({ value: g, label: labels.permitGround[g] }))}
              placeholder={t('outflow.choose')}
              error={errors.permitGround}
              isRequired
            />
          ) : null}
          {outcome === 'MOB' ? (
            <SelectField
              label={t('outflow.mobReason')}
              value={mobReason}
              onChange={setMobReason}
              options={mobReasons.map((r) => ({ value: r, label: labels.mobReason[r] }))}
              placeholder={t('outflow.choose')}
              error={errors.mobReason}
            />
          ) : null}
          {outcome === 'TERUGKEER' || outcome === 'DOORMIGRATIE' ? (
            <SelectField
              label={t('outflow.country')}
              value={country}
              onChange={setCountry}
              options={countries.map((c) => ({ value: c.code, label: countryLabel(c.code, locale) }))}
              placeholder={t('outflow.choose')}
              error={errors.country}
            />
          ) : null}
          <Field label={t('outflow.detail')} value={detail} onChange={setDetail} error={errors.detail} />
          <SelectField
            label={t('outflow.endedBy')}
            value={endedBy}
            onChange={setEndedBy}
            options={endedByValues.map((v) => ({ value: v, label: labels.endedBy[v] }))}
            placeholder={t('outflow.choose')}
            error={errors.endedBy}
            isRequired
          />
          <DateField
            label={t('outflow.date')}
            value={date}
            onChange={setDate}
            placeholder={t('beamer.date.placeholder')}
            pickerLabel={t('beamer.date.pick', { label: t('outflow.date') })}
            error={errors.date}
            isRequired
          />
          <Button type="submit" aria-keyshortcuts="Control+Enter">
            {t(out ? 'outflow.complete' : 'outflow.save')} <kbd>Ctrl+Enter</kbd>
          </Button>
        </form>
      ) : null}
    </section>
  );
}
