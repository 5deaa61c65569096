import { FeatureLanding } from '../../components/feature-landing';
import type { CapabilityRule } from '../../services/capabilities';

const RULES: CapabilityRule[] = [
  { text: '浏览社区志愿活动' },
  { text: '报名志愿活动，签到并累计服务时长', signedIn: true },
  { text: '到居住地社区报到，认领服务岗位', roles: ['party_member'] },
  { text: '发布活动，登记党员和志愿者服务记录', roles: ['party_branch', 'community_committee'] },
];

export default function VolunteerLanding() {
  return (
    <FeatureLanding
      id='volunteer-page'
      title='志愿'
      summary='党员回社区报到、居民参加志愿服务：清洁家园、关爱长者、文明劝导……每次服务都会记录时长。'
      steps={['浏览社区发布的活动', '报名并按时到场签到', '活动结束后记录服务时长', '党员的服务计入报到记录']}
      rules={RULES}
    />
  );
}
