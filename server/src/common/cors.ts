import type { AppConfig } from '../config/app-config';

/** The Taro H5 dev server and other local tools: http://localhost or 127.0.0.1 on any port. */
export const LOCAL_DEV_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;

/**
 * Which browser origins get CORS headers: CORS_ORIGINS when given; otherwise local development origins in
 * development, and none (same-origin only) elsewhere. An Origin is never reflected as sent, and `null` never matches.
 */
export function corsOrigins(config: Pick<AppConfig, 'corsOrigins' | 'nodeEnv'>): (string | RegExp)[] | false {
  if (config.corsOrigins.length) return config.corsOrigins;
  return config.nodeEnv === 'development' ? [LOCAL_DEV_ORIGIN] : false;
}
