import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { CommunitySummary, ResidencyReviewItem } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/use-session';
import { api, errorMessage } from '../../../services';
import { RESIDENCY_RELATION_LABELS } from '../../../services/residency-labels';
import { reviewableCommunities } from './reviewable-communities';

function address(item: ResidencyReviewItem): string {
  const h = item.household;
  return [h.building, h.unit, h.room].filter(Boolean).join(' ');
}

function ReviewCard({ item, onDone }: { item: ResidencyReviewItem; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function review(approve: boolean) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.reviewResidency(item.id, note.trim() ? { approve, note: note.trim() } : { approve });
      Taro.showToast({ title: approve ? '已通过' : '已退回', icon: 'none' });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View id={`review-${item.id}`} className='card review-item'>
      <Text className='card__title'>{item.applicant.realName ?? item.applicant.name}</Text>
      <Text className='muted'>
        {item.applicant.realName && item.applicant.realName !== item.applicant.name ? `账号：${item.applicant.name} · ` : ''}
        {item.applicant.phoneMasked ?? '未绑定手机号'} · 申请于 {item.createdAt.slice(0, 10)}
      </Text>
      <View className='spacer' />
      <View>
        <Text className='block'>
          {address(item)} · {RESIDENCY_RELATION_LABELS[item.relation]}
          {item.exclusiveArea !== null ? ` · ${item.exclusiveArea}㎡` : ''}
        </Text>
      </View>
      <Input id={`review-note-${item.id}`} className='field__input' value={note} placeholder='审核意见（不通过时请说明原因）' onInput={(e) => setNote(e.detail.value)} />
      <ErrorNote message={error} />
      <View className='btn-pair'>
        <View id={`review-approve-${item.id}`} className='btn review-approve' onClick={() => review(true)}>
          通过
        </View>
        <View id={`review-reject-${item.id}`} className='btn btn--ghost review-reject' onClick={() => review(false)}>
          不通过
        </View>
      </View>
    </View>
  );
}

export default function ResidencyReviewPage() {
  const current = useSession();
  const [communities, setCommunities] = useState<CommunitySummary[] | null>(null);
  const [communityId, setCommunityId] = useState<number | null>(null);
  const [items, setItems] = useState<ResidencyReviewItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const grants = current?.user.grants ?? null;

  useEffect(() => {
    if (!grants) return;
    Promise.all([api.district(), api.communities()])
      .then(([district, all]) => {
        const mine = reviewableCommunities(grants, district.id, all);
        setCommunities(mine);
        setCommunityId((prev) => prev ?? mine[0]?.id ?? null);
      })
      .catch((err) => setError(errorMessage(err)));
  }, [grants]);

  const loadQueue = useCallback(() => {
    if (communityId === null) return;
    setItems(null);
    setError(null);
    api
      .residencies(communityId, 'pending')
      .then(setItems)
      .catch((err) => setError(errorMessage(err)));
  }, [communityId]);

  useEffect(loadQueue, [loadQueue]);

  if (!current) {
    return (
      <PageRoot id='review-page'>
        <Text className='muted'>请先登录。</Text>
      </PageRoot>
    );
  }

  return (
    <PageRoot id='review-page'>
      <Text className='hero'>居民认证审核</Text>
      <Text className='muted'>核实申请人确实居住在所填房屋；业主的专有部分面积以不动产权证为准。</Text>
      <ErrorNote id='review-error' message={error} />

      {communities && communities.length === 0 && <Text className='muted'>你没有可以审核的社区。</Text>}
      {communities && communities.length > 1 && (
        <View className='choices'>
          {communities.map((community) => (
            <View
              key={community.id}
              className={`choice review-community review-community-${community.id}${community.id === communityId ? ' choice--on' : ''}`}
              onClick={() => setCommunityId(community.id)}
            >
              {community.name}
            </View>
          ))}
        </View>
      )}

      {communityId !== null && (
        <Text className='section-title'>
          {communities?.find((c) => c.id === communityId)?.name ?? ''} · 待审核
          {items ? `（${items.length}）` : ''}
        </Text>
      )}
      {communityId !== null && items === null && !error && <Text className='muted'>加载中…</Text>}
      {items && items.length === 0 && (
        <Text id='review-empty' className='muted'>
          暂无待审核的申请。
        </Text>
      )}
      {items?.map((item) => (
        <ReviewCard key={item.id} item={item} onDone={() => setItems((prev) => prev?.filter((other) => other.id !== item.id) ?? null)} />
      ))}
    </PageRoot>
  );
}
