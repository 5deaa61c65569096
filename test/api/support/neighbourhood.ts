import type { DeliberationPollView, DeliberationView } from '@linli/shared';
import { DataSource } from 'typeorm';
import { Poll } from '../../../server/src/deliberations/entities/poll.entity';
import { Household } from '../../../server/src/residencies/household.entity';
import { Residency } from '../../../server/src/residencies/residency.entity';
import { createOrgTree, createUser, type OrgTree, unique } from './factories';
import type { TestApp } from './test-app';

export const HOUR = 3600_000;
export const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

export interface Person {
  id: number;
  name: string;
  token: string;
}

/** A community of its own: branch, committee, and residents made by `resident()`. */
export class Neighbourhood {
  constructor(
    readonly t: TestApp,
    readonly org: OrgTree,
    readonly branch: Person,
    readonly committee: Person,
  ) {}

  static async create(t: TestApp): Promise<Neighbourhood> {
    const org = await createOrgTree(t.dataSource);
    const branch = await createUser(t.dataSource, { name: '党支部书记', grants: [{ role: 'party_branch', scopeId: org.community.id }] });
    const committee = await createUser(t.dataSource, { name: '居委会主任', grants: [{ role: 'community_committee', scopeId: org.community.id }] });
    return new Neighbourhood(t, org, { id: branch.id, name: branch.name, token: await t.tokenFor(branch.id) }, { id: committee.id, name: committee.name, token: await t.tokenFor(committee.id) });
  }

  /** A person with a residency in this community (verified unless told otherwise). */
  async resident(opts: { name?: string; building?: string; owner?: { area: number; household?: Household }; status?: 'verified' | 'pending' } = {}): Promise<Person & { household: Household }> {
    const ds: DataSource = this.t.dataSource;
    const name = opts.name ?? '王小明';
    const user = await createUser(ds, { name });
    const household =
      opts.owner?.household ??
      (await ds.getRepository(Household).save({ communityId: this.org.community.id, gridId: null, building: opts.building ?? '1栋', unit: '1单元', room: unique('R') }));
    await ds.getRepository(Residency).save(
      ds.getRepository(Residency).create({
        userId: user.id,
        householdId: household.id,
        relation: opts.owner ? 'owner' : 'tenant',
        exclusiveArea: opts.owner ? opts.owner.area : null,
        status: opts.status ?? 'verified',
      }),
    );
    return { id: user.id, name, token: await this.t.tokenFor(user.id), household };
  }

  post(token: string | null, path: string, body: object = {}) {
    const req = this.t.request.post(`/api${path}`).send(body);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  }

  get(token: string | null, path: string) {
    const req = this.t.request.get(`/api${path}`);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  }

  /** Proposed by a resident, approved by the branch, opened by the committee. */
  async deliberation(proposer: Person, scope: object = { kind: 'community' }, title = '小区东门加装充电桩'): Promise<DeliberationView> {
    const topic = await this.post(proposer.token, `/communities/${this.org.community.id}/topics`, { title, body: '电动车在楼道充电不安全，建议在东门集中充电。', scope });
    expect(topic.status).toBe(201);
    expect((await this.post(this.branch.token, `/topics/${topic.body.id}/review`, { decision: 'approve' })).status).toBe(200);
    const opened = await this.post(this.committee.token, `/topics/${topic.body.id}/deliberations`, { discussionEndsAt: inHours(24) });
    expect(opened.status).toBe(201);
    return opened.body as DeliberationView;
  }

  async poll(deliberationId: number, body: object = {}): Promise<DeliberationPollView> {
    const res = await this.post(this.committee.token, `/deliberations/${deliberationId}/polls`, {
      title: '充电桩放在哪里',
      type: 'single',
      options: [
        { id: 'east', label: '东门' },
        { id: 'west', label: '西门' },
      ],
      opensAt: new Date(Date.now() - 1000).toISOString(),
      closesAt: inHours(2),
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body as DeliberationPollView;
  }

  /** Moves a poll's closing time into the past, as if the clock had run on. */
  async expire(pollId: number): Promise<void> {
    await this.t.dataSource.getRepository(Poll).update({ id: pollId }, { closesAt: new Date(Date.now() - 1000) });
  }
}
