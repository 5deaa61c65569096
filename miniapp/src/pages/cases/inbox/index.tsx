import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CASE_INBOX_LIVE_EVENT_TYPE, type CaseInboxItem, type CaseInboxScope } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/use-session';
import { errorMessage, session } from '../../../services';
import { casesApi } from '../../../services/cases-api';
import { CaseRow } from '../case-row';
import { caseLive } from '../taro-bindings';
import { inboxRoomsFor } from './inbox-rooms';
import '../../report/report.css';

const TITLES: Record<CaseInboxScope, string> = {
  assigned: '我的网格 · 待办',
  dispatch: '社区派单',
  department: '部门工单',
};

/** What a handler should notice first about a case in their queue. */
function inboxNote(item: CaseInboxItem): string | undefined {
  const parts = [item.scope === 'dispatch' ? '待派单' : '', item.overdue ? '已超时' : '', item.followerCount ? `${item.followerCount} 人也遇到` : ''];
  return parts.filter(Boolean).join(' · ') || undefined;
}

/** A street office's dispatcher with no community of their own: their dispatch queue is the street's. */
function isStreetOnly(grants: readonly { role: string; scopeKind: string }[]): boolean {
  const dispatches = grants.filter((g) => g.role === 'grid_worker' && (g.scopeKind === 'street' || g.scopeKind === 'community'));
  return dispatches.length > 0 && dispatches.every((g) => g.scopeKind === 'street');
}

function isScope(value: string | undefined): value is CaseInboxScope {
  return value === 'assigned' || value === 'dispatch' || value === 'department';
}

/** A handler's queue: what they have to accept, pass on or resolve, refreshed live when a case moves. */
export default function Inbox() {
  const router = useRouter();
  const scope = isScope(router.params.scope) ? router.params.scope : undefined;
  const current = useSession();
  const [items, setItems] = useState<CaseInboxItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const user = current?.user;
  const load = useCallback(() => {
    casesApi.inbox({ scope, pageSize: 100 }).then(
      (page) => {
        setItems(page.items);
        // The list is current up to liveSeq: a reconnect replays every change after it, from the server's log.
        if (user) for (const room of inboxRoomsFor(user, scope)) caseLive.advance(room, page.liveSeq);
      },
      (err) => setError(errorMessage(err)),
    );
  }, [scope, user]);

  // Load on opening, and again when coming back from a case (it may have left the queue meanwhile).
  const signedIn = !!current;
  useEffect(() => {
    if (signedIn) load();
  }, [signedIn, load]);
  const opened = useRef(false);
  useDidShow(() => {
    if (opened.current && session.token()) load();
    opened.current = true;
  });

  useEffect(() => {
    if (!user) return;
    const rooms = inboxRoomsFor(user, scope);
    const stops = rooms.map((room) =>
      caseLive.subscribe(room, {
        onEvent: (event) => {
          if (event.type === CASE_INBOX_LIVE_EVENT_TYPE) load();
        },
        onResync: load,
      }),
    );
    return () => stops.forEach((stop) => stop());
  }, [user, scope, load]);

  return (
    <PageRoot id='inbox-page'>
      <Text className='hero'>{scope === 'dispatch' && user && isStreetOnly(user.grants) ? '街道派单' : scope ? TITLES[scope] : '待办工单'}</Text>
      <ErrorNote id='inbox-error' message={error} />
      {items && items.length === 0 && (
        <View id='inbox-empty' className='card'>
          <Text className='muted'>暂时没有待办的工单。</Text>
        </View>
      )}
      {items && items.length > 0 && (
        <View id='inbox-list' className='card'>
          {items.map((item) => (
            <CaseRow key={item.id} item={item} prefix='inbox-item' extra={inboxNote(item)} />
          ))}
        </View>
      )}
    </PageRoot>
  );
}
