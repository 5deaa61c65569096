import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A functional department (职能部门) that cases are forwarded to. */
@Entity('departments')
export class Department {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;
}
