import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DELIBERATION_LIVE_EVENTS, type DeliberationBulletinPostView } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { errorMessage } from '../../../services';
import { bulletinRoom, deliberationsApi, deliberationsLive } from '../../../services/deliberations-api';
import { formatShanghaiTime } from '../parts/deliberation-time';
import { thresholdLines } from '../poll/result-lines';
import { mergeBulletinPosts, pollResultOf } from './bulletin-posts';
import '../deliberations.css';

const KIND_LABELS: Record<DeliberationBulletinPostView['kind'], string> = {
  poll_result: '表决结果',
  poll_opened: '投票通知',
  deliberation_opened: '议事通知',
};

function BulletinPost({ post }: { post: DeliberationBulletinPostView }) {
  const poll = pollResultOf(post);
  return (
    <View id={`bulletin-post-${post.id}`} className={`card bulletin-post bulletin-post-${post.kind}`}>
      <Text className='delib-status'>{KIND_LABELS[post.kind]}</Text>
      <Text className='card__title bulletin-post-title'>{post.title}</Text>
      <Text className='delib-meta'>{formatShanghaiTime(post.publishedAt)} 公示</Text>
      <Text className='delib-body bulletin-post-body'>{post.body}</Text>
      {poll?.result.ownerDecision &&
        thresholdLines(poll.result.ownerDecision).map((line) => (
          <Text key={line.key} className={`delib-threshold bulletin-threshold-${line.key} ${line.met ? 'delib-threshold--met' : 'delib-threshold--missed'}`}>
            {line.text}
          </Text>
        ))}
      {poll && (
        <View id={`bulletin-poll-${poll.pollId}`} className='link-row' onClick={() => Taro.navigateTo({ url: `/pages/deliberations/poll/index?id=${poll.pollId}` })}>
          <Text>查看票数明细与选票链</Text>
          <Text className='chevron'>›</Text>
        </View>
      )}
    </View>
  );
}

/** The community bulletin board (公告栏): results and notices, public, newest first, updated live. */
export default function BulletinPage() {
  const communityId = Number(useRouter().params.communityId);
  const [posts, setPosts] = useState<DeliberationBulletinPostView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    deliberationsApi
      .bulletin(communityId)
      .then((page) => setPosts(page.items))
      .catch((err) => setError(errorMessage(err)));
  }, [communityId]);

  useEffect(load, [load]);
  useDidShow(load);

  useEffect(
    () =>
      deliberationsLive().subscribe<DeliberationBulletinPostView>(bulletinRoom(communityId), {
        onEvent: (event) => {
          if (event.type === DELIBERATION_LIVE_EVENTS.bulletinPosted) setPosts((prev) => mergeBulletinPosts(prev ?? [], [event.data]));
        },
        onResync: load,
      }),
    [communityId, load],
  );

  return (
    <PageRoot id='bulletin-page'>
      <Text className='hero'>公告栏</Text>
      <Text className='muted'>议事和表决结果在这里公示，任何人都可以查看；不公开任何人的投票选择。</Text>
      <ErrorNote id='bulletin-error' message={error} />
      {posts === null && !error && <Text className='muted'>加载中…</Text>}
      {posts?.length === 0 && (
        <Text id='bulletin-empty' className='muted'>
          暂无公告。
        </Text>
      )}
      {posts?.map((post) => <BulletinPost key={post.id} post={post} />)}
    </PageRoot>
  );
}
