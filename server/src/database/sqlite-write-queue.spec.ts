import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { DatabaseBusyError } from './connection-waits';
import { limitSqliteWriteWait, serializedOnSqlite } from './sqlite-write-queue';

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

  it('refuses a write that waited longer than the bound for its turn, without running it, and carries on after', async () => {
    const bounded = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    await bounded.initialize();
    limitSqliteWriteWait(bounded, 50);
    let release!: () => void;
    const holding = serializedOnSqlite(bounded, () => new Promise<string>((r) => (release = () => r('held'))));
    let ran = false;
    const waiting = serializedOnSqlite(bounded, async () => {
      ran = true;
    });
    await expect(waiting).rejects.toBeInstanceOf(DatabaseBusyError);
    release();
    await expect(holding).resolves.toBe('held');
    await expect(serializedOnSqlite(bounded, async () => 'next')).resolves.toBe('next');
    expect(ran).toBe(false);
    await bounded.destroy();
  });
});
