import type { DeliberationReviewDecision } from '@linli/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The party branch's decision on a topic, kept as a record of who decided what and why. */
@Entity('deliberation_topic_reviews')
export class DeliberationTopicReview {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  topicId: number;

  @Column({ type: 'int' })
  reviewerId: number;

  @Column({ type: 'varchar', length: 16 })
  decision: DeliberationReviewDecision;

  @Column({ type: 'varchar', length: 255, nullable: true })
  reason: string | null;

  @Column({ type: 'int', nullable: true })
  mergeIntoTopicId: number | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
