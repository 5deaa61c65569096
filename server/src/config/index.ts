export { AppConfig, LogLevel } from './app-config';
export { ConfigError, DEV_JWT_SECRET, loadConfig } from './load-config';
export { loadConfigFromEnvironment } from './environment';
export { ConfigModule } from './config.module';
export { REPO_ROOT } from './repo-root';
