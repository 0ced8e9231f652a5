import { Heading1, Heading2 } from '@utrecht/component-library-react';
import { ShippedThemeId } from '../../../shared/theme/themes';
import { useRef, useState } from 'react';
import { defaultOrganisations, type OrganisationInput } from '../../../shared/domain/environment';
import { organisationKinds } from '../../../shared/domain/roles';
import { getApi } from '../api';
import { Button, Field, Form, Notice, SelectField } from '../components/forms';
import { errorText, fieldErrors } from '../errors';
import { useT } from '../i18n';
import { useSession } from '../state/session';

type Cadence = 'wekelijks' | 'tweewekelijks' | 'maandelijks';
const STEPS = 3;

/** Three steps (city, organisations, administrator), then the recovery key is shown once. */
export function SetupWizard({ onCancel }: { onCancel(): void }) {
  const t = useT();
  const { setRecoveryKey, refresh } = useSession();
  const [step, setStep] = useState(1);
  const [city, setCity] = useState('');
  const [cadence, setCadence] = useState<Cadence>('wekelijks');
  const [theme, setTheme] = useState<ShippedThemeId>('standaard');
  const [term, setTerm] = useState('6');
  const [orgs, setOrgs] = useState<OrganisationInput[]>(defaultOrganisations(''));
  const [admin, setAdmin] = useState({
    displayName: '',
    username: '',
    password: '',
    password2: '',
    organisationIndex: 0,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const go = (n: number) => {
    setStep(n);
    setError(null);
    // Move focus to the new step's heading so screen reader users hear where they are.
    setTimeout(() => heading.current?.focus(), 0);
  };

  const validateStep = (): boolean => {
    const e: Record<string, string> = {};
    if (step === 1) {
      if (!city.trim()) e.city = t('field.required');
      const n = Number(term);
      if (!Number.isInteger(n) || n < 1 || n > 60) e.termMonths = t('field.invalid_value');
    }
    if (step === 2) {
      orgs.forEach((o, i) => {
        if (!o.name.trim()) e[`organisations.${i}.name`] = t('field.required');
      });
      if (!orgs.some((o) => o.kind === 'gemeente')) e.organisations = t('field.gemeente_required');
    }
    if (step === 3) {
      if (!admin.displayName.trim()) e['admin.displayName'] = t('field.required');
      if (!admin.username.trim()) e['admin.username'] = t('field.required');
      if (admin.password.length < 12) e['admin.password'] = t('field.too_small.password');
      if (admin.password !== admin.password2) e['admin.password2'] = t('field.mismatch');
    }
    setErrors(e);
    return Object.keys(e).length === 0;
  };

  const submit = async () => {
    if (!validateStep()) return;
    setBusy(true);
    setError(null);
    try {
      const { recoveryKey } = await getApi()['setup.create']({
        city: city.trim(),
        cadence,
        theme,
        termMonths: Number(term),
        organisations: orgs.map((o, i) =>
          i === 0 && o.kind === 'gemeente' && o.name.trim() === 'Gemeente'
            ? { ...o, name: `Gemeente ${city.trim()}` }
            : o,
        ),
        admin: {
          displayName: admin.displayName,
          username: admin.username,
          password: admin.password,
          organisationIndex: admin.organisationIndex,
        },
      });
      setRecoveryKey(recoveryKey);
      await refresh();
    } catch (e) {
      setError(errorText(e, t));
      setErrors(fieldErrors(e, t));
    } finally {
      setBusy(false);
    }
  };

  const next = () => {
    if (!validateStep()) return;
    // Name the municipality after the city while the user has not named it themselves.
    if (step === 1)
      setOrgs(
        orgs.map((o, i) =>
          i === 0 && o.kind === 'gemeente' && /^Gemeente\b/.test(o.name)
            ? { ...o, name: `Gemeente ${city.trim()}` }
            : o,
        ),
      );
    go(step + 1);
  };

  return (
    <main id="main" className="narrow">
      <Heading1>{t('setup.title')}</Heading1>
      <p className="help">{t('setup.step', { n: step, total: STEPS })}</p>
      <Notice kind="error">{error}</Notice>
      <Form onSubmit={() => (step < STEPS ? next() : submit())}>
        {step === 1 && (
          <section aria-labelledby="step-h">
            <Heading2 id="step-h" ref={heading} tabIndex={-1}>
              {t('setup.city.title')}
            </Heading2>
            <Field
              label={t('setup.city')}
              value={city}
              onChange={setCity}
              error={errors.city}
              isRequired
              autoFocus
            />
            <SelectField
              label={t('setup.cadence')}
              value={cadence}
              onChange={setCadence}
              options={(['wekelijks', 'tweewekelijks', 'maandelijks'] as const).map((c) => ({
                value: c,
                label: t(`setup.cadence.${c}`),
              }))}
            />
            <SelectField
              label={t('theme.choice')}
              help={t('setup.theme.help')}
              value={theme}
              onChange={setTheme}
              options={ShippedThemeId.options.map((id) => ({ value: id, label: t(`theme.${id}`) }))}
            />
            <Field
              label={t('setup.term')}
              value={term}
              onChange={setTerm}
              type="number"
              inputMode="numeric"
              help={t('setup.term.help')}
              error={errors.termMonths}
            />
          </section>
        )}
        {step === 2 && (
          <section aria-labelledby="step-h">
            <Heading2 id="step-h" ref={heading} tabIndex={-1}>
              {t('setup.orgs.title')}
            </Heading2>
            <p className="help">{t('setup.orgs.help')}</p>
            <Notice kind="error">{errors.organisations}</Notice>
            <ol className="org-list">
              {orgs.map((o, i) => (
                <li key={i} className="org-row">
                  <Field
                    label={t('setup.org.name', { n: i + 1 })}
                    value={o.name}
                    onChange={(name) => setOrgs(orgs.map((x, j) => (j === i ? { ...x, name } : x)))}
                    error={errors[`organisations.${i}.name`]}
                  />
                  <SelectField
                    label={t('setup.org.kind', { n: i + 1 })}
                    value={o.kind}
                    onChange={(kind) => setOrgs(orgs.map((x, j) => (j === i ? { ...x, kind } : x)))}
                    options={organisationKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                  />
                  <Button
                    onPress={() => setOrgs(orgs.filter((_, j) => j !== i))}
                    isDisabled={orgs.length <= 2}
                    aria-label={t('setup.org.remove', { name: o.name || String(i + 1) })}
                  >
                    {t('common.remove')}
                  </Button>
                </li>
              ))}
            </ol>
            <Button onPress={() => setOrgs([...orgs, { name: '', kind: 'ngo' }])}>
              {t('setup.org.add')}
            </Button>
          </section>
        )}
        {step === 3 && (
          <section aria-labelledby="step-h">
            <Heading2 id="step-h" ref={heading} tabIndex={-1}>
              {t('setup.admin.title')}
            </Heading2>
            <Field
              label={t('setup.admin.name')}
              value={admin.displayName}
              onChange={(displayName) => setAdmin({ ...admin, displayName })}
              error={errors['admin.displayName']}
              isRequired
              autoComplete="name"
            />
            <Field
              label={t('setup.admin.username')}
              value={admin.username}
              onChange={(username) => setAdmin({ ...admin, username })}
              error={errors['admin.username']}
              isRequired
              autoComplete="username"
            />
            <Field
              label={t('setup.admin.password')}
              type="password"
              value={admin.password}
              onChange={(password) => setAdmin({ ...admin, password })}
              help={t('setup.admin.password.help')}
              error={errors['admin.password']}
              isRequired
              autoComplete="new-password"
            />
            <Field
              label={t('setup.admin.password2')}
              type="password"
              value={admin.password2}
              onChange={(password2) => setAdmin({ ...admin, password2 })}
              error={errors['admin.password2']}
              isRequired
              autoComplete="new-password"
            />
            <SelectField
              label={t('setup.admin.org')}
              value={String(admin.organisationIndex)}
              onChange={(v) => setAdmin({ ...admin, organisationIndex: Number(v) })}
              options={orgs.map((o, i) => ({ value: String(i), label: o.name || `${i + 1}` }))}
            />
          </section>
        )}
        <div className="actions">
          <Button onPress={() => (step === 1 ? onCancel() : go(step - 1))}>
            {step === 1 ? t('common.cancel') : t('common.back')}
          </Button>
          <Button type="submit" variant="primary" isDisabled={busy}>
            {busy ? t('setup.creating') : step < STEPS ? t('common.next') : t('setup.create')}
          </Button>
        </div>
      </Form>
    </main>
  );
}
