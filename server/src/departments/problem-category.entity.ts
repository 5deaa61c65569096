import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique, ValueTransformer } from 'typeorm';
import { Department } from './department.entity';

/** Keywords are stored as a JSON array in a text column so both databases keep them the same way. */
export const keywordListTransformer: ValueTransformer = {
  to: (value: string[] | undefined | null) => (value == null ? value : JSON.stringify(value)),
  from: (value: string | null) => (value ? (JSON.parse(value) as string[]) : []),
};

/** What a resident can report (路灯不亮, 占道经营, …) and who handles it by default, with its deadlines. */
@Entity('problem_categories')
@Unique('uq_problem_categories_code', ['code'])
export class ProblemCategory {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** The group shown as a heading in the picker, e.g. 市容环境. */
  @Column({ type: 'varchar', length: 32 })
  groupName: string;

  @Index()
  @Column({ type: 'int' })
  defaultDepartmentId: number;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'default_department_id' })
  defaultDepartment?: Relation<Department>;

  /** Hours within which someone must take the case up. */
  @Column({ type: 'int' })
  responseHours: number;

  /** Hours within which the case must be resolved. */
  @Column({ type: 'int' })
  resolveHours: number;

  /** Words residents use for this problem; the classifier matches report text against them. */
  @Column({ type: 'text', transformer: keywordListTransformer })
  keywords: string[];

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
