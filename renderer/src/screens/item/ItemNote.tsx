import { Heading3 } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { getApi } from '../../api';
import { Button, Notice, TextAreaField } from '../../components/forms';
import { errorText } from '../../errors';
import { useT } from '../../i18n';

/**
 * The notulist's short note on an agenda item (on a dossier: its progress note), printed in the
 * minutes. For every item, also Opening, Vaststellen verslag, Rondvraag and Sluiting. The backend
 * decides whether it may still change (not after the minutes are adopted).
 */
export function ItemNote({
  meetingId,
  itemId,
  dossier,
}: {
  meetingId: number;
  itemId: number;
  dossier: boolean;
}) {
  const t = useT();
  const [note, setNote] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    const api = getApi();
    api['meetings.get']({ meetingId }).then(
      (m) => {
        if (live) setNote(m.items.find((i) => i.id === itemId)?.note ?? '');
      },
      (e: unknown) => {
        if (live) setMessage({ kind: 'error', text: errorText(e, t) });
      },
    );
    return () => {
      live = false;
    };
  }, [meetingId, itemId, t]);

  if (note === null) return message ? <Notice kind="error">{message.text}</Notice> : null;
  const save = async () => {
    setBusy(true);
    try {
      const m = await getApi()['meetings.setItemNote']({ meetingId, itemId, note });
      setNote(m.items.find((i) => i.id === itemId)?.note ?? note);
      setMessage({ kind: 'success', text: t('items.note.saved') });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="item-section" aria-labelledby={`note-h-${itemId}`}>
      <Heading3 id={`note-h-${itemId}`}>{t('items.note.title')}</Heading3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextAreaField
          id={`item-note-${itemId}`}
          label={dossier ? t('items.note.labelDossier') : t('items.note.label')}
          help={t('items.note.help')}
          value={note}
          onChange={setNote}
          rows={3}
        />
        <Button type="submit" isDisabled={busy}>
          {t('items.note.save')}
        </Button>
        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      </form>
    </section>
  );
}
