import { CreateDateColumn, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One resident's support (附议) of a topic; at most one per person. */
@Entity('deliberation_topic_supports')
@Unique('uq_deliberation_topic_supports_topic_id_user_id', ['topicId', 'userId'])
export class DeliberationTopicSupport {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  topicId: number;

  @Column({ type: 'int' })
  userId: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
