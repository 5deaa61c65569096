import type { Role, ScopeKind } from '@linli/shared';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { User } from './user.entity';

/** One role a user holds, bounded to a scope (a grid, a community, a department, the district). */
@Entity('role_grants')
@Unique('uq_role_grants_user_id_role_scope_kind_scope_id', ['userId', 'role', 'scopeKind', 'scopeId'])
export class RoleGrant {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Column({ type: 'varchar', length: 16 })
  scopeKind: ScopeKind;

  @Column({ type: 'int', nullable: true })
  scopeId: number | null;
}
