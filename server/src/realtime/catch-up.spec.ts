import type { LiveEvent } from '@linli/shared';
import { mergeCatchUp } from './catch-up';

const event = (seq: number, source: string): LiveEvent => ({ room: 'case:1', seq, type: 'test', data: { source }, at: '2025-01-01T00:00:00.000Z' });

describe('mergeCatchUp', () => {
  it('sends stored events before the live ones that arrived during the read, in seq order', () => {
    const merged = mergeCatchUp(2, [event(3, 'db'), event(4, 'db')], [event(5, 'live'), event(6, 'live')]);
    expect(merged.map((e) => e.seq)).toEqual([3, 4, 5, 6]);
  });

  it('sends an event that is both stored and held only once, keeping the stored copy', () => {
    const merged = mergeCatchUp(0, [event(1, 'db'), event(2, 'db')], [event(2, 'live'), event(3, 'live')]);
    expect(merged.map((e) => [e.seq, (e.data as { source: string }).source])).toEqual([
      [1, 'db'],
      [2, 'db'],
      [3, 'live'],
    ]);
  });

  it('drops anything the client already has', () => {
    const merged = mergeCatchUp(4, [event(3, 'db'), event(5, 'db')], [event(4, 'live')]);
    expect(merged.map((e) => e.seq)).toEqual([5]);
  });

  it('orders live events that were published out of seq order', () => {
    const merged = mergeCatchUp(0, [], [event(9, 'live'), event(7, 'live'), event(8, 'live')]);
    expect(merged.map((e) => e.seq)).toEqual([7, 8, 9]);
  });
});
