import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  maskName,
  POINTS_RULES,
  PointsAccountView,
  PointsLedgerEntry,
  PointsLeaderboardEntryView,
  PointsRuleCode,
  pointsEntryFor,
  pointsReversalFor,
  shanghaiLocalDay,
} from '@linli/shared';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { isUniqueViolation } from '../common/error-mapping';
import { User } from '../users/user.entity';
import { PointsAccount } from './points-account.entity';
import { PointsLedgerLine } from './points-ledger-line.entity';

export interface PointsAward {
  userId: number;
  /** Where it was earned, for the community leaderboard. */
  communityId: number | null;
  ruleCode: PointsRuleCode;
  /** Hours for service time, 1 for an occurrence. */
  quantity: number;
  /** What earned the points, e.g. ('volunteer_service_record', 17), so rejecting it finds the line. */
  sourceType: string;
  sourceId: number | string;
  now: Date;
}

const toEntry = (line: PointsLedgerLine): PointsLedgerEntry => ({
  id: line.id,
  personId: line.userId,
  ruleCode: line.ruleCode,
  points: line.points,
  day: line.day,
  occurredAt: line.occurredAt,
  sourceType: line.sourceType,
  sourceId: line.sourceId,
  reversalOf: line.reversalOf,
});

/**
 * Contribution points (积分). Callers pass their own transaction's manager so an earning or reversal is
 * written together with the change that caused it (a certified service record, a report found valid, a
 * ballot), or not at all. The rules and caps are the shared POINTS_RULES.
 */
@Injectable()
export class PointsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Award points for one contribution, honouring the rule's daily cap. Idempotent: a second award for the
   * same rule, source and person returns null and writes nothing. Null also when the cap leaves no room.
   */
  async award(manager: EntityManager, award: PointsAward): Promise<PointsLedgerLine | null> {
    await this.lockAccount(manager, award.userId);
    const lines = manager.getRepository(PointsLedgerLine);
    const entryKey = `earn:${award.ruleCode}:${award.sourceType}:${award.sourceId}:${award.userId}`;
    if (await lines.exists({ where: { entryKey } })) return null;
    const day = shanghaiLocalDay(award.now);
    const today = await lines.find({ where: { userId: award.userId, ruleCode: award.ruleCode, day } });
    const entry = pointsEntryFor({
      personId: award.userId,
      ruleCode: award.ruleCode,
      quantity: award.quantity,
      ledger: today.map(toEntry),
      now: award.now,
      sourceType: award.sourceType,
      sourceId: String(award.sourceId),
    });
    if (!entry) return null;
    const saved = await lines.save(
      lines.create({
        userId: award.userId,
        communityId: award.communityId,
        ruleCode: entry.ruleCode,
        points: entry.points,
        day: entry.day,
        occurredAt: entry.occurredAt,
        sourceType: entry.sourceType,
        sourceId: String(entry.sourceId),
        reversalOf: null,
        entryKey,
      }),
    );
    await manager.getRepository(PointsAccount).increment({ userId: award.userId }, 'balance', saved.points);
    return saved;
  }

  /**
   * Undo every earning from a source (the service record was rejected, the report found invalid). Lines
   * already reversed are left alone, so calling twice is harmless. Returns the reversal lines written.
   */
  async reverseSource(manager: EntityManager, sourceType: string, sourceId: number | string, now: Date): Promise<PointsLedgerLine[]> {
    const lines = manager.getRepository(PointsLedgerLine);
    const earned = await lines.find({ where: { sourceType, sourceId: String(sourceId), reversalOf: IsNull() }, order: { id: 'ASC' } });
    const written: PointsLedgerLine[] = [];
    for (const line of earned) {
      await this.lockAccount(manager, line.userId);
      const reversals = await lines.find({ where: { reversalOf: line.id } });
      const reversal = pointsReversalFor(toEntry(line), now, reversals.map(toEntry));
      if (!reversal) continue;
      const saved = await lines.save(
        lines.create({
          userId: line.userId,
          communityId: line.communityId,
          ruleCode: reversal.ruleCode,
          points: reversal.points,
          day: reversal.day,
          occurredAt: reversal.occurredAt,
          sourceType: reversal.sourceType,
          sourceId: String(reversal.sourceId),
          reversalOf: line.id,
          entryKey: `reverse:${line.id}`,
        }),
      );
      await manager.getRepository(PointsAccount).increment({ userId: line.userId }, 'balance', saved.points);
      written.push(saved);
    }
    return written;
  }

  /** A person's balance and ledger, newest first. */
  async account(userId: number): Promise<PointsAccountView> {
    const [account, lines] = await Promise.all([
      this.dataSource.getRepository(PointsAccount).findOneBy({ userId }),
      this.dataSource.getRepository(PointsLedgerLine).find({ where: { userId }, order: { id: 'DESC' } }),
    ]);
    return {
      balance: account?.balance ?? 0,
      lines: lines.map((line) => ({
        id: line.id,
        ruleCode: line.ruleCode,
        ruleLabel: POINTS_RULES[line.ruleCode]?.label ?? line.ruleCode,
        points: line.points,
        day: line.day,
        occurredAt: line.occurredAt.toISOString(),
        sourceType: line.sourceType,
        sourceId: line.sourceId,
        reversalOf: line.reversalOf,
      })),
    };
  }

  /** Points earned in a community, highest first; ties share a rank. Names masked as on a public board. */
  async leaderboard(communityId: number, limit = 50): Promise<PointsLeaderboardEntryView[]> {
    const rows: Array<{ userId: number | string; points: number | string }> = await this.dataSource
      .getRepository(PointsLedgerLine)
      .createQueryBuilder('l')
      .select('l.userId', 'userId')
      .addSelect('SUM(l.points)', 'points')
      .where('l.communityId = :communityId', { communityId })
      .groupBy('l.userId')
      .having('SUM(l.points) > 0')
      .orderBy('points', 'DESC')
      .addOrderBy('l.userId', 'ASC')
      .limit(limit)
      .getRawMany();
    const users = rows.length
      ? await this.dataSource.getRepository(User).find({ where: rows.map((r) => ({ id: Number(r.userId) })), select: { id: true, name: true, realName: true } })
      : [];
    const nameOf = new Map(users.map((u) => [u.id, u.realName ?? u.name]));
    let rank = 0;
    let previous: number | null = null;
    return rows.map((row, index) => {
      const points = Number(row.points);
      if (points !== previous) rank = index + 1;
      previous = points;
      return { rank, userId: Number(row.userId), nameMasked: maskName(nameOf.get(Number(row.userId)) ?? ''), points };
    });
  }

  /**
   * Takes the person's account row lock (creating the row on first use), so concurrent awards to the same
   * person are counted against the daily cap one after another.
   */
  private async lockAccount(manager: EntityManager, userId: number): Promise<void> {
    const accounts = manager.getRepository(PointsAccount);
    if (!(await accounts.exists({ where: { userId } }))) {
      try {
        await accounts.insert({ userId, balance: 0 });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    await manager.createQueryBuilder().update(PointsAccount).set({ balance: () => 'balance' }).where('userId = :userId', { userId }).execute();
  }
}
