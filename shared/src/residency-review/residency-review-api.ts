import type { ResidencySummary } from '../api/auth';

/** GET /api/communities/:communityId/residencies?status= — one application as the committee reviews it. */
export interface ResidencyReviewItem extends ResidencySummary {
  applicant: {
    id: number;
    name: string;
    realName: string | null;
    /** Masked for display, e.g. 138****0001. */
    phoneMasked: string | null;
  };
  /** ISO 8601. */
  createdAt: string;
  reviewedAt: string | null;
}
