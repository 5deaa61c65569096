import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { REPO_ROOT } from '../config/repo-root';

/** Where the local-disk storage keeps photos: AppConfig.mediaDir when configured, else `<repo>/.data/media`. */
export function mediaDirFrom(config: AppConfig): string {
  const configured = (config as AppConfig & { mediaDir?: unknown }).mediaDir;
  return typeof configured === 'string' && configured.trim() !== '' ? configured : join(REPO_ROOT, '.data', 'media');
}
