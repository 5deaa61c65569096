import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation, UpdateDateColumn } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * A person's running balance. Its row is also the lock that serialises one person's awards, so two
 * simultaneous earnings cannot both slip under the same daily cap.
 */
@Entity('points_accounts')
export class PointsAccount {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'int', default: 0 })
  balance: number;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
