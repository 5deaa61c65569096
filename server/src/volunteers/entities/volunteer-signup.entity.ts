import type { VolunteerSignupStatus } from '@linli/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { User } from '../../users/user.entity';
import { VolunteerActivity } from './volunteer-activity.entity';

/** One person's place at an activity. One row per (activity, person): cancelling and re-joining reuse it. */
@Entity('volunteer_signups')
@Unique('uq_volunteer_signups_activity_id_user_id', ['activityId', 'userId'])
export class VolunteerSignup {
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

  @Column({ type: 'varchar', length: 16 })
  status: VolunteerSignupStatus;

  /** Queue order; re-joining after a cancellation goes to the back. */
  @Column({ type: 'datetime', precision: 3 })
  queuedAt: Date;

  /** The Idempotency-Key of the request that made this sign-up, so its retry gets the same answer. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  idempotencyKey: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
