import { useCallback, useEffect, useRef, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CASE_LIVE_EVENT_TYPE, CASE_REJECT_KIND_LABELS, type CaseDetail, type CaseLiveEventData, type CaseView } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/use-session';
import { errorMessage } from '../../../services';
import { casesApi } from '../../../services/cases-api';
import type { RealtimeStatus } from '../../../services/realtime-client';
import { CaseActionPanel } from '../case-action-panel';
import { formatDateTime, formatDuration, timelineFacts } from '../case-format';
import { CasePhotos } from '../case-photos';
import { CasePublicFacts } from '../case-public-facts';
import { CaseStatusBadge } from '../case-status-badge';
import { applyCaseLiveEvent } from '../live-timeline';
import { caseLive } from '../taro-bindings';
import '../../report/report.css';
import { SignInRequired } from '../../../components/sign-in-required';

const LIVE_LABELS: Record<RealtimeStatus, string> = {
  idle: '',
  connecting: '正在连接实时进度…',
  connected: '● 实时更新中',
  disconnected: '连接中断，正在重连…',
  unauthenticated: '登录已过期，请重新登录后查看实时进度',
};

export default function CaseDetailPage() {
  const router = useRouter();
  const caseId = Number(router.params.id);
  const current = useSession();
  const [detail, setDetail] = useState<CaseView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState<RealtimeStatus>(caseLive.status);
  const [following, setFollowing] = useState(false);
  // The live handler reads the case as shown now, not as it was when the subscription started.
  const shown = useRef<CaseView | null>(null);
  shown.current = detail;

  const reload = useCallback(() => {
    return casesApi.detail(caseId).then(
      (fresh) => {
        // A live event may have arrived while this was on its way; keep whichever is newer.
        if (shown.current && shown.current.lastSeq > fresh.lastSeq) return;
        shown.current = fresh;
        setDetail(fresh);
      },
      (err) => setError(errorMessage(err)),
    );
  }, [caseId]);

  const signedIn = !!current;
  useEffect(() => {
    if (!signedIn || !Number.isInteger(caseId)) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    casesApi.detail(caseId).then(
      (loaded) => {
        if (cancelled) return;
        shown.current = loaded;
        setDetail(loaded);
        // The server names the room of the view it gave: a follower's carries the public cut of each entry.
        stop = caseLive.subscribe<CaseLiveEventData>(loaded.liveRoom, {
          afterSeq: loaded.lastSeq,
          onEvent: (event) => {
            if (event.type !== CASE_LIVE_EVENT_TYPE || !shown.current) return;
            const next = applyCaseLiveEvent(shown.current, event.data);
            shown.current = next.detail;
            setDetail(next.detail);
            // New buttons, after-photos and the rating form come with the full case.
            if (next.statusChanged) reload();
          },
          onResync: () => reload(),
        });
      },
      (err) => setError(errorMessage(err)),
    );
    const stopStatus = caseLive.onStatus(setLive);
    return () => {
      cancelled = true;
      stop?.();
      stopStatus();
    };
  }, [signedIn, caseId, reload]);

  async function follow() {
    setFollowing(true);
    try {
      setDetail(await casesApi.follow(caseId));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setFollowing(false);
    }
  }

  if (!current) {
    return <SignInRequired pageId='case-page' title='案件详情' reason='请先登录再查看办理进度。' />;
  }

  if (!detail) {
    return (
      <PageRoot id='case-page'>
        <ErrorNote id='case-error' message={error} />
        {!error && <Text className='muted'>加载中…</Text>}
      </PageRoot>
    );
  }

  const whole: CaseDetail | null = detail.view === 'full' ? detail : null;

  return (
    <PageRoot id='case-page'>
      <View className='card'>
        <View className='row'>
          <Text id='case-code' className='card__title'>
            {detail.code}
          </Text>
          <CaseStatusBadge id='case-status' status={detail.status} label={detail.statusLabel} />
        </View>
        <Text id='case-description' className='block'>
          {detail.description}
        </Text>
        <Text className='muted'>
          {detail.categoryName ?? '待分类'}
          {detail.address ? ` · ${detail.address}` : ''}
        </Text>
        {whole ? (
          <>
            <Text className='muted'>
              反映人 {whole.reporterName} · {formatDateTime(whole.createdAt)}
              {whole.followerCount ? ` · ${whole.followerCount} 人也遇到` : ''}
            </Text>
            {whole.handler && <Text className='muted'>承办网格员：{whole.handler.name}</Text>}
            {whole.departments.length > 0 && <Text className='muted'>承办部门：{whole.departments.map((d) => d.name).join('、')}</Text>}
          </>
        ) : (
          detail.view === 'public' && <CasePublicFacts view={detail} />
        )}
        <Text id='case-live' className={`live-dot live-dot--${live}`}>
          {LIVE_LABELS[live]}
        </Text>
      </View>

      {whole && <CasePhotos id='case-photos-before' photos={whole.photos.before} />}

      {whole?.rejection && (
        <View id='case-rejection' className='card'>
          <Text className='card__title'>{CASE_REJECT_KIND_LABELS[whole.rejection.kind]}</Text>
          <Text>{whole.rejection.reason}</Text>
        </View>
      )}

      {whole && whole.photos.after.length > 0 && (
        <>
          <Text className='section-title'>办结照片</Text>
          <CasePhotos id='case-photos-after' photos={whole.photos.after} />
          {whole.resolvedAt && <Text className='muted'>用时 {formatDuration(whole.createdAt, whole.resolvedAt)}</Text>}
        </>
      )}

      {whole?.rating && (
        <View id='case-rating' className='card'>
          <Text className='card__title'>评价：{'★'.repeat(whole.rating.score)}</Text>
          {whole.rating.comment && <Text>{whole.rating.comment}</Text>}
        </View>
      )}

      {whole && <CaseActionPanel detail={whole} onDone={setDetail} />}

      {whole && !whole.isReporter && !whole.isFollowing && whole.myActor === null && (
        <View id='case-follow' className={following ? 'btn btn--ghost btn--disabled' : 'btn btn--ghost'} onClick={() => !following && follow()}>
          我也遇到
        </View>
      )}

      <ErrorNote id='case-error' message={error} />

      <Text className='section-title'>办理进度</Text>
      <View id='case-timeline' className='card'>
        {[...detail.timeline].reverse().map((entry) => (
          <View key={entry.seq} className={`timeline-entry timeline-entry-${entry.seq} timeline-event-${entry.event}`}>
            <Text className='block'>
              <Text className='card__title'>{entry.eventLabel}</Text>
              <Text className='muted-inline'> · {entry.actorRoleLabel}</Text>
            </Text>
            {timelineFacts(entry) && <Text className='block timeline-facts'>{timelineFacts(entry)}</Text>}
            {entry.note && <Text className='block'>{entry.note}</Text>}
            <Text className='muted'>{formatDateTime(entry.at)}</Text>
          </View>
        ))}
      </View>
    </PageRoot>
  );
}
