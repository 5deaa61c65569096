import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { serializedOnSqlite } from './sqlite-write-queue';

describe('SQLite write queue', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)');
    await dataSource.query('INSERT INTO counter (id, n) VALUES (1, 0)');
  });
  afterAll(async () => dataSource.destroy());

  it('runs overlapping read-modify-write transactions one after another, so none is lost', async () => {
    const bump = () =>
      serializedOnSqlite(dataSource, () =>
        dataSource.transaction(async (manager) => {
          const [{ n }] = await manager.query('SELECT n FROM counter WHERE id = 1');
          await new Promise((resolve) => setImmediate(resolve));
          await manager.query('UPDATE counter SET n = ? WHERE id = 1', [n + 1]);
        }),
      );
    await Promise.all(Array.from({ length: 20 }, bump));
    expect((await dataSource.query('SELECT n FROM counter WHERE id = 1'))[0].n).toBe(20);
  });

  it('keeps going after a failed transaction', async () => {
    const failing = serializedOnSqlite(dataSource, async () => {
      throw new Error('boom');
    });
    const after = serializedOnSqlite(dataSource, async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(after).resolves.toBe('ran');
  });
});
