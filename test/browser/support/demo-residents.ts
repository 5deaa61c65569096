import type { LiveServer } from './live-server';

export interface OfferedResident {
  id: number;
  name: string;
  owner: boolean;
}

/** The id of a demo community by its code (e.g. 440104001001, the one committee-c01 and branch-c01 serve). */
export async function communityIdByCode(server: LiveServer, code: string): Promise<number> {
  const communities = (await server.request.get('/api/org/communities')).body as Array<{ id: number; code: string }>;
  const community = communities.find((c) => c.code === code);
  if (!community) throw new Error(`no demo community with code ${code}`);
  return community.id;
}

/** Residents the sign-in picker offers who are verified in the community, so they may propose and vote there. */
export async function offeredResidentsOf(server: LiveServer, communityId: number): Promise<OfferedResident[]> {
  const offered = (await server.request.get('/api/auth/dev-users')).body as Array<{ id: number; role: string }>;
  const residents: OfferedResident[] = [];
  for (const user of offered.filter((u) => u.role === 'resident')) {
    const me = (await server.request.get('/api/me').set('Authorization', `Bearer ${await server.tokenFor(user.id)}`)).body;
    const here = (me.residencies as Array<{ status: string; relation: string; household: { communityId: number } }>).filter(
      (r) => r.status === 'verified' && r.household.communityId === communityId,
    );
    if (here.length) residents.push({ id: user.id, name: me.name, owner: here.some((r) => r.relation === 'owner') });
  }
  return residents;
}
