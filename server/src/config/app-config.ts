import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateBy, ValidateIf } from 'class-validator';
import { BODY_LIMIT_PATTERN } from './body-limit';
import { isCorsOriginList } from './cors-origins';
import { isRateLimitRule, type RateLimitBucket, type RateLimitRule } from './rate-limits';
import { isTrustProxy, type TrustProxy } from './trust-proxy';
import { isPollResultFieldKeys, type PollResultFieldKeys } from './wechat-template-fields';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** Which version of the mini-program a subscription message opens: released, trial (体验版) or developer build. */
export const WECHAT_MINIPROGRAM_STATES = ['formal', 'trial', 'developer'] as const;
export type WechatMiniprogramState = (typeof WECHAT_MINIPROGRAM_STATES)[number];

/** Where photos are kept: the local disk (one process, the embedded default) or an S3-compatible bucket. */
export const MEDIA_STORAGES = ['local', 's3'] as const;
export type MediaStorageKind = (typeof MEDIA_STORAGES)[number];

/** sharp's own ceiling (0x3FFF × 0x3FFF); a larger limit would be ignored by the decoder anyway. */
export const MEDIA_MAX_PIXELS_CEILING = 268_402_689;

const whenS3 = (config: AppConfig) => config.mediaStorage === 's3';
const REQUIRED_FOR_S3 = { message: 'is required when MEDIA_STORAGE=s3' };

const rateLimitRule = () =>
  ValidateBy({
    name: 'isRateLimitRule',
    validator: { validate: isRateLimitRule, defaultMessage: () => 'must look like user=5/min,ip=60/min (windows in s, min or h, at most a day)' },
  });

/**
 * The server's whole configuration, typed and validated once at start-up.
 * Injected everywhere as `AppConfig`; nothing else reads process.env.
 */
export class AppConfig {
  @IsIn(NODE_ENVS)
  nodeEnv: NodeEnv;

  @IsInt()
  @Min(0)
  @Max(65535)
  port: number;

  /** `sqlite:<file>`, `sqlite::memory:`, `mysql://…` or `mariadb://…`. */
  @IsString()
  @Matches(/^(sqlite:.+|mysql:\/\/.+|mariadb:\/\/.+)$/, { message: 'must start with sqlite:, mysql:// or mariadb://' })
  databaseUrl: string;

  /** MariaDB/MySQL: connections each server process keeps in its pool (see README, sizing the pool). */
  @IsInt()
  @Min(1)
  @Max(1000)
  databasePoolSize: number;

  /**
   * How long a request may wait for a pooled connection (or, on SQLite, for its turn to write) before it is
   * answered 503: a burst then sheds load instead of queueing without end.
   */
  @IsInt()
  @Min(50)
  @Max(120_000)
  databaseAcquireTimeoutMs: number;

  /** After SIGTERM: how long in-flight requests may finish before the process exits anyway. */
  @IsInt()
  @Min(0)
  @Max(600_000)
  shutdownGraceMs: number;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  redisUrl?: string;

  @IsString()
  @MinLength(16)
  jwtSecret: string;

  /** Access-token lifetime in seconds. */
  @IsInt()
  @Min(60)
  jwtExpiresIn: number;

  /** Development sign-in (pick a seeded user); never on in production unless asked for. */
  @IsBoolean()
  devLogin: boolean;

  /** Demo mode: seed the demo district on start and allow dev sign-in. */
  @IsBoolean()
  demo: boolean;

  @IsBoolean()
  seedOnStart: boolean;

  /** Lets NODE_ENV=production start with development sign-in on (a public demo); logged as a warning at start. */
  @IsBoolean()
  allowDevLoginInProduction: boolean;

  /** Serve the OpenAPI docs at /api/docs (off in production unless asked for). */
  @IsBoolean()
  apiDocs: boolean;

  /** Cross-origin browser callers allowed besides the server's own origin (see cors-origins.ts). */
  @ValidateBy({
    name: 'isCorsOriginList',
    validator: { validate: isCorsOriginList, defaultMessage: () => 'must be a comma-separated list of origins like https://linli.example.cn' },
  })
  corsOrigins: string[];

  /** Which reverse proxies may name the client address in X-Forwarded-For (see trust-proxy.ts). */
  @ValidateBy({
    name: 'isTrustProxy',
    validator: { validate: isTrustProxy, defaultMessage: () => 'must be false, a number of proxy hops, or proxy addresses/CIDR ranges' },
  })
  trustProxy: TrustProxy;

  /** Rate limits on sign-in, reports, uploads, comments and topics, ballots and calls that reach WeChat. */
  @IsBoolean()
  rateLimitEnabled: boolean;

  /** Prefix of the rate-limit counters in Redis, so deployments (or test runs) sharing one Redis keep apart. */
  @Matches(/^[\w:.-]{1,64}$/, { message: 'must be 1–64 letters, digits or _:.-' })
  rateLimitPrefix: string;

  @rateLimitRule()
  rateLimitSignIn: RateLimitRule;

  @rateLimitRule()
  rateLimitReports: RateLimitRule;

  @rateLimitRule()
  rateLimitUploads: RateLimitRule;

  @rateLimitRule()
  rateLimitDiscussion: RateLimitRule;

  @rateLimitRule()
  rateLimitBallots: RateLimitRule;

  @rateLimitRule()
  rateLimitWechat: RateLimitRule;

  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  wechatApiBase: string;

