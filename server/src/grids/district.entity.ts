import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** The top of the tree; the demo runs one district (越秀区). */
@Entity('districts')
@Unique('uq_districts_code', ['code'])
export class District {
  @PrimaryGeneratedColumn()
  id: number;

  /** Administrative division code, e.g. 440104. */
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;
}
