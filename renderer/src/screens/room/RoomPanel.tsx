import { Heading2, Heading3 } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { RoomConnection, RoomInterface, RoomStatus } from '../../../../shared/contract/room';
import { getApi } from '../../api';
import { Button, Notice, SelectField } from '../../components/forms';
import { FingerprintGroups, QrCode } from '../../components/QrCode';
import { errorText } from '../../errors';
import { useT } from '../../i18n';
import { useDates, type Dates } from '../../i18n/dates';

type Message = { kind: 'success' | 'error' | 'info'; text: string } | null;

/**
 * "Deelnemers laten aansluiten", in meeting mode for the chair and the secretary: choose the meeting
 * room's network, start and stop the listener, show its address, QR code and certificate fingerprint,
 * who is connected (with "Verbinding verbreken"). While it runs it waits on `room.wait`, so joins,
 * leaves and every party's position or consent arrive by themselves; `onRevision` tells meeting mode
 * to reload the item's work, where the consents show.
 */
export function RoomPanel({ meetingId, onRevision }: { meetingId: number; onRevision(): void }) {
  const t = useT();
  const dates = useDates();
  const api = getApi();
  const [status, setStatus] = useState<RoomStatus | null>(null);
  const [interfaces, setInterfaces] = useState<RoomInterface[]>([]);
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const revisionRef = useRef(onRevision);
  useEffect(() => {
    revisionRef.current = onRevision;
  });

  useEffect(() => {
    let alive = true;
    void api['room.status']({}).then(
      (s) => alive && setStatus(s),
      (e: unknown) => alive && setMessage({ kind: 'error', text: errorText(e, t) }),
    );
    void api['room.interfaces']({}).then(
      (list) => {
        if (!alive) return;
        setInterfaces(list);
        // The room's network is rarely the loopback one: offer the first outward address first.
        setAddress((a) => a || (list.find((i) => !i.internal) ?? list[0])?.address || '');
      },
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [api, t]);

  const running = status?.running ?? false;
  // While the listener runs: wait for the next change, then read the status (connections) again.
  useEffect(() => {
    if (!running) return;
    let alive = true;
    void (async () => {
      let since = 0;
      while (alive) {
        try {
          const s = await api['room.wait']({ sinceRevision: since });
          if (!alive) return;
          since = s.revision;
          const next = await api['room.status']({});
          if (!alive) return;
          setStatus(next);
          revisionRef.current();
          if (!next.running) return;
        } catch {
          if (!alive) return;
          // Closed meanwhile (meeting ended, locked) or a hiccup: read the status, try again shortly.
          const next = await api['room.status']({}).catch(() => null);
          if (!alive) return;
          if (next) setStatus(next);
          if (next && !next.running) return;
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    })();
    return () => {
      alive = false;
    };
  }, [api, running]);

  const act = async (fn: () => Promise<RoomStatus>, done: (s: RoomStatus) => string) => {
    setBusy(true);
    try {
      const s = await fn();
      setStatus(s);
      setMessage({ kind: 'success', text: done(s) });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e, t) });
    } finally {
      setBusy(false);
    }
  };

  const otherMeeting = running && status?.meetingId !== null && status?.meetingId !== meetingId;

  return (
    <aside className="mode-side room-panel" aria-labelledby="room-panel-h">
      <Heading2 id="room-panel-h">{t('roomPanel.title')}</Heading2>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {!running ? (
        <>
          <p className="help">{t('roomPanel.intro')}</p>
          {interfaces.length ? (
            <SelectField
              label={t('roomPanel.interface')}
              value={address}
              onChange={setAddress}
              options={interfaces.map((i) => ({
                value: i.address,
                label: t(i.internal ? 'roomPanel.interface.internal' : 'roomPanel.interface.option', {
                  name: i.name,
                  address: i.address,
                }),
              }))}
            />
          ) : (
            <p className="help">{t('roomPanel.interface.none')}</p>
          )}
          <Button
            variant="primary"
            isDisabled={busy || !address}
            onPress={() =>
              void act(
                () => api['room.open']({ meetingId, address }),
                () => t('roomPanel.started'),
              )
            }
          >
            {t('roomPanel.start')}
          </Button>
        </>
      ) : otherMeeting ? (
        <p>{t('roomPanel.otherMeeting')}</p>
      ) : status ? (
        <RunningRoom status={status} dates={dates} />
      ) : null}
      {running && status ? (
        <>
          <Connections
            connections={status.connections}
            onDisconnect={(c) =>
              void act(
                () => api['room.disconnect']({ connectionId: c.id }),
                () => t('roomPanel.disconnected', { person: c.person, org: c.organisation }),
              )
            }
          />
          <Button
            variant="danger"
            isDisabled={busy}
            onPress={() =>
              void act(
                () => api['room.close']({}),
                () => t('roomPanel.stopped'),
              )
            }
          >
            {t('roomPanel.stop')}
          </Button>
        </>
      ) : null}
    </aside>
  );
}

/** The room CA's certificate as a file to save: installed once per organisation, browsers trust the listener. */
function useCaDownload(caPem: string | null): string | null {
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    if (!caPem) return setHref(null);
    const url = URL.createObjectURL(new Blob([caPem], { type: 'application/x-pem-file' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [caPem]);
  return href;
}

function RunningRoom({ status, dates }: { status: RoomStatus; dates: Dates }) {
  const t = useT();
  const caHref = useCaDownload(status.caPem);
  if (!status.url) return null;
  return (
    <div className="room-join">
      <Heading3>{t('roomPanel.address')}</Heading3>
      <p className="room-url">
        <code>{status.url}</code>
      </p>
      <QrCode text={status.url} label={t('roomPanel.qr', { url: status.url })} />
      {status.fingerprint ? (
        <>
          <Heading3 id="room-fp-h">{t('roomPanel.fingerprint')}</Heading3>
          <FingerprintGroups fingerprint={status.fingerprint} label={t('roomPanel.fingerprint')} />
          <p className="help">{t('roomPanel.fingerprint.help')}</p>
        </>
      ) : null}
      {caHref ? (
        <p>
          <a href={caHref} download="lvv-overleg-vergaderzaal-ca.pem">
            {t('roomPanel.ca')}
          </a>
          <br />
          <span className="help">{t('roomPanel.ca.help')}</span>
        </p>
      ) : null}
      {status.validUntil ? (
        <p className="help">{t('roomPanel.validUntil', { when: dates.moment(status.validUntil) })}</p>
      ) : null}
    </div>
  );
}

function Connections({
  connections,
  onDisconnect,
}: {
  connections: RoomConnection[];
  onDisconnect(c: RoomConnection): void;
}) {
  const t = useT();
  const dates = useDates();
  return (
    <>
      <Heading3 id="room-conn-h">{t('roomPanel.connections', { n: connections.length })}</Heading3>
      {connections.length === 0 ? (
        <p className="muted">{t('roomPanel.connections.none')}</p>
      ) : (
        // A list rather than a table: the side column of meeting mode is narrow.
        <ul className="room-connections" aria-labelledby="room-conn-h">
          {connections.map((c) => (
            <li key={c.id}>
              <span>
                <strong>{c.person}</strong>, {c.organisation}
                <span className="help"> · {t('roomPanel.since', { time: dates.time(c.since) })}</span>
              </span>
              <Button
                aria-label={t('roomPanel.disconnect.label', { person: c.person, org: c.organisation })}
                onPress={() => onDisconnect(c)}
              >
                {t('roomPanel.disconnect')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
