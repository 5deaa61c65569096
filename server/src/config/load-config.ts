import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from './app-config';
import { parseCorsOrigins } from './cors-origins';
import { DEFAULT_RATE_LIMITS, parseRateLimitRule, type RateLimitBucket, type RateLimitRule } from './rate-limits';
import { REPO_ROOT } from './repo-root';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';
import { DEFAULT_POLL_RESULT_FIELDS, parsePollResultFields, type PollResultFieldKeys } from './wechat-template-fields';

/** Only for development; production refuses to start without JWT_SECRET. */
export const DEV_JWT_SECRET = 'linli-dev-secret-not-for-production';

/** Which environment variable feeds which field, so errors name what the operator must fix. */
const ENV_NAMES: Record<string, string> = {
  nodeEnv: 'NODE_ENV',
  port: 'PORT',
  databaseUrl: 'DATABASE_URL',
  databasePoolSize: 'DATABASE_POOL_SIZE',
  databaseAcquireTimeoutMs: 'DATABASE_ACQUIRE_TIMEOUT_MS',
  shutdownGraceMs: 'SHUTDOWN_GRACE_MS',
  redisUrl: 'REDIS_URL',
  jwtSecret: 'JWT_SECRET',
  jwtExpiresIn: 'JWT_EXPIRES_IN',
  devLogin: 'DEV_LOGIN',
  demo: 'DEMO',
  seedOnStart: 'SEED_ON_START',
  allowDevLoginInProduction: 'ALLOW_DEV_LOGIN_IN_PRODUCTION',
  apiDocs: 'API_DOCS',
  corsOrigins: 'CORS_ORIGINS',
  trustProxy: 'TRUST_PROXY',
  rateLimitEnabled: 'RATE_LIMIT_ENABLED',
  rateLimitPrefix: 'RATE_LIMIT_PREFIX',
  rateLimitSignIn: 'RATE_LIMIT_SIGN_IN',
  rateLimitReports: 'RATE_LIMIT_REPORTS',
  rateLimitUploads: 'RATE_LIMIT_UPLOADS',
  rateLimitDiscussion: 'RATE_LIMIT_DISCUSSION',
  rateLimitBallots: 'RATE_LIMIT_BALLOTS',
  rateLimitWechat: 'RATE_LIMIT_WECHAT',
  wechatApiBase: 'WECHAT_API_BASE',
  wechatTimeoutMs: 'WECHAT_TIMEOUT_MS',
  wechatAppId: 'WECHAT_APPID',
  wechatSecret: 'WECHAT_SECRET',
  wechatPollResultTemplateId: 'WECHAT_POLL_RESULT_TEMPLATE_ID',
  wechatMiniprogramState: 'WECHAT_MINIPROGRAM_STATE',
  wechatPollResultFields: 'WECHAT_POLL_RESULT_FIELDS',
  wechatSendSweepSeconds: 'WECHAT_SEND_SWEEP_SECONDS',
  h5Dir: 'H5_DIR',
  mediaDir: 'MEDIA_DIR',
  mediaStorage: 'MEDIA_STORAGE',
  s3Endpoint: 'S3_ENDPOINT',
  s3Bucket: 'S3_BUCKET',
  s3Region: 'S3_REGION',
  s3AccessKeyId: 'S3_ACCESS_KEY_ID',
  s3SecretAccessKey: 'S3_SECRET_ACCESS_KEY',
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',
  s3TimeoutMs: 'S3_TIMEOUT_MS',
  mediaMaxPixels: 'MEDIA_MAX_PIXELS',
  mediaProcessConcurrency: 'MEDIA_PROCESS_CONCURRENCY',
  mediaProcessQueue: 'MEDIA_PROCESS_QUEUE',
  logLevel: 'LOG_LEVEL',
  bodyLimit: 'BODY_LIMIT',
  volunteerQrSecret: 'VOLUNTEER_QR_SECRET',
  caseSweepSeconds: 'CASE_SWEEP_SECONDS',
  caseAutoCloseDays: 'CASE_AUTO_CLOSE_DAYS',
  mediaUnclaimedHours: 'MEDIA_UNCLAIMED_HOURS',
  mediaSweepSeconds: 'MEDIA_SWEEP_SECONDS',
};

