import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** The receipt handed to the person who cast a ballot, so they (and only they) can find their ballots again. */
@Entity('poll_ballot_receipts')
@Unique('uq_poll_ballot_receipts_poll_id_seq', ['pollId', 'seq'])
@Index('idx_poll_ballot_receipts_user_id_poll_id', ['userId', 'pollId'])
export class PollBallotReceipt {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  pollId: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 32 })
  voterKey: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 64 })
  receipt: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
