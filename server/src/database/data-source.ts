import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfigFromEnvironment } from '../config/environment';
import { buildDataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (`typeorm migration:run -d dist/database/data-source.js`). */
export default new DataSource({ ...buildDataSourceOptions(loadConfigFromEnvironment()), migrationsRun: false });
