import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Cases1732000003000 } from '../database/migrations/1732000003000-cases';
import { Foundation1732000000000 } from '../database/migrations/1732000000000-foundation';
import { Media1732000002000 } from '../database/migrations/1732000002000-media';
import { mariadbTestUrl, openMariadbScratch, openSqliteScratch, ScratchScope } from '../database/seed/testing/scratch-database';
import { CaseCodeIssuer, formatCaseCode, nextCaseCode } from './case-code';
import { CaseCodeCounter } from './entities/case-code-counter.entity';

const SCOPE: ScratchScope = { entities: [CaseCodeCounter], migrations: [Foundation1732000000000, Media1732000002000, Cases1732000003000] };

/** 10:00 in Shanghai on the given day (02:00 UTC). */
const at = (day: string) => new Date(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T02:00:00Z`);
const numberOf = (code: string) => Number(/-(\d+)$/.exec(code)![1]);

function describeOn(name: string, open: () => Promise<{ dataSource: DataSource; close: () => Promise<void> }>) {
  describe(`case codes on ${name}`, () => {
    let dataSource: DataSource;
    let close: () => Promise<void>;
    let issuers: CaseCodeIssuer[];
    /** An issuer as one server process has it; each is shut down as the app would before the database closes. */
    const issuer = () => {
      const made = new CaseCodeIssuer(dataSource);
      issuers.push(made);
      return made;
    };
    beforeEach(async () => {
      ({ dataSource, close } = await open());
      issuers = [];
    });
    afterEach(async () => {
      await Promise.all(issuers.map((i) => i.beforeApplicationShutdown()));
      await close();
    });

    it('numbers a day from 0001, one after another, inside a transaction', async () => {
      const codes: string[] = [];
      for (let i = 0; i < 3; i++) codes.push(await dataSource.transaction((m) => nextCaseCode(m, at('20261123'))));
      expect(codes).toEqual(['YX20261123-0001', 'YX20261123-0002', 'YX20261123-0003']);
    });

    it('gives a rolled-back transaction’s number to the next report', async () => {
      await dataSource.transaction((m) => nextCaseCode(m, at('20261123')));
      await expect(
        dataSource.transaction(async (m) => {
          await nextCaseCode(m, at('20261123'));
          throw new Error('the report failed');
        }),
      ).rejects.toThrow('the report failed');
      expect(await dataSource.transaction((m) => nextCaseCode(m, at('20261123')))).toBe('YX20261123-0002');
    });

    it('issues consecutive numbers to reports one after another, keeping one taken ahead', async () => {
      const issuing = issuer();
      const codes: string[] = [];
      for (let i = 0; i < 4; i++) codes.push(await issuing.next(at('20261123')));
      expect(codes).toEqual(['0001', '0002', '0003', '0004'].map((n) => `YX20261123-${n}`));
      await settled(issuing);
      // The spare taken ahead is on the counter already.
      expect(await dataSource.getRepository(CaseCodeCounter).findOneByOrFail({ day: '20261123' })).toMatchObject({ lastValue: 5 });
    });

    it('gives 30 reports asking at once 30 different numbers, in the order they asked, in fewer statements', async () => {
      const issuing = issuer();
      const counted = countStatements(dataSource);
      const codes = await Promise.all(Array.from({ length: 30 }, () => issuing.next(at('20261123'))));
      expect(codes.map(numberOf)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(counted.updates()).toBeLessThan(30);
    });

    it('starts the next day at 0001 and leaves the previous day’s spare number unused', async () => {
      const issuing = issuer();
      expect(await issuing.next(at('20261123'))).toBe('YX20261123-0001');
      await settled(issuing);
      expect(await issuing.next(at('20261124'))).toBe('YX20261124-0001');
      expect(await issuing.next(at('20261124'))).toBe('YX20261124-0002');
      // A report stamped just before midnight still gets a number of its own day, after the spare.
      expect(await issuing.next(at('20261123'))).toBe('YX20261123-0003');
    });

    it('never hands one number to two processes', async () => {
      const [a, b] = [issuer(), issuer()];
      const codes = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).next(at('20261123'))));
      expect(new Set(codes).size).toBe(40);
      const viaTransaction = await dataSource.transaction((m) => nextCaseCode(m, at('20261123')));
      expect(codes).not.toContain(viaTransaction);
    });

    it('fails the waiting reports when the counter cannot be read, and recovers once it can', async () => {
      const issuing = issuer();
      await dataSource.query('ALTER TABLE case_code_counters RENAME TO case_code_counters_away');
      // Not rejects.toThrow(): the driver's error class may come from another test file's realm in the same worker.
      const outcome = await Promise.all([issuing.next(at('20261123')), issuing.next(at('20261123'))]).then(
        () => 'issued',
        () => 'failed',
      );
      expect(outcome).toBe('failed');
      await dataSource.query('ALTER TABLE case_code_counters_away RENAME TO case_code_counters');
      expect(await issuing.next(at('20261123'))).toBe(formatCaseCode('20261123', 1));
    });
  });
}

/** Waits until the issuer's background statement (taking the spare) has finished. */
async function settled(issuing: CaseCodeIssuer): Promise<void> {
  const state = issuing as unknown as { running: Promise<void> | null };
  while (state.running) await state.running;
}

/** Counts the counter UPDATEs the data source runs from now on. */
function countStatements(dataSource: DataSource): { updates(): number } {
  let count = 0;
  const query = dataSource.query.bind(dataSource);
  dataSource.query = ((sql: string, ...rest: unknown[]) => {
    if (/^UPDATE case_code_counters/.test(sql)) count++;
    return (query as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
  }) as typeof dataSource.query;
  return { updates: () => count };
}

describeOn('SQLite', async () => {
  const dataSource = await openSqliteScratch(SCOPE);
  return { dataSource, close: () => dataSource.destroy() };
});

const mariadbUrl = mariadbTestUrl();
if (mariadbUrl) {
  describeOn('MariaDB', async () => {
    const scratch = await openMariadbScratch(mariadbUrl, 'linli_scratch_case_codes', SCOPE);
    return { dataSource: scratch.dataSource, close: scratch.drop };
  });
}
