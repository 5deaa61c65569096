import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The audit log of organisers' corrections: who changed whose times, from what to what, and why. */
@Entity('volunteer_attendance_corrections')
export class VolunteerAttendanceCorrection {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  attendanceId: number;

  @Column({ type: 'int' })
  correctedById: number;

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
