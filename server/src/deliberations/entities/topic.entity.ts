import type { DeliberationScopeKind, DeliberationTopicStatus } from '@linli/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { jsonText } from './json-column';

/** A topic (议题) a resident proposes for the community to deliberate. */
@Entity('deliberation_topics')
@Index('idx_deliberation_topics_community_id_status', ['communityId', 'status'])
export class DeliberationTopic {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  communityId: number;

  @Index()
  @Column({ type: 'int' })
  proposerId: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** Media ids in display order (the media rows are claimed as `deliberation_topic:<id>`). */
  @Column({ type: 'text', transformer: jsonText })
  photoIds: string[];

  @Column({ type: 'varchar', length: 16 })
  scopeKind: DeliberationScopeKind;

  @Column({ type: 'varchar', length: 32, nullable: true })
  scopeBuilding: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: DeliberationTopicStatus;

  /** Kept on the row so lists sort by support without counting; changed only with the support rows. */
  @Column({ type: 'int', default: 0 })
  supportCount: number;

  @Column({ type: 'varchar', length: 255, nullable: true })
  reviewReason: string | null;

  @Column({ type: 'int', nullable: true })
  reviewedById: number | null;

  @Column({ type: 'datetime', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  mergedIntoTopicId: number | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
