import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../common/error-mapping';
import { runPipelinedTransaction } from './pipelined-transaction';
import { mariadbTestUrl, openMariadbScratch } from './seed/testing/scratch-database';

const mariadbUrl = mariadbTestUrl();

(mariadbUrl ? describe : describe.skip)('pipelined transactions on MariaDB', () => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ dataSource, drop } = await openMariadbScratch(mariadbUrl!, 'linli_scratch_pipelined', { entities: [], migrations: [] }));
    await dataSource.query('CREATE TABLE items (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL UNIQUE) ENGINE=InnoDB');
  });
  afterAll(() => drop());
  beforeEach(() => dataSource.query('DELETE FROM items'));

  const names = async () => ((await dataSource.query('SELECT name FROM items ORDER BY id')) as { name: string }[]).map((r) => r.name);
  const insert = (name: string) => ({ sql: 'INSERT INTO items (name) VALUES (?)', params: [name] });

  it('commits what every group wrote, and answers each statement of a group in order', async () => {
    const result = await runPipelinedTransaction(dataSource, async (tx) => {
      const [first, read] = (await tx.send([insert('a'), { sql: 'SELECT COUNT(*) AS n FROM items', params: [] }])) as [{ insertId: number }, { n: number }[]];
      await tx.send([insert('b'), insert('c')]);
      return { firstId: first.insertId, seen: Number(read[0].n) };
    });
    expect(result.seen).toBe(1);
    expect(result.firstId).toBeGreaterThan(0);
    expect(await names()).toEqual(['a', 'b', 'c']);
  });

  it('rolls back the whole transaction when one statement of a group fails, even those after it that ran', async () => {
    await dataSource.query("INSERT INTO items (name) VALUES ('taken')");
    const failure = await runPipelinedTransaction(dataSource, async (tx) => {
      await tx.send([insert('x')]);
      await tx.send([insert('y'), insert('taken'), insert('z')]);
    }).catch((error: unknown) => error);
    expect(isUniqueViolation(failure)).toBe(true);
    expect(await names()).toEqual(['taken']);
  });

  it('rolls back when the work fails after its statements succeeded', async () => {
    await expect(
      runPipelinedTransaction(dataSource, async (tx) => {
        await tx.send([insert('p'), insert('q')]);
        throw new Error('judged wrong');
      }),
    ).rejects.toThrow('judged wrong');
    expect(await names()).toEqual([]);
  });

  it('keeps its rows from other connections until it commits', async () => {
    let seenOutside: string[] | null = null;
    await runPipelinedTransaction(dataSource, async (tx) => {
      await tx.send([insert('hidden')]);
      seenOutside = await names();
    });
    expect(seenOutside).toEqual([]);
    expect(await names()).toEqual(['hidden']);
  });
});
