import { afterEach, describe, expect, it } from 'vitest';
import { failure } from '../support/backend';
import { docxText } from '../unit/minutes/read-docx';
import { minutesFixture, type MinutesFixture } from './minutes-support';

/*
 * Issue 11, item 4: minutes people can use. The notulist's notes per item, a context line and a
 * progress note per dossier, the names of those present, each party's latest position (marked when it
 * is older), the body an escalation was put to and the question; and the chair and secretary can still
 * be recorded after the meeting, until the minutes are adopted.
 */

let f: MinutesFixture;
afterEach(() => f.env.cleanup());

const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

async function minutesText(): Promise<string> {
  const out = await f.env.api['minutes.exportFull']({ meetingId: f.meetingId });
  return docxText(bytes(out.files.find((x) => x.name.endsWith('.docx'))!.base64));
}

function itemIds(): { opening: number; first: number; second: number } {
  const rows = f
    .db()
    .prepare('SELECT id, kind FROM agenda_items WHERE meeting_id = ? ORDER BY position')
    .all(f.meetingId) as { id: number; kind: string }[];
  return { opening: rows[0]!.id, first: rows[1]!.id, second: rows[2]!.id };
}

describe('notes per agenda item', () => {
  it('the notulist writes a note on Opening and a progress note on a dossier; the minutes print both', async () => {
    f = await minutesFixture();
    const { opening, second } = itemIds();
    // The second dossier's decision goes: it was discussed, without positions or a decision.
    f.db()
      .prepare(
        'DELETE FROM consents WHERE decision_id IN (SELECT id FROM decisions WHERE agenda_item_id = ?)',
      )
      .run(second);
    f.db().prepare('DELETE FROM decisions WHERE agenda_item_id = ?').run(second);
    f.db().prepare('DELETE FROM positions WHERE agenda_item_id = ?').run(second);
    await f.login('niels');
    expect(await minutesText()).toContain('Geen besluit genomen.');

    await f.env.api['meetings.setItemNote']({
      meetingId: f.meetingId,
      itemId: opening,
      note: 'De voorzitter heet iedereen welkom; GGD schuift vandaag niet aan.',
    });
    const after = await f.env.api['meetings.setItemNote']({
      meetingId: f.meetingId,
      itemId: second,
      note: 'Besproken: de identiteit is nog niet vastgesteld; DT&V vraagt een taalanalyse aan.',
    });
    expect(after.items.find((i) => i.id === second)!.note).toContain('taalanalyse');

    const text = await minutesText();
    expect(text).toContain('De voorzitter heet iedereen welkom; GGD schuift vandaag niet aan.');
    expect(text).toContain('Voortgang: Besproken: de identiteit is nog niet vastgesteld');
    expect(text).not.toContain('Geen besluit genomen.');
  });

  it('a participant cannot write the notes, and no note changes once the minutes are adopted', async () => {
    f = await minutesFixture();
    const { opening } = itemIds();
    await f.login('ilse');
    expect(
      await failure(
        f.env.api['meetings.setItemNote']({ meetingId: f.meetingId, itemId: opening, note: 'x' }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    await f.login('niels');
    await f.env.api['minutes.startCorrections']({ meetingId: f.meetingId });
    await f.env.api['minutes.adopt']({ meetingId: f.meetingId });
    expect(
      await failure(
        f.env.api['meetings.setItemNote']({ meetingId: f.meetingId, itemId: opening, note: 'Achteraf' }),
      ),
    ).toMatchObject({ code: 'CONFLICT', info: { reason: 'minutes_state' } });
  });
});

describe('a dossier in context', () => {
  it('prints a line with track, status and target date', async () => {
    f = await minutesFixture();
    f.db()
      .prepare(
        "UPDATE dossiers SET track = 'legalisatie', target_date = '2026-07-05' WHERE number = 'D-2026-0001'",
      )
      .run();
    await f.login('niels');
    expect(await minutesText()).toContain(
      'Traject: Legalisatie · Status: In traject · Streefdatum: 05-07-2026',
    );
  });

  it('shows each party’s latest position, marked with its date when it is from an earlier meeting', async () => {
    f = await minutesFixture();
    const db = f.db();
    const earlier = db.prepare("SELECT id FROM meetings WHERE date = '2026-04-07'").get() as { id: number };
    const d2 = db.prepare("SELECT id FROM dossiers WHERE number = 'D-2026-0002'").get() as { id: number };
    const earlierItem = Number(
      db
        .prepare(
          "INSERT INTO agenda_items (meeting_id, position, kind, dossier_id, status) VALUES (?, 1, 'dossier', ?, 'besproken')",
        )
        .run(earlier.id, d2.id).lastInsertRowid,
    );
    db.prepare(
      `INSERT INTO positions (dossier_id, agenda_item_id, organisation_id, version, direction, reasoning, recorded_by, recorded_at)
       VALUES (?, ?, ?, 1, 'legalisatie', 'Gemeente steunt een buitenschuldaanvraag', ?, '2026-04-07T08:00:00Z')`,
    ).run(d2.id, earlierItem, f.org.gemeente, f.user.vera);
    await f.login('niels');
    const text = await minutesText();
    expect(text).toContain('Gemeente steunt een buitenschuldaanvraag');
    expect(text).toContain('Laatste standpunt, van 07-04-2026 (niet opnieuw ingebracht).');
    // This meeting's positions carry no such mark: one mark in the whole document.
    expect(text.split('Laatste standpunt, van').length).toBe(2);
  });

  it('names the body an escalation was put to and the question', async () => {
    f = await minutesFixture();
    const db = f.db();
    const dec = db.prepare("SELECT id, dossier_id FROM decisions WHERE number = '2026-015'").get() as {
      id: number;
      dossier_id: number;
    };
    db.prepare("UPDATE decisions SET state = 'geescaleerd' WHERE id = ?").run(dec.id);
    db.prepare(
      `INSERT INTO escalations (dossier_id, decision_id, body, question, consensus, dissent, created_at)
       VALUES (?, ?, 'Werkgroep vastgelopen dossiers', 'Kan de IND buitenschuld opnieuw beoordelen?', 1, '', '2026-04-14T08:20:00Z')`,
    ).run(dec.dossier_id, dec.id);
    await f.login('niels');
    const text = await minutesText();
    expect(text).toContain(
      'Voorgelegd aan: Werkgroep vastgelopen dossiers (in overeenstemming van de tafel)',
    );
    expect(text).toContain('Vraag: Kan de IND buitenschuld opnieuw beoordelen?');
  });
});

describe('who was present', () => {
  it('names the people the notulist entered, else those who recorded; never a bare dash for a party the notulist recorded for', async () => {
    f = await minutesFixture();
    await f.login('niels');
    let text = await minutesText();
    // Stichting ROS sent written input, which the notulist recorded.
    expect(text).toMatch(
      /Stichting ROS\s*Schriftelijke inbreng\s*Namen niet vastgelegd; inbreng opgetekend door Niels Notulist/,
    );
    expect(text).toMatch(/IND\s*Aanwezig\s*Ilse Ingen/);

    const detail = await f.env.api['meetings.setAttendanceNames']({
      meetingId: f.meetingId,
      organisationId: f.org.ind,
      names: 'Ilse Ingen, Karel de Vries',
    });
    expect(detail.attendance.find((a) => a.organisationId === f.org.ind)!.names).toBe(
      'Ilse Ingen, Karel de Vries',
    );
    text = await minutesText();
    expect(text).toMatch(/IND\s*Aanwezig\s*Ilse Ingen, Karel de Vries/);
    // Politie was absent with apologies: a dash is right there.
    expect(text).toMatch(/Politie\s*Afwezig met bericht\s*—/);
  });
});

describe('chair and secretary recorded after the meeting', () => {
  it('a meeting that ran without a recorded secretary gets one afterwards (audited), then adopts', async () => {
    f = await minutesFixture();
    f.db().prepare('UPDATE meetings SET secretary_user_id = NULL WHERE id = ?').run(f.meetingId);
    await f.login('vera');
    await f.env.api['minutes.startCorrections']({ meetingId: f.meetingId });
    expect(await failure(f.env.api['minutes.adopt']({ meetingId: f.meetingId }))).toMatchObject({
      code: 'CONFLICT',
      info: { reason: 'signers_not_recorded' },
    });
    const meeting = await f.env.api['meetings.get']({ meetingId: f.meetingId });
    const base = {
      meetingId: f.meetingId,
      version: meeting.version,
      date: meeting.date,
      time: meeting.time,
      place: meeting.place,
      chairUserId: f.user.vera,
    };
    // The date of a meeting that took place does not move.
    expect(
      await failure(
        f.env.api['meetings.update']({ ...base, date: '2026-04-15', secretaryUserId: f.user.niels }),
      ),
    ).toMatchObject({ code: 'CONFLICT', info: { reason: 'finished' } });
    const updated = await f.env.api['meetings.update']({ ...base, secretaryUserId: f.user.niels });
    expect(updated.secretary?.id).toBe(f.user.niels);
    const audit = f
      .db()
      .prepare("SELECT count(*) AS n FROM audit WHERE action = 'meeting.signers'")
      .get() as { n: number };
    expect(audit.n).toBe(1);
    await f.env.api['minutes.adopt']({ meetingId: f.meetingId });

    // Once adopted the signers are fixed.
    const now = await f.env.api['meetings.get']({ meetingId: f.meetingId });
    expect(
      await failure(
        f.env.api['meetings.update']({
          ...base,
          version: now.version,
          chairUserId: f.user.vera,
          secretaryUserId: f.user.vera,
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', info: { reason: 'minutes_state' } });
  });

  it('the minutes screen says who must still be recorded', async () => {
    f = await minutesFixture();
    f.db()
      .prepare('UPDATE meetings SET chair_user_id = NULL, secretary_user_id = NULL WHERE id = ?')
      .run(f.meetingId);
    await f.login('niels');
    const detail = await f.env.api['minutes.get']({ meetingId: f.meetingId });
    expect(detail.missingSigners).toEqual(['voorzitter', 'secretaris']);
  });
});
