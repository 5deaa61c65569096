import type { DeliberationPollResult, DeliberationScopeKind, OwnerMatter, OwnerTotals, PollCounts, VotingBallotType } from '@linli/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { jsonText } from './json-column';

export type PollRowStatus = 'open' | 'closed';

/** One unit of an owners' vote, fixed when the poll is created (the roll the result is decided against). */
export interface PollRollUnit {
  /** Household id, as the chain and the tally key it. */
  unitId: string;
  /** Units with the same key belong to one owner (headcount). */
  ownerKey: string;
  /** Hundredths of m². */
  exclusiveArea: number;
  label: string;
}

/** Running counts (applyBallotToCounts), updated in the transaction that accepts each ballot; the close recounts from the ballots. */
export type PollLiveCounts = PollCounts;

/**
 * A vote (投票). The row is also the chain's lock: accepting a ballot starts by incrementing chain_seq with a
 * conditional UPDATE, which holds the row until commit, so ballots of one poll enter the chain one at a time
 * and the close (a conditional UPDATE of status) can never interleave with one.
 */
@Entity('polls')
@Index('idx_polls_status_closes_at', ['status', 'closesAt'])
export class Poll {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  deliberationId: number;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  type: VotingBallotType;

  /** `{ id, label }[]` in display order; for approval3 the fixed agree / disagree / abstain. */
  @Column({ type: 'text', transformer: jsonText })
  options: { id: string; label: string }[];

  @Column({ type: 'int' })
  maxChoices: number;

  @Column({ type: 'datetime' })
  opensAt: Date;

  @Column({ type: 'datetime' })
  closesAt: Date;

  @Column({ type: 'boolean', width: 1, default: false })
  hideResultsUntilClose: boolean;

  @Column({ type: 'varchar', length: 16 })
  scopeKind: DeliberationScopeKind;

  @Column({ type: 'varchar', length: 32, nullable: true })
  scopeBuilding: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  ownerMatter: OwnerMatter | null;

  /** Voters or units entitled to vote when the poll was created (turnout's denominator). */
  @Column({ type: 'int' })
  eligibleCount: number;

  /** Owners' votes: the roll of units (PollRollUnit[]); null otherwise. */
  @Column({ type: 'text', nullable: true, transformer: jsonText })
  ownerRoll: PollRollUnit[] | null;

  /**
   * Owners' votes: the roll's total area, owners and units (indexOwnerRoll), fixed with the roll, so the count
   * reads three numbers instead of going through every unit; null otherwise.
   */
  @Column({ type: 'text', nullable: true, transformer: jsonText })
  ownerTotals: OwnerTotals | null;

  /**
   * A personal vote's electoral roll: the ids of everyone in scope when the vote was set up (the same people
   * eligibleCount counts). Null in owners' votes (ownerRoll) and in votes set up before rolls were kept.
   */
  @Column({ type: 'text', nullable: true, transformer: jsonText })
  voterRoll: number[] | null;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: PollRowStatus;

  @Column({ type: 'datetime', nullable: true })
  closedAt: Date | null;

  /** Ballots in the chain so far (the last ballot's seq). */
  @Column({ type: 'int', default: 0 })
  chainSeq: number;

  /** Hash of the last ballot; null before the first. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  chainHead: string | null;

  @Column({ type: 'text', transformer: jsonText })
  liveCounts: PollLiveCounts;

  @Column({ type: 'text', nullable: true, transformer: jsonText })
  result: DeliberationPollResult | null;

  @Column({ type: 'int' })
  createdById: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
