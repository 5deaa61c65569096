import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { DeliberationTopicView } from '@linli/shared';
import { ErrorNote } from '../../components/error-note';
import { PageRoot } from '../../components/page-root';
import { useSession } from '../../hooks/use-session';
import { errorMessage } from '../../services';
import { taroStorage } from '../../services/taro-adapters';
import { deliberationsApi } from '../../services/deliberations-api';
import { deliberationActionsFor, initialCommunityId } from '../deliberations/deliberation-access';
import { TopicCard } from '../deliberations/parts/topic-card';
import { placeOf, useCommunityDirectory } from '../deliberations/parts/use-community-place';
import '../deliberations/deliberations.css';

type Listing = 'public' | 'mine';

/** The community last chosen on this phone, so a visitor does not pick it again every time. */
const COMMUNITY_KEY = 'linli.deliberation.communityId';

function rememberedCommunity(): number | null {
  const stored = Number(taroStorage.get(COMMUNITY_KEY));
  return Number.isInteger(stored) && stored > 0 ? stored : null;
}

/** 议事 tab: one community's topics, and the way into proposing, reviewing and the bulletin board. */
export default function DeliberationTab() {
  const current = useSession();
  const me = current?.user ?? null;
  const { directory, error: directoryError } = useCommunityDirectory();
  const [communityId, setCommunityId] = useState<number | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [listing, setListing] = useState<Listing>('public');
  const [topics, setTopics] = useState<DeliberationTopicView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!directory || communityId !== null) return;
    setCommunityId(initialCommunityId(me, rememberedCommunity(), directory.communities.map((c) => c.id)));
  }, [directory, me, communityId]);

  const load = useCallback(() => {
    if (communityId === null) return;
    setError(null);
    deliberationsApi
      .topics(communityId, { mine: listing === 'mine' && !!me, pageSize: 50 })
      .then((page) => setTopics(page.items))
      .catch((err) => setError(errorMessage(err)));
  }, [communityId, listing, me]);

  useEffect(load, [load]);
  useDidShow(load);

  const community = directory?.communities.find((c) => c.id === communityId) ?? null;
  const place = directory && communityId !== null ? placeOf(directory, communityId) : null;
  const actions = place ? deliberationActionsFor(me, place) : null;
  const go = (url: string) => Taro.navigateTo({ url });

  return (
    <PageRoot id='deliberation-page'>
      <Text className='hero'>议事</Text>
      <Text className='muted'>小区公共事务大家商量着办：居民提出议题，党支部审核，居委会组织讨论和投票，结果在公告栏公示。</Text>

      <View className='row' onClick={() => setChoosing(!choosing)}>
        <Text id='delib-community' className='card__title'>
          {community ? `${community.streetName} · ${community.name}` : '选择社区'}
        </Text>
        <Text id='delib-community-switch' className='chevron'>
          {choosing ? '收起' : '切换社区 ›'}
        </Text>
      </View>
      {choosing && directory && (
        <View className='choices'>
          {directory.communities.map((c) => (
            <View
              key={c.id}
              className={`choice delib-community-option delib-community-option-${c.id}${c.id === communityId ? ' choice--on' : ''}`}
              onClick={() => {
                // Choosing the community already shown keeps its list (nothing would reload it).
                if (c.id !== communityId) {
                  setTopics(null);
                  setCommunityId(c.id);
                  taroStorage.set(COMMUNITY_KEY, String(c.id));
                }
                setChoosing(false);
              }}
            >
              {c.name}
            </View>
          ))}
        </View>
      )}
      <ErrorNote id='delib-error' message={directoryError ?? error} />

      {communityId !== null && (
        <View className='card'>
          <View id='delib-bulletin' className='link-row' onClick={() => go(`/pages/deliberations/bulletin/index?communityId=${communityId}`)}>
            <Text>公告栏（表决结果公示）</Text>
            <Text className='chevron'>›</Text>
          </View>
          {actions?.canReview && (
            <View id='delib-review-queue' className='link-row' onClick={() => go(`/pages/deliberations/review/index?communityId=${communityId}`)}>
              <Text>议题审核（党支部）</Text>
              <Text className='chevron'>›</Text>
            </View>
          )}
          {actions?.canManage && (
            <View id='delib-report-queue' className='link-row' onClick={() => go(`/pages/deliberations/reports/index?communityId=${communityId}`)}>
              <Text>举报处理（居委会）</Text>
              <Text className='chevron'>›</Text>
            </View>
          )}
          {actions?.canParticipate ? (
            <View id='delib-propose' className='btn' onClick={() => go(`/pages/deliberations/propose/index?communityId=${communityId}`)}>
              提出议题
            </View>
          ) : (
            actions && (
              <Text id='delib-propose-hint' className='muted'>
                提出议题、参与讨论和投票：{actions.participateHint}
              </Text>
            )
          )}
        </View>
      )}

      {me && (
        <View className='choices'>
          <View id='delib-list-public' className={`choice${listing === 'public' ? ' choice--on' : ''}`} onClick={() => setListing('public')}>
            社区议题
          </View>
          <View id='delib-list-mine' className={`choice${listing === 'mine' ? ' choice--on' : ''}`} onClick={() => setListing('mine')}>
            我提出的
          </View>
        </View>
      )}

      {topics === null && !error && communityId !== null && <Text className='muted'>加载中…</Text>}
      {topics?.length === 0 && (
        <Text id='delib-empty' className='muted'>
          {listing === 'mine' ? '你还没有提出过议题。' : '这个社区还没有公开的议题。'}
        </Text>
      )}
      {topics?.map((topic) => <TopicCard key={topic.id} topic={topic} />)}
    </PageRoot>
  );
}
