import type { SeedCategory, SeedDepartment } from '../demo-district-data';

/** The district's functional departments that cases are forwarded to (越秀区 and the utilities serving it). */
export const DEMO_DEPARTMENTS: SeedDepartment[] = [
  { code: 'chengguan', name: '越秀区城市管理和综合执法局', phone: '020-83000101' },
  { code: 'zhujian', name: '越秀区住房和建设局', phone: '020-83000102' },
  { code: 'jiaojing', name: '越秀交警大队', phone: '020-83000103' },
  { code: 'shizheng', name: '越秀区市政园林管理中心', phone: '020-83000104' },
  { code: 'gongdian', name: '广州供电局越秀供电局', phone: '95598' },
  { code: 'zilaishui', name: '广州市自来水公司越秀营业所', phone: '96968' },
  { code: 'shengtai', name: '广州市生态环境局越秀分局', phone: '020-83000107' },
  { code: 'weijian', name: '越秀区卫生健康局', phone: '020-83000108' },
  { code: 'gongan', name: '广州市公安局越秀区分局', phone: '020-83000109' },
  { code: 'xiaofang', name: '越秀区消防救援大队', phone: '020-83000110' },
  { code: 'wuye', name: '越秀区住建局物业管理科', phone: '020-83000111' },
  { code: 'shijian', name: '越秀区市场监督管理局', phone: '12345' },
  { code: 'zhifadui', name: '街道综合执法队', phone: '020-83000113' },
  { code: 'shuiwu', name: '越秀区水务局', phone: '020-83000114' },
  { code: 'ranqi', name: '广州燃气集团越秀服务中心', phone: '96833' },
  { code: 'wenti', name: '越秀区文化广电旅游体育局', phone: null },
];

type Row = [code: string, name: string, department: string, responseHours: number, resolveHours: number, keywords: string[]];

