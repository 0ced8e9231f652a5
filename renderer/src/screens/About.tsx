import { useEffect, useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Paragraph,
} from '@utrecht/component-library-react';
import { Button } from '../components/forms';
import { useT } from '../i18n';

/** out/renderer/licenses.json, written at build time by resources/scripts/licenses.ts. */
export interface LicenseReport {
  app: { name: string; version: string; license: string };
  electron: string;
  packages: { name: string; version: string; license: string; text: string }[];
}

/** Both hosts serve licenses.json next to index.html (app://lvv/ and http://127.0.0.1:port/). */
export async function fetchLicenseReport(): Promise<LicenseReport> {
  const res = await fetch('licenses.json', { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`licenses.json: HTTP ${res.status}`);
  return (await res.json()) as LicenseReport;
}

/** "Over LVV Overleg": a button that opens the dialog with version, licence and bundled licences. */
export function AboutButton({ load = fetchLicenseReport }: { load?: () => Promise<LicenseReport> }) {
  const t = useT();
  return (
    <DialogTrigger>
      <Button>{t('about.open')}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal about">
          <Dialog aria-labelledby="about-title">
            {({ close }) => (
              <>
                <Heading slot="title" id="about-title" level={2} className="utrecht-heading-2">
                  {t('about.title')}
                </Heading>
                <AboutContent load={load} />
                <Button onPress={close} autoFocus>
                  {t('common.close')}
                </Button>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function AboutContent({ load }: { load: () => Promise<LicenseReport> }) {
  const t = useT();
  const [report, setReport] = useState<LicenseReport | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    load().then(
      (r) => live && setReport(r),
      (e: unknown) => {
        console.error('About: could not load licenses.json', e);
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [load]);

  if (failed) return <Alert type="warning">{t('about.unavailable')}</Alert>;
  if (!report) return <Paragraph>{t('common.loading')}</Paragraph>;
  return (
    <>
      <Paragraph>{t('about.intro')}</Paragraph>
      <DataList>
        <DataListItem>
          <DataListKey>{t('about.version')}</DataListKey>
          <DataListValue value={report.app.version}>{report.app.version}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('about.license')}</DataListKey>
          <DataListValue value={report.app.license}>
            {t('about.license.value', { id: report.app.license })}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('about.electron')}</DataListKey>
          <DataListValue value={report.electron}>{report.electron}</DataListValue>
        </DataListItem>
      </DataList>
      <Heading level={3} className="utrecht-heading-3">
        {t('about.thirdParty')}
      </Heading>
      <Paragraph>{t('about.thirdParty.intro', { n: report.packages.length })}</Paragraph>
      <ul className="about-packages">
        {report.packages.map((p) => (
          <li key={`${p.name}@${p.version}`}>
            <details>
              <summary>
                <span lang="en">{p.name}</span> {p.version} —{' '}
                {/^SEE LICEN[CS]E IN /i.test(p.license)
                  ? t('about.ownTerms')
                  : p.license === 'UNKNOWN'
                    ? t('about.noLicence')
                    : p.license}
              </summary>
              {p.text ? (
                <pre lang="en" tabIndex={0}>
                  {p.text}
                </pre>
              ) : (
                <Paragraph>
                  {p.license === 'UNKNOWN' ? t('about.noLicence') : t('about.noText', { id: p.license })}
                </Paragraph>
              )}
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
