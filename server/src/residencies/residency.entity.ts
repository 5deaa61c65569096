import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique, ValueTransformer } from 'typeorm';
import { User } from '../users/user.entity';
import { Household } from './household.entity';

export type ResidencyRelation = 'owner' | 'tenant' | 'family';
export type ResidencyStatus = 'pending' | 'verified' | 'rejected';

/** MariaDB hands decimals back as strings; the rest of the code wants numbers (areas feed vote weights). */
export const decimalNumberTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

/** A person's claim to live in a household, reviewed by the community committee. */
@Entity('residencies')
@Unique('uq_residencies_user_id_household_id', ['userId', 'householdId'])
export class Residency {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Index()
  @Column({ type: 'int' })
  householdId: number;

  @ManyToOne(() => Household, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id' })
  household?: Relation<Household>;

  @Column({ type: 'varchar', length: 16 })
  relation: ResidencyRelation;

  /** 专有部分面积 in m², owners only; counts in area-weighted votes. */
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: decimalNumberTransformer })
  exclusiveArea: number | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: ResidencyStatus;

  @Column({ type: 'varchar', length: 255, nullable: true })
  reviewNote: string | null;

  @Column({ type: 'int', nullable: true })
  reviewedById: number | null;

  @Column({ type: 'datetime', nullable: true })
  reviewedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
