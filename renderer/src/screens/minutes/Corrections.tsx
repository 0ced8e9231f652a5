import { Heading2, Heading3 } from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import type {
  Correction,
  CorrectionField,
  CorrectionTarget,
  MinutesDetail,
} from '../../../../shared/contract/minutes';
import type { Session } from '../../../../shared/domain/roles';
import { can } from '../../../../shared/domain/permissions';
import { getApi } from '../../api';
import { Button, Field, SelectField, TextAreaField } from '../../components/forms';
import { useT, type T } from '../../i18n';

type Step = (run: () => Promise<MinutesDetail>, success: (d: MinutesDetail) => string) => Promise<boolean>;

const fieldsFor: Record<CorrectionTarget['kind'], CorrectionField[]> = {
  position: ['reasoning', 'information', 'conditions'],
  action: ['what', 'person'],
};

function targetLabel(
  t: T,
  kind: CorrectionTarget['kind'],
  organisation: string,
  dossier: string | null,
): string {
  return `${t(`minutes.correction.${kind}`)} ${organisation} · ${dossier ?? t('minutes.noDossier')}`;
}

export function CorrectionsPanel(props: {
  detail: MinutesDetail;
  session: Session;
  busy: boolean;
  step: Step;
}) {
  const t = useT();
  const { detail, session } = props;
  const round = detail.state === 'correctieronde';
  const decides = round && can(session, 'minutes.decideCorrection');
  return (
    <section aria-labelledby="corrections-h">
      <Heading2 id="corrections-h">{t('minutes.corrections')}</Heading2>
      {detail.corrections.length === 0 ? <p>{t('minutes.corrections.none')}</p> : null}
      {detail.corrections.map((c, i) => (
        <CorrectionCard
          key={c.id}
          n={i + 1}
          correction={c}
          decides={decides && c.status === 'voorgesteld'}
          busy={props.busy}
          step={props.step}
        />
      ))}
      {round ? (
        <ProposeForm
          secretary={can(session, 'minutes.correctAll')}
          targets={detail.targets}
          meetingId={detail.meetingId}
          busy={props.busy}
          step={props.step}
        />
      ) : null}
    </section>
  );
}

