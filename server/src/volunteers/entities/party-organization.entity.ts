import type { VolunteerCheckInReviewStatus } from '@linli/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Community } from '../../grids/community.entity';
import { User } from '../../users/user.entity';
import { jsonListTransformer } from './json-list.transformer';

/** An in-service party organisation (在职党组织) checked in to a community, with what it offers and needs. */
@Entity('party_organizations')
@Unique('uq_party_organizations_community_id_name', ['communityId', 'name'])
export class PartyOrganization {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  communityId: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<Community>;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** The signed-in person who checked the organisation in; they may publish activities for it once confirmed. */
  @Index()
  @Column({ type: 'int' })
  contactUserId: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contact_user_id' })
  contactUser?: Relation<User>;

  @Column({ type: 'varchar', length: 64 })
  contactName: string;

  @Column({ type: 'varchar', length: 32 })
  contactPhone: string;

  /** 资源清单 */
  @Column({ type: 'text', transformer: jsonListTransformer })
  resources: string[];

  /** 需求清单 */
  @Column({ type: 'text', transformer: jsonListTransformer })
  needs: string[];

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: VolunteerCheckInReviewStatus;

  @Column({ type: 'varchar', length: 255, nullable: true })
  reviewNote: string | null;

  @Column({ type: 'int', nullable: true })
  reviewedById: number | null;

  @Column({ type: 'datetime', nullable: true })
  reviewedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
