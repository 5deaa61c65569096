import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { VolunteerActivityView } from '@linli/shared';
import { ErrorNote } from '../../components/error-note';
import { FeatureLanding } from '../../components/feature-landing';
import { PageRoot } from '../../components/page-root';
import { useSession } from '../../hooks/use-session';
import { errorMessage } from '../../services';
import type { CapabilityRule } from '../../services/capabilities';
import { volunteersApi } from '../../services/volunteers-api';
import { VolunteerActivityCard } from '../volunteers/common/activity-card';
import { useVolunteerScope } from '../volunteers/common/use-volunteer-scope';
import '../volunteers/common/volunteer.css';

const RULES: CapabilityRule[] = [
  { text: '浏览社区志愿活动', signedIn: true },
  { text: '报名志愿活动，签到并累计服务时长', signedIn: true },
  { text: '到居住地社区报到，认领服务岗位', signedIn: true },
  { text: '发布活动，登记党员和志愿者服务记录', roles: ['party_branch', 'community_committee'] },
];

function Entry({ id, title, note, url }: { id: string; title: string; note: string; url: string }) {
  return (
    <View id={id} className='vol-entry' onClick={() => Taro.navigateTo({ url })}>
      <Text className='vol-entry__title'>{title}</Text>
      <Text className='vol-meta'>{note}</Text>
    </View>
  );
}

/** 志愿 tab: the community's activities and the way into every volunteer page this person may use. */
export default function VolunteerHome() {
  const current = useSession();
  const scope = useVolunteerScope(current?.user ?? null);
  const [activities, setActivities] = useState<VolunteerActivityView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());

  const communityId = scope.homeCommunityId;
  const load = () => {
    if (!current || communityId === null) return;
    setError(null);
    setNow(new Date());
    volunteersApi
      .activities(communityId)
      .then(setActivities)
      .catch((err) => setError(errorMessage(err)));
  };
  useDidShow(load);
  // The scope arrives after the first show; load as soon as the community is known.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [communityId]);

  if (!current) {
    return (
      <View>
        <FeatureLanding
          id='volunteer-page'
          title='志愿'
          summary='党员回社区报到、居民参加志愿服务：清洁家园、关爱长者、文明劝导……每次服务都会记录时长。'
          steps={['浏览社区发布的活动', '报名并按时到场扫码签到', '活动结束扫码签退，记录服务时长', '服务时长计入积分，可导出服务证明']}
          rules={RULES}
        />
      </View>
    );
  }

  const community = scope.communities.find((c) => c.id === communityId);
  return (
    <PageRoot id='volunteer-page'>
      <Text className='hero'>志愿服务</Text>
      <Text className='muted'>{community ? `${community.streetName} · ${community.name}` : '党员报到 · 志愿服务 · 积分'}</Text>
      <View className='spacer' />

      <View className='vol-entries'>
        <Entry id='volunteer-entry-scan' title='扫码签到' note='活动现场签到、签退' url='/pages/volunteers/scan/index' />
        <Entry id='volunteer-entry-party' title='党员报到' note='到居住地社区报到' url='/pages/volunteers/party-check-in/index' />
        <Entry id='volunteer-entry-records' title='服务记录' note='时长统计、导出证明' url='/pages/volunteers/records/index' />
        <Entry id='volunteer-entry-points' title='我的积分' note='积分明细与排行' url='/pages/volunteers/points/index' />
        {scope.organising.length > 0 && <Entry id='volunteer-entry-manage' title='活动管理' note='发布活动、确认时长' url='/pages/volunteers/manage/index' />}
        {scope.reviewing.length > 0 && <Entry id='volunteer-entry-party-review' title='报到审核' note='确认党员和党组织报到' url='/pages/volunteers/party-review/index' />}
      </View>

      <ErrorNote id='volunteer-error' message={error ?? scope.error} />
      <Text className='section-title'>社区志愿活动</Text>
      {communityId === null && scope.loaded && (
        <View id='volunteer-no-community' className='card'>
          <Text className='muted'>完成实名认证、绑定房屋后，即可看到所在社区的志愿活动。</Text>
          <View className='btn btn--ghost' onClick={() => Taro.navigateTo({ url: '/pages/me/residency/index' })}>
            去认证
          </View>
        </View>
      )}
      {activities && activities.length === 0 && (
        <View id='volunteer-activities-empty' className='card'>
          <Text className='muted'>近期暂无志愿活动，敬请关注。</Text>
        </View>
      )}
      {activities?.map((activity) => (
        <VolunteerActivityCard key={activity.id} activity={activity} now={now} />
      ))}
    </PageRoot>
  );
}
