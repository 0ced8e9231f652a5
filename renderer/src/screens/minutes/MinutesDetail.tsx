import { Heading1, Heading2, Heading3, Link, StatusBadge } from '@utrecht/component-library-react';
import { useCallback, useEffect, useState } from 'react';
import type { MinutesDetail } from '../../../../shared/contract/minutes';
import { can } from '../../../../shared/domain/permissions';
import { minutesStatus } from './status';
import { getApi } from '../../api';
import { Button, Field, Notice } from '../../components/forms';
import { errorText } from '../../errors';
import { useT } from '../../i18n';
import { useSession } from '../../state/session';
import { CorrectionsPanel } from './Corrections';
import { ExportPanel } from './Export';
import { ConfirmStep } from '../../components/Confirm';
import { useDates } from '../../i18n/dates';

export type Message = { kind: 'error' | 'success'; text: string } | null;

export function MinutesDetailScreen({ meetingId }: { meetingId: number }) {
  const t = useT();
  const dates = useDates();
  const session = useSession((s) => s.status?.session ?? null);
  const [detail, setDetail] = useState<MinutesDetail | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const api = getApi();
    api['minutes.get']({ meetingId })
      .then(setDetail)
      .catch((e: unknown) => setMessage({ kind: 'error', text: errorText(e, t) }));
  }, [meetingId, t]);

  /** Runs a step that answers with the new detail; shows its outcome. */
  const step = useCallback(
    async (run: () => Promise<MinutesDetail>, success: (d: MinutesDetail) => string): Promise<boolean> => {
      setBusy(true);
      try {
        const next = await run();
        setDetail(next);
        setMessage({ kind: 'success', text: success(next) });
        return true;
      } catch (e) {
        setMessage({ kind: 'error', text: errorText(e, t) });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  if (!detail || !session) {
    return (
      <main id="main" tabIndex={-1}>
        <p>{message ? <Notice kind="error">{message.text}</Notice> : t('common.loading')}</p>
      </main>
    );
  }
  const secretariat = can(session, 'minutes.manage');
  const latest = detail.versions.at(-1);
  const mySignature = latest?.signatures.some((s) => s.role === detail.mySignerRole) ?? false;
  const api = getApi();
  const ref = { meetingId };

  return (
    <main id="main" tabIndex={-1} className="minutes">
      <p>
        <Link href="#/verslagen">{t('minutes.back')}</Link>
      </p>
      <Heading1>{t('minutes.detail.title', { date: dates.date(detail.date) })}</Heading1>
      <p>
        {t('minutes.detail.meta', { place: detail.place, chair: detail.chair, secretary: detail.secretary })}
      </p>
      <p>
        <StatusBadge status={minutesStatus[detail.state]}>
          {t('minutes.detail.status', { version: detail.version, state: t(`minutes.state.${detail.state}`) })}
        </StatusBadge>
      </p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {detail.changedSinceAdoption ? <Notice kind="warning">{t('minutes.detail.changed')}</Notice> : null}
      {detail.missingSigners.length > 0 &&
      (detail.state === 'concept' || detail.state === 'correctieronde') ? (
        <Notice kind="warning">
          {t('minutes.detail.missingSigners', {
            who: detail.missingSigners
              .map((r) => t(`minutes.detail.missing.${r}`))
              .join(t('minutes.detail.missingSigners.and')),
          })}{' '}
          <Link href={`#/overleggen/${meetingId}`}>{t('minutes.detail.missingSigners.link')}</Link>
        </Notice>
      ) : null}

      <div className="actions">
        {secretariat && detail.state === 'concept' ? (
          <Button
            variant="primary"
            isDisabled={busy}
            onPress={() =>
              void step(
                () => api['minutes.startCorrections'](ref),
                () => t('minutes.done.startCorrections'),
              )
            }
          >
            {t('minutes.step.startCorrections')}
          </Button>
        ) : null}
        {secretariat && detail.state === 'correctieronde' ? (
          <ConfirmStep
            variant="primary"
            isDisabled={busy}
            label={t('minutes.step.adopt')}
            question={t('beamer.confirm.adopt')}
            onConfirm={() =>
              step(
                () => api['minutes.adopt'](ref),
                () => t('minutes.done.adopt'),
              )
            }
          />
        ) : null}
        {detail.state === 'vastgesteld' && detail.mySignerRole && !mySignature ? (
          <SignForm
            label={t('minutes.step.sign', { role: t(`minutes.role.${detail.mySignerRole}`) })}
            busy={busy}
            onSign={(password) =>
              step(
                () => api['minutes.sign']({ ...ref, password }),
                () => t('minutes.done.sign'),
              )
            }
          />
        ) : null}
        {secretariat && (detail.state === 'vastgesteld' || detail.state === 'ondertekend') ? (
          <Button
            isDisabled={busy}
            onPress={() =>
              void step(
                () => api['minutes.newVersion'](ref),
                (d) => t('minutes.done.newVersion', { version: d.version }),
              )
            }
          >
            {t('minutes.step.newVersion')}
          </Button>
        ) : null}
      </div>
      {secretariat && detail.state === 'concept' ? (
        <p className="help">{t('minutes.step.startCorrections.help')}</p>
      ) : null}
      {secretariat && detail.state === 'correctieronde' ? (
        <p className="help">{t('minutes.step.adopt.help')}</p>
      ) : null}

      <CorrectionsPanel detail={detail} session={session} busy={busy} step={step} />
      <ExportPanel
        detail={detail}
        session={session}
        onError={(text) => setMessage({ kind: 'error', text })}
      />
      <VersionsPanel detail={detail} />
    </main>
  );
}

function VersionsPanel({ detail }: { detail: MinutesDetail }) {
  const t = useT();
  const dates = useDates();
  return (
    <section aria-labelledby="versions-h">
      <Heading2 id="versions-h">{t('minutes.versions')}</Heading2>
      {[...detail.versions].reverse().map((v) => (
        <div className="card" key={v.version}>
          <Heading3>
            {t('minutes.version.title', { version: v.version, state: t(`minutes.state.${v.state}`) })}
          </Heading3>
          {v.adoptedAt ? (
            <dl className="minutes-hashes">
              <dt>{t('minutes.version.adopted', { date: dates.moment(v.adoptedAt) })}</dt>
              <dd />
              <dt>{t('minutes.version.docxHash')}</dt>
              <dd>
                <code>{v.docxSha256}</code>
              </dd>
              <dt>{t('minutes.version.contentHash')}</dt>
              <dd>
                <code>{v.contentSha256}</code>
              </dd>
              <dt>{t('minutes.version.auditHead')}</dt>
              <dd>
                <code>{v.auditHead}</code>
              </dd>
            </dl>
          ) : null}
          {v.signatures.length === 0 ? (
            <p>{t('minutes.version.unsigned')}</p>
          ) : (
            <ul>
              {v.signatures.map((s) => (
                <li key={s.role}>
                  {t('minutes.version.signedBy', {
                    role: t(`minutes.role.${s.role}`),
                    name: s.name,
                    organisation: s.organisation,
                    date: dates.moment(s.signedAt),
                  })}
                </li>
              ))}
            </ul>
          )}
          {v.version < detail.version && v.signatures.length > 0 ? (
            <p className="help">{t('minutes.version.earlier', { version: v.version })}</p>
          ) : null}
        </div>
      ))}
    </section>
  );
}

/** Signing asks for the signer's password again, so the signature is theirs and deliberate. */
function SignForm({
  label,
  busy,
  onSign,
}: {
  label: string;
  busy: boolean;
  onSign: (password: string) => Promise<unknown>;
}) {
  const t = useT();
  const [password, setPassword] = useState('');
  return (
    <form
      className="sign-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSign(password).then(() => setPassword(''));
      }}
      noValidate
    >
      <Field
        label={t('minutes.sign.password')}
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="current-password"
        help={t('minutes.sign.password.help')}
        isRequired
      />
      <Button type="submit" variant="primary" isDisabled={busy || !password}>
        {label}
      </Button>
    </form>
  );
}
