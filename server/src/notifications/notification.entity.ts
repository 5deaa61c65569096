import type { NotificationKind } from '@linli/shared';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One message to one person (消息通知). `subject` names what it is about (`poll:12`): a person gets at most one
 * notification of a kind per subject, so a repeated delivery can never show twice.
 */
@Entity('notifications')
@Unique('uq_notifications_user_id_kind_subject', ['userId', 'kind', 'subject'])
@Index('idx_notifications_user_id_read_at', ['userId', 'readAt'])
export class Notification {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 64 })
  subject: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 255 })
  body: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  link: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  readAt: Date | null;
}
