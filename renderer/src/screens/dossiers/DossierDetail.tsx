import { Heading1, Heading2, Link, StatusBadge } from '@utrecht/component-library-react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { DossierDetail as Detail, HistoryEntry } from '../../../../shared/contract/dossiers';
import type { Organisation, EnvironmentSettings } from '../../../../shared/domain/environment';
import { getApi } from '../../api';
import { Button, Notice } from '../../components/forms';
import { errorText } from '../../errors';
import { isMessageKey, useT, type T } from '../../i18n';
import { useDates, type Dates } from '../../i18n/dates';
import { useLabels, type DomainLabels } from '../../i18n/domain';
import { navigate } from '../../state/router';
import { DossierForm } from './DossierForm';
import { Procedures } from './Procedures';
import { useMayWrite, useOptionalDates } from './shared';
import { RequestDiscussion } from './RequestDiscussion';
import { SpecialPanel } from './SpecialPanel';
import { OutcomeSection } from './OutcomeSection';

/** What the dossier screens need besides the dossier: today, the city's term, the organisations. */
export function useDossierContext(): {
  settings: EnvironmentSettings | null;
  organisations: Organisation[];
  error: string | null;
} {
  const t = useT();
  const [settings, setSettings] = useState<EnvironmentSettings | null>(null);
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const api = getApi();
    Promise.all([api['settings.get']({}), api['organisations.list']({})]).then(
      ([s, o]) => {
        setSettings(s);
        setOrganisations(o);
      },
      (e: unknown) => setError(errorText(e, t)),
    );
  }, [t]);
  return { settings, organisations, error };
}

const todayLocal = (): string => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });

export function NewDossier() {
  const t = useT();
  const { settings, organisations, error } = useDossierContext();
  return (
    <main id="main" tabIndex={-1}>
      <p>
        <Link href="#/dossiers">{t('dossiers.back')}</Link>
      </p>
      <Heading1>{t('dossiers.new')}</Heading1>
      <Notice kind="error">{error}</Notice>
      {settings ? (
        <DossierForm
          dossier={null}
          today={todayLocal()}
          termMonths={settings.termMonths}
          organisations={organisations}
          onSaved={(d) => navigate(`dossiers/${d.dossier.id}`)}
          onCancel={() => navigate('dossiers')}
        />
      ) : null}
    </main>
  );
}

