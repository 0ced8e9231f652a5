import {
  Fieldset,
  FieldsetLegend,
  Heading1,
  Heading2,
  Heading3,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useCallback, useEffect, useState } from 'react';
import type { Organisation, User } from '../../../shared/domain/environment';
import { can, hostRolesRefused } from '../../../shared/domain/permissions';
import { organisationKinds, roles, type OrganisationKind, type Role } from '../../../shared/domain/roles';
import { getApi } from '../api';
import { Button, Checkbox, Field, Form, Notice, SelectField } from '../components/forms';
import { errorText, fieldErrors } from '../errors';
import { useT } from '../i18n';
import { AgendaSettingsForm } from './meetings/AgendaSettingsForm';
import type { Rekeyed } from '../../../shared/contract/auth';
import { useSession } from '../state/session';
import { TrustedRoots } from './TrustedRoots';
import { CertificateRequests } from './CertificateRequests';
import { ThemeSection } from './ThemeSection';
import { BackupSection } from './BackupSection';
import { DecisionRulesSection } from './DecisionRulesSection';

/**
 * Users, organisations, settings (the environment's and the agenda's), the trusted root certificates
 * and the audit chain: for the beheerder.
 */
export function Admin() {
  const t = useT();
  const api = getApi();
  const session = useSession((s) => s.status?.session ?? null);
  const [users, setUsers] = useState<User[]>([]);
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [idle, setIdle] = useState('10');

  const load = useCallback(async () => {
    try {
      const [u, o, s] = await Promise.all([
        api['users.list']({}),
        api['organisations.list']({}),
        api['settings.get']({}),
      ]);
      setUsers(u);
      setOrgs(o);
      setIdle(String(s.idleLockMinutes));
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e, t) });
    }
  }, [api, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (fn: () => Promise<unknown>, success: string) => {
    try {
      await fn();
      setMessage({ kind: 'success', text: success });
      await load();
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e, t) });
    }
  };

  const orgName = (id: number) => orgs.find((o) => o.id === id)?.name ?? '';

  return (
    <main id="main" tabIndex={-1}>
      <Heading1>{t('admin.title')}</Heading1>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}

      <section aria-labelledby="users-h">
        <Heading2 id="users-h">{t('admin.users')}</Heading2>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('admin.users.name')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.users.username')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.users.org')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.users.roles')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.users.status')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.users.keyHolder')}</TableHeaderCell>
              <TableHeaderCell scope="col">
                <span className="visually-hidden">{t('admin.users.reset')}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.map((u) => (
              <UserRow key={u.id} user={u} orgName={orgName(u.organisationId)} onDone={run} />
            ))}
          </TableBody>
        </Table>
        <p className="help">{t('admin.users.keyHolder.help')}</p>
        <NewUserForm
          orgs={orgs}
          onCreated={(name) => void run(async () => {}, t('admin.users.created', { name }))}
        />
      </section>

      <section aria-labelledby="orgs-h">
        <Heading2 id="orgs-h">{t('admin.orgs')}</Heading2>
        <p className="help">{t('admin.orgs.special.help')}</p>
        <ul className="org-special-list">
          {orgs.map((o) => (
            <li key={o.id}>
              {o.name} ({t(`kind.${o.kind}`)}){o.seesSpecialCategories ? ` — ${t('admin.orgs.special')}` : ''}
              <Checkbox
                label={t('admin.orgs.special.toggle', { name: o.name })}
                checked={o.seesSpecialCategories}
                onChange={(seesSpecial) =>
                  void run(
                    () => api['organisations.setSeesSpecial']({ organisationId: o.id, seesSpecial }),
                    t('admin.saved'),
                  )
                }
              />
            </li>
          ))}
        </ul>
        <NewOrgForm onDone={run} />
      </section>

      <section aria-labelledby="settings-h">
        <Heading2 id="settings-h">{t('admin.settings')}</Heading2>
        <Form
          onSubmit={() =>
            run(() => api['settings.update']({ idleLockMinutes: Number(idle) }), t('admin.saved'))
          }
        >
          <Field label={t('admin.idle')} value={idle} onChange={setIdle} type="number" inputMode="numeric" />
          <Button type="submit">{t('common.save')}</Button>
        </Form>
      </section>

      <AgendaSettingsForm />
      <DecisionRulesSection orgs={orgs} />
      <ThemeSection />

      <KeysSection onDone={run} />
      <BackupSection />
      {can(session, 'certificates.issue') ? <CertificateRequests /> : null}
      <TrustedRoots />

      <section aria-labelledby="audit-h">
        <Heading2 id="audit-h">{t('admin.audit')}</Heading2>
        <Button
          onPress={() =>
            void api['audit.verify']({}).then(
              (r) =>
                setMessage(
                  r.valid
                    ? {
                        kind: 'success',
                        text: t('admin.audit.valid', { n: r.records, head: r.head.slice(0, 16) }),
                      }
                    : { kind: 'error', text: t('admin.audit.invalid', { id: r.brokenAt ?? 0 }) },
                ),
              (e: unknown) => setMessage({ kind: 'error', text: errorText(e, t) }),
            )
          }
        >
          {t('admin.audit.verify')}
        </Button>
      </section>
    </main>
  );
}

