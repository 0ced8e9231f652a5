import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setApi } from '../../renderer/src/api';
import { useLocale } from '../../renderer/src/i18n';
import { MinutesDetailScreen } from '../../renderer/src/screens/minutes/MinutesDetail';
import { useSession } from '../../renderer/src/state/session';
import { minutesFixture, type MinutesFixture } from '../integration/minutes-support';

/**
 * Issue 11, the open decision: a meeting that ran without a recorded chair or secretary. The minutes
 * screen says in Dutch who must still be recorded before adoption, over the real backend.
 */

let f: MinutesFixture;
beforeAll(async () => {
  f = await minutesFixture();
  f.db().prepare('UPDATE meetings SET secretary_user_id = NULL WHERE id = ?').run(f.meetingId);
  await f.login('vera');
  setApi(f.env.api);
  useLocale.setState({ locale: 'nl' });
  useSession.setState({ status: await f.env.api['app.status']({}), hadSession: true });
});
afterEach(cleanup);
afterAll(() => f.env.cleanup());

describe('Verslag van een overleg zonder vastgelegde secretaris', () => {
  it('says the secretary must still be recorded, with a link to the meeting’s details', async () => {
    render(<MinutesDetailScreen meetingId={f.meetingId} />);
    expect(
      await screen.findByText(
        /Dit verslag kan pas worden vastgesteld als bij het overleg de secretaris is vastgelegd/,
      ),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Naar de gegevens van het overleg' }).getAttribute('href')).toBe(
      `#/overleggen/${f.meetingId}`,
    );
  });
});
