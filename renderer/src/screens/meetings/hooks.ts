import { useCallback, useEffect, useState } from 'react';
import type { Organisation } from '../../../../shared/domain/environment';
import { getApi } from '../../api';

/** Organisation names by id, for reasons and attendance. */
export function useOrganisations(): { orgs: Organisation[]; orgName: (id: number) => string } {
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  useEffect(() => {
    let alive = true;
    const api = getApi();
    void api['organisations.list']({})
      .then((o) => alive && setOrgs(o))
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, []);
  const orgName = useCallback((id: number) => orgs.find((o) => o.id === id)?.name ?? `#${id}`, [orgs]);
  return { orgs, orgName };
}
