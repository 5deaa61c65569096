import { useCallback, useEffect, useMemo, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import {
  DELIBERATION_REPORT_QUEUE_STATUS_LABELS,
  type CommunitySummary,
  type DeliberationReportedCommentView,
  type DeliberationReportQueueStatus,
} from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/use-session';
import { errorMessage } from '../../../services';
import { deliberationsApi } from '../../../services/deliberations-api';
import { formatShanghaiTime } from '../parts/deliberation-time';
import { SignInNote } from '../parts/sign-in-note';
import { useCommunityDirectory } from '../parts/use-community-place';
import { appendPage, handlingLine, initialReportsCommunity, managedCommunities, reportCountLine, toDismissInput, toHideInput } from './report-queue';
import '../deliberations.css';

const PAGE_SIZE = 20;
const TABS: DeliberationReportQueueStatus[] = ['open', 'handled'];

type Action = 'hide' | 'dismiss';

const ACTION_TEXT: Record<Action, { placeholder: string; confirm: string; done: string }> = {
  hide: { placeholder: '隐藏原因（将显示在原评论处，居民可见）', confirm: '确认隐藏', done: '已隐藏评论' },
  dismiss: { placeholder: '驳回说明（例如：属于正常意见表达）', confirm: '确认驳回', done: '已驳回举报' },
};

function ReportedComment({ item, onHandled }: { item: DeliberationReportedCommentView; onHandled: () => void }) {
  const [action, setAction] = useState<Action | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function choose(next: Action) {
    setAction(action === next ? null : next);
    setText('');
    setError(null);
  }

  async function confirm() {
    if (!action || busy) return;
    const hide = action === 'hide' ? toHideInput(text) : null;
    const dismiss = action === 'dismiss' ? toDismissInput(text) : null;
    const invalid = hide?.error ?? dismiss?.error ?? null;
    setError(invalid);
    if (invalid) return;
    setBusy(true);
    try {
      if (hide?.input) await deliberationsApi.hideComment(item.commentId, hide.input);
      else if (dismiss?.input) await deliberationsApi.dismissReports(item.commentId, dismiss.input);
      Taro.showToast({ title: ACTION_TEXT[action].done, icon: 'none' });
      onHandled();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const open = item.status === 'open';
  return (
    <View id={`reported-${item.commentId}`} className={`card reported-comment reported-comment-${item.commentId}`}>
      <View
        className='link-row'
        onClick={() => Taro.navigateTo({ url: `/pages/deliberations/detail/index?id=${item.deliberationId}` })}
      >
        <Text className='card__title'>{item.deliberationTitle}</Text>
        <Text className='chevron'>›</Text>
      </View>
      <Text className='delib-meta'>
        {item.parentId !== null ? '回复 · ' : ''}
        {item.authorName} · {formatShanghaiTime(item.commentedAt)}
      </Text>
      <Text className='delib-body reported-body'>{item.body}</Text>
      {item.hidden && <Text className='delib-hidden reported-hidden'>已隐藏，居民看到的原因：{item.hiddenReason ?? '违反议事规则'}</Text>}
      <Text className='delib-status reported-count'>{reportCountLine(item)}</Text>
      <View className='report-lines'>
        {item.reports.map((report) => (
          <View key={report.id} className={`report-line report-line-${report.id}`}>
            <Text className='block'>
              {report.reason}
              <Text className='muted-inline'> · {formatShanghaiTime(report.reportedAt)}</Text>
            </Text>
            {report.handling && <Text className='delib-meta report-handling'>{handlingLine(report.handling)}</Text>}
          </View>
        ))}
      </View>
      {open && (
        <View className='btn-pair'>
          <View id={`reported-hide-${item.commentId}`} className={`btn btn--small${action === 'hide' ? '' : ' btn--ghost'}`} onClick={() => choose('hide')}>
            隐藏评论
          </View>
          <View id={`reported-dismiss-${item.commentId}`} className={`btn btn--small${action === 'dismiss' ? '' : ' btn--ghost'}`} onClick={() => choose('dismiss')}>
            驳回举报
          </View>
        </View>
      )}
      {open && action && (
        <View className='field'>
          <Input
            id={`reported-text-${item.commentId}`}
            className='field__input'
            value={text}
            maxlength={255}
            placeholder={ACTION_TEXT[action].placeholder}
            onInput={(e) => setText(e.detail.value)}
          />
          <View id={`reported-confirm-${item.commentId}`} className={`btn${busy ? ' btn--disabled' : ''}`} onClick={confirm}>
            {ACTION_TEXT[action].confirm}
          </View>
        </View>
      )}
      <ErrorNote message={error} />
    </View>
  );
}

/** 举报处理: the committee's queue of reported comments in the deliberations of the communities it serves. */
export default function CommentReportsPage() {
  const current = useSession();
  const asked = Number(useRouter().params.communityId);
  const { directory, error: directoryError } = useCommunityDirectory();
  const [communityId, setCommunityId] = useState<number | null>(null);
  const [tab, setTab] = useState<DeliberationReportQueueStatus>('open');
  const [items, setItems] = useState<DeliberationReportedCommentView[] | null>(null);
  const [total, setTotal] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const grants = current?.user.grants ?? null;
  const managed: CommunitySummary[] | null = useMemo(
    () => (directory && grants ? managedCommunities(grants, directory.districtId, directory.communities) : null),
    [directory, grants],
  );

  useEffect(() => {
    if (!managed || communityId !== null) return;
    setCommunityId(initialReportsCommunity(Number.isInteger(asked) && asked > 0 ? asked : null, managed));
  }, [managed, communityId, asked]);

  const load = useCallback(() => {
    if (communityId === null) return;
    setError(null);
    deliberationsApi
      .commentReports(communityId, { status: tab, page: 1, pageSize: PAGE_SIZE })
      .then((result) => {
        setItems(result.items);
        setTotal(result.total);
      })
      .catch((err) => setError(errorMessage(err)));
  }, [communityId, tab]);

  useEffect(load, [load]);
  useDidShow(load);

  function loadMore() {
    if (communityId === null || items === null || loadingMore) return;
    setLoadingMore(true);
    // Items handled here have left the queue, so what is shown is where the queue goes on: the page that
    // holds the next item may repeat some already shown (appendPage drops them) but skips none.
    deliberationsApi
      .commentReports(communityId, { status: tab, page: Math.floor(items.length / PAGE_SIZE) + 1, pageSize: PAGE_SIZE })
      .then((result) => {
        setItems((prev) => appendPage(prev ?? [], result.items));
        setTotal(result.total);
      })
      .catch((err) => setError(errorMessage(err)))
      .finally(() => setLoadingMore(false));
  }

  function handled(commentId: number) {
    setItems((prev) => prev?.filter((item) => item.commentId !== commentId) ?? null);
    setTotal((n) => Math.max(0, n - 1));
  }

  if (!current) {
    return (
      <PageRoot id='reports-page'>
        <SignInNote id='reports-sign-in' text='举报处理由社区居委会登录后进行。' />
      </PageRoot>
    );
  }

  const community = managed?.find((c) => c.id === communityId) ?? null;
  return (
    <PageRoot id='reports-page'>
      <Text className='hero'>举报处理</Text>
      <Text className='muted'>居民举报的议事评论。核实后可隐藏评论（居民会看到隐藏原因），或驳回举报并说明理由；举报人信息不公开。</Text>
      <ErrorNote id='reports-error' message={directoryError ?? error} />

      {managed && managed.length === 0 && (
        <Text id='reports-not-allowed' className='muted'>
          你不是任何社区的居委会成员，不能处理举报。
        </Text>
      )}
      {managed && managed.length > 1 && (
        <View className='choices'>
          {managed.map((c) => (
            <View
              key={c.id}
              className={`choice reports-community reports-community-${c.id}${c.id === communityId ? ' choice--on' : ''}`}
              onClick={() => {
                if (c.id === communityId) return;
                setItems(null);
                setCommunityId(c.id);
              }}
            >
              {c.name}
            </View>
          ))}
        </View>
      )}

      {communityId !== null && (
        <>
          <View className='choices'>
            {TABS.map((status) => (
              <View
                key={status}
                id={`reports-tab-${status}`}
                className={`choice${status === tab ? ' choice--on' : ''}`}
                onClick={() => {
                  if (status === tab) return;
                  setItems(null);
                  setTab(status);
                }}
              >
                {DELIBERATION_REPORT_QUEUE_STATUS_LABELS[status]}
              </View>
            ))}
          </View>
          <Text className='section-title'>
            {community ? `${community.name} · ` : ''}
            {DELIBERATION_REPORT_QUEUE_STATUS_LABELS[tab]}
            {items ? `（${total}）` : ''}
          </Text>
        </>
      )}

      {communityId !== null && items === null && !error && <Text className='muted'>加载中…</Text>}
      {items?.length === 0 && (
        <Text id='reports-empty' className='muted'>
          {tab === 'open' ? '暂无待处理的举报。' : '还没有处理过的举报。'}
        </Text>
      )}
      {items?.map((item) => <ReportedComment key={item.commentId} item={item} onHandled={() => handled(item.commentId)} />)}
      {items && items.length < total && (
        <View id='reports-more' className={`btn btn--ghost${loadingMore ? ' btn--disabled' : ''}`} onClick={loadMore}>
          {loadingMore ? '加载中…' : '加载更多'}
        </View>
      )}
    </PageRoot>
  );
}
