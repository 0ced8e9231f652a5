import { Heading2 } from '@utrecht/component-library-react';
import { useState } from 'react';
import { getApi } from '../../api';
import { Button, Notice } from '../../components/forms';
import { errorText } from '../../errors';
import { useT } from '../../i18n';
import { useDates } from '../../i18n/dates';
import { useCan } from '../../state/session';

type Message = { kind: 'success' | 'warning' | 'error'; text: string } | null;

/**
 * "Agenderen voor het volgende overleg": any organisation at the table asks for this dossier to be
 * discussed. The backend picks the next meeting, or plans it on the city's cadence when the chair has
 * not planned one yet; the answer names the meeting's date and says when the request came after the
 * cut-off (it is then taken, but comes last).
 */
export function RequestDiscussion({ dossierId }: { dossierId: number }) {
  const t = useT();
  const dates = useDates();
  const allowed = useCan('meetings.requestDiscussion');
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  if (!allowed) return null;

  const request = async () => {
    setBusy(true);
    try {
      const r = await getApi()['meetings.requestDiscussion']({ dossierId });
      const vars = {
        number: r.dossierNumber,
        date: dates.date(r.meetingDate),
        cutoff: dates.moment(r.cutoff),
      };
      const main = r.existing
        ? t('dossiers.request.existing', vars)
        : r.late
          ? t('dossiers.request.late', vars)
          : t('dossiers.request.done', vars);
      const text = r.plannedMeeting ? `${main} ${t('dossiers.request.planned', vars)}` : main;
      setMessage({ kind: r.late && !r.existing ? 'warning' : 'success', text });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="request-h" className="dossier-section">
      <Heading2 id="request-h">{t('dossiers.request.title')}</Heading2>
      <p className="help">{t('dossiers.request.help')}</p>
      <Button onPress={() => void request()} isDisabled={busy}>
        {t('dossiers.request.submit')}
      </Button>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </section>
  );
}
