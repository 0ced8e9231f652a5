import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingMethods } from '../../shared/contract/meetings';
import { makeEnv, type TestEnv, testCaller } from '../support/backend';

/*
 * The meetings and projector methods at the boundary: malformed input of any shape is BAD_INPUT
 * (never INTERNAL, never a half-done change), and real answers match the contract (the dispatcher
 * checks every output against its schema and would answer INTERNAL otherwise).
 */

let env: TestEnv;
beforeAll(async () => {
  env = makeEnv();
  await env.api['setup.demo']({});
  await env.api['auth.login']({ username: 'voorzitter', password: 'demo-voorzitter-2026' });
});
afterAll(() => env.cleanup());

const names = Object.keys(meetingMethods);
const malformed: unknown[] = [
  null,
  'x',
  [],
  { bogus: 1 },
  { meetingId: 'een' },
  { meetingId: -1, version: 1.5 },
];

describe('meetings contract', () => {
  it.each(names)('%s refuses malformed input with BAD_INPUT', async (name) => {
    for (const input of malformed) {
      const r = await env.backend.dispatch(name, input, testCaller);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('BAD_INPUT');
    }
  });

  it('refuses half-valid inputs field by field', async () => {
    const cases: [string, unknown, string][] = [
      ['meetings.plan', { date: '2026-02-30' }, 'date'],
      ['meetings.plan', { time: '24:00' }, 'time'],
      ['meetings.agenda.add', { meetingId: 1, version: 1, kind: 'dossier' }, 'dossierNumber'],
      ['meetings.agenda.add', { meetingId: 1, version: 1, kind: 'onderwerp', title: '   ' }, 'title'],
      [
        'meetings.agenda.setMinutes',
        { meetingId: 1, version: 1, itemId: 1, plannedMinutes: 0 },
        'plannedMinutes',
      ],
      ['meetings.requestDiscussion', { meetingId: 1 }, 'dossierNumber'],
      [
        'meetings.setAttendance',
        { meetingId: 1, version: 1, organisationId: 1, presence: 'misschien' },
        'presence',
      ],
      [
        'meetings.settings.update',
        { targetWindowWeeks: 60, cutoff: { daysBefore: 1, time: '12:00' }, minutesPerDossier: 5 },
        'targetWindowWeeks',
      ],
      ['projector.wait', { sinceVersion: -1 }, 'sinceVersion'],
      ['projector.setDecisionText', { text: '' }, 'text'],
    ];
    for (const [name, input, path] of cases) {
      const r = await env.backend.dispatch(name, input, testCaller);
      expect(r.ok, name).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('BAD_INPUT');
        expect(r.error.fields?.map((f) => f.path)).toContain(path);
      }
    }
  });

  it('answers with contract-shaped data on the demo, which proposes an agenda with reasons', async () => {
    const list = await env.api['meetings.list']({});
    expect(list[0]!.state).toBe('gepland'); // newest first: this week's meeting, then earlier ones
    expect(list.slice(1).every((m) => m.state === 'afgerond')).toBe(true);
    const planned = list[0]!;
    const p = await env.api['meetings.agenda.propose']({ meetingId: planned.id });
    const codes = new Set(p.items.flatMap((i) => i.reasons.map((r) => r.code)));
    for (const c of ['carried_over', 'held', 'requested', 'target_passed'])
      expect(codes.has(c as never)).toBe(true);
    expect(p.items.some((i) => i.reasons.some((r) => r.code === 'requested' && r.late))).toBe(true);
    const finished = await env.api['meetings.get']({ meetingId: list[1]!.id });
    expect(finished.attendance.map((a) => a.presence)).toContain('schriftelijke_inbreng');
    const unknown = await env.backend.dispatch('meetings.get', { meetingId: 999 }, testCaller);
    expect(unknown.ok || unknown.error.code).toBe('NOT_FOUND');
  });
});
