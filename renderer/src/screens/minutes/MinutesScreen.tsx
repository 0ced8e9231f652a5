import { MinutesDetailScreen } from './MinutesDetail';
import { MinutesList } from './MinutesList';

/** #/verslagen (per meeting) and #/verslagen/<meetingId> (one meeting's minutes). */
export function MinutesScreen({ rest }: { rest: string[] }) {
  const id = Number(rest[0]);
  if (rest[0] && Number.isInteger(id) && id > 0) return <MinutesDetailScreen key={id} meetingId={id} />;
  return <MinutesList />;
}
