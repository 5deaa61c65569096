import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Community } from './community.entity';

/**
 * The smallest unit of the tree: a few buildings looked after by a grid worker.
 * The polygon is kept as GeoJSON text (GCJ-02 [lng, lat]) so SQLite and MariaDB store it alike;
 * the bounding box columns let a point lookup pre-filter without parsing every polygon.
 */
@Entity('grids')
@Unique('uq_grids_code', ['code'])
export class Grid {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Index()
  @Column({ type: 'int' })
  communityId: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<Community>;

  /** JSON text of a GeoJSON Polygon geometry. */
  @Column({ type: 'text' })
  polygon: string;

  @Column({ type: 'double' })
  minLng: number;

  @Column({ type: 'double' })
  minLat: number;

  @Column({ type: 'double' })
  maxLng: number;

  @Column({ type: 'double' })
  maxLat: number;
}
