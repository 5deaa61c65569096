import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { User } from '../../users/user.entity';
import { VolunteerAttendance } from './volunteer-attendance.entity';

/** The audit log of organisers' corrections: who changed whose times, from what to what, and why. */
@Entity('volunteer_attendance_corrections')
export class VolunteerAttendanceCorrection {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  attendanceId: number;

  @ManyToOne(() => VolunteerAttendance, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attendance_id' })
  attendance?: Relation<VolunteerAttendance>;

  @Column({ type: 'int' })
  correctedById: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'corrected_by_id' })
  correctedBy?: Relation<User>;

  @Column({ type: 'varchar', length: 255 })
  reason: string;

  @Column({ type: 'datetime', nullable: true })
  previousCheckInAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  previousCheckOutAt: Date | null;

  @Column({ type: 'datetime' })
  checkInAt: Date;

  @Column({ type: 'datetime', nullable: true })
  checkOutAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
