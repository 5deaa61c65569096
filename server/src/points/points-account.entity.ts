import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A person's running balance. Its row is also the lock that serialises one person's awards, so two
 * simultaneous earnings cannot both slip under the same daily cap.
 */
@Entity('points_accounts')
export class PointsAccount {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @Column({ type: 'int', default: 0 })
  balance: number;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
