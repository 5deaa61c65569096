import type { DeliberationScopeKind, DeliberationStatus } from '@linli/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A deliberation (议事) the committee opens on an approved topic; the scope is copied from the topic. */
@Entity('deliberations')
@Unique('uq_deliberations_topic_id', ['topicId'])
export class Deliberation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  topicId: number;

  @Index()
  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  scopeKind: DeliberationScopeKind;

  @Column({ type: 'varchar', length: 32, nullable: true })
  scopeBuilding: string | null;

  @Column({ type: 'varchar', length: 16, default: 'discussing' })
  status: DeliberationStatus;

  @Column({ type: 'datetime' })
  discussionEndsAt: Date;

  @Column({ type: 'int' })
  createdById: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
