import type { CaseActor, CaseStatus, CaseTimelineEvent } from '@linli/shared';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Case } from './case.entity';
import { jsonTextTransformer } from './json-text.transformer';

/**
 * One step in a case's life, as the resident's case page shows it. `seq` counts 1, 2, 3… per case and is
 * also the seq of the live event that announced the step, so a reconnecting page catches up from here.
 */
@Entity('case_timeline')
@Unique('uq_case_timeline_case_id_seq', ['caseId', 'seq'])
export class CaseTimelineEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  caseId: number;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 24 })
  event: CaseTimelineEvent;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: CaseStatus | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus: CaseStatus;

  /** Null for the system. */
  @Column({ type: 'int', nullable: true })
  actorUserId: number | null;

  @Column({ type: 'varchar', length: 24 })
  actorRole: CaseActor;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'text', nullable: true, transformer: jsonTextTransformer })
  data: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
