import { Heading1 } from '@utrecht/component-library-react';
import { useState } from 'react';
import { getApi } from '../api';
import { Button, Notice } from '../components/forms';
import { errorText } from '../errors';
import { useT } from '../i18n';
import { useSession } from '../state/session';
import { SetupWizard } from './SetupWizard';

/** First run: set up a city's environment, or open the demo. */
export function Start() {
  const t = useT();
  const [mode, setMode] = useState<'choose' | 'setup'>('choose');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { setDemoUsers, refresh } = useSession();

  if (mode === 'setup') return <SetupWizard onCancel={() => setMode('choose')} />;

  const openDemo = async () => {
    setBusy(true);
    setError(null);
    try {
      const { users } = await getApi()['setup.demo']({});
      setDemoUsers(users);
      await refresh();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="narrow">
      <Heading1>{t('start.title')}</Heading1>
      <p>{t('start.intro')}</p>
      <Notice kind="error">{error}</Notice>
      <div className="choice">
        <Button variant="primary" onPress={() => setMode('setup')} autoFocus>
          {t('start.create')}
        </Button>
        <div>
          <Button onPress={() => void openDemo()} isDisabled={busy}>
            {busy ? t('common.loading') : t('start.demo')}
          </Button>
          <p className="help">{t('start.demoHint')}</p>
        </div>
      </div>
    </main>
  );
}
