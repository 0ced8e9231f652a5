import { Heading4, Heading5 } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { ParticipantWork } from '../../../../shared/contract/items';
import type { Position, PositionDraftFields, PositionField } from '../../../../shared/contract/positions';
import { positionDirectionLabels, type PositionDirection } from '../../../../shared/domain/consent';
import { getApi } from '../../api';
import {
  Button,
  Checkbox,
  Notice,
  SelectField,
  submitOnCtrlEnter,
  TextAreaField,
} from '../../components/forms';
import { fieldErrors } from '../../errors';
import { useLocale, useT } from '../../i18n';
import { formatMoment, formatTime } from '../../i18n/dates';
import { errorText } from '../../errors';

const directions = Object.keys(positionDirectionLabels) as PositionDirection[];
/** How long typing may pause before the draft is written to the (encrypted) database. */
const DRAFT_DELAY_MS = 600;

const emptyFields: PositionDraftFields = {
  direction: null,
  reasoning: '',
  information: '',
  conditions: '',
  withheld: false,
  withheldReason: '',
};

const fromPosition = (p: Position): PositionDraftFields => ({
  direction: p.direction,
  reasoning: p.reasoning,
  information: p.information,
  conditions: p.conditions,
  withheld: p.withheld,
  withheldReason: p.withheldReason ?? '',
});

/** One version of a position, with the fields that changed since the previous one marked in words. */
function PositionView({ p, changed }: { p: Position; changed: readonly PositionField[] }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const mark = (f: PositionField) =>
    changed.includes(f) ? <strong className="changed-mark"> ({t('positions.changed')})</strong> : null;
  const row = (f: Exclude<PositionField, 'withheld'>, value: string) =>
    value ? (
      <div className={changed.includes(f) ? 'pos-field changed' : 'pos-field'}>
        <dt>
          {t(`positions.field.${f}`)}
          {mark(f)}
        </dt>
        <dd>{value}</dd>
      </div>
    ) : null;
  return (
    <>
      <dl className="pos-view">
        {row('direction', t(`direction.${p.direction}`))}
        {row('reasoning', p.reasoning)}
        {row('information', p.information)}
        {row('conditions', p.conditions)}
        {p.withheld ? (
          <div className={changed.includes('withheld') ? 'pos-field changed' : 'pos-field'}>
            <dt>
              {t('positions.field.withheld')}
              {mark('withheld')}
            </dt>
            <dd>{p.withheldReason}</dd>
          </div>
        ) : null}
      </dl>
      <p className="pos-meta">
        {t('positions.version', {
          version: p.version,
          when: formatMoment(p.recordedAt, locale),
          who: p.recordedByName,
        })}
        {p.onBehalf ? ` · ${t('positions.onBehalf', { org: p.organisationName })}` : ''}
      </p>
    </>
  );
}

