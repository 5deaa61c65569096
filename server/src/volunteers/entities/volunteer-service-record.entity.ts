import type { VolunteerServiceRecordStatus } from '@linli/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Community } from '../../grids/community.entity';
import { User } from '../../users/user.entity';
import { VolunteerAttendance } from './volunteer-attendance.entity';

/**
 * One person's service at one activity, made when they check out (or an organiser completes their times),
 * pending until the organiser certifies it. Only certified records count for hours, certificates and points.
 */
@Entity('volunteer_service_records')
@Unique('uq_volunteer_service_records_attendance_id', ['attendanceId'])
@Index('idx_volunteer_service_records_user_id_served_at', ['userId', 'servedAt'])
@Index('idx_volunteer_service_records_community_id_served_at', ['communityId', 'servedAt'])
export class VolunteerServiceRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  attendanceId: number;

  @ManyToOne(() => VolunteerAttendance, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attendance_id' })
  attendance?: Relation<VolunteerAttendance>;

  @Index()
  @Column({ type: 'int' })
  activityId: number;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'int' })
  communityId: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<Community>;

  @Column({ type: 'varchar', length: 32 })
  themeCode: string;

  /** The activity's start: decides the record's month and year. */
  @Column({ type: 'datetime' })
  servedAt: Date;

  @Column({ type: 'int' })
  minutes: number;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: VolunteerServiceRecordStatus;

  @Column({ type: 'varchar', length: 128 })
  certifyingOrganization: string;

  @Column({ type: 'int', nullable: true })
  reviewedById: number | null;

  @Column({ type: 'datetime', nullable: true })
  certifiedAt: Date | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  rejectReason: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
