import { Heading1 } from '@utrecht/component-library-react';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../../shared/errors';
import { Button, Field, Form, Notice } from '../../components/forms';
import { errorText } from '../../errors';
import { isMessageKey, useLocale, useT } from '../../i18n';
import { forgetRoomSession, roomLogin, roomLogout, roomSession, type RoomLogin } from '../../room-host';
import { useSession } from '../../state/session';
import { Account } from '../Account';
import { ParticipantPage } from './ParticipantPage';
import { getApi } from '../../api';
import { applyTheme } from '../../theme/apply';

/**
 * The whole app on a participant's laptop (the meeting-room listener): log in with one's own account,
 * then the running meeting only. Nothing else of the app is reachable from here, and the backend
 * refuses every other method on the listener regardless.
 */
export function RoomApp() {
  const t = useT();
  const [login, setLogin] = useState<RoomLogin | null>(null);
  const [loading, setLoading] = useState(true);
  // Why the last session ended (the listener's reason), shown above the login form.
  const [ended, setEnded] = useState<string | null>(null);

  useEffect(() => {
    document.title = t('room.title');
  }, [t]);
  // The city's house style, as on the chair's screen. The listener answers only a logged-in page, so
  // the login form shows the neutral default and the page takes the city's style once logged in.
  useEffect(() => {
    if (!login) return;
    const api = getApi();
    api['theme.get']({}).then(
      (theme) => applyTheme(theme.tokens),
      () => undefined,
    );
  }, [login]);
  useEffect(() => {
    let alive = true;
    void roomSession().then((s) => {
      if (!alive) return;
      setLogin(s);
      setLoading(false);
    });
    return () => {
      alive = false;
    };
  }, []);

  const end = useCallback((reason: string) => {
    forgetRoomSession();
    setLogin(null);
    setEnded(reason);
  }, []);

  // A temporary password from the beheerder: the participant chooses their own first, here too.
  const status = useSession((s) => s.status);
  const mustChange =
    login?.session.mustChangePassword === true && (status?.session?.mustChangePassword ?? true);
  useEffect(() => {
    if (mustChange && status && !status.session) end('logout');
  }, [mustChange, status, end]);

  if (loading) return <p role="status">{t('common.loading')}</p>;
  if (!login) return <RoomLoginForm ended={ended} onLoggedIn={(l) => (setEnded(null), setLogin(l))} />;
  return (
    <div className="shell room-shell">
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <RoomTopBar login={login} onLogout={() => void roomLogout().finally(() => end('logout'))} />
      {mustChange ? <Account required /> : <ParticipantPage session={login.session} onEnded={end} />}
    </div>
  );
}

function RoomTopBar({ login, onLogout }: { login: RoomLogin; onLogout(): void }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <header className="topbar">
      <span className="brand">{t('app.name')}</span>
      <span className="who">
        {t('room.loggedInAs', { name: login.session.displayName, org: login.session.organisationName })}
      </span>
      <Button onPress={() => setLocale(locale === 'nl' ? 'en' : 'nl')} lang={locale === 'nl' ? 'en' : 'nl'}>
        {t('lang.switch')}
      </Button>
      <Button onPress={onLogout}>{t('room.logout')}</Button>
    </header>
  );
}

function RoomLoginForm({ ended, onLoggedIn }: { ended: string | null; onLoggedIn(l: RoomLogin): void }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});
  const endKey = ended ? `room.end.${ended}` : '';

  const submit = async () => {
    const empty = {
      username: username.trim() ? undefined : t('field.required'),
      password: password ? undefined : t('field.required'),
    };
    setMissing(empty);
    if (empty.username || empty.password) return;
    setBusy(true);
    setError(null);
    const r = await roomLogin(username, password);
    setBusy(false);
    if (r.ok) return onLoggedIn(r.value);
    // The refusal in words: wrong password, throttled, absent with apologies, not at this meeting…
    setError(errorText(new ApiError(r.error), t));
    setPassword('');
  };

  return (
    <main id="main" className="narrow room-login">
      <p className="room-lang">
        <Button onPress={() => setLocale(locale === 'nl' ? 'en' : 'nl')} lang={locale === 'nl' ? 'en' : 'nl'}>
          {t('lang.switch')}
        </Button>
      </p>
      <Heading1>{ended && ended !== 'logout' ? t('room.ended.title') : t('room.login.title')}</Heading1>
      {ended ? (
        <Notice kind={ended === 'logout' ? 'success' : 'info'}>
          {isMessageKey(endKey) ? t(endKey) : t('room.end.ended')}
        </Notice>
      ) : null}
      <p>{t('room.login.intro')}</p>
      <p className="help">{t('room.login.who')}</p>
      <Notice kind="error">{error}</Notice>
      <Form onSubmit={submit}>
        <Field
          label={t('login.username')}
          value={username}
          onChange={setUsername}
          error={missing.username}
          autoComplete="username"
          autoFocus
          isRequired
        />
        <Field
          label={t('login.password')}
          value={password}
          onChange={setPassword}
          error={missing.password}
          type="password"
          autoComplete="current-password"
          isRequired
        />
        <Button type="submit" variant="primary" isDisabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </Button>
      </Form>
    </main>
  );
}
