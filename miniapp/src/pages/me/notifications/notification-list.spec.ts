import type { NotificationView } from '@linli/shared';
import { allRead, withOlder, withRead } from './notification-list';

const note = (id: number, readAt: string | null = null): NotificationView => ({
  id,
  kind: 'poll_result',
  title: `投票结果：第${id}次`,
  body: '投票已结束',
  link: `/pages/deliberations/poll/index?id=${id}`,
  createdAt: '2026-11-23T02:00:00.000Z',
  readAt,
});

describe('notification list', () => {
  it('appends an older page newest first without showing one twice', () => {
    expect(withOlder([note(9), note(8)], [note(8), note(7), note(6)]).map((n) => n.id)).toEqual([9, 8, 7, 6]);
    expect(withOlder([], [note(3), note(5)]).map((n) => n.id)).toEqual([5, 3]);
  });

  it('marks one read as the server answered, and all read at once', () => {
    const shown = [note(3), note(2, '2026-11-22T00:00:00.000Z'), note(1)];
    expect(withRead(shown, note(3, '2026-11-23T03:00:00.000Z')).map((n) => n.readAt)).toEqual(['2026-11-23T03:00:00.000Z', '2026-11-22T00:00:00.000Z', null]);
    expect(allRead(shown, '2026-11-23T04:00:00.000Z').map((n) => n.readAt)).toEqual(['2026-11-23T04:00:00.000Z', '2026-11-22T00:00:00.000Z', '2026-11-23T04:00:00.000Z']);
  });
});
