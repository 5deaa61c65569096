import { Role, RoleGrant } from '../auth/roles';

/** POST /api/auth/wechat */
export interface WechatLoginRequest {
  code: string;
}

/** POST /api/auth/dev — development sign-in as a demo user (only when enabled). */
export interface DevLoginRequest {
  userId: number;
}

export interface LoginResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: MeResponse;
}

/** GET /api/auth/dev-users — demo users grouped for the dev sign-in picker. */
export interface DevUserOption {
  id: number;
  name: string;
  role: Role;
  scopeLabel: string | null;
}

export type ResidencyRelation = 'owner' | 'tenant' | 'family';
export type ResidencyStatus = 'pending' | 'verified' | 'rejected';

export interface HouseholdSummary {
  id: number;
  communityId: number;
  communityName: string;
  building: string;
  unit: string;
  room: string;
}

export interface ResidencySummary {
  id: number;
  household: HouseholdSummary;
  relation: ResidencyRelation;
  /** Exclusive floor area in m², owners only. */
  exclusiveArea: number | null;
  status: ResidencyStatus;
  reviewNote: string | null;
}

export interface GrantSummary extends RoleGrant {
  /** Human label of the scope, e.g. "洪桥街道 · 小北社区 · 第3网格". */
  scopeLabel: string | null;
}

/** GET /api/me */
export interface MeResponse {
  id: number;
  name: string;
  /** Phone number masked for display, e.g. 138****0001. */
  phoneMasked: string | null;
  grants: GrantSummary[];
  residencies: ResidencySummary[];
  /** The community the person lives in (first verified residency), if any. */
  community: { id: number; name: string; streetName: string } | null;
}

/** POST /api/me/residencies — a resident asks to be bound to a household; the committee verifies it. */
export interface ResidencyApplication {
  communityId: number;
  building: string;
  unit: string;
  room: string;
  relation: ResidencyRelation;
  exclusiveArea?: number;
  realName: string;
}

/** POST /api/residencies/:id/review */
export interface ResidencyReview {
  approve: boolean;
  note?: string;
}
