import { Heading2 } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { SpecialConclusion, SpecialData } from '../../../../shared/contract/dossiers';
import { healthAnswers, type HealthAnswer } from '../../../../shared/domain/dossier';
import { getApi } from '../../api';
import { Button, Notice, SelectField, TextAreaField } from '../../components/forms';
import { errorText } from '../../errors';
import { useT } from '../../i18n';
import { dossierFieldErrors } from './shared';

/**
 * Health and justice history. Everyone sees the conclusion; those who may (the backend decides) can
 * open the detail on purpose, which the backend logs. Nothing is fetched until they ask, so a dossier
 * opened in a meeting never shows it by accident.
 */
export function SpecialPanel({
  dossierId,
  conclusion,
}: {
  dossierId: number;
  conclusion: SpecialConclusion;
}) {
  const t = useT();
  const [data, setData] = useState<SpecialData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const answer = (a: HealthAnswer) => t(`dossiers.answer.${a}`);
  const shownAnswer = data?.medicalObstacle ?? conclusion.medicalObstacle;

  return (
    <section aria-labelledby="special-h" className="dossier-section special-panel">
      <Heading2 id="special-h">{t('dossiers.special')}</Heading2>
      <p className="help">{t('dossiers.special.intro')}</p>
      <p className="special-conclusion">
        <strong>{t('dossiers.special.conclusion', { answer: answer(shownAnswer) })}</strong>
        {conclusion.heldBy.length
          ? ` ${t('dossiers.special.heldBy', { orgs: conclusion.heldBy.join(', ') })}`
          : ''}
      </p>
      <Notice kind="error">{error}</Notice>
      {!conclusion.mayView ? (
        <p>{t('dossiers.special.noAccess')}</p>
      ) : data ? (
        <SpecialForm data={data} onSaved={setData} onHide={() => setData(null)} />
      ) : (
        <Button
          onPress={() => {
            const request = getApi()['dossiers.special.get']({ id: dossierId });
            request.then(setData, (e: unknown) => setError(errorText(e, t)));
          }}
        >
          {t('dossiers.special.show')}
        </Button>
      )}
    </section>
  );
}

function SpecialForm({
  data,
  onSaved,
  onHide,
}: {
  data: SpecialData;
  onSaved(d: SpecialData): void;
  onHide(): void;
}) {
  const t = useT();
  const [form, setForm] = useState(data);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const options = healthAnswers.map((a) => ({ value: a, label: t(`dossiers.answer.${a}`) }));
  const text = (key: 'healthDetail' | 'justiceHistory' | 'restrictiveMeasures') => (
    <TextAreaField
      label={t(`dossiers.special.${key}`)}
      value={form[key] ?? ''}
      onChange={(v) => setForm({ ...form, [key]: v })}
      error={errors[key]}
    />
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const { dossierId, ...special } = form;
        const request = getApi()['dossiers.special.update']({ id: dossierId, special });
        request.then(
          (saved) => {
            onSaved(saved);
            setErrors({});
            setMessage({ kind: 'success', text: t('dossiers.special.saved') });
          },
          (err: unknown) => {
            setErrors(dossierFieldErrors(err, t));
            setMessage({ kind: 'error', text: errorText(err, t) });
          },
        );
      }}
      noValidate
    >
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <div className="dossier-form-grid">
        <SelectField
          label={t('dossiers.special.somatic')}
          value={form.healthSomatic}
          onChange={(v) => setForm({ ...form, healthSomatic: v })}
          options={options}
        />
        <SelectField
          label={t('dossiers.special.psychiatric')}
          value={form.healthPsychiatric}
          onChange={(v) => setForm({ ...form, healthPsychiatric: v })}
          options={options}
        />
        <SelectField
          label={t('dossiers.special.medicalObstacle')}
          value={form.medicalObstacle}
          onChange={(v) => setForm({ ...form, medicalObstacle: v })}
          options={options}
        />
      </div>
      {text('healthDetail')}
      {text('justiceHistory')}
      {text('restrictiveMeasures')}
      <div className="actions">
        <Button type="submit">{t('common.save')}</Button>
        <Button onPress={onHide}>{t('dossiers.special.hide')}</Button>
      </div>
    </form>
  );
}
