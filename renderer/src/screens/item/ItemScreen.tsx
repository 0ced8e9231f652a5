import { Heading1 } from '@utrecht/component-library-react';
import { useT } from '../../i18n';
import { ItemWork } from './ItemWork';

/** #/punt/<meetingId>/<itemId>: the item panel on its own page (linkable, and usable outside meeting mode). */
export function ItemScreen({ rest }: { rest: string[] }) {
  const t = useT();
  const [meetingId, itemId] = rest.map(Number);
  return (
    <main id="main" tabIndex={-1}>
      <Heading1>{t('items.titleTopic')}</Heading1>
      {meetingId && itemId ? (
        <ItemWork meetingId={meetingId} itemId={itemId} />
      ) : (
        <p>{t('error.NOT_FOUND')}</p>
      )}
    </main>
  );
}
