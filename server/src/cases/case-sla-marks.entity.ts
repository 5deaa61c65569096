import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, Relation } from 'typeorm';
import { Case } from './entities/case.entity';

/**
 * What the deadline sweep has already done for a case, one row per case it ever looked at. Each column is
 * claimed with a conditional UPDATE (`… WHERE case_id = ? AND <column> IS NULL`) inside the transaction
 * that acts, so with several server processes every reminder, escalation and auto-close happens once.
 */
@Entity('case_sla_marks')
export class CaseSlaMarks {
  @PrimaryColumn({ type: 'int' })
  caseId: number;

  @OneToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Relation<Case>;

  /** Found still unaccepted past its response deadline; the handler was reminded. */
  @Column({ type: 'datetime', nullable: true })
  responseOverdueAt: Date | null;

  /** Found unresolved past its resolve deadline; the handler was reminded. */
  @Column({ type: 'datetime', nullable: true })
  resolveOverdueAt: Date | null;

  /** Escalated to the street (吹哨) by the sweep. */
  @Column({ type: 'datetime', nullable: true })
  escalatedAt: Date | null;

  /** Closed by the sweep after the rating window ran out. */
  @Column({ type: 'datetime', nullable: true })
  autoClosedAt: Date | null;
}
