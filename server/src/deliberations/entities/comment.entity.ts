import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A comment or reply in a deliberation's discussion thread. */
@Entity('deliberation_comments')
@Unique('uq_deliberation_comments_author_id_client_key', ['authorId', 'clientKey'])
export class DeliberationComment {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  deliberationId: number;

  /** Replies point at a top-level comment; threads are one level deep. */
  @Index()
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @Column({ type: 'int' })
  authorId: number;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'int', default: 0 })
  supportCount: number;

  @Column({ type: 'int', default: 0 })
  reportCount: number;

  // width 1: MariaDB stores booleans as tinyint(1) and reports that width back to schema comparisons.
  @Column({ type: 'boolean', width: 1, default: false })
  hidden: boolean;

  @Column({ type: 'varchar', length: 255, nullable: true })
  hiddenReason: string | null;

  @Column({ type: 'int', nullable: true })
  hiddenById: number | null;

  @Column({ type: 'datetime', nullable: true })
  hiddenAt: Date | null;

  /** The Idempotency-Key the author's phone sent with it, if any: a retry with it gets this comment back. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  clientKey: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
