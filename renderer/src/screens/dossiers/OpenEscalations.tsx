import { useCallback, useEffect, useState } from 'react';
import type { EscalationListItem } from '../../../../shared/contract/decisions';
import { getApi } from '../../api';
import { Notice } from '../../components/forms';
import { errorText } from '../../errors';
import { useT } from '../../i18n';
import { EscalationView, ReturnForm } from '../item/EscalationsPanel';

/**
 * The escalations that have not come back, oldest first (issue 11): what was put to which body and
 * when; the chair or the secretary records the answer here when it arrives between meetings.
 */
export function OpenEscalations({ mayAnswer }: { mayAnswer: boolean }) {
  const t = useT();
  const [list, setList] = useState<EscalationListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setList(await getApi()['escalations.list']({ open: true }));
    } catch (e) {
      setError(errorText(e, t));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section aria-labelledby="open-escalations-h" className="open-escalations">
      <h2 id="open-escalations-h">{t('escalation.openList')}</h2>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {list && list.length === 0 ? <p>{t('escalation.none')}</p> : null}
      <ul className="escalation-list">
        {(list ?? []).map((e) => (
          <li key={e.id}>
            <h3>
              <a href={`#/dossiers/${e.dossierId}`}>{e.dossierLabel}</a>
            </h3>
            <EscalationView escalation={e} />
            {mayAnswer ? <ReturnForm escalation={e} reload={load} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
