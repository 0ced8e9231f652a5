import { Heading1, Heading2, Link, StatusBadge } from '@utrecht/component-library-react';
import { useCallback, useEffect, useState } from 'react';
import type { AgendaProposalView, MeetingDetail, MeetingOptions } from '../../../../shared/contract/meetings';
import { presences } from '../../../../shared/domain/consent';
import { getApi } from '../../api';
import { Button, Field, Notice, SelectField } from '../../components/forms';
import { fieldErrors } from '../../errors';
import { useT } from '../../i18n';
import { useDates } from '../../i18n/dates';
import { useAgendaLabel, useLabels } from '../../i18n/domain';
import { navigate } from '../../state/router';
import { useSession } from '../../state/session';
import { AgendaEditor } from './AgendaEditor';
import { addMinutes, reasonText } from './format';
import { Signals } from './Signals';
import { errorText } from '../../errors';
import { useCan } from '../../state/session';
import { useOrganisations } from './hooks';
import { saveFile } from '../../files';

type Message = { kind: 'error' | 'success'; text: string } | null;

/** One meeting: details, attendance, the agenda with the app's proposal, export, and the way into meeting mode. */
export function MeetingPage({ meetingId }: { meetingId: number }) {
  const t = useT();
  const dates = useDates();
  const label = useAgendaLabel();
  const api = getApi();
  const canManage = useCan('meetings.manage');
  const isChair = useCan('meetings.chair');
  const canWork = useCan('items.work');
  const { orgName } = useOrganisations();
  const [m, setM] = useState<MeetingDetail | null>(null);
  const [proposal, setProposal] = useState<AgendaProposalView | null>(null);
  const [message, setMessage] = useState<Message>(null);

  const load = useCallback(async () => {
    try {
      const [meeting, p] = await Promise.all([
        api['meetings.get']({ meetingId }),
        api['meetings.agenda.propose']({ meetingId }),
      ]);
      setM(meeting);
      setProposal(p);
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e, t) });
    }
  }, [api, meetingId, t]);
  useEffect(() => {
    void load();
  }, [load]);

  /** Runs an edit; on success shows the fresh meeting (and proposal), on failure the reason, reloading after a conflict. */
  const run = async (fn: (meeting: MeetingDetail) => Promise<MeetingDetail>, success?: string) => {
    if (!m) return;
    try {
      const next = await fn(m);
      setM(next);
      setProposal(await api['meetings.agenda.propose']({ meetingId }));
      setMessage(success ? { kind: 'success', text: success } : null);
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e, t) });
      await load();
      throw e;
    }
  };
  const quiet = (p: Promise<unknown>) => void p.catch(() => {});

  if (!m) {
    return (
      <main id="main" tabIndex={-1}>
        {message ? (
          <Notice kind={message.kind}>{message.text}</Notice>
        ) : (
          <p role="status">{t('common.loading')}</p>
        )}
      </main>
    );
  }
  const editable = canManage && m.state !== 'afgerond';
  const before = m.state === 'gepland' || m.state === 'in_voorbereiding';
  const total = m.items.reduce((s, i) => s + i.plannedMinutes, 0);
  const pending = proposal?.items.filter((i) => !i.onAgenda) ?? [];

  const exportDocx = async () => {
    try {
      const file = await api['meetings.agenda.exportDocx']({ meetingId });
      saveFile(file.base64, file.fileName, file.mimeType);
      setMessage({ kind: 'success', text: t('meeting.export.done', { file: file.fileName }) });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e, t) });
    }
  };

  return (
    <main id="main" tabIndex={-1}>
      <p>
        <Link href="#/overleggen">{t('meeting.back')}</Link>
      </p>
      <Heading1>
        {t('meeting.title', { date: dates.date(m.date) })}{' '}
        <StatusBadge status={m.state === 'bezig' ? 'active' : 'neutral'} className="state-badge">
          {t(`meetings.state.${m.state}`)}
        </StatusBadge>
      </Heading1>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <p>
        {m.time} · {m.place ? `${m.place} · ` : ''}
        {t('meetings.field.chair')}: {m.chair?.displayName ?? '—'} · {t('meetings.field.secretary')}:{' '}
        {m.secretary?.displayName ?? '—'}
      </p>
      <p>{t('meeting.cutoff', { moment: dates.moment(m.cutoff) })}</p>

      <div className="actions">
        <Button onPress={() => void exportDocx()}>{t('meeting.export')}</Button>
        {isChair && before ? (
          <Button
            variant="primary"
            onPress={() =>
              quiet(
                run((x) => api['meetings.start']({ meetingId, version: x.version })).then(() =>
                  navigate(`overleggen/${meetingId}/vergadering`),
                ),
              )
            }
          >
            {t('meeting.start')}
          </Button>
        ) : null}
        {m.state === 'bezig' ? (
          <Button variant="primary" onPress={() => navigate(`overleggen/${meetingId}/vergadering`)}>
            {t('meeting.resume')}
          </Button>
        ) : null}
      </div>

      <section aria-labelledby="agenda-h">
        <Heading2 id="agenda-h">{t('meeting.agenda')}</Heading2>
        {m.items.length === 0 ? (
          <p>{t('meeting.agenda.empty')}</p>
        ) : (
          <>
            {editable ? <p className="help">{t('meeting.agenda.help')}</p> : null}
            <AgendaEditor
              meetingId={meetingId}
              items={m.items}
              editable={editable}
              canWork={canWork}
              orgName={orgName}
              onReorder={(itemIds) =>
                run((x) => api['meetings.agenda.reorder']({ meetingId, version: x.version, itemIds }))
              }
              onMinutes={(item, plannedMinutes) =>
                run((x) =>
                  api['meetings.agenda.setMinutes']({
                    meetingId,
                    version: x.version,
                    itemId: item.id,
                    plannedMinutes,
                  }),
                ).catch(() => {})
              }
              onRemove={(item) =>
                run(
                  (x) => api['meetings.agenda.remove']({ meetingId, version: x.version, itemId: item.id }),
                  t('meeting.item.removed', { label: label(item) }),
                ).catch(() => {})
              }
            />
            <p>{t('meeting.agenda.total', { minutes: total, end: addMinutes(m.time, total) })}</p>
          </>
        )}
      </section>

      {editable && proposal ? (
        <section aria-labelledby="proposal-h" className="card">
          <Heading2 id="proposal-h">{t('meeting.proposal')}</Heading2>
          <p className="help">{t('meeting.proposal.help')}</p>
          {pending.length === 0 ? (
            <p>{t('meeting.proposal.none')}</p>
          ) : (
            <>
              <Button
                variant="primary"
                onPress={() =>
                  quiet(
                    run(
                      (x) =>
                        api['meetings.agenda.accept']({
                          meetingId,
                          version: x.version,
                          keys: pending.map((p) => p.key),
                        }),
                      t('meeting.proposal.accepted', { n: pending.length }),
                    ),
                  )
                }
              >
                {t('meeting.proposal.acceptAll', { n: pending.length })}
              </Button>
              <ul className="proposal">
                {pending.map((p) => (
                  <li key={p.key}>
                    <div className="agenda-body">
                      <strong>{label(p)}</strong>
                      <span className="agenda-reasons">
                        {p.reasons.map((r) => reasonText(r, t, dates, orgName)).join(' · ')}
                      </span>
                      <Signals signals={p.signals} />
                    </div>
                    <Button
                      onPress={() =>
                        quiet(
                          run(
                            (x) =>
                              api['meetings.agenda.accept']({ meetingId, version: x.version, keys: [p.key] }),
                            t('meeting.proposal.accepted', { n: 1 }),
                          ),
                        )
                      }
                    >
                      {t('meeting.proposal.accept', { label: label(p) })}
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}

      {editable ? <AddItemForm meeting={m} onAdded={setM} onMessage={setMessage} /> : null}
      {before ? (
        <RequestForm meetingId={meetingId} onMessage={setMessage} onDone={() => void load()} />
      ) : null}

      <section aria-labelledby="attendance-h">
        <Heading2 id="attendance-h">{t('meeting.attendance')}</Heading2>
        <div className="meeting-fields">
          {m.attendance.map((a) =>
            editable ? (
              <SelectField
                key={a.organisationId}
                label={t('meeting.attendance.org', { org: a.organisationName })}
                value={a.presence ?? ''}
                options={[
                  { value: '', label: t('meeting.attendance.unknown') },
                  ...presences.map((p) => ({ value: p, label: t(`meeting.presence.${p}`) })),
                ]}
                onChange={(v) =>
                  quiet(
                    run((x) =>
                      api['meetings.setAttendance']({
                        meetingId,
                        version: x.version,
                        organisationId: a.organisationId,
                        presence: v === '' ? null : v,
                      }),
                    ),
                  )
                }
              />
            ) : (
              <p key={a.organisationId}>
                {a.organisationName}:{' '}
                {a.presence ? t(`meeting.presence.${a.presence}`) : t('meeting.attendance.unknown')}
              </p>
            ),
          )}
        </div>
      </section>

      {canManage && m.state !== 'gepland' ? (
        <NamesForm meeting={m} onSaved={setM} onMessage={setMessage} />
      ) : null}
      {canManage && (before || m.state === 'afgerond') ? (
        <DetailsForm meeting={m} onSaved={setM} onMessage={setMessage} signersOnly={m.state === 'afgerond'} />
      ) : null}
    </main>
  );
}

function AddItemForm({
  meeting,
  onAdded,
  onMessage,
}: {
  meeting: MeetingDetail;
  onAdded: (m: MeetingDetail) => void;
  onMessage: (m: Message) => void;
}) {
  const t = useT();
  const labels = useLabels();
  const label = useAgendaLabel();
  const [kind, setKind] = useState<'dossier' | 'onderwerp' | 'verslag' | 'acties' | 'rondvraag'>('dossier');
  const [number, setNumber] = useState('');
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async () => {
    try {
      const m = await getApi()['meetings.agenda.add']({
        meetingId: meeting.id,
        version: meeting.version,
        kind,
        ...(kind === 'dossier' ? { dossierNumber: number } : {}),
        ...(kind === 'onderwerp' ? { title } : {}),
        ...(minutes.trim() ? { plannedMinutes: Number(minutes) } : {}),
      });
      setErrors({});
      setNumber('');
      setTitle('');
      onAdded(m);
      const added = m.items.at(-1);
      onMessage({ kind: 'success', text: t('meeting.add.done', { label: added ? label(added) : '' }) });
    } catch (e) {
      setErrors(fieldErrors(e, t));
      onMessage({ kind: 'error', text: errorText(e, t) });
    }
  };
  return (
    <section aria-labelledby="add-h" className="card">
      <Heading2 id="add-h">{t('meeting.add.title')}</Heading2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="meeting-fields">
          <SelectField
            label={t('meeting.add.kind')}
            value={kind}
            onChange={setKind}
            options={(['dossier', 'onderwerp', 'verslag', 'acties', 'rondvraag'] as const).map((k) => ({
              value: k,
              label:
                k === 'dossier'
                  ? t('meeting.add.dossier')
                  : k === 'onderwerp'
                    ? t('meeting.add.title.field')
                    : labels.agendaItemKind[k],
            }))}
          />
          {kind === 'dossier' ? (
            <Field
              label={t('meeting.add.dossier')}
              help={t('meeting.add.dossier.help')}
              value={number}
              onChange={setNumber}
              error={errors.dossierNumber}
              isRequired
            />
          ) : null}
          {kind === 'onderwerp' ? (
            <Field
              label={t('meeting.add.title.field')}
              value={title}
              onChange={setTitle}
              error={errors.title}
              isRequired
            />
          ) : null}
          <Field
            label={t('meeting.add.minutes')}
            type="number"
            inputMode="numeric"
            value={minutes}
            onChange={setMinutes}
            error={errors.plannedMinutes}
          />
        </div>
        <Button type="submit">{t('meeting.add.submit')}</Button>
      </form>
    </section>
  );
}

function RequestForm({
  meetingId,
  onMessage,
  onDone,
}: {
  meetingId: number;
  onMessage: (m: Message) => void;
  onDone: () => void;
}) {
  const t = useT();
  const org = useSession((s) => s.status?.session?.organisationName ?? '');
  const [number, setNumber] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async () => {
    try {
      const r = await getApi()['meetings.requestDiscussion']({ meetingId, dossierNumber: number });
      setErrors({});
      setNumber('');
      const key = r.existing
        ? 'meeting.request.existing'
        : r.late
          ? 'meeting.request.late'
          : 'meeting.request.done';
      onMessage({ kind: 'success', text: t(key, { number: r.dossierNumber }) });
      onDone();
    } catch (e) {
      setErrors(fieldErrors(e, t));
      onMessage({ kind: 'error', text: errorText(e, t) });
    }
  };
  return (
    <section aria-labelledby="request-h" className="card">
      <Heading2 id="request-h">{t('meeting.request.title')}</Heading2>
      <p className="help">{t('meeting.request.help', { org })}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field
          label={t('meeting.add.dossier')}
          help={t('meeting.add.dossier.help')}
          value={number}
          onChange={setNumber}
          error={errors.dossierNumber}
          isRequired
        />
        <Button type="submit">{t('meeting.request.submit')}</Button>
      </form>
    </section>
  );
}

/**
 * The names of the people at the table per organisation with a recorded presence, which the minutes
 * print; saved together, only those that changed.
 */
function NamesForm({
  meeting,
  onSaved,
  onMessage,
}: {
  meeting: MeetingDetail;
  onSaved: (m: MeetingDetail) => void;
  onMessage: (m: Message) => void;
}) {
  const t = useT();
  const present = meeting.attendance.filter((a) => a.presence !== null);
  const [names, setNames] = useState<Record<number, string>>(() =>
    Object.fromEntries(present.map((a) => [a.organisationId, a.names])),
  );
  if (present.length === 0) return null;
  const save = async () => {
    try {
      let latest = meeting;
      for (const a of present) {
        const value = names[a.organisationId] ?? '';
        if (value.trim() === a.names) continue;
        latest = await getApi()['meetings.setAttendanceNames']({
          meetingId: meeting.id,
          organisationId: a.organisationId,
          names: value,
        });
      }
      onSaved(latest);
      onMessage({ kind: 'success', text: t('meeting.names.saved') });
    } catch (e) {
      onMessage({ kind: 'error', text: errorText(e, t) });
    }
  };
  return (
    <section aria-labelledby="names-h" className="card">
      <Heading2 id="names-h">{t('meeting.names')}</Heading2>
      <p className="help">{t('meeting.names.help')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="meeting-fields">
          {present.map((a) => (
            <Field
              key={a.organisationId}
              label={t('meeting.names.org', { org: a.organisationName })}
              value={names[a.organisationId] ?? ''}
              onChange={(v) => setNames((n) => ({ ...n, [a.organisationId]: v }))}
            />
          ))}
        </div>
        <Button type="submit">{t('meeting.names.save')}</Button>
      </form>
    </section>
  );
}

function DetailsForm({
  meeting,
  onSaved,
  onMessage,
  signersOnly = false,
}: {
  meeting: MeetingDetail;
  onSaved: (m: MeetingDetail) => void;
  onMessage: (m: Message) => void;
  /** After the meeting: only the chair and the secretary can still be recorded (until adoption). */
  signersOnly?: boolean;
}) {
  const t = useT();
  const [options, setOptions] = useState<MeetingOptions | null>(null);
  const [form, setForm] = useState({
    date: meeting.date,
    time: meeting.time,
    place: meeting.place,
    chair: meeting.chair ? String(meeting.chair.id) : '',
    secretary: meeting.secretary ? String(meeting.secretary.id) : '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    const api = getApi();
    void api['meetings.options']({}).then(setOptions, () => {});
  }, []);
  if (!options) return null;
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const people = (list: MeetingOptions['chairs']) => [
    { value: '', label: t('meetings.field.nobody') },
    ...list.map((p) => ({ value: String(p.id), label: p.displayName })),
  ];
  const save = async () => {
    try {
      const m = await getApi()['meetings.update']({
        meetingId: meeting.id,
        version: meeting.version,
        date: form.date,
        time: form.time,
        place: form.place,
        chairUserId: form.chair ? Number(form.chair) : null,
        secretaryUserId: form.secretary ? Number(form.secretary) : null,
      });
      setErrors({});
      onSaved(m);
      onMessage({ kind: 'success', text: t('meeting.details.saved') });
    } catch (e) {
      setErrors(fieldErrors(e, t));
      onMessage({ kind: 'error', text: errorText(e, t) });
    }
  };
  return (
    <section aria-labelledby="details-h" className="card">
      <Heading2 id="details-h">{t('meeting.details')}</Heading2>
      {signersOnly ? <p className="help">{t('meeting.details.signersOnly')}</p> : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="meeting-fields">
          {signersOnly ? null : (
            <>
              <Field
                label={t('meetings.field.date')}
                type="date"
                value={form.date}
                onChange={set('date')}
                error={errors.date}
                isRequired
              />
              <Field
                label={t('meetings.field.time')}
                type="time"
                value={form.time}
                onChange={set('time')}
                error={errors.time}
              />
              <Field
                label={t('meetings.field.place')}
                value={form.place}
                onChange={set('place')}
                error={errors.place}
              />
            </>
          )}
          <SelectField
            label={t('meetings.field.chair')}
            value={form.chair}
            onChange={set('chair')}
            options={people(options.chairs)}
            error={errors.chairUserId}
          />
          <SelectField
            label={t('meetings.field.secretary')}
            value={form.secretary}
            onChange={set('secretary')}
            options={people(options.secretaries)}
            error={errors.secretaryUserId}
          />
        </div>
        <Button type="submit">{t('common.save')}</Button>
      </form>
    </section>
  );
}
