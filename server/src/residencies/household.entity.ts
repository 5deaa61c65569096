import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Community } from '../grids/community.entity';
import { Grid } from '../grids/grid.entity';

/** A flat, addressed as building / unit / room inside a community. */
@Entity('households')
@Unique('uq_households_community_id_building_unit_room', ['communityId', 'building', 'unit', 'room'])
export class Household {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  communityId: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<Community>;

  /** The grid the building stands in, when known. */
  @Index()
  @Column({ type: 'int', nullable: true })
  gridId: number | null;

  @ManyToOne(() => Grid, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'grid_id' })
  grid?: Relation<Grid> | null;

  /** e.g. 3栋 */
  @Column({ type: 'varchar', length: 32 })
  building: string;

  /** e.g. 2单元 */
  @Column({ type: 'varchar', length: 32 })
  unit: string;

  /** e.g. 1203 */
  @Column({ type: 'varchar', length: 32 })
  room: string;
}