function CorrectionCard(props: {
  n: number;
  correction: Correction;
  decides: boolean;
  busy: boolean;
  step: Step;
}) {
  const t = useT();
  const c = props.correction;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const headingId = useId();
  const decide = async (accept: boolean) => {
    if (!accept && reason.trim() === '') {
      setError(t('field.reason_required.reason'));
      return;
    }
    setError(undefined);
    await props.step(
      () => getApi()['minutes.decideCorrection']({ correctionId: c.id, accept, reason }),
      () => t('minutes.done.decide'),
    );
  };
  return (
    <div className="card minutes-correction" role="group" aria-labelledby={headingId}>
      <Heading3 id={headingId}>
        {props.n}. {targetLabel(t, c.targetKind, c.organisation, c.dossierNumber)} ·{' '}
        {t(`minutes.field.${c.field as CorrectionField}`)}
      </Heading3>
      <p>
        <strong>{t(`minutes.correction.status.${c.status}`)}</strong> —{' '}
        {/* Proposer (with organisation, unless the name says it) and deciding secretary: name both. */}
        {c.proposedByOrganisation && !c.proposedBy.includes(c.proposedByOrganisation)
          ? t('minutes.correction.proposedBy', { name: c.proposedBy, org: c.proposedByOrganisation })
          : t('minutes.correction.proposedByName', { name: c.proposedBy })}
        {c.decidedBy && c.status !== 'voorgesteld'
          ? `; ${t(`minutes.correction.decidedBy.${c.status}`, { name: c.decidedBy })}`
          : ''}
        {c.decisionReason ? ` · ${t('minutes.correction.reason')}: ${c.decisionReason}` : ''}
      </p>
      <dl className="minutes-diff">
        <dt>{t('minutes.correction.was')}</dt>
        <dd>{c.originalText || '—'}</dd>
        <dt>{t('minutes.correction.proposed')}</dt>
        <dd>{c.proposedText}</dd>
      </dl>
      {props.decides ? (
        <form
          aria-label={t('minutes.correction.decideFor', { n: props.n })}
          onSubmit={(e) => e.preventDefault()}
          noValidate
        >
          <Field
            label={t('minutes.correction.reason')}
            help={t('minutes.correction.reason.help')}
            value={reason}
            onChange={setReason}
            error={error}
          />
          <div className="actions">
            <Button variant="primary" isDisabled={props.busy} onPress={() => void decide(true)}>
              {t('minutes.correction.accept')}
            </Button>
            <Button variant="danger" isDisabled={props.busy} onPress={() => void decide(false)}>
              {t('minutes.correction.reject')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

function ProposeForm(props: {
  /** The secretariat may correct every organisation's records; a participant only its own. */
  secretary: boolean;
  targets: CorrectionTarget[];
  meetingId: number;
  busy: boolean;
  step: Step;
}) {
  const t = useT();
  const textId = useId();
  const keyOf = (x: CorrectionTarget) => `${x.kind}-${x.id}`;
  const [targetKey, setTargetKey] = useState(props.targets[0] ? keyOf(props.targets[0]) : '');
  const target = props.targets.find((x) => keyOf(x) === targetKey) ?? props.targets[0];
  const [field, setField] = useState<CorrectionField>(target ? fieldsFor[target.kind][0]! : 'reasoning');
  const [text, setText] = useState(target?.fields[field] ?? '');
  const [error, setError] = useState<string | undefined>();
  if (!target) return <p>{t('minutes.propose.none')}</p>;
  const fieldOptions = fieldsFor[target.kind];
  const validField = fieldOptions.includes(field) ? field : fieldOptions[0]!;

  const choose = (key: string, nextField?: CorrectionField) => {
    const next = props.targets.find((x) => keyOf(x) === key) ?? target;
    const f = nextField && fieldsFor[next.kind].includes(nextField) ? nextField : fieldsFor[next.kind][0]!;
    setTargetKey(key);
    setField(f);
    setText(next.fields[f] ?? '');
  };
  const submit = async () => {
    if (text.trim() === '') {
      setError(t('minutes.propose.text.required'));
      return;
    }
    if (text.trim() === (target.fields[validField] ?? '').trim()) {
      setError(t('field.unchanged.text'));
      return;
    }
    setError(undefined);
    await props.step(
      () =>
        getApi()['minutes.proposeCorrection']({
          meetingId: props.meetingId,
          targetKind: target.kind,
          targetId: target.id,
          field: validField,
          text,
        }),
      () => t('minutes.done.propose'),
    );
  };
  return (
    <form
      className="card"
      aria-labelledby="propose-h"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Heading3 id="propose-h">{t('minutes.propose.title')}</Heading3>
      <p className="help">{t(props.secretary ? 'minutes.propose.help.secretary' : 'minutes.propose.help')}</p>
      <SelectField
        label={t('minutes.propose.target')}
        value={keyOf(target)}
        onChange={(v) => choose(v)}
        options={props.targets.map((x) => ({
          value: keyOf(x),
          label: targetLabel(
            t,
            x.kind,
            x.organisation,
            x.dossierNumber ? `${x.dossierNumber} (${x.dossierInitials})` : null,
          ),
        }))}
      />
      <SelectField
        label={t('minutes.propose.field')}
        value={validField}
        onChange={(v) => choose(keyOf(target), v)}
        options={fieldOptions.map((f) => ({ value: f, label: t(`minutes.field.${f}`) }))}
      />
      <TextAreaField
        id={textId}
        label={t('minutes.propose.text')}
        rows={4}
        value={text}
        onChange={setText}
        error={error}
      />
      <Button type="submit" variant="primary" isDisabled={props.busy}>
        {t('minutes.propose.submit')}
      </Button>
    </form>
  );
}
