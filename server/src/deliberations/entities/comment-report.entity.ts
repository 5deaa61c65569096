import type { DeliberationReportOutcome } from '@linli/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * An abuse report on a comment, for the committee to look at; one per person and comment. The committee
 * handles each report once (hiding the comment or dismissing the reports); until then it is open.
 */
@Entity('deliberation_comment_reports')
@Unique('uq_deliberation_comment_reports_comment_id_user_id', ['commentId', 'userId'])
export class DeliberationCommentReport {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  commentId: number;

  /** The reporter: never shown to anyone, the committee included. */
  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 255 })
  reason: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  handledAt: Date | null;

  @Column({ type: 'int', nullable: true })
  handledById: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: DeliberationReportOutcome | null;

  /** The hide reason or the dismissal note. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  handlingNote: string | null;
}
