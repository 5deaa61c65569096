import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { DELIBERATION_SCOPE_LABELS, type DeliberationReviewDecision, type DeliberationTopicView } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/use-session';
import { errorMessage } from '../../../services';
import { deliberationsApi } from '../../../services/deliberations-api';
import { deliberationActionsFor } from '../deliberation-access';
import { formatShanghaiTime } from '../parts/deliberation-time';
import { SignInNote } from '../parts/sign-in-note';
import { placeOf, useCommunityDirectory } from '../parts/use-community-place';
import { toReviewInput } from './review-form';
import '../deliberations.css';

const DONE_TOAST: Record<DeliberationReviewDecision, string> = { approve: '已通过并公开', reject: '已退回提议人', merge: '已合并' };

function PendingTopic({ topic, mergeTargets, onDone }: { topic: DeliberationTopicView; mergeTargets: DeliberationTopicView[]; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [merging, setMerging] = useState(false);
  const [target, setTarget] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function decide(decision: DeliberationReviewDecision) {
    if (busy) return;
    const { input, error: invalid } = toReviewInput(decision, reason, target);
    setError(invalid ?? null);
    if (!input) return;
    setBusy(true);
    try {
      await deliberationsApi.review(topic.id, input);
      Taro.showToast({ title: DONE_TOAST[decision], icon: 'none' });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View id={`topic-review-${topic.id}`} className='card topic-review-item'>
      <Text className='card__title'>{topic.title}</Text>
      <Text className='delib-meta'>
        {topic.proposerName} · {formatShanghaiTime(topic.createdAt)} · {DELIBERATION_SCOPE_LABELS[topic.scope.kind]}
        {topic.scope.building ? ` · ${topic.scope.building}` : ''}
      </Text>
      <Text className='delib-body'>{topic.body}</Text>
      <Input
        id={`topic-review-reason-${topic.id}`}
        className='field__input'
        value={reason}
        placeholder='审核意见（不通过时必填，提议人可见）'
        onInput={(e) => setReason(e.detail.value)}
      />
      {merging && (
        <View className='field'>
          <Text className='field__label'>合并到哪个议题？</Text>
          {mergeTargets.length === 0 && <Text className='muted'>本社区暂无可合并的已通过议题。</Text>}
          <View className='choices'>
            {mergeTargets.map((t) => (
              <View
                key={t.id}
                className={`choice topic-merge-target topic-merge-target-${t.id}${t.id === target ? ' choice--on' : ''}`}
                onClick={() => setTarget(t.id)}
              >
                {t.title}
              </View>
            ))}
          </View>
          <View id={`topic-merge-confirm-${topic.id}`} className='btn' onClick={() => decide('merge')}>
            确认合并
          </View>
        </View>
      )}
      <ErrorNote message={error} />
      <View className='btn-pair'>
        <View id={`topic-approve-${topic.id}`} className='btn' onClick={() => decide('approve')}>
          通过
        </View>
        <View id={`topic-reject-${topic.id}`} className='btn btn--ghost' onClick={() => decide('reject')}>
          不通过
        </View>
      </View>
      {!merging && (
        <View id={`topic-merge-${topic.id}`} className='btn btn--ghost btn--small' onClick={() => setMerging(true)}>
          与已有议题合并
        </View>
      )}
    </View>
  );
}

/** The party branch's queue of proposed topics for one community. */
export default function TopicReviewPage() {
  const current = useSession();
  const communityId = Number(useRouter().params.communityId);
  const { directory, error: directoryError } = useCommunityDirectory();
  const [pending, setPending] = useState<DeliberationTopicView[] | null>(null);
  const [targets, setTargets] = useState<DeliberationTopicView[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    if (!current) return;
    setError(null);
    Promise.all([
      deliberationsApi.topics(communityId, { status: 'pending', pageSize: 50 }),
      deliberationsApi.topics(communityId, { pageSize: 50 }),
    ])
      .then(([queue, open]) => {
        setPending(queue.items);
        setTargets(open.items.filter((t) => t.status === 'approved' || t.status === 'deliberating'));
      })
      .catch((err) => setError(errorMessage(err)));
  }, [communityId, current]);

  useEffect(load, [load]);

  if (!current) {
    return (
      <PageRoot id='topic-review-page'>
        <SignInNote id='topic-review-sign-in' text='议题审核由社区党支部登录后进行。' />
      </PageRoot>
    );
  }
  const place = directory ? placeOf(directory, communityId) : null;
  const allowed = place ? deliberationActionsFor(current.user, place).canReview : true;
  const community = directory?.communities.find((c) => c.id === communityId);

  return (
    <PageRoot id='topic-review-page'>
      <Text className='hero'>议题审核</Text>
      <Text className='muted'>{community ? `${community.name} · ` : ''}看议题是否属于社区公共事务、是否合法合规；不通过须说明原因，相同议题可合并。</Text>
      {!allowed && <Text className='muted'>你没有这个社区的议题审核权限。</Text>}
      <ErrorNote id='topic-review-error' message={directoryError ?? error} />
      {pending === null && !error && <Text className='muted'>加载中…</Text>}
      {pending?.length === 0 && (
        <Text id='topic-review-empty' className='muted'>
          暂无待审核的议题。
        </Text>
      )}
      {pending?.map((topic) => (
        <PendingTopic
          key={topic.id}
          topic={topic}
          mergeTargets={targets.filter((t) => t.id !== topic.id)}
          onDone={() => setPending((prev) => prev?.filter((t) => t.id !== topic.id) ?? null)}
        />
      ))}
    </PageRoot>
  );
}
