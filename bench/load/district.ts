import { createConnection } from 'mysql2/promise';
import { phoneAddress, type HttpClient, type Result } from './http-client';

export interface Point {
  lng: number;
  lat: number;
}

export interface Person {
  id: number;
  seedKey: string;
  token: string;
  /** Community where the person is a verified resident (may vote and comment there), if any. */
  communityId: number | null;
}

export interface Worker {
  id: number;
  seedKey: string;
  token: string;
  /** Rooms the inbox page listens to, as miniapp/src/pages/cases/inbox/inbox-rooms.ts builds them. */
  rooms: string[];
}

export interface Forum {
  communityId: number;
  deliberationId: number;
  pollId: number;
  options: string[];
}

/** The seeded demo district as the crowd sees it: who signs in, where reports are made, and the open votes. */
export interface District {
  residents: Person[];
  workers: Worker[];
  /** Points inside each seeded grid, for reports the grid lookup places. */
  points: Point[];
  forums: Map<number, Forum>;
}

const SETUP_DEADLINE_MS = 120_000;

const expectOk = (what: string, r: Result): any => {
  if (r.kind !== 'answer' || r.status < 200 || r.status >= 300) {
    throw new Error(`${what}: ${r.kind === 'answer' ? `${r.status} ${JSON.stringify(r.body)}` : r.kind}`);
  }
  return r.body;
};

function inside(p: Point, ring: number[][]): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p.lat !== yj > p.lat && p.lng < ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** A few random points well inside each grid polygon (sampled in its bounding box, kept when inside). */
function pointsOf(polygon: string, count: number): Point[] {
  const ring = (JSON.parse(polygon) as { coordinates: number[][][] }).coordinates[0];
  const lngs = ring.map((c) => c[0]);
  const lats = ring.map((c) => c[1]);
  const [minLng, maxLng, minLat, maxLat] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  const points: Point[] = [];
  for (let tries = 0; points.length < count && tries < 1000; tries++) {
    const p = { lng: minLng + Math.random() * (maxLng - minLng), lat: minLat + Math.random() * (maxLat - minLat) };
    // Keep a margin from the edge so a rounding step never moves a point into the neighbouring grid.
    const margin = 0.00005;
    const probes = [p, { lng: p.lng + margin, lat: p.lat }, { lng: p.lng - margin, lat: p.lat }, { lng: p.lng, lat: p.lat + margin }, { lng: p.lng, lat: p.lat - margin }];
    if (probes.every((q) => inside(q, ring))) points.push({ lng: Number(p.lng.toFixed(7)), lat: Number(p.lat.toFixed(7)) });
  }
  return points;
}

/**
 * Reads the seeded people and grids straight from the database (seed keys, grants, verified residencies), signs
 * everyone in through POST /api/auth/dev, and opens one community-wide vote with a deliberation in every community
 * the way a committee would: a resident proposes, the party branch approves, the committee opens the deliberation
 * and the poll.
 */
