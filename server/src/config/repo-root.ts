import { resolve } from 'node:path';

/**
 * The repository root, found from this file's own location so the same code works from `src/`
 * (jest, ts) and from `dist/` (node): both sit at server/<src|dist>/config.
 */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
