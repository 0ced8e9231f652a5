import type { Handlers } from '../../../shared/contract/index';
import { AppError } from '../../../shared/errors';
import type { CoreContext } from '../context';

type RoomHandlers = Pick<Handlers, Extract<keyof Handlers, `room.${string}`>>;

const closed = {
  running: false,
  meetingId: null,
  address: null,
  port: null,
  url: null,
  fingerprint: null,
  fingerprintShort: null,
  caPem: null,
  validUntil: null,
  connections: [],
  revision: 0,
};

/** The meeting room's methods; the listener itself follows in the next commits. */
export function roomHandlers(_ctx: CoreContext): RoomHandlers {
  const unavailable = () => {
    throw new AppError('CONFLICT', 'The meeting room is not available yet', {
      info: { reason: 'room_unavailable' },
    });
  };
  return {
    'room.interfaces': () => [],
    'room.open': unavailable,
    'room.close': () => closed,
    'room.status': () => closed,
    'room.disconnect': () => closed,
    'room.state': unavailable,
    'room.wait': unavailable,
  };
}
