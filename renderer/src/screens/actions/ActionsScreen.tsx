import {
  Heading1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useCallback, useEffect, useState } from 'react';
import type { Action, ActionFilter } from '../../../../shared/contract/actions';
import { can } from '../../../../shared/domain/permissions';
import { getApi } from '../../api';
import { Notice, SelectField } from '../../components/forms';
import { plural, useT } from '../../i18n';
import { useDates } from '../../i18n/dates';
import { useSession } from '../../state/session';
import { ActionReview } from '../item/ActionReview';
import { errorText } from '../../errors';

const filters: ActionFilter[] = ['open', 'overdue', 'all'];

/** "Acties van mijn organisatie": the user's organisation's actions, filterable; the chair and secretary may pick another. */
export function ActionsScreen() {
  const t = useT();
  const dates = useDates();
  const api = getApi();
  const session = useSession((s) => s.status?.session);
  const [filter, setFilter] = useState<ActionFilter>('open');
  const [dossier, setDossier] = useState('');
  const [org, setOrg] = useState('');
  const [orgs, setOrgs] = useState<{ id: number; name: string }[]>([]);
  const [actions, setActions] = useState<Action[]>([]);
  const [error, setError] = useState<string | null>(null);
  const runsMeeting = can(session, 'actions.readAll');

  const load = useCallback(async () => {
    try {
      const r = await api['actions.list']({ filter, ...(org ? { organisationId: Number(org) } : {}) });
      setActions(r.actions);
      setError(null);
    } catch (e) {
      setError(errorText(e, t));
    }
  }, [api, filter, org, t]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (runsMeeting) void api['organisations.list']({}).then((o) => setOrgs(o.filter((x) => x.active)));
  }, [api, runsMeeting]);

  // The dossier filter offers the dossiers that occur in the list (by number and initials only).
  const dossiers = [
    ...new Map(
      actions.filter((a) => a.dossierId !== null).map((a) => [String(a.dossierId), a.dossierLabel ?? '']),
    ).entries(),
  ];
  const shown = dossier ? actions.filter((a) => String(a.dossierId) === dossier) : actions;
  const orgName = orgs.find((o) => String(o.id) === org)?.name;

  return (
    <main id="main" tabIndex={-1}>
      <Heading1>{orgName ? t('actions.titleOther', { org: orgName }) : t('actions.title')}</Heading1>
      {session && !orgName ? <p className="help">{session.organisationName}</p> : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      <div className="action-filters" role="group" aria-label={t('actions.filter')}>
        <SelectField
          label={t('actions.filter')}
          value={filter}
          onChange={setFilter}
          options={filters.map((f) => ({ value: f, label: t(`actions.filter.${f}`) }))}
        />
        <SelectField
          label={t('actions.filter.dossier')}
          value={dossier}
          onChange={setDossier}
          options={dossiers.map(([value, label]) => ({ value, label }))}
          placeholder={t('actions.filter.allDossiers')}
        />
        {runsMeeting ? (
          <SelectField
            label={t('actions.filter.org')}
            value={org}
            onChange={setOrg}
            options={orgs.map((o) => ({ value: String(o.id), label: o.name }))}
            placeholder={session?.organisationName ?? ''}
          />
        ) : null}
      </div>
      <p role="status">
        {t(plural(shown.length, 'actions.count.one', 'actions.count.other'), { n: shown.length })}
      </p>
      {shown.length === 0 ? (
        <p>{t('actions.empty')}</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('actions.col.what')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('actions.col.dossier')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('actions.col.person')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('actions.col.due')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('actions.col.status')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('actions.col.decision')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((a) => (
              <TableRow key={a.id}>
                <TableCell>
                  {a.what}
                  {runsMeeting && a.status === 'open' ? (
                    <details>
                      <summary>{t('actions.review')}</summary>
                      <ActionReview action={a} meetingId={null} onDone={load} />
                    </details>
                  ) : null}
                </TableCell>
                <TableCell>{a.dossierLabel ?? ''}</TableCell>
                <TableCell>{a.person ?? ''}</TableCell>
                <TableCell>
                  {dates.short(a.dueDate)}
                  {a.overdue ? <strong className="overdue"> · {t('actions.overdue')}</strong> : null}
                </TableCell>
                <TableCell>
                  {t(`actions.status.${a.status}`)}
                  {a.postponements ? ` · ${t('actions.postponed', { n: a.postponements })}` : ''}
                  {a.reason ? ` — ${a.reason}` : ''}
                </TableCell>
                <TableCell>{a.decisionNumber ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </main>
  );
}
