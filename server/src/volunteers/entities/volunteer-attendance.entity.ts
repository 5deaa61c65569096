import type { VolunteerCheckMethod } from '@linli/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { User } from '../../users/user.entity';
import { VolunteerActivity } from './volunteer-activity.entity';

/** One person's presence at one activity: when they checked in and out, and how. */
@Entity('volunteer_attendances')
@Unique('uq_volunteer_attendances_activity_id_user_id', ['activityId', 'userId'])
export class VolunteerAttendance {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  activityId: number;

  @ManyToOne(() => VolunteerActivity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: Relation<VolunteerActivity>;

  @Index()
  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'datetime', nullable: true })
  checkInAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  checkInMethod: VolunteerCheckMethod | null;

  /** Metres from the activity's place when the location was checked. */
  @Column({ type: 'int', nullable: true })
  checkInDistance: number | null;

  @Column({ type: 'datetime', nullable: true })
  checkOutAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  checkOutMethod: VolunteerCheckMethod | null;

  /** Service minutes, clipped to the activity's time. */
  @Column({ type: 'int', default: 0 })
  minutes: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