/** What residents report, grouped as the picker shows it, with default department and deadlines (hours). */
const GROUPS: Array<[group: string, rows: Row[]]> = [
  [
    '市容环境',
    [
      ['street-vending', '占道经营', 'chengguan', 2, 24, ['摆摊', '占道', '小贩', '流动摊贩', '乱摆卖', '走鬼']],
      ['illegal-posting', '乱张贴乱涂画', 'chengguan', 4, 48, ['小广告', '乱贴', '牛皮癣', '张贴', '涂鸦']],
      ['signboard', '户外招牌广告隐患', 'chengguan', 2, 48, ['招牌', '广告牌', '灯箱', '松动', '脱落']],
      ['shop-overflow', '店外经营', 'chengguan', 4, 48, ['店外', '出店经营', '占用人行道', '门口摆放', '货物']],
    ],
  ],
  [
    '道路交通',
    [
      ['illegal-parking', '违章停车', 'jiaojing', 1, 4, ['乱停车', '违停', '占道停车', '堵车位', '挡路', '停车']],
      ['traffic-light', '交通信号灯故障', 'jiaojing', 1, 8, ['红绿灯', '信号灯', '不亮', '故障', '黄闪']],
      ['road-damage', '道路破损', 'shizheng', 4, 72, ['路面', '坑洼', '破损', '塌陷', '坑', '路烂']],
      ['manhole', '井盖缺失破损', 'shizheng', 1, 12, ['井盖', '缺失', '松动', '井口', '破损', '下陷']],
      ['shared-bikes', '共享单车乱停放', 'chengguan', 4, 24, ['共享单车', '单车', '乱停', '堆放', '占道', '电单车']],
    ],
  ],
  [
    '公共设施',
    [
      ['street-light', '路灯不亮', 'shizheng', 4, 48, ['路灯', '不亮', '灯坏', '黑灯', '闪烁', '路灯坏']],
      ['water-outage', '停水及供水问题', 'zilaishui', 1, 12, ['停水', '没水', '水压低', '爆管', '水黄', '自来水']],
      ['power-outage', '停电及供电问题', 'gongdian', 1, 8, ['停电', '没电', '跳闸', '电线', '电箱', '断电']],
      ['sewer-blocked', '下水道堵塞', 'shuiwu', 2, 24, ['下水道', '堵塞', '污水', '反水', '渠', '水浸']],
      ['fitness-equipment', '健身器材损坏', 'wenti', 8, 120, ['健身器材', '损坏', '器械', '单杠', '生锈']],
      ['elevator', '电梯故障', 'shijian', 1, 24, ['电梯', '困人', '故障', '停运', '异响', '升降机']],
    ],
  ],
  [
    '园林绿化',
    [
      ['fallen-tree', '树木倒伏断枝', 'shizheng', 1, 12, ['树', '倒伏', '断枝', '树枝', '台风', '倒树']],
      ['tree-pruning', '树木需修剪', 'shizheng', 8, 168, ['修剪', '树枝', '遮挡', '挡光', '太密']],
      ['greenbelt-damage', '绿地毁坏', 'shizheng', 8, 120, ['绿化带', '草地', '践踏', '毁绿', '花坛', '绿地']],
      ['tree-pests', '树木病虫害', 'shizheng', 8, 168, ['虫', '白蚁', '病虫害', '枯死', '落叶']],
    ],
  ],
  [
    '物业管理',
    [
      ['estate-cleaning', '小区卫生差', 'wuye', 4, 48, ['物业', '楼道', '卫生', '清洁', '没人扫', '脏']],
      ['estate-service', '物业服务纠纷', 'wuye', 8, 168, ['物业费', '物业', '服务差', '不作为', '收费', '管理处']],
      ['building-leak', '房屋渗漏开裂', 'zhujian', 8, 168, ['漏水', '渗水', '墙裂', '危房', '裂缝', '外墙脱落']],
    ],
  ],
  [
    '噪音扰民',
    [
      ['construction-noise', '施工噪音', 'shengtai', 2, 24, ['施工', '噪音', '噪声', '夜间施工', '打桩', '电钻', '工地', '太吵']],
      ['living-noise', '社会生活噪音', 'gongan', 1, 12, ['广场舞', '音响', '吵闹', '噪音', '噪声', '喧哗', '唱歌', '扰民', '太吵', '装修']],
      ['shop-noise', '商铺喇叭叫卖', 'chengguan', 2, 24, ['喇叭', '叫卖', '商铺', '音乐', '扰民', '大声']],
    ],
  ],
  [
    '违章搭建',
    [
      ['illegal-building', '违法建设', 'chengguan', 8, 168, ['违建', '加建', '搭建', '违法建设', '铁皮房']],
      ['rooftop-building', '天台违建', 'zhifadui', 8, 168, ['天台', '楼顶', '加盖', '违建', '搭棚']],
      ['space-occupation', '私占公共空间', 'zhifadui', 8, 72, ['圈地', '占用', '围蔽', '公共空间', '私占', '地锁']],
    ],
  ],
  [
    '治安消防',
    [
      ['fire-lane', '消防通道堵塞', 'xiaofang', 1, 12, ['消防通道', '堵塞', '占用', '杂物', '楼道堆物']],
      ['fire-equipment', '消防设施损坏', 'xiaofang', 4, 72, ['消防栓', '灭火器', '烟感', '损坏', '过期']],
      ['ebike-charging', '电动车违规充电', 'xiaofang', 2, 24, ['电动车', '充电', '飞线', '楼道充电', '电瓶']],
      ['public-security', '治安隐患', 'gongan', 1, 24, ['小偷', '盗窃', '可疑人员', '打架', '治安', '监控']],
    ],
  ],
  [
    '环境卫生',
    [
      ['garbage-pickup', '垃圾未及时清运', 'chengguan', 2, 12, ['垃圾', '满溢', '未清运', '臭', '垃圾桶', '没人收']],
      ['garbage-sorting', '垃圾分类投放', 'chengguan', 8, 72, ['分类', '混投', '垃圾桶', '投放', '乱扔']],
      ['pests', '蚊虫鼠患', 'weijian', 8, 72, ['蚊子', '老鼠', '蟑螂', '积水', '卫生死角', '登革热']],
      ['cooking-fumes', '油烟废气', 'shengtai', 4, 72, ['油烟', '烟味', '排气', '臭味', '废气']],
    ],
  ],
  [
    '其他',
    [
      ['food-safety', '食品安全', 'shijian', 4, 72, ['过期', '变质', '无证经营', '食品', '不卫生']],
      ['gas', '燃气隐患', 'ranqi', 1, 4, ['燃气', '煤气', '漏气', '气味', '管道气']],
      ['other', '其他问题', 'zhifadui', 8, 168, ['其他', '建议', '咨询', '反映', '意见']],
    ],
  ],
];

export const DEMO_CATEGORIES: SeedCategory[] = GROUPS.flatMap(([group, rows]) =>
  rows.map(([code, name, departmentCode, responseHours, resolveHours, keywords]) => ({
    code,
    name,
    group,
    departmentCode,
    responseHours,
    resolveHours,
    keywords,
  })),
);
