import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The running number of each day's case codes (YX<day>-<n>), bumped under a row lock at intake. */
@Entity('case_code_counters')
export class CaseCodeCounter {
  /** yyyymmdd in Asia/Shanghai. */
  @PrimaryColumn({ type: 'varchar', length: 8 })
  day: string;

  @Column({ type: 'int' })
  lastValue: number;
}
