import type { WechatSubscriptionStatus, WechatTemplateKey } from '@linli/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * One credit for one WeChat subscription message (一次性订阅消息): the person accepted one message of a template
 * about a subject (`poll:12`) in the mini-program. One per person, template and subject, so a retried consent
 * records one. Spent once: a sender claims the row (due → sending) with a conditional UPDATE before it calls
 * WeChat, and records how it went.
 */
@Entity('wechat_subscriptions')
@Unique('uq_wechat_subscriptions_user_id_template_key_subject', ['userId', 'templateKey', 'subject'])
@Index('idx_wechat_subscriptions_template_key_subject_status', ['templateKey', 'subject', 'status'])
@Index('idx_wechat_subscriptions_status_next_attempt_at', ['status', 'nextAttemptAt'])
export class WechatSubscription {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 32 })
  templateKey: WechatTemplateKey;

  @Column({ type: 'varchar', length: 64 })
  subject: string;

  @Column({ type: 'varchar', length: 16, default: 'waiting' })
  status: WechatSubscriptionStatus;

  /** Sends tried so far (a claim counts one). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** When a due credit may be (re)tried; null while waiting. */
  @Column({ type: 'datetime', nullable: true })
  nextAttemptAt: Date | null;

  /** When the current or last send was claimed; a claim far older than any send can take was interrupted. */
  @Column({ type: 'datetime', nullable: true })
  claimedAt: Date | null;

  /** When it ended as sent, refused or failed. */
  @Column({ type: 'datetime', nullable: true })
  finishedAt: Date | null;

  /** WeChat's errcode of the last try (0 when sent); null when there was no answer. */
  @Column({ type: 'int', nullable: true })
  lastErrcode: number | null;

  /** Why the last try did not send, in a few words (`timeout`, `no_openid`, WeChat's errmsg). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
