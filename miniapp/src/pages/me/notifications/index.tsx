import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { NotificationView } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { SignInRequired } from '../../../components/sign-in-required';
import { useSession } from '../../../hooks/use-session';
import { errorMessage } from '../../../services';
import { notificationsApi, showUnreadBadge } from '../../../services/notifications-api';
import { formatShanghaiTime } from '../../deliberations/parts/deliberation-time';
import { allRead, withOlder, withRead } from './notification-list';

const KIND_LABELS: Record<NotificationView['kind'], string> = { poll_result: '投票结果' };

/** 消息通知: what the platform has told this person (a vote's result…), newest first; opening one marks it read. */
export default function NotificationsPage() {
  const current = useSession();
  const [items, setItems] = useState<NotificationView[] | null>(null);
  const [unread, setUnread] = useState(0);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    setError(null);
    notificationsApi
      .list()
      .then((page) => {
        setItems(page.items);
        setUnread(page.unread);
        setNextBefore(page.nextBefore);
        void showUnreadBadge(page.unread);
      })
      .catch((err) => setError(errorMessage(err)));
  }, []);

  useDidShow(() => {
    if (current) load();
  });

  if (!current) return <SignInRequired pageId='notifications-page' title='消息通知' reason='登录后可以收到投票结果等通知。' />;

  const open = async (item: NotificationView) => {
    try {
      if (!item.readAt) {
        const read = await notificationsApi.read(item.id);
        setItems((shown) => withRead(shown ?? [], read));
        setUnread((n) => Math.max(0, n - 1));
        void showUnreadBadge(Math.max(0, unread - 1));
      }
      if (item.link) await Taro.navigateTo({ url: item.link });
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const markAll = async () => {
    try {
      await notificationsApi.readAll();
      setItems((shown) => allRead(shown ?? [], new Date().toISOString()));
      setUnread(0);
      void showUnreadBadge(0);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const more = async () => {
    if (nextBefore === null) return;
    try {
      const page = await notificationsApi.list(nextBefore);
      setItems((shown) => withOlder(shown ?? [], page.items));
      setNextBefore(page.nextBefore);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <PageRoot id='notifications-page'>
      <Text className='hero'>消息通知</Text>
      <Text id='notifications-unread' className='muted'>
        {unread > 0 ? `${unread} 条未读` : '没有未读消息'}
      </Text>
      <ErrorNote id='notifications-error' message={error} />
      {unread > 0 && (
        <View id='notifications-read-all' className='btn btn--ghost' onClick={markAll}>
          全部标为已读
        </View>
      )}
      {items === null && !error && <Text className='muted'>加载中…</Text>}
      {items?.length === 0 && (
        <Text id='notifications-empty' className='muted'>
          暂无消息。投票结束后，结果会通知到这里。
        </Text>
      )}
      {items?.map((item) => (
        <View
          key={item.id}
          id={`notification-${item.id}`}
          className={`card link-row notification ${item.readAt ? 'notification--read' : 'notification--unread'}`}
          onClick={() => void open(item)}
        >
          <View>
            <Text className='status'>
              {item.readAt ? '' : '● '}
              {KIND_LABELS[item.kind] ?? '通知'}
            </Text>
            <Text className='card__title block notification-title'>{item.title}</Text>
            <Text className='block notification-body'>{item.body}</Text>
            <Text className='muted'>{formatShanghaiTime(item.createdAt)}</Text>
          </View>
          {item.link ? <Text className='chevron'>›</Text> : null}
        </View>
      ))}
      {nextBefore !== null && (
        <View id='notifications-more' className='btn btn--ghost' onClick={more}>
          加载更早的消息
        </View>
      )}
    </PageRoot>
  );
}
