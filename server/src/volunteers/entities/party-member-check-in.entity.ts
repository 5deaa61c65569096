import type { VolunteerCheckInReviewStatus } from '@linli/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Community } from '../../grids/community.entity';
import { PartyOrganization } from './party-organization.entity';
import { User } from '../../users/user.entity';

/** A party member reporting to the community where they live (党员报到); the party branch confirms. */
@Entity('party_member_check_ins')
@Unique('uq_party_member_check_ins_user_id_community_id', ['userId', 'communityId'])
export class PartyMemberCheckIn {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Index()
  @Column({ type: 'int' })
  communityId: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<Community>;

  /** The member's own party organisation, as they write it. */
  @Column({ type: 'varchar', length: 128 })
  partyOrganizationName: string;

  @Index()
  @Column({ type: 'int', nullable: true })
  partyOrganizationId: number | null;

  @ManyToOne(() => PartyOrganization, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'party_organization_id' })
  partyOrganization?: Relation<PartyOrganization>;

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
