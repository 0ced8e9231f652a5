import { MeetingMode } from './MeetingMode';
import { MeetingPage } from './MeetingPage';
import { MeetingsList } from './MeetingsList';

/** #/overleggen, #/overleggen/<id> and #/overleggen/<id>/vergadering (meeting mode). */
export function MeetingsScreen({ rest }: { rest: string[] }) {
  const id = Number(rest[0]);
  if (!rest[0] || !Number.isInteger(id) || id <= 0) return <MeetingsList />;
  if (rest[1] === 'vergadering') return <MeetingMode meetingId={id} />;
  return <MeetingPage meetingId={id} />;
}
