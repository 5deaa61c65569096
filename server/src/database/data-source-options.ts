import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// Running from src/ (jest) loads .ts, from dist/ loads .js; a plain {ts,js} glob would also pick up the
// emitted .d.ts files next to compiled migrations and try to execute them.
const EXT = __filename.endsWith('.ts') ? 'ts' : 'js';
const ENTITIES = [join(__dirname, '..', '**', `*.entity.${EXT}`)];
const MIGRATIONS = [join(__dirname, 'migrations', `*.${EXT}`)];

/** `sqlite:/abs/file.sqlite` → the file path; `sqlite::memory:` → `:memory:`. */
export function sqliteFileOf(databaseUrl: string): string {
  return databaseUrl.slice('sqlite:'.length);
}

/**
 * TypeORM options for the configured database. The schema only ever changes through migrations
 * (never synchronize), on SQLite and MariaDB alike.
 */
export function buildDataSourceOptions(config: Pick<AppConfig, 'databaseUrl'> & Partial<Pick<AppConfig, 'databasePoolSize'>>): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
  } as const;

  if (config.databaseUrl.startsWith('sqlite:')) {
    const database = sqliteFileOf(config.databaseUrl);
    if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database,
      // WAL lets readers go on while one writer commits; SQLite leaves foreign keys off unless asked.
      prepareDatabase: (db: { pragma(source: string): unknown }) => {
        if (database !== ':memory:') db.pragma('journal_mode = WAL');
        db.pragma('foreign_keys = ON');
      },
    };
  }

  return {
    ...common,
    // mariadb:// tells TypeORM which server it talks to (it reads MariaDB's column defaults and features by
    // that); mysql:// is MySQL or a MariaDB run as one. Both speak through mysql2.
    type: config.databaseUrl.startsWith('mariadb://') ? 'mariadb' : 'mysql',
    url: config.databaseUrl.replace(/^mariadb:\/\//, 'mysql://'),
    charset: 'utf8mb4',
    timezone: 'Z',
    // DECIMAL/BIGINT as numbers where safe; the entities' transformers handle the rest.
    supportBigNumbers: true,
    // Each process keeps this many connections (mysql2's connectionLimit); waits for one are bounded by
    // ConnectionWaitLimits.
    poolSize: config.databasePoolSize ?? 10,
  };
}
