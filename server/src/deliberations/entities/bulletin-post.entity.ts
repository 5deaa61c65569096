import type { DeliberationBulletinKind } from '@linli/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { jsonText } from './json-column';

/** A notice on a community's bulletin board (公告栏). */
@Entity('bulletin_posts')
@Unique('uq_bulletin_posts_source_key', ['sourceKey'])
@Index('idx_bulletin_posts_community_id_published_at', ['communityId', 'publishedAt'])
export class BulletinPost {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 32 })
  kind: DeliberationBulletinKind;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', transformer: jsonText })
  data: Record<string, unknown>;

  /** What produced the post (e.g. `poll-result:12`); unique, so a result can never be posted twice. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceKey: string | null;

  @Column({ type: 'datetime' })
  publishedAt: Date;
}
