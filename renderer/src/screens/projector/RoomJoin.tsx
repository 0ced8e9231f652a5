import { useEffect, useState } from 'react';
import type { RoomStatus } from '../../../../shared/contract/room';
import { getApi } from '../../api';
import { FingerprintGroups, QrCode } from '../../components/QrCode';
import { useT } from '../../i18n';

/** How often the wall looks whether participants can connect (starting the listener is rare). */
const POLL_MS = 3000;

/**
 * Where the room's laptops connect, while the listener runs: the address, its QR code and the
 * certificate's fingerprint in rows of four groups, to compare by eye. The projector shares the
 * chair's session, so it reads room.status; it shows nothing else of it (no connections, no names).
 * A session that may not manage the room gets a refusal once and stops asking.
 */
export function useRoomJoin(): Pick<RoomStatus, 'url' | 'fingerprint'> | null {
  const [join, setJoin] = useState<Pick<RoomStatus, 'url' | 'fingerprint'> | null>(null);
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const api = getApi();
    const look = () => {
      api['room.status']({}).then(
        (s) => {
          if (!alive) return;
          setJoin(s.running && s.url ? { url: s.url, fingerprint: s.fingerprint } : null);
          timer = setTimeout(look, POLL_MS);
        },
        () => alive && setJoin(null),
      );
    };
    look();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, []);
  return join;
}

export function RoomJoinCard({ url, fingerprint }: { url: string; fingerprint: string | null }) {
  const t = useT();
  return (
    <section className="projector-room" aria-labelledby="projector-room-h">
      <QrCode text={url} label={t('roomPanel.qr', { url })} />
      <div>
        <h2 id="projector-room-h">{t('projector.room.title')}</h2>
        <p className="room-url">
          {t('projector.room.address')} <code>{url}</code>
        </p>
        {fingerprint ? (
          <>
            <p>{t('projector.room.fingerprint')}</p>
            <FingerprintGroups fingerprint={fingerprint} label={t('projector.room.fingerprint')} />
          </>
        ) : null}
      </div>
    </section>
  );
}
