import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** Anyone who has signed in, or a seeded demo person. Roles live in role_grants. */
@Entity('users')
@Unique('uq_users_openid', ['openid'])
@Unique('uq_users_seed_key', ['seedKey'])
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  /** WeChat openid; null for seeded or dev-login users who never came through WeChat. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  openid: string | null;

  /** Display name (nickname). */
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  realName: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  /** Stable identity of a seeded demo user (`admin`, `worker-g001`, …) so re-seeding updates instead of duplicating. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  seedKey: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
