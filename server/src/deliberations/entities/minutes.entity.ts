import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { jsonText } from './json-column';

/** Minutes of an offline meeting (会议纪要) attached to a deliberation. */
@Entity('deliberation_minutes')
export class DeliberationMinutes {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  deliberationId: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'datetime' })
  heldAt: Date;

  /** Media ids (claimed as `deliberation_minutes:<id>`). */
  @Column({ type: 'text', transformer: jsonText })
  photoIds: string[];

  @Column({ type: 'int' })
  createdById: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
