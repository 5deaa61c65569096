import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Community } from '../grids/community.entity';
import { Grid } from '../grids/grid.entity';
import { User } from '../users/user.entity';

/**
 * One weekly slot in the duty roster. A grid worker's shift names the grid; a dispatcher's shift
 * (the community-level person who takes cases no worker can) names the community and may leave the grid empty.
 * Times are minutes after local midnight in Asia/Shanghai, so a shift means the same wall-clock hours all year.
 */
@Entity('duty_shifts')
export class DutyShift {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int', nullable: true })
  gridId: number | null;

  @ManyToOne(() => Grid, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'grid_id' })
  grid?: Relation<Grid> | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  communityId: number | null;

  @ManyToOne(() => Community, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<Community> | null;

  @Index()
  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** 0 = Sunday … 6 = Saturday, as Date#getDay. */
  @Column({ type: 'int' })
  weekday: number;

  @Column({ type: 'int' })
  startMinute: number;

  @Column({ type: 'int' })
  endMinute: number;

  // width 1: MariaDB stores booleans as tinyint(1) and reports that width back to schema comparisons.
  @Column({ type: 'boolean', width: 1, default: false })
  isDispatcher: boolean;
}
