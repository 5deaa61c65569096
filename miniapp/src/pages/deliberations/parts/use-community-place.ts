import { useEffect, useState } from 'react';
import type { CommunitySummary } from '@linli/shared';
import { api, errorMessage } from '../../../services';
import type { DeliberationPlace } from '../deliberation-access';

interface Directory {
  districtId: number;
  communities: CommunitySummary[];
}

let cached: Promise<Directory> | null = null;

/** The district's communities, loaded once per app run (they change rarely and every page needs them). */
export function loadCommunityDirectory(): Promise<Directory> {
  if (!cached) {
    cached = Promise.all([api.district(), api.communities()]).then(([district, communities]) => ({ districtId: district.id, communities }));
    cached.catch(() => (cached = null));
  }
  return cached;
}

export function placeOf(directory: Directory, communityId: number): DeliberationPlace | null {
  const community = directory.communities.find((c) => c.id === communityId);
  return community ? { districtId: directory.districtId, streetId: community.streetId, communityId } : null;
}

/** The communities and, once known, where `communityId` sits — what the permission matrix needs. */
export function useCommunityDirectory(): { directory: Directory | null; error: string | null } {
  const [directory, setDirectory] = useState<Directory | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadCommunityDirectory()
      .then(setDirectory)
      .catch((err) => setError(errorMessage(err)));
  }, []);
  return { directory, error };
}
