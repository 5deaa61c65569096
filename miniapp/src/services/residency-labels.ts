import type { ResidencyRelation, ResidencyStatus } from '@linli/shared';

export const RESIDENCY_STATUS_LABELS: Record<ResidencyStatus, string> = {
  pending: '待审核',
  verified: '已认证',
  rejected: '未通过',
};

export const RESIDENCY_RELATION_LABELS: Record<ResidencyRelation, string> = {
  owner: '业主',
  tenant: '租户',
  family: '家属',
};

export const RESIDENCY_RELATIONS = Object.keys(RESIDENCY_RELATION_LABELS) as ResidencyRelation[];
