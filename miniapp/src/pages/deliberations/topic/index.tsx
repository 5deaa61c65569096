import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DELIBERATION_SCOPE_LABELS, DELIBERATION_TOPIC_STATUS_LABELS, type DeliberationTopicView } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/use-session';
import { errorMessage } from '../../../services';
import { deliberationsApi } from '../../../services/deliberations-api';
import { deliberationActionsFor } from '../deliberation-access';
import { discussionEndsAt, formatShanghaiTime } from '../parts/deliberation-time';
import { DeliberationPhotoThumbs } from '../parts/photo-thumbs';
import { placeOf, useCommunityDirectory } from '../parts/use-community-place';
import '../deliberations.css';

const DISCUSSION_DAYS = [3, 7, 14];

/** One topic: what it is, who supports it, why it was not accepted; the committee opens its deliberation here. */
export default function TopicPage() {
  const current = useSession();
  const id = Number(useRouter().params.id);
  const { directory } = useCommunityDirectory();
  const [topic, setTopic] = useState<DeliberationTopicView | null>(null);
  const [days, setDays] = useState(7);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    deliberationsApi
      .topic(id)
      .then(setTopic)
      .catch((err) => setError(errorMessage(err)));
  }, [id]);
  useEffect(load, [load, current]);

  const place = directory && topic ? placeOf(directory, topic.communityId) : null;
  const actions = place && topic ? deliberationActionsFor(current?.user ?? null, place, topic.scope) : null;

  async function toggleSupport() {
    if (!topic || busy) return;
    setBusy(true);
    try {
      const support = await deliberationsApi.support(topic.id, !topic.supportedByMe);
      setTopic({ ...topic, ...support });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function openDeliberation() {
    if (!topic || busy) return;
    setBusy(true);
    setError(null);
    try {
      const deliberation = await deliberationsApi.openDeliberation(topic.id, { discussionEndsAt: discussionEndsAt(new Date(), days) });
      Taro.redirectTo({ url: `/pages/deliberations/detail/index?id=${deliberation.id}` });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (!topic) {
    return (
      <PageRoot id='topic-page'>
        <ErrorNote id='topic-error' message={error} />
        {!error && <Text className='muted'>加载中…</Text>}
      </PageRoot>
    );
  }

  return (
    <PageRoot id='topic-page'>
      <Text id='topic-title' className='hero'>
        {topic.title}
      </Text>
      <View>
        <Text id='topic-status' className={`delib-status delib-topic-status-${topic.status}`}>
          {DELIBERATION_TOPIC_STATUS_LABELS[topic.status]}
        </Text>
        <Text className='muted-inline'>
          {DELIBERATION_SCOPE_LABELS[topic.scope.kind]}
          {topic.scope.building ? ` · ${topic.scope.building}` : ''}
        </Text>
      </View>
      <Text className='delib-meta'>
        {topic.proposerName} 提出于 {formatShanghaiTime(topic.createdAt)}
        {topic.reviewedAt ? ` · 审核于 ${formatShanghaiTime(topic.reviewedAt)}` : ''}
      </Text>
      <View className='card'>
        <Text className='delib-body'>{topic.body}</Text>
        <DeliberationPhotoThumbs id='topic-photos' photoIds={topic.photoIds} />
      </View>

      {topic.rejectReason && (
        <View id='topic-reject-reason' className='card'>
          <Text className='card__title'>未通过原因</Text>
          <Text>{topic.rejectReason}</Text>
        </View>
      )}
      {topic.mergedIntoTopicId !== null && (
        <View
          id='topic-merged-into'
          className='link-row'
          onClick={() => Taro.redirectTo({ url: `/pages/deliberations/topic/index?id=${topic.mergedIntoTopicId}` })}
        >
          <Text>已合并到另一议题，去看看</Text>
          <Text className='chevron'>›</Text>
        </View>
      )}
      {topic.deliberationId !== null && (
        <View id='topic-deliberation' className='btn' onClick={() => Taro.navigateTo({ url: `/pages/deliberations/detail/index?id=${topic.deliberationId}` })}>
          进入议事讨论
        </View>
      )}

      <View className='row'>
        <Text id='topic-support-count'>{topic.supportCount} 人附议</Text>
        {actions?.canParticipate && (topic.status === 'approved' || topic.status === 'deliberating') && (
          <View id='topic-support' className={topic.supportedByMe ? 'btn btn--ghost btn--small' : 'btn btn--small'} onClick={toggleSupport}>
            {topic.supportedByMe ? '取消附议' : '我也支持'}
          </View>
        )}
      </View>

      {actions?.canManage && topic.status === 'approved' && topic.deliberationId === null && (
        <View id='topic-open' className='card'>
          <Text className='card__title'>发起议事（居委会）</Text>
          <Text className='muted'>公开讨论期，期间居民可发表意见；讨论后可发起投票。</Text>
          <View className='choices'>
            {DISCUSSION_DAYS.map((d) => (
              <View key={d} className={`choice topic-open-days-${d}${d === days ? ' choice--on' : ''}`} onClick={() => setDays(d)}>
                讨论 {d} 天
              </View>
            ))}
          </View>
          <View id='topic-open-deliberation' className={busy ? 'btn btn--disabled' : 'btn'} onClick={openDeliberation}>
            发起议事
          </View>
        </View>
      )}
      <ErrorNote id='topic-error' message={error} />
    </PageRoot>
  );
}
