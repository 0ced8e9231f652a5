import { Fieldset, FieldsetLegend, Link } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { Dossier, DossierDetail, VNumberCheck } from '../../../../shared/contract/dossiers';
import { isIsoDate } from '../../../../shared/domain/dates';
import {
  clientWishes,
  computeTargetDate,
  dossierStatuses,
  isFinished,
  stuckReasons,
  type StuckReason,
  shelters,
  tracks,
  type ClientWish,
  type DossierInput,
  type DossierStatus,
  type Sex,
  type Shelter,
  type Track,
} from '../../../../shared/domain/dossier';
import type { Organisation } from '../../../../shared/domain/environment';
import { ApiError } from '../../../../shared/errors';
import { getApi } from '../../api';
import {
  Button,
  Checkbox,
  DateField,
  Field,
  Notice,
  SelectField,
  TextAreaField,
} from '../../components/forms';
import { errorText } from '../../errors';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/domain';
import { dossierFieldErrors, useOptionalDates } from './shared';

/** The form's state: text as typed (dates too, so an impossible date reaches the rules and gets its message). */
interface FormState {
  vNumber: string;
  name: string;
  aliases: string;
  sex: Sex | '';
  birthDate: string;
  birthDateEstimated: boolean;
  countryOfOrigin: string;
  nationality: string;
  firstKnownNl: string;
  exAmv: boolean;
  familyInNl: string;
  languages: string;
  leadNgoId: string;
  regievoerder: string;
  casemanager: string;
  clientWish: ClientWish | '';
  clientWishText: string;
  futureTalkDate: string;
  lastContactDate: string;
  shelter: Shelter;
  referredAt: string;
  intakeDate: string;
  track: Track;
  status: DossierStatus;
  targetOverride: boolean;
  targetDate: string;
  targetOverrideReason: string;
  reviewDate: string;
  stuck: boolean;
  stuckReason: string;
  stuckReasonCode: StuckReason | '';
  onHold: boolean;
  vulnerable: boolean;
  notes: string;
}

const blank = (today: string): FormState => ({
  vNumber: '',
  name: '',
  aliases: '',
  sex: '',
  birthDate: '',
  birthDateEstimated: false,
  countryOfOrigin: '',
  nationality: '',
  firstKnownNl: '',
  exAmv: false,
  familyInNl: '',
  languages: '',
  leadNgoId: '',
  regievoerder: '',
  casemanager: '',
  clientWish: '',
  clientWishText: '',
  futureTalkDate: '',
  lastContactDate: '',
  shelter: 'geen',
  referredAt: today,
  intakeDate: '',
  track: 'nog_te_bepalen',
  status: 'aangemeld',
  targetOverride: false,
  targetDate: '',
  targetOverrideReason: '',
  reviewDate: '',
  stuck: false,
  stuckReason: '',
  stuckReasonCode: '',
  onHold: false,
  vulnerable: false,
  notes: '',
});

const fromDossier = (d: Dossier): FormState => ({
  vNumber: d.vNumber ?? '',
  name: d.name,
  aliases: d.aliases.join('\n'),
  sex: d.sex ?? '',
  birthDate: d.birthDate ?? '',
  birthDateEstimated: d.birthDateEstimated,
  countryOfOrigin: d.countryOfOrigin ?? '',
  nationality: d.nationality ?? '',
  firstKnownNl: d.firstKnownNl ?? '',
  exAmv: d.exAmv,
  familyInNl: d.familyInNl ?? '',
  languages: d.languages ?? '',
  leadNgoId: d.leadNgoId === null ? '' : String(d.leadNgoId),
  regievoerder: d.regievoerder ?? '',
  casemanager: d.casemanager ?? '',
  clientWish: d.clientWish ?? '',
  clientWishText: d.clientWishText ?? '',
  futureTalkDate: d.futureTalkDate ?? '',
  lastContactDate: d.lastContactDate ?? '',
  shelter: d.shelter,
  referredAt: d.referredAt,
  intakeDate: d.intakeDate ?? '',
  track: d.track,
  status: d.status,
  targetOverride: d.targetOverride,
  targetDate: d.targetOverride ? (d.targetDate ?? '') : '',
  targetOverrideReason: d.targetOverrideReason ?? '',
  reviewDate: d.reviewDate ?? '',
  stuck: d.stuck,
  stuckReason: d.stuckReason ?? '',
  stuckReasonCode: d.stuckReasonCode ?? '',
  onHold: d.onHold,
  vulnerable: d.vulnerable,
  notes: d.notes ?? '',
});

