import { FeatureLanding } from '../../components/feature-landing';
import type { CapabilityRule } from '../../services/capabilities';

const RULES: CapabilityRule[] = [
  { text: '查看附近问题的处理进度' },
  { text: '拍照上报身边的问题，跟踪办理并评价', signedIn: true },
  { text: '接收本网格的上报，现场核实处置', roles: ['grid_worker'] },
  { text: '办理转派到本部门的工单', roles: ['department_staff'] },
  { text: '督办全区超时工单', roles: ['district_admin'] },
];

export default function ReportLanding() {
  return (
    <FeatureLanding
      id='report-page'
      title='随手拍'
      summary='看到占道经营、垃圾堆放、井盖破损、路灯不亮等问题，拍张照片就能上报，系统按位置派给所在网格的网格员。'
      steps={['拍照并简单描述问题', '自动定位，派给所在网格的网格员', '网格员或职能部门办理并回复', '办结后你来评价是否满意']}
      rules={RULES}
    />
  );
}
