import { AppConfig } from './app-config';
import { loadConfig } from './load-config';

/** The single read of process.env in the server. */
export function loadConfigFromEnvironment(overrides: Partial<AppConfig> = {}): AppConfig {
  return loadConfig(process.env, overrides);
}
