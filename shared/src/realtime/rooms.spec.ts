import { liveRoom, liveRoomNumericId, parseLiveRoom } from './rooms';

describe('live room names', () => {
  it('splits a room whose kind contains a colon at the last colon', () => {
    expect(parseLiveRoom('inbox:department:12')).toEqual({ kind: 'inbox:department', id: '12' });
    expect(parseLiveRoom('case:7')).toEqual({ kind: 'case', id: '7' });
  });

  it('rejects names without a kind, without an id or with characters that could smuggle a second room', () => {
    for (const bad of ['7', ':7', 'case:', 'case:7 8', 'Case:7', 'case:7/..', 'case::7', 42, null, `case:${'9'.repeat(70)}`]) {
      expect(parseLiveRoom(bad)).toBeNull();
    }
  });

  it('builds names that parse back to the same kind and id', () => {
    const name = liveRoom('inbox:user', 31);
    expect(name).toBe('inbox:user:31');
    expect(parseLiveRoom(name)).toEqual({ kind: 'inbox:user', id: '31' });
    expect(() => liveRoom('case', 'a b')).toThrow();
  });

  it('reads database ids as numbers and refuses anything else', () => {
    expect(liveRoomNumericId({ kind: 'case', id: '105' })).toBe(105);
    expect(liveRoomNumericId({ kind: 'case', id: '0' })).toBeNull();
    expect(liveRoomNumericId({ kind: 'case', id: '012' })).toBeNull();
    expect(liveRoomNumericId({ kind: 'case', id: 'abc' })).toBeNull();
  });
});
