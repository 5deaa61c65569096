import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { User } from '../../users/user.entity';
import { Case } from './case.entity';

/** A resident who met the same problem (我也遇到) and follows the case instead of filing a duplicate. */
@Entity('case_followers')
@Unique('uq_case_followers_case_id_user_id', ['caseId', 'userId'])
export class CaseFollower {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  caseId: number;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  @Index()
  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @CreateDateColumn({ type: 'datetime' })
  joinedAt: Date;
}