const orNull = (s: string): string | null => (s.trim() ? s : null);

function toInput(f: FormState): DossierInput {
  return {
    vNumber: orNull(f.vNumber),
    name: f.name,
    aliases: f.aliases
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean),
    sex: f.sex || null,
    birthDate: orNull(f.birthDate),
    birthDateEstimated: f.birthDateEstimated,
    countryOfOrigin: orNull(f.countryOfOrigin),
    nationality: orNull(f.nationality),
    firstKnownNl: orNull(f.firstKnownNl),
    exAmv: f.exAmv,
    familyInNl: orNull(f.familyInNl),
    languages: orNull(f.languages),
    leadNgoId: f.leadNgoId ? Number(f.leadNgoId) : null,
    regievoerder: orNull(f.regievoerder),
    casemanager: orNull(f.casemanager),
    clientWish: f.clientWish || null,
    clientWishText: orNull(f.clientWishText),
    futureTalkDate: orNull(f.futureTalkDate),
    lastContactDate: orNull(f.lastContactDate),
    shelter: f.shelter,
    referredAt: f.referredAt,
    intakeDate: orNull(f.intakeDate),
    track: f.track,
    status: f.status,
    targetOverride: f.targetOverride,
    targetDate: f.targetOverride ? orNull(f.targetDate) : null,
    targetOverrideReason: f.targetOverride ? orNull(f.targetOverrideReason) : null,
    reviewDate: orNull(f.reviewDate),
    stuck: f.stuck,
    stuckReason: f.stuck ? orNull(f.stuckReason) : null,
    stuckReasonCode: f.stuck && f.stuckReasonCode ? f.stuckReasonCode : null,
    onHold: f.onHold,
    vulnerable: f.vulnerable,
    notes: orNull(f.notes),
  };
}