/** One dossier: its fields, flags, procedures, special-category conclusion and the history timeline. */
export function DossierDetail({ id }: { id: number }) {
  const t = useT();
  const labels = useLabels();
  const showDate = useOptionalDates().long;
  const mayWrite = useMayWrite();
  const { settings, organisations } = useDossierContext();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  const load = useCallback(() => {
    const request = getApi()['dossiers.get']({ id });
    request.then(setDetail, (e: unknown) => setError(errorText(e, t)));
  }, [id, t]);
  useEffect(load, [load]);

  if (!detail) {
    return (
      <main id="main" tabIndex={-1}>
        <p>
          <Link href="#/dossiers">{t('dossiers.back')}</Link>
        </p>
        {error ? <Notice kind="error">{error}</Notice> : <p role="status">{t('common.loading')}</p>}
      </main>
    );
  }
  const d = detail.dossier;
  const orgName = (oid: number | null) =>
    organisations.find((o) => o.id === oid)?.name ?? (oid === null ? '—' : String(oid));
  const flags = [
    d.stuck &&
      `${t('dossiers.flag.stuck')}${
        d.stuckReasonCode
          ? `: ${labels.stuckReason[d.stuckReasonCode]}${d.stuckReason ? ` (${d.stuckReason})` : ''}`
          : d.stuckReason
            ? `: ${d.stuckReason}`
            : ''
      }`,
    d.outcomeIncomplete && `${t('dossiers.outcome.h')}: ${t('dossiers.outcome.incomplete')}`,
    d.onHold && t('dossiers.flag.onHold'),
    d.vulnerable && t('dossiers.flag.vulnerable'),
    d.escalated && t('dossiers.flag.escalated'),
  ].filter((f): f is string => Boolean(f));

  return (
    <main id="main" tabIndex={-1} className="dossier-detail">
      <p>
        <Link href="#/dossiers">{t('dossiers.back')}</Link>
      </p>
      <Heading1>
        {d.number} — {d.name}
      </Heading1>
      {flags.length ? (
        <ul className="flag-list" aria-label={t('dossiers.flags')}>
          {flags.map((f) => (
            <li key={f}>
              <StatusBadge status="warning">{f}</StatusBadge>
            </li>
          ))}
        </ul>
      ) : null}
      {saved ? <Notice kind="success">{t('dossiers.saved')}</Notice> : null}

      {editing && settings ? (
        <DossierForm
          dossier={d}
          today={todayLocal()}
          termMonths={settings.termMonths}
          organisations={organisations}
          onSaved={(next) => {
            setDetail(next);
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => {
            setEditing(false);
            load();
          }}
        />
      ) : (
        <>
          {mayWrite ? (
            <Button
              variant="primary"
              onPress={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('dossiers.edit')}
            </Button>
          ) : null}
          <div className="dossier-columns">
            <section aria-labelledby="person-h" className="dossier-section">
              <Heading2 id="person-h">{t('dossiers.person')}</Heading2>
              <dl className="facts">
                <Fact label={t('dossiers.f.vNumber')}>{d.vNumber ?? '—'}</Fact>
                <Fact label={t('dossiers.f.aliases')}>{d.aliases.join(', ') || '—'}</Fact>
                <Fact label={t('dossiers.f.sex')}>{d.sex ? labels.sex[d.sex] : '—'}</Fact>
                <Fact label={t('dossiers.f.birthDate')}>
                  {showDate(d.birthDate)} {d.birthDateEstimated ? t('dossiers.f.estimated') : ''}
                </Fact>
                <Fact label={t('dossiers.f.countryOfOrigin')}>{d.countryOfOrigin ?? '—'}</Fact>
                <Fact label={t('dossiers.f.nationality')}>{d.nationality ?? '—'}</Fact>
                <Fact label={t('dossiers.f.firstKnownNl')}>{showDate(d.firstKnownNl)}</Fact>
                <Fact label={t('dossiers.f.exAmv')}>{d.exAmv ? t('common.yes') : t('common.no')}</Fact>
                <Fact label={t('dossiers.f.familyInNl')}>{d.familyInNl ?? '—'}</Fact>
                <Fact label={t('dossiers.f.languages')}>{d.languages ?? '—'}</Fact>
              </dl>
            </section>
            <section aria-labelledby="dossier-h" className="dossier-section">
              <Heading2 id="dossier-h">{t('dossiers.dossier')}</Heading2>
              <dl className="facts">
                <Fact label={t('dossiers.f.status')}>{labels.dossierStatus[d.status]}</Fact>
                <Fact label={t('dossiers.f.track')}>{labels.track[d.track]}</Fact>
                <Fact label={t('dossiers.f.targetDate')}>
                  {showDate(d.targetDate)}
                  {d.targetOverrideReason ? ` (${d.targetOverrideReason})` : ''}
                </Fact>
                <Fact label={t('dossiers.f.reviewDate')}>{showDate(d.reviewDate)}</Fact>
                <Fact label={t('dossiers.f.referredAt')}>{showDate(d.referredAt)}</Fact>
                <Fact label={t('dossiers.f.intakeDate')}>{showDate(d.intakeDate)}</Fact>
                <Fact label={t('dossiers.f.leadNgoId')}>{orgName(d.leadNgoId)}</Fact>
                <Fact label={t('dossiers.f.regievoerder')}>{d.regievoerder ?? '—'}</Fact>
                <Fact label={t('dossiers.f.casemanager')}>{d.casemanager ?? '—'}</Fact>
                <Fact label={t('dossiers.f.shelter')}>{labels.shelter[d.shelter]}</Fact>
              </dl>
            </section>
          </div>
          <section aria-labelledby="choice-h" className="dossier-section">
            <Heading2 id="choice-h">{t('dossiers.person.choice')}</Heading2>
            <dl className="facts">
              <Fact label={t('dossiers.f.clientWish')}>
                {d.clientWish ? labels.clientWish[d.clientWish] : '—'}
              </Fact>
              <Fact label={t('dossiers.f.clientWishText')}>{d.clientWishText ?? '—'}</Fact>
              <Fact label={t('dossiers.f.futureTalkDate')}>
                {d.futureTalkDate ? showDate(d.futureTalkDate) : t('dossiers.f.futureTalkDate.none')}
              </Fact>
              <Fact label={t('dossiers.f.lastContactDate')}>{showDate(d.lastContactDate)}</Fact>
            </dl>
          </section>
          <OutcomeSection dossier={d} episodes={detail.episodes} />
          <section aria-labelledby="notes-h" className="dossier-section">
            <Heading2 id="notes-h">{t('dossiers.notes')}</Heading2>
            <p className="notes">{d.notes ?? '—'}</p>
          </section>
        </>
      )}

      <RequestDiscussion dossierId={d.id} />
      <SpecialPanel key={d.id} dossierId={d.id} conclusion={detail.special} />
      <Procedures
        dossierId={d.id}
        procedures={detail.procedures}
        mayWrite={mayWrite}
        onChange={(procedures) => setDetail({ ...detail, procedures })}
      />
      <Timeline history={detail.history} t={t} />
    </main>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const valueLabel = (field: string, value: string | null, labels: DomainLabels, dates: Dates): string => {
  if (value === null) return '—';
  if (field === 'status' && Object.hasOwn(labels.dossierStatus, value))
    return labels.dossierStatus[value as keyof DomainLabels['dossierStatus']];
  if (field === 'track' && Object.hasOwn(labels.track, value))
    return labels.track[value as keyof DomainLabels['track']];
  if (field === 'target_date' || field === 'review_date') return dates.date(value);
  return value;
};

/** Every change of track or status (and overridden target dates), newest first, with who and why. */
function Timeline({ history, t }: { history: HistoryEntry[]; t: T }) {
  const labels = useLabels();
  const dates = useDates();
  return (
    <section aria-labelledby="history-h" className="dossier-section">
      <Heading2 id="history-h">{t('dossiers.history')}</Heading2>
      {history.length === 0 ? (
        <p>{t('dossiers.history.empty')}</p>
      ) : (
        <ol className="timeline">
          {history.map((h) => {
            const key = `dossiers.history.field.${h.field}`;
            const field = isMessageKey(key) ? t(key) : h.field;
            const vars = {
              field,
              from: valueLabel(h.field, h.from, labels, dates),
              to: valueLabel(h.field, h.to, labels, dates),
            };
            return (
              <li key={h.id}>
                <strong>
                  {/* Only registration writes status and track without a previous value. */}
                  {h.from === null && (h.field === 'status' || h.field === 'track')
                    ? t('dossiers.history.start', vars)
                    : t('dossiers.history.change', vars)}
                </strong>
                {h.reason ? <span className="timeline-reason"> — {h.reason}</span> : null}
                <br />
                <span className="help">
                  {t('dossiers.history.by', { at: dates.moment(h.at), who: h.userName ?? '—' })}
                  {h.decisionNumber !== null
                    ? ` · ${t('dossiers.history.decision', { id: h.decisionNumber })}`
                    : ''}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
