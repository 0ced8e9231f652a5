import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxColour } from '../../shared/theme/docx';
import { shippedThemes } from '../../shared/theme/themes';
import { makeEnv, type TestEnv } from '../support/backend';
import { docxPart } from '../unit/minutes/read-docx';

/*
 * The monitoringsrapportage (reports.export as DOCX) in the minutes' house style: the theme's heading
 * colour and typeface, read back from the document's own XML; pseudonymised like the screen.
 */

let env: TestEnv;
beforeAll(async () => {
  env = makeEnv({ now: new Date('2026-11-23T09:00:00Z') });
  await env.api['setup.demo']({});
}, 60_000);
afterAll(() => env.cleanup());

async function docx(): Promise<{ fileName: string; bytes: Uint8Array }> {
  await env.login('voorzitter');
  const file = await env.api['reports.export']({ from: '2025-01-01', to: '2026-11-23', format: 'docx' });
  return { fileName: file.fileName, bytes: new Uint8Array(Buffer.from(file.base64, 'base64')) };
}

describe('the monitoringsrapportage DOCX', () => {
  it('keeps the default house style (Calibri, dark blue headings) and holds no name or V-nummer', async () => {
    const { fileName, bytes } = await docx();
    expect(fileName).toBe('monitoringsrapportage-2025-01-01-2026-11-23.docx');
    const styles = docxPart(bytes, 'word/styles.xml');
    expect(styles).toContain('w:ascii="Calibri"');
    expect(styles).toContain('w:val="1F3864"');
    const body = docxPart(bytes, 'word/document.xml');
    expect(body).toContain('Monitoringsrapportage LVV');
    const db = env.backend.vault.database();
    for (const r of db.prepare('SELECT name, v_number FROM dossiers').all() as {
      name: string;
      v_number: string | null;
    }[]) {
      expect(body).not.toContain(r.name);
      if (r.v_number) expect(body).not.toContain(r.v_number);
    }
  });

  it("takes the city's theme: Utrecht's primary colour and typeface", async () => {
    await env.login('beheerder');
    await env.api['theme.set']({ id: 'utrecht' });
    const styles = docxPart((await docx()).bytes, 'word/styles.xml');
    expect(styles).toContain(`w:val="${docxColour(shippedThemes.utrecht.app.primary)!}"`);
    expect(styles).toContain('w:ascii="Noto Sans"');
    expect(styles).not.toContain('w:val="1F3864"');
  });

  it('is refused as one report (the DOCX holds them all) and for a CSV without a report, as bad input', async () => {
    await env.login('voorzitter');
    await expect(
      env.api['reports.export']({
        from: '2025-01-01',
        to: '2026-11-23',
        format: 'docx',
        report: 'uitkomsten',
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(
      env.api['reports.export']({ from: '2025-01-01', to: '2026-11-23', format: 'csv' }),
    ).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
  });
});
