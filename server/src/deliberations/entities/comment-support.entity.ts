import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One person's support of a comment; at most one per person. */
@Entity('deliberation_comment_supports')
@Unique('uq_deliberation_comment_supports_comment_id_user_id', ['commentId', 'userId'])
export class DeliberationCommentSupport {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  commentId: number;

  @Column({ type: 'int' })
  userId: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