export async function prepareDistrict(http: HttpClient, sqlUri: string): Promise<District> {
  const conn = await createConnection({ uri: sqlUri });
  let users: Array<{ id: number; seed_key: string }>;
  let grants: Array<{ user_id: number; role: string; scope_kind: string; scope_id: number }>;
  let verified: Array<{ user_id: number; community_id: number }>;
  let grids: Array<{ polygon: string }>;
  try {
    [users] = (await conn.query('SELECT id, seed_key FROM users WHERE seed_key IS NOT NULL ORDER BY id')) as any;
    [grants] = (await conn.query('SELECT user_id, role, scope_kind, scope_id FROM role_grants')) as any;
    [verified] = (await conn.query(
      "SELECT r.user_id, h.community_id FROM residencies r JOIN households h ON h.id = r.household_id WHERE r.status = 'verified'",
    )) as any;
    [grids] = (await conn.query('SELECT polygon FROM grids ORDER BY id')) as any;
  } finally {
    await conn.end();
  }

  const tokens = new Map<number, string>();
  // Everyone signs in from a phone of their own (distinct addresses: the sign-in limit counts per address).
  const signIn = async (userId: number, n: number) => {
    const body = expectOk(`sign in ${userId}`, await http.call({ route: 'setup', method: 'POST', path: '/auth/dev', json: { userId }, from: phoneAddress(50_000 + n), deadlineMs: SETUP_DEADLINE_MS }));
    tokens.set(userId, body.accessToken as string);
  };
  for (let i = 0; i < users.length; i += 20) await Promise.all(users.slice(i, i + 20).map((u, j) => signIn(u.id, i + j)));

  const homeOf = new Map<number, number>();
  for (const v of verified) if (!homeOf.has(v.user_id)) homeOf.set(v.user_id, v.community_id);
  const grantsOf = (userId: number) => grants.filter((g) => g.user_id === userId);

  const residents: Person[] = users
    .filter((u) => /^(resident|party)-/.test(u.seed_key))
    .map((u) => ({ id: u.id, seedKey: u.seed_key, token: tokens.get(u.id)!, communityId: homeOf.get(u.id) ?? null }));
  const workers: Worker[] = users
    .filter((u) => grantsOf(u.id).some((g) => g.role === 'grid_worker'))
    .map((u) => {
      const rooms = [`inbox:user:${u.id}`];
      for (const g of grantsOf(u.id)) {
        if (g.role === 'grid_worker' && g.scope_kind === 'community') rooms.push(`inbox:community:${g.scope_id}`);
        if (g.role === 'grid_worker' && g.scope_kind === 'street') rooms.push(`inbox:street:${g.scope_id}`);
      }
      return { id: u.id, seedKey: u.seed_key, token: tokens.get(u.id)!, rooms };
    });
  const points = grids.flatMap((g) => pointsOf(g.polygon, 8));
  if (points.length === 0) throw new Error('no grid points: is the demo district seeded?');

  const forums = new Map<number, Forum>();
  const bySeed = new Map(users.map((u) => [u.seed_key, u.id]));
  const communityGrants = grants.filter((g) => g.role === 'community_committee' && g.scope_kind === 'community');
  for (const committeeGrant of communityGrants) {
    const communityId = committeeGrant.scope_id;
    const committee = tokens.get(committeeGrant.user_id)!;
    const branchGrant = grants.find((g) => g.role === 'party_branch' && g.scope_kind === 'community' && g.scope_id === communityId);
    const proposer = residents.find((r) => r.communityId === communityId);
    if (!branchGrant || !proposer) continue;
    const branch = tokens.get(branchGrant.user_id)!;
    const post = async (token: string, path: string, json: unknown) => expectOk(`POST ${path}`, await http.call({ route: 'setup', method: 'POST', path, token, json, deadlineMs: SETUP_DEADLINE_MS }));
    const topic = await post(proposer.token, `/communities/${communityId}/topics`, { title: '小区加装电动车充电桩', body: '楼下电动车乱充电有隐患，建议集中加装充电桩。', scope: { kind: 'community' } });
    await post(branch, `/topics/${topic.id}/review`, { decision: 'approve' });
    const deliberation = await post(committee, `/topics/${topic.id}/deliberations`, { discussionEndsAt: new Date(Date.now() + 48 * 3600_000).toISOString() });
    const options = ['yes', 'no', 'later'];
    const poll = await post(committee, `/deliberations/${deliberation.id}/polls`, {
      title: '是否加装电动车充电桩',
      type: 'single',
      options: [
        { id: 'yes', label: '同意加装' },
        { id: 'no', label: '不同意' },
        { id: 'later', label: '再议' },
      ],
      opensAt: new Date(Date.now() - 1000).toISOString(),
      closesAt: new Date(Date.now() + 48 * 3600_000).toISOString(),
    });
    forums.set(communityId, { communityId, deliberationId: deliberation.id, pollId: poll.id, options });
  }
  if (forums.size === 0) throw new Error(`no community vote could be opened (committees: ${communityGrants.length}, ${bySeed.size} seeded users)`);
  return { residents, workers, points, forums };
}
