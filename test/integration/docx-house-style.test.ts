import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxColour, docxFont, docxStyle } from '../../shared/theme/docx';
import { shippedThemes } from '../../shared/theme/themes';
import { makeEnv, type TestEnv } from '../support/backend';
import { docxPart } from '../unit/minutes/read-docx';

/*
 * The minutes and the agenda as DOCX take the environment's house style (issue 14): the theme's primary
 * colour on the headings and its typeface, read back from the documents' own XML. The neutral default
 * leaves the documents as they were.
 */

let env: TestEnv;
beforeAll(async () => {
  env = makeEnv();
  await env.api['setup.demo']({});
});
afterAll(() => env.cleanup());

const bytes = (file: { base64: string }) => new Uint8Array(Buffer.from(file.base64, 'base64'));

async function documents(): Promise<{ agenda: string; minutes: string }> {
  await env.api['auth.login']({ username: 'notulist', password: 'demo-notulist-2026' });
  const meetings = await env.api['meetings.list']({});
  const agenda = await env.api['meetings.agenda.exportDocx']({ meetingId: meetings[0]!.id });
  const list = await env.api['minutes.list']({});
  const concept = list.find((m) => m.state !== 'ondertekend' && m.state !== 'vastgesteld') ?? list[0]!;
  const minutes = await env.api['minutes.exportFull']({ meetingId: concept.meetingId });
  await env.api['auth.logout']({});
  return {
    agenda: docxPart(bytes(agenda), 'word/styles.xml'),
    minutes: docxPart(bytes(minutes.files.find((f) => f.name.endsWith('.docx'))!), 'word/styles.xml'),
  };
}

describe('the house style in the DOCX', () => {
  it('reads a Word colour and typeface from the tokens', () => {
    expect(docxColour('hsl(211 60% 35%)')).toBe('24578F');
    expect(docxColour('#01689b')).toBe('01689B');
    expect(docxColour('rgba(0, 0, 0, 0.5)')).toBeUndefined();
    expect(docxFont('"Noto Sans Variable", "Arial", sans-serif')).toBe('Noto Sans');
    expect(docxFont('system-ui, sans-serif')).toBeUndefined();
    expect(docxStyle({ id: 'rijkshuisstijl' }).font).toBe(
      docxFont(shippedThemes.rijkshuisstijl.app.fontFamily),
    );
  });

  it('the default theme keeps the documents as they were: Calibri, dark blue headings', async () => {
    const { agenda, minutes } = await documents();
    for (const xml of [agenda, minutes]) {
      expect(xml).toContain('w:ascii="Calibri"');
      expect(xml).toContain('w:val="1F3864"');
    }
  });

  it('after the beheerder chooses Utrecht, the agenda and the minutes carry its primary colour and typeface', async () => {
    await env.api['auth.login']({ username: 'beheerder', password: 'demo-beheerder-2026' });
    await env.api['theme.set']({ id: 'utrecht' });
    await env.api['auth.logout']({});
    const { agenda, minutes } = await documents();
    const colour = docxColour(shippedThemes.utrecht.app.primary)!;
    for (const xml of [agenda, minutes]) {
      expect(xml).toContain(`w:val="${colour}"`);
      expect(xml).toContain('w:ascii="Noto Sans"');
      expect(xml).not.toContain('w:val="1F3864"');
    }
  });
});
