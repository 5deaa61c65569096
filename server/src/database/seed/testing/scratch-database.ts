import { DataSource, DataSourceOptions } from 'typeorm';
import { buildDataSourceOptions } from '../../data-source-options';

/** The MariaDB URL to test against, or undefined when the run is SQLite-only. */
export function mariadbTestUrl(): string | undefined {
  const url = process.env.DATABASE_URL;
  return url && /^(mysql|mariadb):\/\//.test(url) ? url : undefined;
}

/** Narrower than the app's: a test of one migration names that migration and the entities it covers. */
export type ScratchScope = Pick<DataSourceOptions, 'entities' | 'migrations'>;

/** A fresh in-memory SQLite database, configured as the app configures it, with the migrations applied. */
export async function openSqliteScratch(scope: ScratchScope = {}): Promise<DataSource> {
  return open({ ...buildDataSourceOptions({ databaseUrl: 'sqlite::memory:' }), ...scope });
}

/**
 * A freshly created MariaDB database named `name` on the server in `serverUrl`, migrated. `drop()` removes
 * it again, so tests never touch the database the URL itself names.
 */
export async function openMariadbScratch(
  serverUrl: string,
  name: string,
  scope: ScratchScope = {},
): Promise<{ dataSource: DataSource; drop: () => Promise<void> }> {
  const url = new URL(serverUrl.replace(/^mariadb:/, 'mysql:'));
  url.pathname = '/';
  const admin = new DataSource({ type: 'mariadb', url: url.toString() });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  url.pathname = `/${name}`;
  const options = buildDataSourceOptions({ databaseUrl: url.toString() });
  // `mariadb`, not `mysql`: TypeORM reads MariaDB's column defaults correctly only when told which it is.
  const dataSource = await open({ ...options, type: 'mariadb', ...scope } as DataSourceOptions);
  return {
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.destroy();
    },
  };
}

async function open(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = new DataSource({ ...options, migrationsRun: false, logging: false });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
