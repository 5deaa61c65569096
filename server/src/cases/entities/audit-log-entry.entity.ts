import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { jsonTextTransformer } from './json-text.transformer';

/**
 * The generic audit trail: who changed what, from which state to which, in which request. Written in the
 * same transaction as the change it records. Cases write `entity = 'case'`; other features may write here too.
 */
@Entity('audit_log')
@Index('idx_audit_log_entity_entity_id', ['entity', 'entityId'])
export class AuditLogEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  entity: string;

  @Column({ type: 'varchar', length: 64 })
  entityId: string;

  @Column({ type: 'varchar', length: 32 })
  action: string;

  /** Null for the system. */
  @Index()
  @Column({ type: 'int', nullable: true })
  actorUserId: number | null;

  @Column({ type: 'text', nullable: true, transformer: jsonTextTransformer })
  before: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true, transformer: jsonTextTransformer })
  after: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  requestId: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
