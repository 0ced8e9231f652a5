import { describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../../shared/contract/index';
import { changesRoom, isRoomCallable, isRoomCaller, roomCallable } from '../../../shared/contract/room';
import { can } from '../../../shared/domain/permissions';

/** The meeting room's allowlist, written once in shared/contract/room.ts, against the permission table. */
describe('what a caller on the meeting room’s listener may call', () => {
  const participant = { roles: ['deelnemer'] as const };

  it('only methods a participant may call anyway: nothing of the chair, the secretary or the beheerder', () => {
    for (const method of roomCallable) {
      const access = contract[method].access;
      expect(access.kind === 'public' || can(participant, access.action), method).toBe(true);
    }
    const chairOnly = methodNames.filter((m) => {
      const a = contract[m].access;
      return a.kind === 'session' && !can(participant, a.action);
    });
    expect(chairOnly.filter((m) => isRoomCallable(m))).toEqual([]);
  });

  it('locking the environment for everyone and the room’s own controls are not callable from it', () => {
    for (const m of ['auth.lock', 'room.open', 'room.close', 'room.disconnect', 'setup.create', 'setup.demo'])
      expect(isRoomCallable(m), m).toBe(false);
    expect(isRoomCallable('__proto__')).toBe(false);
  });

  it('knows its callers by their id and the changes its pages follow', () => {
    expect(isRoomCaller('room:abc')).toBe(true);
    expect(isRoomCaller('http:room:abc')).toBe(false);
    expect(changesRoom('positions.record')).toBe(true);
    expect(changesRoom('decisions.consent')).toBe(true);
    expect(changesRoom('positions.saveDraft')).toBe(false);
    expect(changesRoom('decisions.list')).toBe(false);
  });
});
