import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { jsonText } from './json-column';

/**
 * One accepted ballot, a link in its poll's receipt chain. Never updated or deleted: a revote is a new
 * ballot that names the seq it supersedes. The voter key is private (user or unit); everything the chain
 * hashes is stored exactly as hashed (castAt as text, so it reads back byte-identical on both dialects).
 */
@Entity('poll_ballots')
@Unique('uq_poll_ballots_poll_id_seq', ['pollId', 'seq'])
@Unique('uq_poll_ballots_poll_id_voter_key_client_key', ['pollId', 'voterKey', 'clientKey'])
@Index('idx_poll_ballots_poll_id_voter_key', ['pollId', 'voterKey'])
@Index('idx_poll_ballots_poll_id_supersedes_seq', ['pollId', 'supersedesSeq'])
// Everything the final count reads, in the order it groups (database/ballot-groups.ts).
@Index('idx_poll_ballots_count', ['pollId', 'choiceMask', 'ownerHead', 'unitArea', 'seq'])
export class PollBallot {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  pollId: number;

  @Column({ type: 'int' })
  seq: number;

  /** `user:<id>`, or `unit:<householdId>` in an owners' vote. */
  @Column({ type: 'varchar', length: 32 })
  voterKey: string;

  @Column({ type: 'text', transformer: jsonText })
  choice: string[];

  @Column({ type: 'varchar', length: 128 })
  nonce: string;

  @Column({ type: 'varchar', length: 24 })
  castAt: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @Column({ type: 'varchar', length: 64 })
  prevHash: string;

  /** The seq this ballot replaces (a revote); the count keeps the ballots nobody supersedes. */
  @Column({ type: 'int', nullable: true })
  supersedesSeq: number | null;

  /** The choice as choiceMask gives it (bit p: the poll's p-th option), for the count to group by. */
  @Column({ type: 'bigint', nullable: true, transformer: { to: (v: number | null | undefined) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) } })
  choiceMask: number | null;

  /** Owners' votes: the unit's exclusive area on the roll, hundredths of m²; null otherwise. */
  @Column({ type: 'int', nullable: true })
  unitArea: number | null;

  /**
   * Owners' votes: the roll's number for the unit's headcount owner when that owner holds several units
   * (indexOwnerRoll); null when the unit is an owner of its own, and outside owners' votes.
   */
  @Column({ type: 'int', nullable: true })
  ownerHead: number | null;

  /** The client's Idempotency-Key: a retry with the same key gets this ballot's receipt back. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  clientKey: string | null;
}
