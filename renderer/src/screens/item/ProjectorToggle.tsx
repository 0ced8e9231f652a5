import { useEffect, useState } from 'react';
import { getApi } from '../../api';
import { Button, Notice } from '../../components/forms';
import { useT } from '../../i18n';
import { errorText } from '../../errors';

type Message = { kind: 'success' | 'error'; text: string } | null;

/**
 * Puts the decision text on the projector and takes it off again. The wall is seen by every
 * organisation in the room, so showing it first asks the chair to confirm that the text holds no
 * special-category detail (health, justice); taking it off is immediate.
 */
export function ProjectorToggle({ text }: { text: string }) {
  const t = useT();
  const api = getApi();
  const [shown, setShown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  useEffect(() => {
    let alive = true;
    api['projector.control']({}).then(
      (c) => alive && setShown(c.decisionText !== null),
      () => undefined, // without the state the button offers to show; the chair can still take it off
    );
    return () => {
      alive = false;
    };
  }, [api]);

  const set = async (next: string | null) => {
    setConfirming(false);
    try {
      const c = await api['projector.setDecisionText']({ text: next });
      setShown(c.decisionText !== null);
      setMessage({
        kind: 'success',
        text: t(c.decisionText !== null ? 'decision.projector.isShown' : 'decision.projector.isHidden'),
      });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e, t) });
    }
  };

  return (
    <>
      {shown ? (
        <Button onPress={() => void set(null)}>{t('decision.projector.hide')}</Button>
      ) : (
        <Button onPress={() => setConfirming(true)} isDisabled={confirming}>
          {t('decision.projector')}
        </Button>
      )}
      {confirming ? (
        <div className="confirm" role="group" aria-label={t('decision.projector')}>
          <p role="alert">{t('decision.projector.warning')}</p>
          <Button variant="primary" autoFocus onPress={() => void set(text)}>
            {t('decision.projector.confirm')}
          </Button>
          <Button onPress={() => setConfirming(false)}>{t('common.cancel')}</Button>
        </div>
      ) : null}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </>
  );
}
