import type { PointsRuleCode } from '@linli/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { User } from '../users/user.entity';

/** One line of the points ledger. Never edited or deleted; a rejected contribution gets a reversal line. */
@Entity('points_ledger')
@Unique('uq_points_ledger_entry_key', ['entryKey'])
@Index('idx_points_ledger_user_id_rule_code_day', ['userId', 'ruleCode', 'day'])
@Index('idx_points_ledger_source_type_source_id', ['sourceType', 'sourceId'])
export class PointsLedgerLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** Where it was earned, for the community leaderboard. */
  @Index()
  @Column({ type: 'int', nullable: true })
  communityId: number | null;

  @Column({ type: 'varchar', length: 32 })
  ruleCode: PointsRuleCode;

  @Column({ type: 'int' })
  points: number;

  /** Shanghai day (YYYY-MM-DD) the daily cap counts toward. */
  @Column({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'datetime' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 32 })
  sourceType: string;

  @Column({ type: 'varchar', length: 64 })
  sourceId: string;

  @Column({ type: 'int', nullable: true })
  reversalOf: number | null;

  @Column({ type: 'varchar', length: 191 })
  entryKey: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
