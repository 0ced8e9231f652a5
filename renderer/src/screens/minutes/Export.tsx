import { Heading2, Link } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { ExtractScope, MinutesDetail } from '../../../../shared/contract/minutes';
import { can } from '../../../../shared/domain/permissions';
import type { Session } from '../../../../shared/domain/roles';
import { getApi } from '../../api';
import { Button, SelectField } from '../../components/forms';
import { plural, useT } from '../../i18n';
import { errorText } from '../../errors';
import { releaseDownloads, toDownloads, type Download } from './files';

/** The full minutes (with signatures and ca.pem once signed), an organisation's extract, one dossier's extract. */
export function ExportPanel(props: { detail: MinutesDetail; session: Session; onError(text: string): void }) {
  const t = useT();
  const { detail, session } = props;
  const full = can(session, 'minutes.exportFull');
  const others = can(session, 'minutes.exportOtherExtract');
  const organisations = others
    ? detail.organisations
    : detail.organisations.filter((o) => o.id === session.organisationId);
  const [organisationId, setOrganisationId] = useState(
    String(organisations[0]?.id ?? session.organisationId),
  );
  const [dossier, setDossier] = useState(detail.dossiers[0]?.number ?? '');
  const [downloads, setDownloads] = useState<Download[]>([]);
  useEffect(() => () => releaseDownloads(downloads), [downloads]);

  const run = async (scope: ExtractScope | 'full') => {
    try {
      const api = getApi();
      const { meetingId } = detail;
      const { files } =
        scope === 'full'
          ? await api['minutes.exportFull']({ meetingId })
          : await api['minutes.exportExtract']({ meetingId, scope });
      setDownloads(toDownloads(files));
    } catch (e) {
      props.onError(errorText(e, t));
    }
  };
  // A participant's extracts are limited to their own organisation.
  const ownOrg = others ? undefined : session.organisationId;

  return (
    <section aria-labelledby="export-h">
      <Heading2 id="export-h">{t('minutes.export')}</Heading2>
      {full ? (
        <div className="card">
          <Button variant="primary" onPress={() => void run('full')}>
            {t('minutes.export.full')}
          </Button>
          <p className="help">{t('minutes.export.full.help')}</p>
        </div>
      ) : null}
      {organisations.length > 0 ? (
        <div className="card minutes-export-row">
          <SelectField
            label={t('minutes.export.organisation')}
            value={organisationId}
            onChange={setOrganisationId}
            options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
          />
          <Button onPress={() => void run({ kind: 'organisation', organisationId: Number(organisationId) })}>
            {t('minutes.export.organisation.submit')}
          </Button>
        </div>
      ) : null}
      {detail.dossiers.length > 0 ? (
        <div className="card minutes-export-row">
          <SelectField
            label={t('minutes.export.dossier')}
            value={dossier}
            onChange={setDossier}
            options={detail.dossiers.map((d) => ({ value: d.number, label: `${d.number} (${d.initials})` }))}
          />
          <Button
            onPress={() =>
              void run({
                kind: 'dossier',
                dossierNumber: dossier,
                ...(ownOrg ? { organisationId: ownOrg } : {}),
              })
            }
          >
            {t('minutes.export.dossier.submit')}
          </Button>
        </div>
      ) : null}
      {downloads.length > 0 ? (
        <div className="notice notice-success" role="status">
          <p>
            {t(plural(downloads.length, 'minutes.export.ready.one', 'minutes.export.ready.other'), {
              count: downloads.length,
            })}
          </p>
          <ul>
            {downloads.map((d) => (
              <li key={d.url}>
                <Link
                  href={d.url}
                  download={d.name}
                  aria-label={t('minutes.export.download', { name: d.name })}
                >
                  {d.name}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