  /** How long to wait for WeChat's code2session before answering 502. */
  @IsInt()
  @Min(1)
  wechatTimeoutMs: number;

  @IsOptional()
  @IsString()
  wechatAppId?: string;

  @IsOptional()
  @IsString()
  wechatSecret?: string;

  /** Template id of the vote-result subscription message (订阅消息); unset = no subscription messages at all. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,128}$/, { message: 'must be a template id from the WeChat admin console' })
  wechatPollResultTemplateId?: string;

  /** The mini-program version a subscription message opens. */
  @IsIn(WECHAT_MINIPROGRAM_STATES)
  wechatMiniprogramState: WechatMiniprogramState;

  /** Which template data key carries the vote's title, its result and its closing time. */
  @ValidateBy({
    name: 'isPollResultFieldKeys',
    validator: { validate: isPollResultFieldKeys, defaultMessage: () => 'must look like title=thing1,result=thing2,closedAt=time3' },
  })
  wechatPollResultFields: PollResultFieldKeys;

  /** How often the retry sweep of subscription messages runs, in seconds; 0 = never. */
  @IsInt()
  @Min(0)
  // As for the media sweep: longer periods make setInterval fire at once.
  @Max(2_147_483)
  wechatSendSweepSeconds: number;

  /** The built H5 mini-program, served at `/` when present. */
  @IsString()
  h5Dir: string;

  /** Where the local-disk storage keeps uploaded photos and thumbnails. */
  @IsString()
  mediaDir: string;

  /** `local` (mediaDir) or `s3` (the bucket below). */
  @IsIn(MEDIA_STORAGES)
  mediaStorage: MediaStorageKind;

  /** The S3 API's base URL: an OSS, COS or MinIO endpoint; unset = AWS's own for s3Region. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { message: 'must be an http(s) URL' })
  s3Endpoint?: string;

  @ValidateIf(whenS3)
  @IsString(REQUIRED_FOR_S3)
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be a bucket name (lower-case letters, digits, dots, dashes)' })
  s3Bucket?: string;

  @IsString()
  @Matches(/^[a-z0-9-]{1,64}$/, { message: 'must be a region name such as cn-guangzhou or us-east-1' })
  s3Region: string;

  @ValidateIf(whenS3)
  @IsString(REQUIRED_FOR_S3)
  @MinLength(1, REQUIRED_FOR_S3)
  s3AccessKeyId?: string;

  @ValidateIf(whenS3)
  @IsString(REQUIRED_FOR_S3)
  @MinLength(1, REQUIRED_FOR_S3)
  s3SecretAccessKey?: string;

  /** Bucket in the path (`endpoint/bucket/key`, MinIO) instead of the host name (`bucket.endpoint/key`, OSS and COS). */
  @IsBoolean()
  s3ForcePathStyle: boolean;

  /** How long one storage call (all its retries) may take before the request answers 503. */
  @IsInt()
  @Min(1)
  @Max(120_000)
  s3TimeoutMs: number;

  /** Images whose header claims more pixels than this are refused before they are decoded. */
  @IsInt()
  @Min(1)
  @Max(MEDIA_MAX_PIXELS_CEILING)
  mediaMaxPixels: number;

  /** Photos decoded at once in this process. */
  @IsInt()
  @Min(1)
  @Max(64)
  mediaProcessConcurrency: number;

  /** Uploads that may wait for a free decoder; the next one is answered 503 with Retry-After. */
  @IsInt()
  @Min(0)
  @Max(1000)
  mediaProcessQueue: number;

  @IsIn(LOG_LEVELS)
  logLevel: LogLevel;

  /** Largest accepted JSON body, e.g. 1mb, 512kb (see body-limit.ts). */
  @Matches(BODY_LIMIT_PATTERN, { message: 'must look like 512kb or 1mb' })
  bodyLimit: string;

  /** Signs the rotating volunteer check-in QR codes; derived from jwtSecret when not given. */
  @IsString()
  @MinLength(16)
  volunteerQrSecret: string;

  /** How often the case deadline sweep runs (reminders, 吹哨 escalation, auto-close), in seconds; 0 = never. */
  @IsInt()
  @Min(0)
  caseSweepSeconds: number;

  /** A resolved case the reporter has not rated closes on its own after this many days. */
  @IsInt()
  @Min(1)
  caseAutoCloseDays: number;

  /** An upload nobody attached to a report or case is deleted once it is this many hours old. */
  @IsInt()
  @Min(1)
  // Ten years: anything longer is a typo, and far larger values no longer make a date.
  @Max(87_600)
  mediaUnclaimedHours: number;

  /** How often the sweep of unattached uploads runs, in seconds; 0 = never. */
  @IsInt()
  @Min(0)
  // setInterval fires at once for periods beyond 2^31-1 ms (about 24.8 days), which would sweep without pause.
  @Max(2_147_483)
  mediaSweepSeconds: number;

  /** Each bucket's rule. */
  get rateLimits(): Record<RateLimitBucket, RateLimitRule> {
    return {
      signIn: this.rateLimitSignIn,
      reports: this.rateLimitReports,
      uploads: this.rateLimitUploads,
      discussion: this.rateLimitDiscussion,
      ballots: this.rateLimitBallots,
      wechat: this.rateLimitWechat,
    };
  }

  get databaseType(): 'sqlite' | 'mysql' {
    return this.databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'mysql';
  }
}
