import type { MediaPurpose } from '@linli/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation, Unique } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * One stored photo (and its thumbnail). The primary key is the public id itself: random and unguessable,
 * because photo URLs are fetched without a token by the mini-program's <Image> component.
 */
@Entity('media_files')
// Named explicitly: MariaDB stores a unique constraint as a unique index, and TypeORM would otherwise name that
// index idx_… there but uq_… on SQLite, so the one migration could not match both.
@Unique('uq_media_files_owner_user_id_idempotency_key', ['ownerUserId', 'idempotencyKey'])
export class MediaFile {
  @PrimaryColumn({ type: 'varchar', length: 22 })
  id: string;

  @Index()
  @Column({ type: 'int' })
  ownerUserId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_user_id' })
  owner?: Relation<User>;

  @Column({ type: 'varchar', length: 16 })
  purpose: MediaPurpose;

  /** Type of what is stored (always image/jpeg today: every upload is re-encoded). */
  @Column({ type: 'varchar', length: 32 })
  mime: string;

  /** Type the upload really was, by content (image/heic, image/png, …). */
  @Column({ type: 'varchar', length: 32 })
  sourceMime: string;

  /** Size of the stored photo (not of the upload). */
  @Column({ type: 'int' })
  bytes: number;

  @Column({ type: 'int' })
  width: number;

  @Column({ type: 'int' })
  height: number;

  @Column({ type: 'varchar', length: 128 })
  storageKey: string;

  @Column({ type: 'varchar', length: 128 })
  thumbKey: string;

  @Column({ type: 'int' })
  thumbBytes: number;

  /** Hex SHA-256 of the stored photo's bytes; doubles as its ETag. */
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  /** The client's Idempotency-Key, so a retried upload returns this row instead of a second copy. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  idempotencyKey: string | null;

  /** What claimed the photo, e.g. `case:123`; null while it is an unattached upload. */
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true })
  attachedTo: string | null;

  /** Place among the photos claimed together (a report's photo order), 0-based; null while unattached. */
  @Column({ type: 'int', nullable: true })
  position: number | null;

  @Column({ type: 'datetime', nullable: true })
  attachedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
