import { Heading3, Heading4 } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { Decision } from '../../../../shared/contract/decisions';
import type { ItemWork } from '../../../../shared/contract/items';
import {
  consentValues,
  decisionDirectionLabels,
  type ConsentValue,
  type DecisionDirection,
} from '../../../../shared/domain/consent';
import { getApi } from '../../api';
import {
  Button,
  Field,
  Notice,
  SelectField,
  submitOnCtrlEnter,
  TextAreaField,
  DateField,
} from '../../components/forms';
import { fieldErrors } from '../../errors';
import { plural, useLocale, useT } from '../../i18n';
import { formatMoment, useDates } from '../../i18n/dates';
import { ProjectorToggle } from './ProjectorToggle';
import { ConfirmStep } from '../../components/Confirm';
import { errorText } from '../../errors';

const directions = Object.keys(decisionDirectionLabels) as DecisionDirection[];
type Message = { kind: 'error' | 'success' | 'warning'; text: string } | null;

/**
 * The decision of the item: its text and direction (the chair or the secretary), each organisation's
 * consent, and settling it (the chair only).
 */
export function DecisionPanel({ work, reload }: { work: ItemWork; reload(): Promise<void> }) {
  const t = useT();
  const dates = useDates();
  const api = getApi();
  const d = work.decision;
  const [text, setText] = useState(d?.text ?? '');
  const [direction, setDirection] = useState<DecisionDirection | ''>(d?.direction ?? '');
  const [reviewDate, setReviewDate] = useState(d?.reviewDate ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message>(null);
  const [reopenReason, setReopenReason] = useState('');
  const open = d === null || (d.state === 'concept' && !d.locked);
  const canEditText = work.permissions.writeDecision && open && (d !== null || !work.meeting.closed);
  const names = new Map(work.participants.map((p) => [p.organisationId, p.organisationName]));
  const orgList = (ids: number[]) => ids.map((id) => names.get(id) ?? String(id)).join(', ');

  // Focus goes to the outcome after an action whose button is gone afterwards (settling, escalating,
  // reopening), and whenever focus was lost; saving the text leaves it in the form.
  const resultRef = useRef<HTMLDivElement>(null);
  const run = async (fn: () => Promise<string>, focusResult = false) => {
    setErrors({});
    try {
      setMessage({ kind: 'success', text: await fn() });
    } catch (e) {
      setErrors(fieldErrors(e, t));
      setMessage({ kind: 'error', text: errorText(e, t) });
    }
    await reload();
    const active = document.activeElement;
    if (focusResult || !active || active === document.body || !active.isConnected) resultRef.current?.focus();
  };

  const save = (dir: DecisionDirection | '') => {
    if (!dir) {
      setErrors({ direction: t('field.required') });
      return;
    }
    void run(async () => {
      const saved = await api['decisions.save']({
        itemId: work.item.id,
        ...(d ? { decisionId: d.id, expectedVersion: d.version } : {}),
        text,
        direction: dir,
        reviewDate: reviewDate.trim() || null,
      });
      return saved.clearedConsents
        ? `${t('decision.saved', { number: saved.number })} ${t(plural(saved.clearedConsents, 'decision.cleared.one', 'decision.cleared.other'), { n: saved.clearedConsents })}`
        : t('decision.saved', { number: saved.number });
    });
  };

  const reopen = () => {
    if (!d) return;
    void run(async () => {
      const r = await api['decisions.reopen']({ decisionId: d.id, reason: reopenReason });
      setReopenReason('');
      return t('decision.reopened', { number: r.number });
    }, true);
  };

  return (
    <section className="item-section" aria-labelledby="decision-h">
      <Heading3 id="decision-h">
        {d
          ? t('decision.heading', { number: d.number, state: t(`decision.state.${d.state}`) })
          : t('decision.title')}
      </Heading3>
      <div ref={resultRef} tabIndex={-1} className="decision-result">
        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      </div>
      <div data-shortcut="decision">
        {canEditText ? (
          <form
            noValidate
            onKeyDown={submitOnCtrlEnter}
            onSubmit={(e) => {
              e.preventDefault();
              save(direction);
            }}
          >
            <TextAreaField
              id="decision-text"
              label={t('decision.text')}
              value={text}
              onChange={setText}
              error={errors.text}
              rows={4}
              isRequired
            />
            <SelectField
              label={t('decision.direction')}
              value={direction}
              onChange={setDirection}
              options={directions.map((x) => ({ value: x, label: t(`direction.${x}`) }))}
              placeholder={t('direction.choose')}
              error={errors.direction}
              isRequired
            />
            <DateField
              label={t('decision.reviewDate')}
              value={reviewDate}
              onChange={setReviewDate}
              placeholder={t('beamer.date.placeholder')}
              pickerLabel={t('beamer.date.pick', { label: t('decision.reviewDate') })}
              help={t('decision.reviewDate.help')}
              error={errors.reviewDate}
            />
            <div className="actions">
              <Button type="submit" variant="primary" aria-keyshortcuts="Control+Enter">
                {t('decision.save')} <kbd>Ctrl+Enter</kbd>
              </Button>
              {/* The projector is the chair's. */}
              {d && work.permissions.decide ? <ProjectorToggle text={d.text} /> : null}
            </div>
          </form>
        ) : d ? (
          <blockquote className="decision-text" tabIndex={-1}>
            {d.text}
            <footer>
              {t(`direction.${d.direction}`)}
              {d.reviewDate ? ` · ${t('decision.reviewDate')}: ${dates.date(d.reviewDate)}` : ''}
            </footer>
          </blockquote>
        ) : (
          <p className="muted" tabIndex={-1}>
            {work.permissions.writeDecision ? t('items.closed') : t('decision.none')}
          </p>
        )}
      </div>

      {work.pendingConfirmation && work.pendingConfirmation.id !== d?.id ? (
        <PendingConfirmation work={work} decision={work.pendingConfirmation} reload={reload} />
      ) : null}
      {d?.state === 'voorlopig_gedragen' ? (
        <PendingConfirmation work={work} decision={d} reload={reload} />
      ) : null}
      {d ? (
        <>
          <Consents work={work} decision={d} reload={reload} />
          <p className={`evaluation evaluation-${d.evaluation.state}`} role="status">
            {d.evaluation.state === 'gedragen'
              ? t('evaluation.gedragen')
              : d.evaluation.state === 'voorlopig'
                ? t('evaluation.voorlopig', { orgs: requiredList(d) })
                : d.evaluation.state === 'open'
                  ? t('evaluation.open', { orgs: orgList(d.evaluation.missing) })
                  : t('evaluation.geblokkeerd', { orgs: orgList(d.evaluation.objections) })}
            {d.evaluation.carried && d.evaluation.abstentions.length === d.evaluation.participants.length
              ? ` ${t('evaluation.allAbstain')}`
              : ''}
          </p>
          {work.permissions.decide && open ? (
            <div className="actions" role="group" aria-label={t('settle.title')} data-shortcut="settle">
              <Button
                variant="primary"
                isDisabled={!d.evaluation.carried}
                onPress={() =>
                  void run(
                    () => settle(d, 'gedragen').then((r) => t('settle.done.gedragen', { number: r.number })),
                    true,
                  )
                }
              >
                {t('settle.carry')}
              </Button>
              {d.evaluation.state === 'voorlopig' ? (
                <Button
                  variant="primary"
                  onPress={() =>
                    void run(
                      () =>
                        settle(d, 'voorlopig').then((r) =>
                          t('settle.done.voorlopig', { number: r.number, orgs: requiredList(d) }),
                        ),
                      true,
                    )
                  }
                >
                  {t('settle.provisional', { orgs: requiredList(d) })}
                </Button>
              ) : null}
              <Button
                onPress={() =>
                  void run(
                    () =>
                      settle(d, 'aanhouden').then((r) => t('settle.done.aanhouden', { number: r.number })),
                    true,
                  )
                }
              >
                {t('settle.hold')}
              </Button>
            </div>
          ) : null}
          {work.permissions.decide && open ? (
            <EscalateForm
              work={work}
              onEscalate={(body, question) =>
                run(
                  () =>
                    api['decisions.settle']({
                      decisionId: d.id,
                      expectedVersion: d.version,
                      outcome: 'escaleren',
                      escalation: { body, question },
                    }).then((r) => t('settle.done.escaleren', { number: r.number, body })),
                  true,
                )
              }
              errors={errors}
            />
          ) : null}
          {work.permissions.writeDecision && !work.permissions.decide && open ? (
            <p className="help">{t('settle.chairOnly')}</p>
          ) : null}
          {work.permissions.decide && !open ? (
            <form
              className="reopen"
              noValidate
              onKeyDown={submitOnCtrlEnter}
              // Enter in the reason asks first, as the button does (reopening takes a second press).
              onSubmit={(e) => e.preventDefault()}
            >
              {d.locked ? <p className="help">{t('decision.locked')}</p> : null}
              <Field
                label={t('decision.reopenReason')}
                value={reopenReason}
                onChange={setReopenReason}
                error={errors.reason}
              />
              <ConfirmStep
                label={t('decision.reopen')}
                question={t('beamer.confirm.reopen')}
                onConfirm={reopen}
              />
            </form>
          ) : null}
        </>
      ) : null}
    </section>
  );

  function settle(decision: Decision, outcome: 'gedragen' | 'voorlopig' | 'aanhouden') {
    return api['decisions.settle']({ decisionId: decision.id, expectedVersion: decision.version, outcome });
  }
}

/**
 * "Voorleggen aan" (issue 11): the body (one of the city's) and the question put to it; possible with
 * or without consensus at the table — the dissent, if any, goes with it.
 */
function EscalateForm(props: {
  work: ItemWork;
  onEscalate(body: string, question: string): Promise<void>;
  errors: Record<string, string>;
}) {
  const t = useT();
  const [body, setBody] = useState(props.work.escalationBody);
  const [question, setQuestion] = useState('');
  return (
    <form
      className="escalate"
      aria-label={t('escalation.body')}
      noValidate
      // Putting a decision to a body settles it: only through the confirmed button, never by Enter.
      onSubmit={(e) => e.preventDefault()}
    >
      <SelectField
        label={t('escalation.body')}
        value={body}
        onChange={setBody}
        options={props.work.escalationBodies.map((b) => ({ value: b, label: b }))}
        error={props.errors['escalation.body']}
        isRequired
      />
      <TextAreaField
        label={t('escalation.question', { body })}
        value={question}
        onChange={setQuestion}
        error={props.errors['escalation.question']}
        rows={2}
        isRequired
      />
      <ConfirmStep
        variant="danger"
        label={t('settle.escalate', { body })}
        question={t('beamer.confirm.escalate', { body })}
        onConfirm={() => props.onEscalate(body, question)}
      />
    </form>
  );
}

const requiredList = (d: Decision) => d.evaluation.missingRequired.map((m) => m.label).join(', ');

/**
 * A provisionally carried decision of this dossier (this or an earlier meeting): whose confirmation it
 * waits for, and the form for the missing party (its deelnemer, or the secretary on its behalf).
 */
function PendingConfirmation({
  work,
  decision,
  reload,
}: {
  work: ItemWork;
  decision: Decision;
  reload(): Promise<void>;
}) {
  const t = useT();
  const names = new Map(work.organisations.map((o) => [o.id, o.name]));
  return (
    <section className="pending-confirmation" aria-labelledby="confirm-h">
      <h4 id="confirm-h">{t('confirm.title', { number: decision.number })}</h4>
      <p role="status">
        {decision.text} — {t('confirm.awaiting', { orgs: requiredList(decision) })}
      </p>
      {work.permissions.confirmFor.map((id) => (
        <ConsentForm
          key={id}
          org={names.get(id) ?? String(id)}
          organisationId={id}
          decision={decision}
          given={undefined}
          reload={reload}
          confirm
        />
      ))}
    </section>
  );
}

/** One line per participant: its consent, and a form for those this user may speak for. */
function Consents({
  work,
  decision,
  reload,
}: {
  work: ItemWork;
  decision: Decision;
  reload(): Promise<void>;
}) {
  const t = useT();
  const api = getApi();
  const locale = useLocale((s) => s.locale);
  const [allMessage, setAllMessage] = useState<Message>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const editable = decision.state === 'concept' && !decision.locked;
  // A settled decision shows the table frozen with it (issue 11), not the attendance as it is now.
  const names = new Map([
    ...work.organisations.map((o) => [o.id, o.name] as const),
    ...decision.consents.map((c) => [c.organisationId, c.organisationName] as const),
  ]);
  const table =
    decision.state === 'concept'
      ? work.participants
      : decision.evaluation.participants.map((id) => ({
          organisationId: id,
          organisationName: names.get(id) ?? String(id),
        }));
  // The consent matrix (issue 11): whoever may record for several parties (the notulist on their behalf)
  // records "akkoord" for every party still to answer in one action, then the exceptions row by row.
  const mine = table.filter((p) => work.permissions.consentFor.includes(p.organisationId));
  const pending = mine.filter((p) => !decision.consents.some((c) => c.organisationId === p.organisationId));
  const allAgree = async () => {
    setAllMessage(null);
    let n = 0;
    try {
      for (const p of pending) {
        await api['decisions.consent']({
          decisionId: decision.id,
          organisationId: p.organisationId,
          consent: 'akkoord',
          reason: null,
          decisionVersion: decision.version,
        });
        n++;
      }
      setAllMessage({
        kind: 'success',
        text: n === 1 ? t('beamer.matrix.allDone.one') : t('beamer.matrix.allDone', { n }),
      });
    } catch (e) {
      setAllMessage({ kind: 'error', text: errorText(e, t) });
    }
    await reload();
    resultRef.current?.focus();
  };
  return (
    <section aria-labelledby="consent-h" data-shortcut="consent" className="consent-matrix">
      <Heading4 id="consent-h" tabIndex={-1}>
        {t('consent.title')} <kbd>Alt+I</kbd>
      </Heading4>
      {editable && mine.length > 1 ? (
        <div className="consent-all">
          <Button variant="primary" isDisabled={pending.length === 0} onPress={() => void allAgree()}>
            {t('beamer.matrix.all')}
          </Button>
          <p className="help">
            {pending.length === 0 ? t('beamer.matrix.nothing') : t('beamer.matrix.allHelp')}
          </p>
        </div>
      ) : null}
      <div ref={resultRef} tabIndex={-1} className="consent-result">
        {allMessage ? <Notice kind={allMessage.kind}>{allMessage.text}</Notice> : null}
      </div>
      <ul className="consent-list">
        {table.map((p) => {
          const c = decision.consents.find((x) => x.organisationId === p.organisationId);
          return (
            <li key={p.organisationId} data-pending={c ? undefined : true}>
              <strong>{p.organisationName}</strong>:{' '}
              {c ? (
                <>
                  <span className={`consent consent-${c.consent}`}>{t(`consent.${c.consent}`)}</span>
                  {c.reason ? ` — ${c.reason}` : ''}{' '}
                  <span className="pos-meta">
                    ({t('consent.byWhom', { who: c.recordedByName })}
                    {c.onBehalf ? `, ${t('positions.onBehalf', { org: p.organisationName })}` : ''},{' '}
                    {formatMoment(c.recordedAt, locale)})
                  </span>
                </>
              ) : (
                <span className="muted">{t('consent.none')}</span>
              )}
              {editable && work.permissions.consentFor.includes(p.organisationId) ? (
                <ConsentForm
                  org={p.organisationName}
                  organisationId={p.organisationId}
                  decision={decision}
                  given={c?.consent}
                  reload={reload}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ConsentForm(props: {
  org: string;
  organisationId: number;
  decision: Decision;
  given: ConsentValue | undefined;
  reload(): Promise<void>;
  /** Answers a provisionally carried decision (decisions.confirm) instead of consenting at the table. */
  confirm?: boolean;
}) {
  const t = useT();
  const api = getApi();
  const [value, setValue] = useState<ConsentValue | ''>(props.given ?? '');
  // A new answer recorded elsewhere (e.g. "Iedereen akkoord") shows in the row's select; the form stays
  // mounted, so focus stays where the user was.
  useEffect(() => {
    if (props.given) setValue(props.given);
  }, [props.given]);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message>(null);
  return (
    <form
      className="consent-form"
      aria-label={t('consent.save', { org: props.org })}
      noValidate
      onKeyDown={submitOnCtrlEnter}
      onSubmit={(e) => {
        e.preventDefault();
        if (!value) {
          setErrors({ consent: t('field.required') });
          return;
        }
        const answer = {
          decisionId: props.decision.id,
          organisationId: props.organisationId,
          consent: value,
          reason: reason.trim() || null,
        };
        void (
          props.confirm
            ? api['decisions.confirm'](answer)
            : api['decisions.consent']({ ...answer, decisionVersion: props.decision.version })
        ).then(
          async () => {
            setErrors({});
            setMessage(null);
            await props.reload();
          },
          async (err: unknown) => {
            setErrors(fieldErrors(err, t));
            setMessage({ kind: 'error', text: errorText(err, t) });
            await props.reload();
          },
        );
      }}
    >
      <SelectField
        label={t('consent.value', { org: props.org })}
        value={value}
        onChange={setValue}
        options={consentValues.map((v) => ({ value: v, label: t(`consent.${v}`) }))}
        placeholder={t('outflow.choose')}
        error={errors.consent}
        isRequired
      />
      {value && value !== 'akkoord' ? (
        <TextAreaField
          label={t('consent.reason', { org: props.org })}
          value={reason}
          onChange={setReason}
          error={errors.reason}
          rows={2}
          isRequired
        />
      ) : null}
      <Button type="submit" aria-keyshortcuts="Control+Enter">
        {t('consent.save', { org: props.org })} <kbd>Ctrl+Enter</kbd>
      </Button>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </form>
  );
}