function deriveSecret(base: string, purpose: string): string {
  return createHash('sha256').update(`${purpose}:${base}`).digest('hex');
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Numbers and booleans that do not parse are passed through as text so validation reports them. */
function parseInteger(value: string | undefined, fallback: number): number | string {
  const text = blankToUndefined(value);
  if (text === undefined) return fallback;
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

function parseBoolean(value: string | undefined, fallback: boolean): boolean | string {
  const text = blankToUndefined(value)?.toLowerCase();
  if (text === undefined) return fallback;
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  return text;
}

/** The field mapping, or the text itself when it does not parse, so validation reports it. */
function parseFieldKeys(value: string | undefined, fallback: PollResultFieldKeys): PollResultFieldKeys | string {
  const text = blankToUndefined(value);
  if (text === undefined) return fallback;
  return parsePollResultFields(text) ?? text;
}

/** The bucket's rule, or the text itself when it does not parse, so validation reports it. */
function parseRule(value: string | undefined, bucket: RateLimitBucket): RateLimitRule | string {
  const text = blankToUndefined(value) ?? DEFAULT_RATE_LIMITS[bucket];
  return parseRateLimitRule(text) ?? text;
}

function parseList<T>(value: string | undefined, fallback: T, parse: (text: string) => T | null): T | string {
  const text = blankToUndefined(value);
  if (text === undefined) return fallback;
  return parse(text) ?? text;
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => {
    const name = ENV_NAMES[error.property] ?? error.property;
    return Object.values(error.constraints ?? {}).map((message) => `${name}: ${message.replace(error.property, 'value')}`);
  });
}

/**
 * Builds the configuration from an environment (normally process.env) plus explicit overrides
 * (tests, the app factory). Pure: same input, same output; throws ConfigError listing every problem.
 */
export function loadConfig(env: Env, overrides: Partial<AppConfig> = {}): AppConfig {
  const nodeEnv = blankToUndefined(env.NODE_ENV) ?? 'development';
  const demo = parseBoolean(env.DEMO, false);
  const problems: string[] = [];
  const jwtSecret = blankToUndefined(env.JWT_SECRET);
  if (nodeEnv === 'production' && !jwtSecret && !overrides.jwtSecret) {
    problems.push('JWT_SECRET: is required when NODE_ENV=production');
  }

  const raw = {
    nodeEnv,
    port: parseInteger(env.PORT, 3000),
    databaseUrl: blankToUndefined(env.DATABASE_URL) ?? `sqlite:${join(REPO_ROOT, '.data', 'linli.sqlite')}`,
    databasePoolSize: parseInteger(env.DATABASE_POOL_SIZE, 10),
    databaseAcquireTimeoutMs: parseInteger(env.DATABASE_ACQUIRE_TIMEOUT_MS, 3000),
    shutdownGraceMs: parseInteger(env.SHUTDOWN_GRACE_MS, 10_000),
    redisUrl: blankToUndefined(env.REDIS_URL),
    jwtSecret: jwtSecret ?? DEV_JWT_SECRET,
    jwtExpiresIn: parseInteger(env.JWT_EXPIRES_IN, 7200),
    devLogin: parseBoolean(env.DEV_LOGIN, demo === true),
    demo,
    seedOnStart: parseBoolean(env.SEED_ON_START, false),
    allowDevLoginInProduction: parseBoolean(env.ALLOW_DEV_LOGIN_IN_PRODUCTION, false),
    apiDocs: parseBoolean(env.API_DOCS, nodeEnv !== 'production'),
    corsOrigins: parseList<string[]>(env.CORS_ORIGINS, [], parseCorsOrigins),
    trustProxy: parseList<TrustProxy>(env.TRUST_PROXY, false, parseTrustProxy),
    // Like the sweeps: the API tests sign in and post far more than a person would, so they ask for limits.
    rateLimitEnabled: parseBoolean(env.RATE_LIMIT_ENABLED, nodeEnv !== 'test'),
    rateLimitPrefix: blankToUndefined(env.RATE_LIMIT_PREFIX) ?? 'linli:rate-limit:',
    rateLimitSignIn: parseRule(env.RATE_LIMIT_SIGN_IN, 'signIn'),
    rateLimitReports: parseRule(env.RATE_LIMIT_REPORTS, 'reports'),
    rateLimitUploads: parseRule(env.RATE_LIMIT_UPLOADS, 'uploads'),
    rateLimitDiscussion: parseRule(env.RATE_LIMIT_DISCUSSION, 'discussion'),
    rateLimitBallots: parseRule(env.RATE_LIMIT_BALLOTS, 'ballots'),
    rateLimitWechat: parseRule(env.RATE_LIMIT_WECHAT, 'wechat'),
    wechatApiBase: (blankToUndefined(env.WECHAT_API_BASE) ?? 'https://api.weixin.qq.com').replace(/\/+$/, ''),
    wechatTimeoutMs: parseInteger(env.WECHAT_TIMEOUT_MS, 5000),
    wechatAppId: blankToUndefined(env.WECHAT_APPID),
    wechatSecret: blankToUndefined(env.WECHAT_SECRET),
    wechatPollResultTemplateId: blankToUndefined(env.WECHAT_POLL_RESULT_TEMPLATE_ID),
    wechatMiniprogramState: blankToUndefined(env.WECHAT_MINIPROGRAM_STATE)?.toLowerCase() ?? 'formal',
    wechatPollResultFields: parseFieldKeys(env.WECHAT_POLL_RESULT_FIELDS, DEFAULT_POLL_RESULT_FIELDS),
    // Like the other sweeps: tests run it by hand (sweepOnce) unless they ask for the timer.
    wechatSendSweepSeconds: parseInteger(env.WECHAT_SEND_SWEEP_SECONDS, nodeEnv === 'test' ? 0 : 60),
    h5Dir: blankToUndefined(env.H5_DIR) ?? join(REPO_ROOT, 'miniapp', 'dist', 'h5'),
    mediaDir: blankToUndefined(env.MEDIA_DIR) ?? join(REPO_ROOT, '.data', 'media'),
    mediaStorage: blankToUndefined(env.MEDIA_STORAGE)?.toLowerCase() ?? 'local',
    s3Endpoint: blankToUndefined(env.S3_ENDPOINT)?.replace(/\/+$/, ''),
    s3Bucket: blankToUndefined(env.S3_BUCKET),
    // MinIO's and s3rver's default; Aliyun OSS wants e.g. oss-cn-guangzhou, Tencent COS ap-guangzhou.
    s3Region: blankToUndefined(env.S3_REGION) ?? 'us-east-1',
    s3AccessKeyId: blankToUndefined(env.S3_ACCESS_KEY_ID),
    s3SecretAccessKey: blankToUndefined(env.S3_SECRET_ACCESS_KEY),
    s3ForcePathStyle: parseBoolean(env.S3_FORCE_PATH_STYLE, false),
    s3TimeoutMs: parseInteger(env.S3_TIMEOUT_MS, 5000),
    // 40 MP: above every phone's default photo (12–24 MP; 48–50 MP sensors save 12 MP unless asked) and a
    // decoded 40 MP RGB image is 120 MB, which two decoders at once can afford.
    mediaMaxPixels: parseInteger(env.MEDIA_MAX_PIXELS, 40_000_000),
    // One decoder a core: image work is CPU-bound, more at once only adds memory, not throughput.
    mediaProcessConcurrency: parseInteger(env.MEDIA_PROCESS_CONCURRENCY, Math.min(availableParallelism(), 64)),
    mediaProcessQueue: parseInteger(env.MEDIA_PROCESS_QUEUE, 16),
    logLevel: blankToUndefined(env.LOG_LEVEL)?.toLowerCase() ?? 'info',
    bodyLimit: blankToUndefined(env.BODY_LIMIT) ?? '1mb',
    // A separate key when given; otherwise one derived from the JWT secret, so production never signs with a default.
    volunteerQrSecret: blankToUndefined(env.VOLUNTEER_QR_SECRET) ?? deriveSecret(jwtSecret ?? overrides.jwtSecret ?? DEV_JWT_SECRET, 'volunteer-qr'),
    // Tests run the sweep by hand (sweepOnce) unless they ask for the timer.
    caseSweepSeconds: parseInteger(env.CASE_SWEEP_SECONDS, nodeEnv === 'test' ? 0 : 60),
    caseAutoCloseDays: parseInteger(env.CASE_AUTO_CLOSE_DAYS, 7),
    mediaUnclaimedHours: parseInteger(env.MEDIA_UNCLAIMED_HOURS, 24),
    // Like the case sweep: tests run it by hand (sweepOnce) unless they ask for the timer.
    mediaSweepSeconds: parseInteger(env.MEDIA_SWEEP_SECONDS, nodeEnv === 'test' ? 0 : 600),
    ...overrides,
  };

  // A demo that went live by accident hands anyone any account: production refuses dev sign-in unless told twice.
  if (raw.nodeEnv === 'production' && raw.devLogin === true && raw.allowDevLoginInProduction !== true) {
    const named = blankToUndefined(env.DEV_LOGIN) === undefined && raw.demo === true ? 'DEMO' : 'DEV_LOGIN';
    problems.push(
      `${named}: development sign-in lets anyone sign in as anyone; it is refused when NODE_ENV=production unless ALLOW_DEV_LOGIN_IN_PRODUCTION=true`,
    );
  }

  const config = plainToInstance(AppConfig, raw);
  problems.push(...describe(validateSync(config, { skipMissingProperties: false })));
  if (problems.length) throw new ConfigError(problems);
  return config;
}
