import type { Handlers } from '../../../shared/contract/index';
import { ipv4Interfaces, type Room } from '../room/room';
import { requireSession } from '../context';

type RoomHandlers = Pick<Handlers, Extract<keyof Handlers, `room.${string}`>>;

/** The meeting room's methods: thin, the rules live in core/room/room.ts. */
export function roomHandlers(room: Room): RoomHandlers {
  return {
    'room.interfaces': () => ipv4Interfaces(),
    'room.open': (input, { session }) => room.open(requireSession(session), input),
    'room.close': (_input, { session }) => room.stop('closed', requireSession(session)),
    'room.status': () => room.status(),
    'room.disconnect': ({ connectionId }, { session }) =>
      room.disconnect(requireSession(session), connectionId),
    'room.state': (_input, { session }) => room.state(requireSession(session)),
    'room.wait': async ({ sinceRevision }, { session }) => {
      await room.wait(sinceRevision);
      return room.state(requireSession(session));
    },
  };
}
