import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CaseOutcome, CommunitySummary } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/use-session';
import { api, errorMessage } from '../../../services';
import { casesApi } from '../../../services/cases-api';
import { formatDateTime, formatDuration } from '../case-format';
import { CasePhotos } from '../case-photos';
import { CaseStatusBadge } from '../case-status-badge';
import '../../report/report.css';

/** 办理结果公开: a community's resolved cases with before/after photos and how long they took; no names. */
export default function Outcomes() {
  const router = useRouter();
  const current = useSession();
  const initial = Number(router.params.communityId) || current?.user.community?.id || null;
  const [communityId, setCommunityId] = useState<number | null>(initial);
  const [communities, setCommunities] = useState<CommunitySummary[]>([]);
  const [items, setItems] = useState<CaseOutcome[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.communities().then(setCommunities, (err) => setError(errorMessage(err)));
  }, []);

  useEffect(() => {
    if (communityId === null) return;
    setItems(null);
    setError(null);
    casesApi.outcomes({ communityId, pageSize: 50 }).then(
      (page) => setItems(page.items),
      (err) => setError(errorMessage(err)),
    );
  }, [communityId]);

  return (
    <PageRoot id='outcomes-page'>
      <Text className='hero'>办理结果公开</Text>
      <Text className='muted'>居民反映的问题办得怎么样，大家都能看到。</Text>
      <View className='choices'>
        {communities.map((community) => (
          <View
            key={community.id}
            className={`choice outcomes-community-${community.id}${community.id === communityId ? ' choice--on' : ''}`}
            onClick={() => setCommunityId(community.id)}
          >
            {community.name}
          </View>
        ))}
      </View>
      <ErrorNote id='outcomes-error' message={error} />
      {communityId === null && <Text className='muted'>请选择社区</Text>}
      {items && items.length === 0 && (
        <View id='outcomes-empty' className='card'>
          <Text className='muted'>这个社区还没有办结的反映。</Text>
        </View>
      )}
      {items?.map((item) => (
        <View key={item.id} className={`card outcome outcome-${item.id}`}>
          <View className='row'>
            <Text className='muted-inline'>{item.categoryName ?? '其他'}</Text>
            <CaseStatusBadge status={item.status} label={item.statusLabel} />
          </View>
          <Text className='block'>{item.description}</Text>
          {item.address && <Text className='muted'>{item.address}</Text>}
          <View className='outcome__pair'>
            <View className='outcome__side'>
              <Text className='field__label'>办理前</Text>
              <CasePhotos id={`outcome-before-${item.id}`} photos={item.photos.before.slice(0, 1)} />
            </View>
            {item.photos.after.length > 0 && (
              <View className='outcome__side'>
                <Text className='field__label'>办理后</Text>
                <CasePhotos id={`outcome-after-${item.id}`} photos={item.photos.after.slice(0, 1)} />
              </View>
            )}
          </View>
          {item.resolutionNote && <Text className='block'>办理结果：{item.resolutionNote}</Text>}
          <Text className='muted outcome-duration'>
            {formatDateTime(item.resolvedAt)} 办结 · 用时 {formatDuration(item.createdAt, item.resolvedAt)}
            {item.ratingScore ? ` · 居民评价 ${'★'.repeat(item.ratingScore)}` : ''}
          </Text>
        </View>
      ))}
    </PageRoot>
  );
}
