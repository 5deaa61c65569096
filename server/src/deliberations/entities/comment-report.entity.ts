import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** An abuse report on a comment, for the committee to look at; one per person and comment. */
@Entity('deliberation_comment_reports')
@Unique('uq_deliberation_comment_reports_comment_id_user_id', ['commentId', 'userId'])
export class DeliberationCommentReport {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  commentId: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 255 })
  reason: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