export function PositionRow(props: {
  row: ParticipantWork;
  index: number;
  itemId: number;
  canRecord: boolean;
  closed: boolean;
  onRecorded(): Promise<void>;
}) {
  const { row, index, itemId } = props;
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const api = getApi();
  const initial =
    row.draft?.fields ??
    (row.current ? fromPosition(row.current) : row.previous ? fromPosition(row.previous) : emptyFields);
  const [fields, setFields] = useState<PositionDraftFields>(initial);
  // The version this form builds on: a save refuses (CONFLICT) when someone recorded after it.
  const [baseVersion, setBaseVersion] = useState(row.draft?.baseVersion ?? row.latestVersion);
  const [draftAt, setDraftAt] = useState<string | null>(row.draft?.savedAt ?? null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success' | 'info'; text: string } | null>(
    row.draft
      ? { kind: 'info', text: t('positions.draftRestored', { time: formatTime(row.draft.savedAt, locale) }) }
      : null,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const pending = useRef<PositionDraftFields | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const editable = props.canRecord && !props.closed;
  const headingId = `org-${row.organisationId}-h`;

  const flushDraft = () => {
    clearTimeout(timer.current);
    const f = pending.current;
    pending.current = null;
    if (!f) return;
    api['positions.saveDraft']({ itemId, organisationId: row.organisationId, baseVersion, fields: f }).then(
      (r) => setDraftAt(r.savedAt),
      () => undefined, // a failed draft save is retried with the next keystroke; the form keeps the text
    );
  };
  // Leaving the item (or closing the app window) writes what was typed at once.
  const flushRef = useRef(flushDraft);
  useEffect(() => {
    flushRef.current = flushDraft;
  });
  useEffect(() => {
    const flush = () => flushRef.current();
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, []);

  const change = (next: Partial<PositionDraftFields>) => {
    const f = { ...fields, ...next };
    setFields(f);
    pending.current = f;
    clearTimeout(timer.current);
    timer.current = setTimeout(flushDraft, DRAFT_DELAY_MS);
  };

  const record = async () => {
    clearTimeout(timer.current);
    pending.current = null;
    setErrors({});
    if (!fields.direction) {
      setErrors({ direction: t('field.required') });
      return;
    }
    try {
      const p = await api['positions.record']({
        itemId,
        organisationId: row.organisationId,
        expectedVersion: baseVersion,
        direction: fields.direction,
        reasoning: fields.reasoning,
        information: fields.information,
        conditions: fields.conditions,
        withheld: fields.withheld,
        withheldReason: fields.withheld ? fields.withheldReason : null,
      });
      setBaseVersion(p.version);
      setDraftAt(null);
      // The form keeps what was saved (as stored), so the party can revise it into the next version.
      setFields(fromPosition(p));
      setMessage({
        kind: 'success',
        text: t('positions.recorded', { org: row.organisationName, version: p.version }),
      });
      await props.onRecorded();
    } catch (e) {
      setErrors(fieldErrors(e, t));
      setMessage({ kind: 'error', text: errorText(e, t) });
      // On a stale write, show the newer version and build on it: the next save replaces it knowingly.
      await props.onRecorded();
    }
  };

  // After a reload following a conflict, the newer version becomes this form's base.
  useEffect(() => {
    if (message?.kind === 'error' && row.latestVersion > baseVersion) setBaseVersion(row.latestVersion);
  }, [row.latestVersion, baseVersion, message]);

  return (
    <section className="pos-row" aria-labelledby={headingId} data-org-row={index}>
      <Heading4 id={headingId} tabIndex={-1}>
        {t('positions.rowTitle', { n: index, org: row.organisationName })}{' '}
        <span className="presence">({t(`positions.presence.${row.presence}`)})</span>
        {index <= 9 ? <kbd>Alt+{index}</kbd> : null}
      </Heading4>
      <div className="pos-columns">
        <div className="pos-col">
          <Heading5>{t('positions.previous')}</Heading5>
          {row.previous ? (
            <PositionView p={row.previous} changed={[]} />
          ) : (
            <p className="muted">{t('positions.noPrevious')}</p>
          )}
        </div>
        <div className="pos-col">
          <Heading5>{t('positions.current')}</Heading5>
          {row.current ? (
            <PositionView p={row.current} changed={row.changed} />
          ) : (
            <p className="muted">{t('positions.noCurrent')}</p>
          )}
          {row.changed.length ? (
            <p className="visually-hidden">
              {t('positions.changedSummary', {
                fields: row.changed.map((f) => t(`positions.field.${f}`)).join(', '),
              })}
            </p>
          ) : null}
        </div>
      </div>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {editable ? (
        <form
          className="pos-form"
          aria-label={t('positions.edit', { org: row.organisationName })}
          noValidate
          onKeyDown={submitOnCtrlEnter}
          onSubmit={(e) => {
            e.preventDefault();
            void record();
          }}
        >
          <SelectField
            label={t('positions.field.direction')}
            value={fields.direction ?? ''}
            onChange={(v) => change({ direction: v === '' ? null : v })}
            options={directions.map((d) => ({ value: d, label: t(`direction.${d}`) }))}
            placeholder={t('direction.choose')}
            error={errors.direction}
            isRequired
          />
          <TextAreaField
            label={t('positions.field.reasoning')}
            value={fields.reasoning}
            onChange={(v) => change({ reasoning: v })}
            error={errors.reasoning}
          />
          <TextAreaField
            label={t('positions.field.information')}
            value={fields.information}
            onChange={(v) => change({ information: v })}
            error={errors.information}
          />
          <TextAreaField
            label={t('positions.field.conditions')}
            value={fields.conditions}
            onChange={(v) => change({ conditions: v })}
            error={errors.conditions}
          />
          <Checkbox
            label={t('positions.field.withheld')}
            checked={fields.withheld}
            onChange={(v) => change({ withheld: v })}
          />
          {fields.withheld ? (
            <TextAreaField
              label={t('positions.field.withheldReason')}
              value={fields.withheldReason}
              onChange={(v) => change({ withheldReason: v })}
              error={errors.withheldReason}
              isRequired
            />
          ) : null}
          <div className="actions">
            <Button type="submit" variant="primary" aria-keyshortcuts="Control+Enter">
              {t('positions.record')} <kbd>Ctrl+Enter</kbd>
            </Button>
            {draftAt ? (
              <span className="help" role="status">
                {t('positions.draftSaved', { time: formatTime(draftAt, locale) })}
              </span>
            ) : null}
          </div>
        </form>
      ) : props.closed ? null : (
        <p className="help">{t('positions.readOnly')}</p>
      )}
    </section>
  );
}
