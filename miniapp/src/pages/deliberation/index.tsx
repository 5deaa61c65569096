import { FeatureLanding } from '../../components/feature-landing';
import type { CapabilityRule } from '../../services/capabilities';

const RULES: CapabilityRule[] = [
  { text: '浏览本社区的议题、讨论和公示结果' },
  { text: '提出议题、参与讨论', verifiedHousehold: true },
  { text: '参与投票表决（业主按专有部分面积计票）', verifiedHousehold: true },
  { text: '审核议题、发起投票、公示结果', roles: ['community_committee'] },
  { text: '组织党员和居民协商', roles: ['party_branch'] },
];

export default function DeliberationLanding() {
  return (
    <FeatureLanding
      id='deliberation-page'
      title='议事'
      summary='小区里的公共事务大家商量着办：加装电梯、停车管理、维修资金使用……居民提出议题，居委会审核后公开讨论、投票表决、公示结果。'
      steps={['居民提出议题', '居委会审核并公开讨论', '已认证居民投票表决', '结果公示，跟进落实']}
      rules={RULES}
    />
  );
}