function UserRow({
  user,
  orgName,
  onDone,
}: {
  user: User;
  orgName: string;
  onDone(fn: () => Promise<unknown>, success: string): Promise<void>;
}) {
  const t = useT();
  const api = getApi();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  return (
    <TableRow>
      <TableCell>{user.displayName}</TableCell>
      <TableCell>
        <code>{user.username}</code>
      </TableCell>
      <TableCell>{orgName}</TableCell>
      <TableCell>{user.roles.map((r) => t(`role.${r}`)).join(', ')}</TableCell>
      <TableCell>
        {user.disabled ? t('admin.users.disabled') : t('admin.users.active')}{' '}
        <Button
          onPress={() =>
            void onDone(
              () => api['users.setDisabled']({ userId: user.id, disabled: !user.disabled }).then(showRekey),
              user.disabled ? t('admin.users.enabledHint', { name: user.displayName }) : t('admin.saved'),
            )
          }
        >
          {user.disabled ? t('admin.users.enable') : t('admin.users.disable')}
        </Button>
      </TableCell>
      <TableCell>
        <Checkbox
          label={t('admin.users.keyHolder.toggle', { name: user.displayName })}
          checked={user.keyHolder}
          isDisabled={user.disabled}
          onChange={(keyHolder) =>
            void onDone(
              () => api['users.setKeyHolder']({ userId: user.id, keyHolder }).then(showRekey),
              t('admin.saved'),
            )
          }
        />
      </TableCell>
      <TableCell>
        {resetting ? (
          <Form
            onSubmit={() =>
              onDone(
                () => api['users.resetPassword']({ userId: user.id, password }),
                t('admin.users.resetDone', { name: user.displayName }),
              ).then(() => setResetting(false))
            }
          >
            <Field
              label={t('admin.users.newPassword', { name: user.displayName })}
              value={password}
              onChange={setPassword}
              type="password"
              autoComplete="new-password"
              autoFocus
            />
            <Button type="submit">{t('common.save')}</Button>
            <Button onPress={() => setResetting(false)}>{t('common.cancel')}</Button>
          </Form>
        ) : (
          <Button onPress={() => setResetting(true)} isDisabled={user.disabled}>
            {t('admin.users.reset')}
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}

function NewUserForm({ orgs, onCreated }: { orgs: Organisation[]; onCreated(name: string): void }) {
  const t = useT();
  const [form, setForm] = useState({
    displayName: '',
    username: '',
    password: '',
    organisationId: '',
    roles: ['deelnemer'] as Role[],
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [outsideHost, setOutsideHost] = useState(false);
  const orgId = form.organisationId || String(orgs[0]?.id ?? '');
  const org = orgs.find((o) => String(o.id) === orgId);
  // Roles that speak for the table, asked for outside the gemeente: the same rule the backend applies,
  // offered as an explicit exception instead of a refusal after submitting.
  const outside = org ? hostRolesRefused(form.roles, org.kind, false) : [];

  const submit = async () => {
    try {
      await getApi()['users.create']({
        ...form,
        organisationId: Number(orgId),
        outsideHost: outside.length > 0 && outsideHost,
      });
      onCreated(form.displayName);
      setForm({ displayName: '', username: '', password: '', organisationId: '', roles: ['deelnemer'] });
      setOutsideHost(false);
      setErrors({});
      setError(null);
    } catch (e) {
      setError(errorText(e, t));
      setErrors(fieldErrors(e, t));
    }
  };

  return (
    <Form className="card" onSubmit={submit}>
      <Heading3>{t('admin.users.new')}</Heading3>
      <Notice kind="error">{error}</Notice>
      <Field
        label={t('admin.users.name')}
        value={form.displayName}
        onChange={(displayName) => setForm({ ...form, displayName })}
        error={errors.displayName}
        isRequired
      />
      <Field
        label={t('admin.users.username')}
        value={form.username}
        onChange={(username) => setForm({ ...form, username })}
        error={errors.username}
        isRequired
        autoComplete="off"
      />
      <Field
        label={t('admin.users.password')}
        value={form.password}
        onChange={(password) => setForm({ ...form, password })}
        type="password"
        error={errors.password}
        help={t('setup.admin.password.help')}
        isRequired
        autoComplete="new-password"
      />
      <SelectField
        label={t('admin.users.org')}
        value={orgId}
        onChange={(organisationId) => setForm({ ...form, organisationId })}
        options={orgs.map((o) => ({ value: String(o.id), label: o.name }))}
      />
      <Fieldset>
        <FieldsetLegend>{t('admin.users.roles')}</FieldsetLegend>
        {roles.map((r) => (
          <Checkbox
            key={r}
            label={t(`role.${r}`)}
            checked={form.roles.includes(r)}
            onChange={(on) =>
              setForm({ ...form, roles: on ? [...form.roles, r] : form.roles.filter((x) => x !== r) })
            }
          />
        ))}
        {errors.roles ? <span className="field-error">{errors.roles}</span> : null}
        {outside.length > 0 ? (
          <Checkbox
            label={t('admin.users.outsideHost', {
              roles: outside.map((r) => t(`role.${r}`)).join(', '),
              org: org?.name ?? '',
            })}
            checked={outsideHost}
            onChange={setOutsideHost}
          />
        ) : null}
      </Fieldset>
      <Button type="submit" variant="primary">
        {t('common.add')}
      </Button>
    </Form>
  );
}

function NewOrgForm({ onDone }: { onDone(fn: () => Promise<unknown>, success: string): Promise<void> }) {
  const t = useT();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganisationKind>('ngo');
  return (
    <Form
      className="card"
      onSubmit={() =>
        onDone(() => getApi()['organisations.add']({ name, kind }), t('admin.saved')).then(() => setName(''))
      }
    >
      <Heading3>{t('admin.orgs.new')}</Heading3>
      <Field label={t('setup.org.name', { n: '' }).trim()} value={name} onChange={setName} isRequired />
      <SelectField
        label={t('setup.org.kind', { n: '' }).trim()}
        value={kind}
        onChange={setKind}
        options={organisationKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
      />
      <Button type="submit">{t('common.add')}</Button>
    </Form>
  );
}

/** After a key holder was removed the database has a new key: show the new recovery key once. */
function showRekey(change: { rekeyed: Rekeyed | null }): void {
  if (change.rekeyed)
    useSession.getState().setRecoveryKey(change.rekeyed.recoveryKey, change.rekeyed.needNewPassword);
}

function KeysSection({ onDone }: { onDone(fn: () => Promise<unknown>, success: string): Promise<void> }) {
  const t = useT();
  const [advised, setAdvised] = useState(false);
  useEffect(() => {
    const api = getApi();
    void api['keys.status']({}).then(
      (s) => setAdvised(s.rekeyAdvised),
      () => setAdvised(false),
    );
  }, []);
  return (
    <section aria-labelledby="keys-h">
      <Heading2 id="keys-h">{t('admin.keys')}</Heading2>
      {advised ? <Notice kind="warning">{t('admin.keys.advised')}</Notice> : null}
      <p className="help">{t('admin.keys.help')}</p>
      <Button
        onPress={() =>
          void onDone(async () => showRekey({ rekeyed: await getApi()['keys.rekey']({}) }), t('admin.saved'))
        }
      >
        {t('admin.keys.rekey')}
      </Button>
    </section>
  );
}
