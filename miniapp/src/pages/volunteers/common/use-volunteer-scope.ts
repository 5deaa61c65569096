import { useEffect, useState } from 'react';
import type { CommunitySummary, MeResponse } from '@linli/shared';
import { api, errorMessage } from '../../../services';
import { volunteerCommunitiesFor, volunteerHomeCommunityId } from './volunteer-communities';

export interface VolunteerScope {
  loaded: boolean;
  communities: CommunitySummary[];
  /** Where this person may publish and run activities. */
  organising: CommunitySummary[];
  /** Where they confirm party members' and organisations' check-ins. */
  reviewing: CommunitySummary[];
  /** Where they read the committee's monthly figures and export everyone's records. */
  reading: CommunitySummary[];
  homeCommunityId: number | null;
  error: string | null;
}

const EMPTY: VolunteerScope = { loaded: false, communities: [], organising: [], reviewing: [], reading: [], homeCommunityId: null, error: null };

/** The person's volunteer work areas, from the org tree and the shared permission matrix. */
export function useVolunteerScope(me: MeResponse | null): VolunteerScope {
  const [scope, setScope] = useState<VolunteerScope>(EMPTY);
  const meKey = me ? `${me.id}:${me.community?.id ?? ''}:${me.grants.map((g) => `${g.role}/${g.scopeId}`).join(',')}` : '';
  useEffect(() => {
    if (!me) {
      setScope({ ...EMPTY, loaded: true });
      return;
    }
    let live = true;
    Promise.all([api.district(), api.communities()])
      .then(([district, communities]) => {
        if (!live) return;
        const organising = volunteerCommunitiesFor(me.grants, 'volunteer.organise', district.id, communities);
        setScope({
          loaded: true,
          communities,
          organising,
          reviewing: volunteerCommunitiesFor(me.grants, 'volunteer.party.review', district.id, communities),
          reading: volunteerCommunitiesFor(me.grants, 'volunteer.community.read', district.id, communities),
          homeCommunityId: volunteerHomeCommunityId(me, organising),
          error: null,
        });
      })
      .catch((err) => live && setScope({ ...EMPTY, loaded: true, error: errorMessage(err) }));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meKey]);
  return scope;
}
