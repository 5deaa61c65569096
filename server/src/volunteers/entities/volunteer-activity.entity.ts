import type { VolunteerActivityRules, VolunteerCheckMethod, VolunteerOrganizerKind } from '@linli/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Community } from '../../grids/community.entity';
import { PartyOrganization } from './party-organization.entity';
import { User } from '../../users/user.entity';

const checkMethodsTransformer = {
  to: (value: VolunteerCheckMethod[] | undefined) => (value ?? ['qr', 'location']).join(','),
  from: (value: string | null) => (value ? (value.split(',') as VolunteerCheckMethod[]) : []),
};

/** A volunteer activity published by a committee, a party branch or a checked-in party organisation. */
@Entity('volunteer_activities')
@Index('idx_volunteer_activities_community_id_starts_at', ['communityId', 'startsAt'])
export class VolunteerActivity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  communityId: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<Community>;

  @Column({ type: 'varchar', length: 32 })
  organizerKind: VolunteerOrganizerKind;

  /** The certifying organisation printed on records and certificates. */
  @Column({ type: 'varchar', length: 128 })
  organizerName: string;

  @Index()
  @Column({ type: 'int', nullable: true })
  partyOrganizationId: number | null;

  @ManyToOne(() => PartyOrganization, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'party_organization_id' })
  partyOrganization?: Relation<PartyOrganization>;

  @Column({ type: 'varchar', length: 128 })
  title: string;

  @Column({ type: 'varchar', length: 32 })
  themeCode: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', nullable: true })
  requirements: string | null;

  @Column({ type: 'datetime' })
  startsAt: Date;

  @Column({ type: 'datetime' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 128 })
  placeName: string;

  @Column({ type: 'double', nullable: true })
  lng: number | null;

  @Column({ type: 'double', nullable: true })
  lat: number | null;

  @Column({ type: 'int', nullable: true })
  radiusMeters: number | null;

  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @Column({ type: 'varchar', length: 32, transformer: checkMethodsTransformer })
  checkMethods: VolunteerCheckMethod[];

  @Column({ type: 'boolean', width: 1, default: false })
  requireLocation: boolean;

  @Column({ type: 'boolean', width: 1, default: false })
  requireConfirmedSignup: boolean;

  /** Bumped under the row lock by every sign-up change; see VolunteerSignupsService. */
  @Column({ type: 'int', default: 0 })
  signupVersion: number;

  @Column({ type: 'int' })
  createdById: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User>;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  /** Set when the organiser calls the activity off; sign-up, check-in and service records stop there. */
  @Column({ type: 'datetime', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'int', nullable: true })
  cancelledById: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;
}

/** The activity as the shared attendance and sign-up rules read it. */
export function volunteerActivityRules(activity: VolunteerActivity): VolunteerActivityRules {
  return {
    startsAt: activity.startsAt,
    endsAt: activity.endsAt,
    capacity: activity.capacity,
    place: activity.lng !== null && activity.lat !== null ? { lng: activity.lng, lat: activity.lat } : null,
    radiusMeters: activity.radiusMeters,
    checkMethods: activity.checkMethods,
    requireLocation: activity.requireLocation,
    requireConfirmedSignup: activity.requireConfirmedSignup,
    cancelledAt: activity.cancelledAt,
  };
}
