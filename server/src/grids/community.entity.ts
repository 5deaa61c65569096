import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Street } from './street.entity';

/** A residents' community (社区), served by one committee and one party branch. */
@Entity('communities')
export class Community {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'int' })
  streetId: number;

  @ManyToOne(() => Street, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'street_id' })
  street?: Relation<Street>;
}
