import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors';
import { verifyAudit } from '../../electron/core/audit/audit';
import { docxText } from '../unit/minutes/read-docx';
import { minutesFixture, PASSWORD, type MinutesFixture } from './minutes-support';

/** The minutes from concept to signed, through the real backend over a real encrypted database. */

let f: MinutesFixture;
beforeEach(async () => {
  f = await minutesFixture();
});
afterEach(() => f.env.cleanup());

const api = () => f.env.api;
async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof ApiError ? e.code : String(e);
  }
}
const docxOf = async (meetingId: number) => {
  const { files } = await api()['minutes.exportFull']({ meetingId });
  return files;
};
const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

async function toAdopted(): Promise<void> {
  await f.login('niels');
  await api()['minutes.startCorrections']({ meetingId: f.meetingId });
  await api()['minutes.adopt']({ meetingId: f.meetingId });
}

describe('minutes states', () => {
  it('start as concept, go through the correction round to adopted, and refuse steps out of order', async () => {
    await f.login('niels');
    const first = await api()['minutes.get']({ meetingId: f.meetingId });
    expect(first).toMatchObject({
      state: 'concept',
      version: 1,
      chair: 'Vera Voorzitter',
      secretary: 'Niels Notulist',
    });
    expect(await code(api()['minutes.adopt']({ meetingId: f.meetingId }))).toBe('CONFLICT');
    expect(await code(api()['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD }))).toBe(
      'CONFLICT',
    );
    expect((await api()['minutes.startCorrections']({ meetingId: f.meetingId })).state).toBe(
      'correctieronde',
    );
    expect(await code(api()['minutes.startCorrections']({ meetingId: f.meetingId }))).toBe('CONFLICT');
    const adopted = await api()['minutes.adopt']({ meetingId: f.meetingId });
    expect(adopted.state).toBe('vastgesteld');
    expect(adopted.versions[0]).toMatchObject({ version: 1, state: 'vastgesteld' });
    expect(
      await code(
        api()['minutes.proposeCorrection']({
          meetingId: f.meetingId,
          targetKind: 'action',
          targetId: f.actionIds.ind,
          field: 'what',
          text: 'Iets anders',
        }),
      ),
    ).toBe('CONFLICT');
  });

  it('only the secretariat starts the round and adopts; a participant is refused', async () => {
    await f.login('ilse');
    expect(await code(api()['minutes.startCorrections']({ meetingId: f.meetingId }))).toBe('FORBIDDEN');
    await f.login('vera');
    await api()['minutes.startCorrections']({ meetingId: f.meetingId });
    await f.login('ilse');
    expect(await code(api()['minutes.adopt']({ meetingId: f.meetingId }))).toBe('FORBIDDEN');
    await f.login('vera');
    expect((await api()['minutes.adopt']({ meetingId: f.meetingId })).state).toBe('vastgesteld');
  });
});

describe('corrections', () => {
  it('a participant corrects its own organisation’s position; the secretary accepts and the minutes show it', async () => {
    await f.login('niels');
    await api()['minutes.startCorrections']({ meetingId: f.meetingId });
    await f.login('ilse');
    const mine = await api()['minutes.get']({ meetingId: f.meetingId });
    expect(new Set(mine.targets.map((t) => t.organisation))).toEqual(new Set(['IND']));
    const proposed = await api()['minutes.proposeCorrection']({
      meetingId: f.meetingId,
      targetKind: 'position',
      targetId: f.positionIds.ind1!,
      field: 'reasoning',
      text: 'IND ziet ruimte voor een aanvraag op medische gronden (artikel 64)',
    });
    expect(proposed.corrections).toEqual([
      expect.objectContaining({
        organisation: 'IND',
        status: 'voorgesteld',
        originalText: 'IND ziet ruimte voor een medische aanvraag',
      }),
    ]);
    await f.login('niels');
    expect(await code(api()['minutes.adopt']({ meetingId: f.meetingId }))).toBe('CONFLICT');
    const decided = await api()['minutes.decideCorrection']({
      correctionId: proposed.corrections[0]!.id,
      accept: true,
      reason: '',
    });
    // Who proposed it (and for which organisation) and who decided are two people: both are named.
    expect(decided.corrections[0]).toMatchObject({
      status: 'aanvaard',
      proposedBy: 'Ilse Ingen',
      proposedByOrganisation: 'IND',
      decidedBy: 'Niels Notulist',
    });
    expect(proposed.corrections[0]).toMatchObject({ decidedBy: null });
    await api()['minutes.adopt']({ meetingId: f.meetingId });
    const files = await docxOf(f.meetingId);
    const text = docxText(bytes(files[0]!.base64));
    expect(text).toContain('IND ziet ruimte voor een aanvraag op medische gronden (artikel 64)');
    expect(text).not.toContain('IND ziet ruimte voor een medische aanvraag');
  });

  it('refuses corrections to another organisation’s position or action (FORBIDDEN), and a rejection keeps its reason', async () => {
    await f.login('niels');
    await api()['minutes.startCorrections']({ meetingId: f.meetingId });
    await f.login('ilse');
    expect(
      await code(
        api()['minutes.proposeCorrection']({
          meetingId: f.meetingId,
          targetKind: 'position',
          targetId: f.positionIds.dtv1!,
          field: 'reasoning',
          text: 'Anders',
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await code(
        api()['minutes.proposeCorrection']({
          meetingId: f.meetingId,
          targetKind: 'action',
          targetId: f.actionIds.ros,
          field: 'what',
          text: 'Anders',
        }),
      ),
    ).toBe('FORBIDDEN');
    const proposed = await api()['minutes.proposeCorrection']({
      meetingId: f.meetingId,
      targetKind: 'action',
      targetId: f.actionIds.ind,
      field: 'person',
      text: 'Ilse Ingen',
    });
    // A participant cannot decide, not even on its own proposal.
    expect(
      await code(
        api()['minutes.decideCorrection']({
          correctionId: proposed.corrections[0]!.id,
          accept: true,
          reason: '',
        }),
      ),
    ).toBe('FORBIDDEN');
    await f.login('niels');
    const noReason = api()['minutes.decideCorrection']({
      correctionId: proposed.corrections[0]!.id,
      accept: false,
      reason: ' ',
    });
    await expect(noReason).rejects.toMatchObject({
      code: 'BAD_INPUT',
      error: { fields: [expect.objectContaining({ path: 'reason' })] },
    });
    const rejected = await api()['minutes.decideCorrection']({
      correctionId: proposed.corrections[0]!.id,
      accept: false,
      reason: 'Zo is het niet gezegd.',
    });
    expect(rejected.corrections[0]).toMatchObject({
      status: 'afgewezen',
      decisionReason: 'Zo is het niet gezegd.',
    });
    expect(
      await code(
        api()['minutes.decideCorrection']({
          correctionId: proposed.corrections[0]!.id,
          accept: true,
          reason: '',
        }),
      ),
    ).toBe('CONFLICT');
    // Ilse sees her own organisation's corrections only; Daan (DT&V) sees none of them.
    await f.login('daan');
    expect((await api()['minutes.get']({ meetingId: f.meetingId })).corrections).toEqual([]);
  });
});

describe('adoption and signing', () => {
  it('freezes the exact bytes, their SHA-256, the content hash and the audit head, printed on the signature page', async () => {
    await toAdopted();
    const detail = await api()['minutes.get']({ meetingId: f.meetingId });
    const v = detail.versions[0]!;
    expect(v.docxSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(v.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(v.auditHead).toMatch(/^[0-9a-f]{64}$/);
    const first = await docxOf(f.meetingId);
    f.env.clock.now = new Date(f.env.clock.now.getTime() + 5 * 60_000); // later, within the idle lock
    const again = await docxOf(f.meetingId);
    expect(again[0]!.base64).toBe(first[0]!.base64);
    const docx = bytes(first[0]!.base64);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(docx).digest('hex')).toBe(v.docxSha256);
    const text = docxText(docx);
    expect(text).toContain('Vaststelling en ondertekening');
    expect(text).toContain(v.contentSha256!);
    expect(text).toContain(v.auditHead!);
    // The audit head at adoption is a record of the chain that precedes the adoption record.
    const rows = f.db().prepare('SELECT hash, action FROM audit ORDER BY id').all() as {
      hash: string;
      action: string;
    }[];
    const at = rows.findIndex((r) => r.hash === v.auditHead);
    expect(rows[at + 1]?.action).toBe('minutes.adopt');
    expect(verifyAudit(f.db()).valid).toBe(true);
  });

  it('needs the chair and the secretary — two different users — and then is ondertekend', async () => {
    await toAdopted();
    await f.login('ilse');
    expect(await code(api()['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD }))).toBe(
      'FORBIDDEN',
    );
    await f.login('niels');
    // Signing asks for the signer's own password again; a wrong one signs nothing.
    expect(
      await code(api()['minutes.sign']({ meetingId: f.meetingId, password: 'niet mijn wachtwoord' })),
    ).toBe('WRONG_CREDENTIALS');
    expect((await api()['minutes.get']({ meetingId: f.meetingId })).versions[0]!.signatures).toEqual([]);
    const one = await api()['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
    expect(one.state).toBe('vastgesteld');
    expect(await code(api()['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD }))).toBe(
      'CONFLICT',
    );
    await f.login('vera');
    const both = await api()['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
    expect(both.state).toBe('ondertekend');
    expect(both.versions[0]!.signatures.map((s) => [s.role, s.name])).toEqual([
      ['voorzitter', 'Vera Voorzitter'],
      ['secretaris', 'Niels Notulist'],
    ]);
    const files = await docxOf(f.meetingId);
    expect(files.map((x) => x.name)).toEqual([
      'verslag-utrecht-2026-04-14.docx',
      'verslag-utrecht-2026-04-14.voorzitter.p7s',
      'verslag-utrecht-2026-04-14.secretaris.p7s',
      'ca.pem',
    ]);
  });

  it('the same user cannot sign in both roles', async () => {
    f.db()
      .prepare('UPDATE meetings SET chair_user_id = ?, secretary_user_id = ? WHERE id = ?')
      .run(f.user.niels, f.user.niels, f.meetingId);
    await toAdopted();
    await api()['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
    const again = api()['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
    await expect(again).rejects.toMatchObject({
      code: 'CONFLICT',
      error: { info: { reason: 'already_signed_by_you' } },
    });
  });

  it('a change after adoption makes a new version; the signatures stay with the earlier version', async () => {
    await toAdopted();
    await api()['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
    await f.login('vera');
    await api()['minutes.sign']({ meetingId: f.meetingId, password: PASSWORD });
    const signedFiles = await docxOf(f.meetingId);

    // Someone edits a recorded position after adoption (e.g. through the positions screen).
    f.db()
      .prepare("UPDATE positions SET reasoning = 'Gewijzigd na vaststelling' WHERE id = ?")
      .run(f.positionIds.gem1);
    const changed = await api()['minutes.get']({ meetingId: f.meetingId });
    expect(changed).toMatchObject({ state: 'ondertekend', changedSinceAdoption: true });

    const v2 = await api()['minutes.newVersion']({ meetingId: f.meetingId });
    expect(v2).toMatchObject({ version: 2, state: 'concept' });
    expect(v2.versions.map((v) => [v.version, v.state, v.signatures.length])).toEqual([
      [1, 'ondertekend', 2],
      [2, 'concept', 0],
    ]);
    await api()['minutes.startCorrections']({ meetingId: f.meetingId });
    await api()['minutes.adopt']({ meetingId: f.meetingId });
    const v2files = await docxOf(f.meetingId);
    expect(v2files.map((x) => x.name)).toEqual(['verslag-utrecht-2026-04-14-v2.docx', 'ca.pem']);
    expect(docxText(bytes(v2files[0]!.base64))).toContain('Gewijzigd na vaststelling');
    // Version 1 still exports with its own bytes and both signatures, which still verify.
    const v1 = await api()['minutes.exportFull']({ meetingId: f.meetingId, version: 1 });
    // (ca.pem is made anew: its revocation list is signed as of the export.)
    expect(v1.files.slice(0, 3).map((x) => x.base64)).toEqual(signedFiles.slice(0, 3).map((x) => x.base64));
    const check = await api()['minutes.verify']({
      docx: { name: v1.files[0]!.name, base64: v1.files[0]!.base64 },
      signatures: v1.files.slice(1, 3).map((x) => ({ name: x.name, base64: x.base64 })),
    });
    expect(check).toMatchObject({ allValid: true, knownVersion: { version: 1 } });
    // The old signatures do not cover the new version.
    const cross = await api()['minutes.verify']({
      docx: { name: v2files[0]!.name, base64: v2files[0]!.base64 },
      signatures: v1.files.slice(1, 3).map((x) => ({ name: x.name, base64: x.base64 })),
    });
    expect(cross.allValid).toBe(false);
    expect(cross.signatures.map((s) => s.reason)).toEqual(['digest_mismatch', 'digest_mismatch']);
  });
});
