import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APPROVAL3_LABELS,
  APPROVAL3_OPTIONS,
  checkPollDefinition,
  emptyPollCounts,
  indexOwnerRoll,
  maxChoicesOf,
  type DeliberationPollMeView,
  type DeliberationPollView,
  type DeliberationVoterSlot,
} from '@linli/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { DeliberationAccess, scopeLabel } from './deliberation-access';
import { DeliberationErrors } from './deliberation-errors';
import { DeliberationsService } from './deliberations.service';
import type { PollInputDto } from './dto/poll.dto';
import { PollBallot } from './entities/ballot.entity';
import { Poll } from './entities/poll.entity';
import { PollCloseService } from './poll-close.service';
import { ownerUnitsOf, votingPollOf } from './poll-result';
import { ResidencyScope } from './residency-scope';
import { serializedOnSqlite } from '../database/sqlite-write-queue';
import { pollView, receiptView, scopeOf } from './views';

export const personalVoterKey = (userId: number) => `user:${userId}`;
export const unitVoterKey = (unitId: number | string) => `unit:${unitId}`;

const DEFINITION_CACHE_MS = 30_000;
const DEFINITION_CACHE_SIZE = 500;

/** Opening votes from a deliberation and reading them. */
@Injectable()
export class PollsService {
  private readonly definitions = new Map<number, { poll: Poll; until: number }>();
  private readonly loadingDefinitions = new Map<number, Promise<Poll>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: DeliberationAccess,
    private readonly deliberations: DeliberationsService,
    private readonly residency: ResidencyScope,
    private readonly closer: PollCloseService,
  ) {}

  async create(user: AuthUser, deliberationId: number, input: PollInputDto): Promise<DeliberationPollView> {
    const deliberation = await this.deliberations.find(deliberationId);
    await this.access.assertMay(user, 'deliberation.manage', deliberation.communityId);
    const scope = scopeOf(deliberation);
    const opensAt = new Date(input.opensAt);
    const closesAt = new Date(input.closesAt);
    if (closesAt.getTime() <= opensAt.getTime()) throw DeliberationErrors.badTime('投票截止时间必须晚于开始时间');
    if (closesAt.getTime() <= Date.now()) throw DeliberationErrors.badTime('投票截止时间必须晚于现在');

    const owners = scope.kind === 'owners';
    if (owners && (input.type !== 'approval3' || !input.ownerMatter)) {
      throw DeliberationErrors.badPollDefinition('业主表决须采用“同意/反对/弃权”的方式，并选择《民法典》第二百七十八条规定的表决事项');
    }
    if (!owners && input.ownerMatter) throw DeliberationErrors.badPollDefinition('只有业主范围的议题才能发起业主共同决定事项的表决');
    if (input.type === 'approval3' && input.options?.length) throw DeliberationErrors.badPollDefinition('“同意/反对/弃权”投票的选项是固定的，无需填写');

    const options =
      input.type === 'approval3' ? APPROVAL3_OPTIONS.map((id) => ({ id, label: APPROVAL3_LABELS[id] })) : (input.options ?? []).map((o) => ({ id: o.id, label: o.label.trim() }));
    const voting = votingPollOf({ type: input.type, options, maxChoices: input.maxChoices ?? 1 });
    const problem = checkPollDefinition(voting);
    if (problem) throw DeliberationErrors.badPollDefinition(problem.message, { reason: problem.error });
    if (input.type !== 'multiple' && input.maxChoices !== undefined && input.maxChoices !== 1) {
      throw DeliberationErrors.badPollDefinition('只有多选投票可以设置最多可选项数');
    }

    const roll = owners ? await this.residency.ownerRoll(deliberation.communityId) : null;
    if (roll && roll.length === 0) throw DeliberationErrors.badPollDefinition('本社区还没有已认证面积的业主，无法发起业主表决');
    const ownerTotals = roll ? indexOwnerRoll(ownerUnitsOf(roll)).totals : null;
    // A personal vote's electorate is fixed now, as the owners' roll is: who may vote and the turnout's
    // denominator are the same people, and a ballot is checked against the roll without reading residencies.
    const voterRoll = roll ? null : (await this.residency.membersOf(this.dataSource.manager, deliberation.communityId, scope)).sort((a, b) => a - b);
    const eligibleCount = roll ? roll.length : voterRoll!.length;

    const saved = await serializedOnSqlite(this.dataSource, () =>
      this.dataSource.getRepository(Poll).save(
        this.dataSource.getRepository(Poll).create({
          deliberationId,
          communityId: deliberation.communityId,
          title: input.title.trim(),
          type: input.type,
          options,
          maxChoices: maxChoicesOf(voting),
          opensAt,
          closesAt,
          hideResultsUntilClose: input.hideResultsUntilClose ?? false,
          scopeKind: scope.kind,
          scopeBuilding: scope.building ?? null,
          ownerMatter: input.ownerMatter ?? null,
          eligibleCount,
          ownerRoll: roll,
          ownerTotals,
          voterRoll,
          status: 'open',
          closedAt: null,
          chainSeq: 0,
          chainHead: null,
          liveCounts: emptyPollCounts(options.length, owners),
          result: null,
          createdById: user.id,
        }),
      ),
    );
    return pollView(saved, new Date());
  }

  /** The poll, closed first if its time is up (so a read never shows a stale open poll). */
  async find(id: number): Promise<Poll> {
    const repo = this.dataSource.getRepository(Poll);
    let poll = await repo.findOneBy({ id });
    if (!poll) throw DeliberationErrors.pollNotFound();
    if (poll.status === 'open' && poll.closesAt.getTime() <= Date.now()) {
      await this.closer.closePoll(id);
      poll = await repo.findOneByOrFail({ id });
    }
    return poll;
  }

  /**
   * The poll's definition for checking a ballot, from a short-lived per-process cache: options, window,
   * scope and roll never change after creation, and the status this copy may have wrong is re-checked
   * under the poll's lock when the ballot is appended. A poll that looks closed is read fresh.
   */
  async definition(id: number): Promise<Poll> {
    const now = Date.now();
    const cached = this.definitions.get(id);
    if (cached && cached.until > now && cached.poll.status === 'open' && cached.poll.closesAt.getTime() > now) return cached.poll;
    // Fifty voters arriving at a cold cache wait for one read instead of making fifty.
    let loading = this.loadingDefinitions.get(id);
    if (!loading) {
      loading = this.find(id)
        .then((poll) => {
          if (this.definitions.size >= DEFINITION_CACHE_SIZE) this.definitions.delete(this.definitions.keys().next().value!);
          this.definitions.set(id, { poll, until: Date.now() + DEFINITION_CACHE_MS });
          return poll;
        })
        .finally(() => this.loadingDefinitions.delete(id));
      this.loadingDefinitions.set(id, loading);
    }
    return loading;
  }

  async get(id: number): Promise<DeliberationPollView> {
    return pollView(await this.find(id), new Date());
  }

  async me(user: AuthUser, id: number): Promise<DeliberationPollMeView> {
    const poll = await this.find(id);
    const scope = scopeOf(poll);
    const ballots = this.dataSource.getRepository(PollBallot);
    const latest = async (voterKey: string) => {
      const last = await ballots.findOne({ where: { pollId: id, voterKey }, order: { seq: 'DESC' } });
      return last ? receiptView(last) : null;
    };
    if (poll.ownerRoll) {
      const inRoll = new Map(poll.ownerRoll.map((u) => [u.unitId, u]));
      const owned = (await this.residency.ownedUnits(user.id, poll.communityId)).filter((u) => inRoll.has(String(u.unitId)));
      if (owned.length === 0) return { eligible: false, reason: '您不是本次表决业主名册中的业主', slots: [] };
      const slots: DeliberationVoterSlot[] = [];
      for (const unit of owned) {
        const rolled = inRoll.get(String(unit.unitId))!;
        slots.push({ unitId: unit.unitId, label: rolled.label, exclusiveArea: rolled.exclusiveArea, current: await latest(unitVoterKey(unit.unitId)) });
      }
      return { eligible: true, reason: null, slots };
    }
    if (!(await this.residency.isInScope(user.id, poll.communityId, scope))) {
      return { eligible: false, reason: `本次投票仅限${scopeLabel(scope)}参与`, slots: [] };
    }
    return { eligible: true, reason: null, slots: [{ unitId: null, label: '本人', exclusiveArea: null, current: await latest(personalVoterKey(user.id)) }] };
  }
}
