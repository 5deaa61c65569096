import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation, UpdateDateColumn } from 'typeorm';
import { User } from '../../users/user.entity';

/** What a service certificate prints about a person beyond their account: real name, ID number, work unit. */
@Entity('volunteer_profiles')
export class VolunteerProfile {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 64 })
  realName: string;

  /** Kept as given; every view and export shows it masked. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  idNumber: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  organizationName: string | null;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
