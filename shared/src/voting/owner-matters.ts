import { VoteThreshold } from './ratio';

/**
 * The matters owners decide jointly under Civil Code Art. 278 (业主共同决定事项), one per item of its
 * first paragraph. Items 6–8 change what owners pay for or own, so they need the special majority.
 */
export type OwnerMatter =
  | 'rules_of_procedure'
  | 'management_statute'
  | 'elect_committee'
  | 'hire_or_dismiss_manager'
  | 'use_maintenance_fund'
  | 'raise_maintenance_fund'
  | 'rebuild_or_reconstruct'
  | 'change_common_use_or_business'
  | 'other_major';

/** `special`: ≥ 3/4 of participating area and owners (items 6–8); `ordinary`: more than half (the rest). */
export type OwnerAgreementRule = 'special' | 'ordinary';

export interface OwnerMatterRule {
  /** Item number in Art. 278 para. 1. */
  item: number;
  label: string;
  agreement: OwnerAgreementRule;
}

export const OWNER_MATTERS: Record<OwnerMatter, OwnerMatterRule> = {
  rules_of_procedure: { item: 1, label: '制定和修改业主大会议事规则', agreement: 'ordinary' },
  management_statute: { item: 2, label: '制定和修改管理规约', agreement: 'ordinary' },
  elect_committee: { item: 3, label: '选举业主委员会或者更换业主委员会成员', agreement: 'ordinary' },
  hire_or_dismiss_manager: { item: 4, label: '选聘和解聘物业服务企业或者其他管理人', agreement: 'ordinary' },
  use_maintenance_fund: { item: 5, label: '使用建筑物及其附属设施的维修资金', agreement: 'ordinary' },
  raise_maintenance_fund: { item: 6, label: '筹集建筑物及其附属设施的维修资金', agreement: 'special' },
  rebuild_or_reconstruct: { item: 7, label: '改建、重建建筑物及其附属设施', agreement: 'special' },
  change_common_use_or_business: {
    item: 8,
    label: '改变共有部分的用途或者利用共有部分从事经营活动',
    agreement: 'special',
  },
  other_major: { item: 9, label: '有关共有和共同管理权利的其他重大事项', agreement: 'ordinary' },
};

export const OWNER_MATTER_KEYS = Object.keys(OWNER_MATTERS) as OwnerMatter[];

/** Art. 278 para. 2: owners with ≥ 2/3 of the area and ≥ 2/3 of the headcount must take part ("以上" includes the bound). */
export const OWNER_PARTICIPATION_THRESHOLD: VoteThreshold = {
  ratio: { numerator: 2, denominator: 3 },
  comparison: 'at_least',
};

export const OWNER_AGREEMENT_THRESHOLDS: Record<OwnerAgreementRule, VoteThreshold> = {
  special: { ratio: { numerator: 3, denominator: 4 }, comparison: 'at_least' },
  // "过半数" is strictly more than half: exactly half does not carry the matter.
  ordinary: { ratio: { numerator: 1, denominator: 2 }, comparison: 'more_than' },
};

export function isOwnerMatter(value: unknown): value is OwnerMatter {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(OWNER_MATTERS, value);
}
