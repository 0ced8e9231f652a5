import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packMinutesDocx } from '../../electron/core/minutes/build-docx';
import { reasonLabel } from '../../shared/domain/agenda';
import { demoMinutes } from './minutes/fixtures';
import { docxText } from './minutes/read-docx';

/*
 * One word for one date (issue 11, "Words"): the dossier's review date is the "evaluatiedatum" in the
 * form, the register, the agenda's reasons, the chair's summary and the minutes. It was also called
 * "herbeoordeling" in the minutes, so a reader could think there were two dates.
 */

describe('the review date has one name', () => {
  it('is "evaluatiedatum" in the minutes DOCX', async () => {
    const text = docxText(await packMinutesDocx(demoMinutes()));
    expect(text).toMatch(/evaluatiedatum \d/);
    expect(text.toLowerCase()).not.toContain('herbeoordeling');
  });

  it('is "evaluatiedatum" in the agenda reason', () => {
    expect(reasonLabel({ code: 'review_due', reviewDate: '2026-03-09' })).toContain('evaluatiedatum');
  });

  it('is never "herbeoordeling" in any user-facing text (i18n, domain labels, DOCX builders)', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const dirs = ['renderer/src/i18n', 'shared/domain', 'electron/core/minutes', 'electron/core/agenda'];
    const offenders: string[] = [];
    for (const dir of dirs)
      for (const f of fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }))
        if (/\.tsx?$/.test(f) && /herbeoordel/i.test(fs.readFileSync(path.join(root, dir, f), 'utf8')))
          offenders.push(`${dir}/${f}`);
    expect(offenders).toEqual([]);
  });
});
