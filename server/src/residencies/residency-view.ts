import type { ResidencySummary } from '@linli/shared';
import type { Residency } from './residency.entity';

/** The API view of a residency; the household (with its community) must have been loaded with it. */
export function toResidencySummary(residency: Residency): ResidencySummary {
  const household = residency.household!;
  return {
    id: residency.id,
    household: {
      id: household.id,
      communityId: household.communityId,
      communityName: household.community?.name ?? '',
      building: household.building,
      unit: household.unit,
      room: household.room,
    },
    relation: residency.relation,
    exclusiveArea: residency.exclusiveArea,
    status: residency.status,
    reviewNote: residency.reviewNote,
  };
}
