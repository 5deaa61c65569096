import type { CaseDepartmentRole } from '@linli/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Department } from '../../departments/department.entity';
import { Case } from './case.entity';

/** A department currently working a case: one lead, any number of co-handlers (多部门协办). */
@Entity('case_departments')
@Unique('uq_case_departments_case_id_department_id', ['caseId', 'departmentId'])
export class CaseDepartment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  caseId: number;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  @Index()
  @Column({ type: 'int' })
  departmentId: number;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<Department>;

  @Column({ type: 'varchar', length: 8 })
  role: CaseDepartmentRole;
}