/** Warns while typing when a complete V-nummer already belongs to another dossier. */
function useVNumberCheck(vNumber: string, exceptId: number | null): VNumberCheck['existing'] {
  const [existing, setExisting] = useState<VNumberCheck['existing']>(null);
  useEffect(() => {
    const digits = vNumber.replace(/[\s.]/g, '');
    if (digits.length !== 10) {
      setExisting(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      const request = getApi()['dossiers.checkVNumber']({ vNumber, exceptId });
      request.then(
        (r) => live && setExisting(r.existing),
        () => live && setExisting(null),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [vNumber, exceptId]);
  return existing;
}

/**
 * Create or edit a dossier. The whole dossier is sent in one call; the backend validates it whole and
 * stores all of it or nothing. A change of track or status asks for its reason, which goes into the timeline.
 */
export function DossierForm(props: {
  dossier: Dossier | null;
  today: string;
  termMonths: number;
  organisations: Organisation[];
  onSaved(detail: DossierDetail): void;
  onCancel(): void;
}) {
  const t = useT();
  const labels = useLabels();
  const showDate = useOptionalDates().long;
  const { dossier } = props;
  const [form, setForm] = useState<FormState>(() => (dossier ? fromDossier(dossier) : blank(props.today)));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const existing = useVNumberCheck(form.vNumber, dossier?.id ?? null);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const trackOrStatusChanged =
    dossier !== null && (form.track !== dossier.track || form.status !== dossier.status);
  const computedTarget =
    isIsoDate(form.referredAt) && (!form.intakeDate || isIsoDate(form.intakeDate))
      ? computeTargetDate(
          { referredAt: form.referredAt, intakeDate: orNull(form.intakeDate) },
          props.termMonths,
        )
      : null;
  const ngos = props.organisations.filter((o) => o.kind === 'ngo' || String(o.id) === form.leadNgoId);

  const submit = async () => {
    setBusy(true);
    try {
      const api = getApi();
      const input = toInput(form);
      const saved = dossier
        ? await api['dossiers.update']({
            id: dossier.id,
            version: dossier.version,
            changes: input,
            reason: orNull(reason),
          })
        : await api['dossiers.create'](input);
      props.onSaved(saved);
    } catch (e) {
      const isConflict = e instanceof ApiError && e.code === 'CONFLICT';
      setConflict(isConflict);
      setErrors(dossierFieldErrors(e, t));
      setMessage(isConflict ? t('dossiers.conflict', { number: dossier?.number ?? '' }) : errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const dateField = (
    key:
      | 'birthDate'
      | 'firstKnownNl'
      | 'referredAt'
      | 'intakeDate'
      | 'reviewDate'
      | 'targetDate'
      | 'futureTalkDate'
      | 'lastContactDate',
    required = false,
    help?: string,
  ) => (
    <DateField
      label={t(`dossiers.f.${key}`)}
      value={form[key]}
      onChange={(v) => set(key, v)}
      error={errors[key]}
      help={help ? `${help} ${t('dossiers.f.date.help')}` : t('dossiers.f.date.help')}
      isRequired={required}
      placeholder={t('beamer.date.placeholder')}
      pickerLabel={t('beamer.date.pick', { label: t(`dossiers.f.${key}`) })}
    />
  );
  const textField = (
    key: 'name' | 'countryOfOrigin' | 'nationality' | 'languages' | 'casemanager' | 'regievoerder',
    help?: string,
    required = false,
  ) => (
    <Field
      label={t(`dossiers.f.${key}`)}
      value={form[key]}
      onChange={(v) => set(key, v)}
      error={errors[key]}
      isRequired={required}
      {...(help ? { help } : {})}
    />
  );

  return (
    <form
      className="dossier-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      {message ? (
        <Notice kind="error">
          {message}
          {conflict ? (
            <>
              {' '}
              <Button onPress={props.onCancel}>{t('dossiers.reload')}</Button>
            </>
          ) : null}
        </Notice>
      ) : null}

      <Fieldset>
        <FieldsetLegend>{t('dossiers.person')}</FieldsetLegend>
        <div className="dossier-form-grid">
          <div>
            <Field
              label={t('dossiers.f.vNumber')}
              value={form.vNumber}
              onChange={(v) => set('vNumber', v)}
              error={errors.vNumber}
              help={t('dossiers.f.vNumber.help')}
              inputMode="numeric"
            />
            {existing ? (
              <Notice kind="warning">
                {t('dossiers.f.vNumber.exists', { number: existing.number })}{' '}
                <Link href={`#/dossiers/${existing.id}`}>
                  {t('dossiers.f.vNumber.open', { number: existing.number })}
                </Link>
              </Notice>
            ) : null}
          </div>
          {textField('name', undefined, true)}
          <TextAreaField
            label={t('dossiers.f.aliases')}
            value={form.aliases}
            onChange={(v) => set('aliases', v)}
            error={errors.aliases}
            help={t('dossiers.f.aliases.help')}
          />
          <SelectField
            label={t('dossiers.f.sex')}
            value={form.sex}
            onChange={(v) => set('sex', v)}
            options={[
              { value: '', label: t('dossiers.f.sex.none') },
              ...(Object.keys(labels.sex) as Sex[]).map((s) => ({ value: s, label: labels.sex[s] })),
            ]}
          />
          <div>
            {dateField('birthDate')}
            <Checkbox
              label={t('dossiers.f.birthDateEstimated')}
              checked={form.birthDateEstimated}
              onChange={(v) => set('birthDateEstimated', v)}
            />
          </div>
          {textField('countryOfOrigin', t('dossiers.f.country.help'))}
          {textField('nationality', t('dossiers.f.country.help'))}
          {dateField('firstKnownNl')}
          {textField('languages')}
          <TextAreaField
            label={t('dossiers.f.familyInNl')}
            value={form.familyInNl}
            onChange={(v) => set('familyInNl', v)}
            error={errors.familyInNl}
          />
        </div>
        <Checkbox label={t('dossiers.f.exAmv')} checked={form.exAmv} onChange={(v) => set('exAmv', v)} />
      </Fieldset>

      <Fieldset>
        <FieldsetLegend>{t('dossiers.dossier')}</FieldsetLegend>
        <div className="dossier-form-grid">
          <SelectField
            label={t('dossiers.f.leadNgoId')}
            value={form.leadNgoId}
            onChange={(v) => set('leadNgoId', v)}
            error={errors.leadNgoId}
            options={[
              { value: '', label: t('dossiers.f.leadNgoId.none') },
              ...ngos.map((o) => ({ value: String(o.id), label: o.name })),
            ]}
          />
          {textField('regievoerder', t('dossiers.f.regievoerder.help'))}
          {textField('casemanager')}
          <SelectField
            label={t('dossiers.f.shelter')}
            value={form.shelter}
            onChange={(v) => set('shelter', v)}
            options={shelters.map((s) => ({ value: s, label: labels.shelter[s] }))}
          />
          {dateField('referredAt', true)}
          {dateField('intakeDate')}
          {dateField('reviewDate')}
          <SelectField
            label={t('dossiers.f.track')}
            value={form.track}
            onChange={(v) => set('track', v)}
            options={tracks.map((s) => ({ value: s, label: labels.track[s] }))}
          />
          <SelectField
            label={t('dossiers.f.status')}
            value={form.status}
            onChange={(v) => set('status', v)}
            // Leaving and reopening go through the outflow form; closing follows outflow.
            options={dossierStatuses
              .filter(
                (s) =>
                  s === form.status || !isFinished(s) || (s === 'gesloten' && form.status === 'uitgestroomd'),
              )
              .map((s) => ({ value: s, label: labels.dossierStatus[s] }))}
            help={t('dossiers.f.status.help')}
          />
        </div>
        {trackOrStatusChanged ? (
          <TextAreaField
            label={t('dossiers.f.reason')}
            value={reason}
            onChange={setReason}
            error={errors.reason}
            help={t('dossiers.f.reason.help')}
            isRequired
          />
        ) : null}
        <div className="dossier-target">
          <p>
            <strong>{t('dossiers.f.targetDate')}:</strong>{' '}
            {form.targetOverride ? null : showDate(computedTarget)}{' '}
            <span className="help">{t('dossiers.f.targetDate.computed', { months: props.termMonths })}</span>
          </p>
          <Checkbox
            label={t('dossiers.f.targetOverride')}
            checked={form.targetOverride}
            onChange={(v) => set('targetOverride', v)}
          />
          {form.targetOverride ? (
            <>
              {dateField('targetDate', true)}
              <TextAreaField
                label={t('dossiers.f.targetOverrideReason')}
                value={form.targetOverrideReason}
                onChange={(v) => set('targetOverrideReason', v)}
                error={errors.targetOverrideReason}
                isRequired
              />
            </>
          ) : null}
        </div>
      </Fieldset>

      <Fieldset>
        <FieldsetLegend>{t('dossiers.person.choice')}</FieldsetLegend>
        <div className="dossier-form-grid">
          <SelectField
            label={t('dossiers.f.clientWish')}
            value={form.clientWish}
            onChange={(v) => set('clientWish', v)}
            error={errors.clientWish}
            options={[
              { value: '', label: t('dossiers.f.choose') },
              ...clientWishes.map((w) => ({ value: w, label: labels.clientWish[w] })),
            ]}
          />
          <TextAreaField
            label={t('dossiers.f.clientWishText')}
            value={form.clientWishText}
            onChange={(v) => set('clientWishText', v)}
            error={errors.clientWishText}
          />
          {dateField('futureTalkDate', false, t('dossiers.f.futureTalkDate.help'))}
          {dateField('lastContactDate')}
        </div>
      </Fieldset>

      <Fieldset>
        <FieldsetLegend>{t('dossiers.flags')}</FieldsetLegend>
        <Checkbox label={t('dossiers.f.stuck')} checked={form.stuck} onChange={(v) => set('stuck', v)} />
        {form.stuck ? (
          <>
            <SelectField
              label={t('dossiers.f.stuckReasonCode')}
              value={form.stuckReasonCode}
              onChange={(v) => set('stuckReasonCode', v)}
              options={stuckReasons.map((r) => ({ value: r, label: labels.stuckReason[r] }))}
              placeholder={t('dossiers.f.choose')}
              error={errors.stuckReasonCode}
              isRequired
            />
            <TextAreaField
              label={t('dossiers.f.stuckReason')}
              value={form.stuckReason}
              onChange={(v) => set('stuckReason', v)}
              error={errors.stuckReason}
            />
          </>
        ) : null}
        <Checkbox label={t('dossiers.f.onHold')} checked={form.onHold} onChange={(v) => set('onHold', v)} />
        <Checkbox
          label={t('dossiers.f.vulnerable')}
          checked={form.vulnerable}
          onChange={(v) => set('vulnerable', v)}
        />
      </Fieldset>

      <TextAreaField
        label={t('dossiers.f.notes')}
        value={form.notes}
        onChange={(v) => set('notes', v)}
        error={errors.notes}
      />

      <div className="actions">
        <Button type="submit" variant="primary" isDisabled={busy}>
          {dossier ? t('common.save') : t('dossiers.create')}
        </Button>
        <Button onPress={props.onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
