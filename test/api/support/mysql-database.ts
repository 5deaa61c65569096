import { createConnection } from 'mysql2/promise';

let counter = 0;

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty MariaDB database per test app (`linli_t_<pid>_<n>`), so suites running in parallel
 * workers never see each other's rows. Dropped on close.
 */
export async function createScratchMysqlDatabase(baseUrl: string): Promise<ScratchDatabase> {
  const url = new URL(baseUrl.replace(/^mariadb:/, 'mysql:'));
  const name = `linli_t_${process.pid}_${++counter}`;
  const server = new URL(url.toString());
  server.pathname = '/';
  const admin = await createConnection({ uri: server.toString() });
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return {
    // The scheme the caller gave (mariadb:// or mysql://), which decides the server's TypeORM type.
    url: url.toString().replace(/^mysql:/, baseUrl.startsWith('mariadb:') ? 'mariadb:' : 'mysql:'),
    drop: async () => {
      const conn = await createConnection({ uri: server.toString() });
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}
