import type { CaseQueue, CaseRejectKind, CaseRoutedBy, CaseStatus } from '@linli/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique, UpdateDateColumn } from 'typeorm';
import { ProblemCategory } from '../../departments/problem-category.entity';
import { User } from '../../users/user.entity';

/**
 * One snap-and-report case (随手拍). Where it sits in the tree (district … grid) is copied in at intake so
 * scope checks and inboxes need no geometry. `version` guards every transition (optimistic concurrency);
 * `timelineSeq` is the last seq handed to a timeline entry (and so to a live event on `case:<id>`).
 */
@Entity('cases')
@Unique('uq_cases_code', ['code'])
@Unique('uq_cases_reporter_id_client_key', ['reporterId', 'clientKey'])
@Index('idx_cases_handler_user_id_status', ['handlerUserId', 'status'])
export class Case {
  @PrimaryGeneratedColumn()
  id: number;

  /** Public code, e.g. YX20261123-0001 (the day's running number in Asia/Shanghai). */
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'int' })
  reporterId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reporter_id' })
  reporter?: Relation<User>;

  /** The client's key for this report; a retry with it returns this case. */
  @Column({ type: 'varchar', length: 64 })
  clientKey: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'double' })
  lng: number;

  @Index()
  @Column({ type: 'double' })
  lat: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @Index()
  @Column({ type: 'int' })
  districtId: number;

  @Index()
  @Column({ type: 'int', nullable: true })
  streetId: number | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  communityId: number | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  gridId: number | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  categoryId: number | null;

  @ManyToOne(() => ProblemCategory, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'category_id' })
  category?: Relation<ProblemCategory> | null;

  /** The classifier's confidence when it chose (or failed to choose) the category; null when the resident chose. */
  @Column({ type: 'double', nullable: true })
  classificationConfidence: number | null;

  @Column({ type: 'varchar', length: 16 })
  routedBy: CaseRoutedBy;

  @Index()
  @Column({ type: 'varchar', length: 16 })
  status: CaseStatus;

  @Index()
  @Column({ type: 'int', nullable: true })
  handlerUserId: number | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  leadDepartmentId: number | null;

  @Column({ type: 'varchar', length: 24 })
  queue: CaseQueue;

  @Column({ type: 'int', default: 0 })
  reopenCount: number;

  @Column({ type: 'datetime', nullable: true })
  responseDueAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  resolveDueAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  rating: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  ratingComment: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  rejectKind: CaseRejectKind | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null;

  @Column({ type: 'int', default: 0 })
  timelineSeq: number;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Index()
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
