import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { PartyMemberCheckInView, PartyOrganizationView, VolunteerCheckInReviewInput } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/use-session';
import { errorMessage } from '../../../services';
import { volunteersApi } from '../../../services/volunteers-api';
import { CommunityPicker } from '../common/community-picker';
import { shanghaiDateValue } from '../common/shanghai-time';
import { useVolunteerScope } from '../common/use-volunteer-scope';
import '../common/volunteer.css';

function ReviewButtons({ prefix, onReview }: { prefix: string; onReview: (review: VolunteerCheckInReviewInput) => Promise<void> }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function review(approve: boolean) {
    if (busy) return;
    if (!approve && !note.trim()) {
      setError('不通过时请填写原因');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onReview(note.trim() ? { approve, note: note.trim() } : { approve });
      Taro.showToast({ title: approve ? '已确认' : '已退回', icon: 'none' });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <View>
      <Input id={`${prefix}-note`} className='field__input' value={note} placeholder='审核意见（不通过时必填）' onInput={(e) => setNote(e.detail.value)} />
      <ErrorNote message={error} />
      <View className='btn-pair'>
        <View id={`${prefix}-approve`} className='btn' onClick={() => review(true)}>
          确认报到
        </View>
        <View id={`${prefix}-reject`} className='btn btn--ghost' onClick={() => review(false)}>
          不通过
        </View>
      </View>
    </View>
  );
}

/** 报到审核: the party branch (or committee) confirms party members and party organisations checking in. */
export default function PartyReview() {
  const current = useSession();
  const scope = useVolunteerScope(current?.user ?? null);
  const [communityId, setCommunityId] = useState<number | null>(null);
  const [members, setMembers] = useState<PartyMemberCheckInView[] | null>(null);
  const [organizations, setOrganizations] = useState<PartyOrganizationView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (communityId === null && scope.reviewing.length) setCommunityId(scope.reviewing[0].id);
  }, [scope.reviewing]);

  const load = () => {
    if (communityId === null) return;
    setError(null);
    Promise.all([volunteersApi.communityPartyCheckIns(communityId, 'pending'), volunteersApi.partyOrganizations(communityId, 'pending')])
      .then(([m, o]) => {
        setMembers(m);
        setOrganizations(o);
      })
      .catch((err) => setError(errorMessage(err)));
  };
  useEffect(load, [communityId]);

  return (
    <PageRoot id='party-review-page'>
      <Text className='hero'>报到审核</Text>
      <CommunityPicker communities={scope.reviewing} value={communityId} onChange={setCommunityId} />
      <ErrorNote id='party-review-error' message={error ?? scope.error} />
      {scope.loaded && scope.reviewing.length === 0 && <Text className='muted'>只有社区党支部、居委会可以审核报到。</Text>}

      <Text className='section-title'>党员报到</Text>
      {members && members.length === 0 && (
        <Text id='party-review-empty' className='muted'>
          暂无待确认的党员报到。
        </Text>
      )}
      {members?.map((m) => (
        <View key={m.id} id={`party-review-${m.id}`} className='card party-review-item'>
          <Text className='card__title'>{m.memberName}</Text>
          <Text className='vol-meta'>
            {m.partyOrganizationName} · 提交于 {shanghaiDateValue(m.createdAt)}
          </Text>
          <ReviewButtons
            prefix={`party-review-${m.id}`}
            onReview={async (review) => {
              await volunteersApi.reviewPartyCheckIn(m.id, review);
              load();
            }}
          />
        </View>
      ))}

      <Text className='section-title'>党组织报到</Text>
      {organizations && organizations.length === 0 && <Text className='muted'>暂无待确认的党组织报到。</Text>}
      {organizations?.map((o) => (
        <View key={o.id} id={`party-org-review-${o.id}`} className='card'>
          <Text className='card__title'>{o.name}</Text>
          <Text className='vol-meta'>
            联系人：{o.contactName} {o.contactPhoneMasked}
          </Text>
          {o.resources.length > 0 && <Text className='block'>资源：{o.resources.join('、')}</Text>}
          {o.needs.length > 0 && <Text className='block'>需求：{o.needs.join('、')}</Text>}
          <ReviewButtons
            prefix={`party-org-review-${o.id}`}
            onReview={async (review) => {
              await volunteersApi.reviewPartyOrganization(o.id, review);
              load();
            }}
          />
        </View>
      ))}
    </PageRoot>
  );
}
