import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { VOLUNTEER_CHECK_IN_REVIEW_LABELS, type PartyMemberCheckInView, type PartyOrganizationView } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/use-session';
import { errorMessage } from '../../../services';
import { volunteersApi } from '../../../services/volunteers-api';
import { useVolunteerScope } from '../common/use-volunteer-scope';
import { shanghaiDateValue } from '../common/shanghai-time';
import { partyCheckInBlocked, toPartyMemberCheckIn, toPartyOrganizationInput, type PartyOrganizationFormState } from './party-forms';
import '../common/volunteer.css';
import { SignInRequired } from '../../../components/sign-in-required';

const STATUS_CLASS = { pending: 'status status--pending', confirmed: 'status status--verified', rejected: 'status status--rejected' } as const;
const EMPTY_ORG: PartyOrganizationFormState = { name: '', contactName: '', contactPhone: '', resources: '', needs: '' };

/** 在职党组织报到: an organisation lists what it can offer and what it needs; the branch confirms. */
function OrganizationForm({ communityId }: { communityId: number }) {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<PartyOrganizationFormState>(EMPTY_ORG);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<PartyOrganizationView | null>(null);
  const update = (patch: Partial<PartyOrganizationFormState>) => setForm((f) => ({ ...f, ...patch }));

  async function submit() {
    const { input, error: invalid } = toPartyOrganizationInput(form);
    setError(invalid ?? null);
    if (!input) return;
    try {
      setDone(await volunteersApi.registerPartyOrganization(communityId, input));
      setForm(EMPTY_ORG);
      setOpen(false);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <View id='party-organization' className='card'>
      <Text className='card__title'>党组织报到</Text>
      <Text className='muted'>在职党组织到社区报到，登记可提供的资源和社区需求，由社区党支部确认。</Text>
      {done && (
        <Text id='party-organization-done' className='block'>
          {done.name}：{VOLUNTEER_CHECK_IN_REVIEW_LABELS[done.status]}
        </Text>
      )}
      {!open ? (
        <View id='party-organization-open' className='btn btn--ghost btn--small' onClick={() => setOpen(true)}>
          登记党组织
        </View>
      ) : (
        <View>
          {(
            [
              ['name', '党组织名称', '如：某某单位第一党支部'],
              ['contactName', '联系人', ''],
              ['contactPhone', '联系电话', ''],
            ] as const
          ).map(([key, label, placeholder]) => (
            <View key={key} className='field'>
              <Text className='field__label'>{label}</Text>
              <Input id={`party-organization-${key}`} className='field__input' value={form[key]} placeholder={placeholder} onInput={(e) => update({ [key]: e.detail.value })} />
            </View>
          ))}
          <View className='field'>
            <Text className='field__label'>资源清单（每行一项）</Text>
            <Textarea id='party-organization-resources' className='vol-textarea' value={form.resources} placeholder='如：法律咨询、周末志愿者、活动场地' onInput={(e) => update({ resources: e.detail.value })} />
          </View>
          <View className='field'>
            <Text className='field__label'>需求清单（每行一项）</Text>
            <Textarea id='party-organization-needs' className='vol-textarea' value={form.needs} placeholder='可认领的社区需求，或本组织的需求' onInput={(e) => update({ needs: e.detail.value })} />
          </View>
          <ErrorNote message={error} />
          <View id='party-organization-submit' className='btn' onClick={submit}>
            提交党组织报到
          </View>
        </View>
      )}
    </View>
  );
}

/** 党员报到: a party member reports to the community where they live; the community's party branch confirms. */
export default function PartyCheckIn() {
  const current = useSession();
  const scope = useVolunteerScope(current?.user ?? null);
  const [mine, setMine] = useState<PartyMemberCheckInView[] | null>(null);
  const [communityId, setCommunityId] = useState<number | null>(null);
  const [organizations, setOrganizations] = useState<PartyOrganizationView[]>([]);
  const [organizationId, setOrganizationId] = useState<number | null>(null);
  const [organizationName, setOrganizationName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = () => {
    if (!current) return;
    volunteersApi.myPartyCheckIns().then(setMine).catch((err) => setError(errorMessage(err)));
  };
  useDidShow(load);

  useEffect(() => {
    if (communityId === null && current?.user.community) setCommunityId(current.user.community.id);
  }, [current?.user.community?.id]);

  useEffect(() => {
    setOrganizationId(null);
    if (communityId === null) return;
    volunteersApi
      .partyOrganizations(communityId, 'confirmed')
      .then(setOrganizations)
      .catch(() => setOrganizations([]));
  }, [communityId]);

  async function submit() {
    if (busy) return;
    const { input, error: invalid } = toPartyMemberCheckIn(communityId, organizationName, organizationId);
    setError(invalid ?? null);
    if (!input) return;
    setBusy(true);
    try {
      await volunteersApi.partyCheckIn(input);
      Taro.showToast({ title: '已提交，等待社区党支部确认', icon: 'none' });
      setOrganizationName('');
      load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (!current) {
    return <SignInRequired pageId='party-check-in-page' title='党员报到' reason='请先登录再报到。' />;
  }

  const blocked = mine ? partyCheckInBlocked(mine, communityId) : null;
  const community = scope.communities.find((c) => c.id === communityId);
  return (
    <PageRoot id='party-check-in-page'>
      <Text className='hero'>党员到社区报到</Text>
      <Text className='muted'>在职党员到居住地社区报到，参加社区志愿服务，服务时长计入报到记录。</Text>

      {mine && mine.length > 0 && (
        <View id='party-check-in-mine' className='card'>
          <Text className='card__title'>我的报到</Text>
          {mine.map((c) => (
            <View key={c.id} id={`party-check-in-${c.id}`} className='vol-line party-check-in-item'>
              <View>
                <Text className='block'>{c.communityName}</Text>
                <Text className='vol-meta'>
                  {c.partyOrganizationName} · {shanghaiDateValue(c.createdAt)}
                  {c.reviewNote ? ` · ${c.reviewNote}` : ''}
                </Text>
              </View>
              <Text className={`${STATUS_CLASS[c.status]} party-check-in-status-${c.status}`}>{VOLUNTEER_CHECK_IN_REVIEW_LABELS[c.status]}</Text>
            </View>
          ))}
        </View>
      )}

      <View className='card'>
        <Text className='card__title'>报到社区</Text>
        <View className='choices'>
          {scope.communities
            .filter((c) => c.id === current.user.community?.id || c.id === communityId || !current.user.community)
            .slice(0, 30)
            .map((c) => (
              <View key={c.id} className={`choice party-community-${c.id}${c.id === communityId ? ' choice--on' : ''}`} onClick={() => setCommunityId(c.id)}>
                {c.name}
              </View>
            ))}
        </View>
        {community && <Text className='vol-meta'>{community.streetName}</Text>}

        {blocked && communityId !== null ? (
          <Text id='party-check-in-blocked' className='muted'>
            {blocked}
          </Text>
        ) : (
          <View>
            {organizations.length > 0 && (
              <View className='field'>
                <Text className='field__label'>所在党组织已在本社区报到？</Text>
                <View className='choices'>
                  {organizations.map((o) => (
                    <View
                      key={o.id}
                      className={`choice party-organization-option-${o.id}${o.id === organizationId ? ' choice--on' : ''}`}
                      onClick={() => {
                        setOrganizationId(o.id === organizationId ? null : o.id);
                        setOrganizationName(o.name);
                      }}
                    >
                      {o.name}
                    </View>
                  ))}
                </View>
              </View>
            )}
            <View className='field'>
              <Text className='field__label'>所在党组织</Text>
              <Input id='party-check-in-organization' className='field__input' value={organizationName} placeholder='如：市税务局第一党支部' onInput={(e) => setOrganizationName(e.detail.value)} />
            </View>
            <ErrorNote id='party-check-in-error' message={error} />
            <View id='party-check-in-submit' className={busy ? 'btn btn--disabled' : 'btn'} onClick={submit}>
              {busy ? '提交中…' : '提交报到'}
            </View>
          </View>
        )}
      </View>

      {communityId !== null && <OrganizationForm communityId={communityId} />}
    </PageRoot>
  );
}
