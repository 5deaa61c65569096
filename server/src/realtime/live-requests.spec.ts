import { parseLiveSubscribe } from './live-requests';

describe('parseLiveSubscribe', () => {
  it('reads a room and an optional afterSeq', () => {
    expect(parseLiveSubscribe({ room: 'case:4', afterSeq: 12 })).toEqual({ name: 'case:4', ref: { kind: 'case', id: '4' }, afterSeq: 12 });
    expect(parseLiveSubscribe({ room: 'poll:2' })?.afterSeq).toBeNull();
    expect(parseLiveSubscribe({ room: 'poll:2', afterSeq: 0 })?.afterSeq).toBe(0);
  });

  it('rejects bodies a client could use to confuse the server', () => {
    for (const body of [null, 'case:4', {}, { room: 7 }, { room: 'case:4', afterSeq: -1 }, { room: 'case:4', afterSeq: 1.5 }, { room: 'case:4', afterSeq: '3' }]) {
      expect(parseLiveSubscribe(body)).toBeNull();
    }
  });
});
