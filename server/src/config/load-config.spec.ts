import { join } from 'node:path';
import { ConfigError, DEV_JWT_SECRET, loadConfig } from './load-config';
import { REPO_ROOT } from './repo-root';

describe('loadConfig', () => {
  it('runs with no environment at all on an embedded SQLite file inside the repository', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe(`sqlite:${join(REPO_ROOT, '.data', 'linli.sqlite')}`);
    expect(config.databaseType).toBe('sqlite');
    expect(config.redisUrl).toBeUndefined();
    expect(config.jwtSecret).toBe(DEV_JWT_SECRET);
    expect(config.jwtExpiresIn).toBe(7200);
    expect(config.devLogin).toBe(false);
    expect(config.h5Dir).toBe(join(REPO_ROOT, 'miniapp', 'dist', 'h5'));
    expect(config.wechatApiBase).toBe('https://api.weixin.qq.com');
  });

  it('finds the repository root from its own location', () => {
    expect(require('node:fs').existsSync(join(REPO_ROOT, 'server', 'package.json'))).toBe(true);
  });

  it('reads typed values from the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'mysql://root@db:3306/linli',
      REDIS_URL: 'redis://cache:6379',
      JWT_EXPIRES_IN: '600',
      SEED_ON_START: 'yes',
      LOG_LEVEL: 'WARN',
      WECHAT_API_BASE: 'http://127.0.0.1:9999/',
    });
    expect(config.port).toBe(8080);
    expect(config.databaseType).toBe('mysql');
    expect(config.redisUrl).toBe('redis://cache:6379');
    expect(config.jwtExpiresIn).toBe(600);
    expect(config.seedOnStart).toBe(true);
    expect(config.logLevel).toBe('warn');
    expect(config.wechatApiBase).toBe('http://127.0.0.1:9999');
  });

  it('turns on development sign-in in demo mode unless told otherwise', () => {
    expect(loadConfig({ DEMO: 'true' }).devLogin).toBe(true);
    expect(loadConfig({ DEMO: 'true', DEV_LOGIN: 'false' }).devLogin).toBe(false);
    expect(loadConfig({ DEV_LOGIN: '1' }).devLogin).toBe(true);
  });

  it('accepts an in-memory SQLite database', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite::memory:' }).databaseUrl).toBe('sqlite::memory:');
  });

  it('lets explicit overrides win over the environment, including clearing a value', () => {
    const config = loadConfig({ PORT: '8080', REDIS_URL: 'redis://cache:6379' }, { port: 0, redisUrl: undefined });
    expect(config.port).toBe(0);
    expect(config.redisUrl).toBeUndefined();
  });

  it('refuses to start in production without a JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: is required/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-long-enough-production-secret' }).jwtSecret).toBe(
      'a-long-enough-production-secret',
    );
  });

  it('sweeps case deadlines every minute and closes unrated cases after seven days, unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ caseSweepSeconds: 60, caseAutoCloseDays: 7 });
    expect(loadConfig({ CASE_SWEEP_SECONDS: '15', CASE_AUTO_CLOSE_DAYS: '3' })).toMatchObject({ caseSweepSeconds: 15, caseAutoCloseDays: 3 });
  });

  it('leaves the case sweep timer off under test, where tests run the sweep by hand', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).caseSweepSeconds).toBe(0);
    expect(loadConfig({ NODE_ENV: 'test', CASE_SWEEP_SECONDS: '1' }).caseSweepSeconds).toBe(1);
  });

  it('refuses a negative sweep period or an auto-close after zero days, naming the variables', () => {
    expect(() => loadConfig({ CASE_SWEEP_SECONDS: '-1', CASE_AUTO_CLOSE_DAYS: '0' })).toThrow(/CASE_SWEEP_SECONDS[\s\S]*CASE_AUTO_CLOSE_DAYS/);
  });

  it('sweeps uploads nobody attached every ten minutes, once they are a day old, unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ mediaSweepSeconds: 600, mediaUnclaimedHours: 24 });
    expect(loadConfig({ MEDIA_SWEEP_SECONDS: '30', MEDIA_UNCLAIMED_HOURS: '72' })).toMatchObject({ mediaSweepSeconds: 30, mediaUnclaimedHours: 72 });
    expect(loadConfig({ MEDIA_SWEEP_SECONDS: '0' }).mediaSweepSeconds).toBe(0);
  });

  it('leaves the upload sweep timer off under test, where tests run the sweep by hand', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).mediaSweepSeconds).toBe(0);
    expect(loadConfig({ NODE_ENV: 'test', MEDIA_SWEEP_SECONDS: '1' }).mediaSweepSeconds).toBe(1);
  });

  it.each([
    [{ MEDIA_SWEEP_SECONDS: '-1' }, 'MEDIA_SWEEP_SECONDS'],
    [{ MEDIA_SWEEP_SECONDS: 'often' }, 'MEDIA_SWEEP_SECONDS'],
    [{ MEDIA_SWEEP_SECONDS: '1.5' }, 'MEDIA_SWEEP_SECONDS'],
    // Beyond setInterval's longest period, which would fire it continuously.
    [{ MEDIA_SWEEP_SECONDS: '2147484' }, 'MEDIA_SWEEP_SECONDS'],
    // 0 hours would sweep a photo while the resident is still filling in the report.
    [{ MEDIA_UNCLAIMED_HOURS: '0' }, 'MEDIA_UNCLAIMED_HOURS'],
    [{ MEDIA_UNCLAIMED_HOURS: '-24' }, 'MEDIA_UNCLAIMED_HOURS'],
    [{ MEDIA_UNCLAIMED_HOURS: 'a day' }, 'MEDIA_UNCLAIMED_HOURS'],
    [{ MEDIA_UNCLAIMED_HOURS: '99999999999999999999' }, 'MEDIA_UNCLAIMED_HOURS'],
  ])('refuses %p for the upload sweep, naming %s', (env, name) => {
    let caught: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect(new Set((caught as ConfigError).problems.map((p) => p.split(':')[0]))).toEqual(new Set([name]));
  });

  it('keeps photos on the local disk, refuses images over 40 MP and decodes one photo a core, unless told otherwise', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ mediaStorage: 'local', mediaMaxPixels: 40_000_000, mediaProcessQueue: 16, s3Region: 'us-east-1', s3ForcePathStyle: false, s3TimeoutMs: 5000 });
    expect(config.mediaProcessConcurrency).toBe(Math.min(require('node:os').availableParallelism(), 64));
    expect(loadConfig({ MEDIA_MAX_PIXELS: '24000000', MEDIA_PROCESS_CONCURRENCY: '1', MEDIA_PROCESS_QUEUE: '0' })).toMatchObject({
      mediaMaxPixels: 24_000_000,
      mediaProcessConcurrency: 1,
      mediaProcessQueue: 0,
    });
  });

  it('reads an S3-compatible bucket for photos', () => {
    const config = loadConfig({
      MEDIA_STORAGE: 'S3',
      S3_ENDPOINT: 'https://oss-cn-guangzhou.aliyuncs.com/',
      S3_BUCKET: 'linli-photos',
      S3_REGION: 'oss-cn-guangzhou',
      S3_ACCESS_KEY_ID: 'LTAI-test',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'false',
      S3_TIMEOUT_MS: '3000',
    });
    expect(config).toMatchObject({
      mediaStorage: 's3',
      s3Endpoint: 'https://oss-cn-guangzhou.aliyuncs.com',
      s3Bucket: 'linli-photos',
      s3Region: 'oss-cn-guangzhou',
      s3AccessKeyId: 'LTAI-test',
      s3SecretAccessKey: 'secret',
      s3ForcePathStyle: false,
      s3TimeoutMs: 3000,
    });
  });

  it('refuses S3 storage without its bucket and keys, naming each variable', () => {
    let caught: unknown;
    try {
      loadConfig({ MEDIA_STORAGE: 's3' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(new Set(problems.map((p) => p.split(':')[0]))).toEqual(new Set(['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']));
    expect(problems.join('\n')).toContain('is required when MEDIA_STORAGE=s3');
  });

  it.each([
    [{ MEDIA_STORAGE: 'oss' }, 'MEDIA_STORAGE'],
    [{ MEDIA_MAX_PIXELS: '0' }, 'MEDIA_MAX_PIXELS'],
    [{ MEDIA_MAX_PIXELS: '40MP' }, 'MEDIA_MAX_PIXELS'],
    [{ MEDIA_MAX_PIXELS: '300000000' }, 'MEDIA_MAX_PIXELS'],
    [{ MEDIA_PROCESS_CONCURRENCY: '0' }, 'MEDIA_PROCESS_CONCURRENCY'],
    [{ MEDIA_PROCESS_QUEUE: '-1' }, 'MEDIA_PROCESS_QUEUE'],
    [{ S3_TIMEOUT_MS: '0' }, 'S3_TIMEOUT_MS'],
    [{ S3_ENDPOINT: 'oss-cn-guangzhou.aliyuncs.com' }, 'S3_ENDPOINT'],
    [{ S3_FORCE_PATH_STYLE: 'sometimes' }, 'S3_FORCE_PATH_STYLE'],
    [{ MEDIA_STORAGE: 's3', S3_BUCKET: 'Linli_Photos', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' }, 'S3_BUCKET'],
  ])('refuses %p for photo storage and processing, naming %s', (env, name) => {
    let caught: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect(new Set((caught as ConfigError).problems.map((p) => p.split(':')[0]))).toEqual(new Set([name]));
  });

  it('sends no WeChat subscription messages unless a template is configured, opening the released mini-program', () => {
    const config = loadConfig({});
    expect(config.wechatPollResultTemplateId).toBeUndefined();
    expect(config.wechatMiniprogramState).toBe('formal');
    expect(config.wechatPollResultFields).toEqual({ title: 'thing1', result: 'thing2', closedAt: 'time3' });
    expect(config.wechatSendSweepSeconds).toBe(60);
    expect(loadConfig({ NODE_ENV: 'test' }).wechatSendSweepSeconds).toBe(0);
  });

  it('reads the subscription message settings', () => {
    const config = loadConfig({
      WECHAT_POLL_RESULT_TEMPLATE_ID: 'zun-LzcQyW-edafCVvzPkK4de2Rllr1fFpw2A_x0oXE',
      WECHAT_MINIPROGRAM_STATE: 'Trial',
      WECHAT_POLL_RESULT_FIELDS: 'title=thing4,result=thing5,closedAt=date2',
      WECHAT_SEND_SWEEP_SECONDS: '30',
    });
    expect(config).toMatchObject({
      wechatPollResultTemplateId: 'zun-LzcQyW-edafCVvzPkK4de2Rllr1fFpw2A_x0oXE',
      wechatMiniprogramState: 'trial',
      wechatPollResultFields: { title: 'thing4', result: 'thing5', closedAt: 'date2' },
      wechatSendSweepSeconds: 30,
    });
  });

  it.each([
    [{ WECHAT_MINIPROGRAM_STATE: 'release' }, 'WECHAT_MINIPROGRAM_STATE'],
    [{ WECHAT_POLL_RESULT_TEMPLATE_ID: 'not a template id!' }, 'WECHAT_POLL_RESULT_TEMPLATE_ID'],
    [{ WECHAT_POLL_RESULT_FIELDS: 'title=thing1,result=thing2' }, 'WECHAT_POLL_RESULT_FIELDS'],
    [{ WECHAT_POLL_RESULT_FIELDS: 'title=thing1,result=thing1,closedAt=time3' }, 'WECHAT_POLL_RESULT_FIELDS'],
    [{ WECHAT_SEND_SWEEP_SECONDS: '-5' }, 'WECHAT_SEND_SWEEP_SECONDS'],
    [{ WECHAT_SEND_SWEEP_SECONDS: '2147484' }, 'WECHAT_SEND_SWEEP_SECONDS'],
  ])('refuses %p for subscription messages, naming %s', (env, name) => {
    let caught: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect(new Set((caught as ConfigError).problems.map((p) => p.split(':')[0]))).toEqual(new Set([name]));
  });

  it('keeps ten pooled connections per process, waits three seconds for one and drains for ten, unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ databasePoolSize: 10, databaseAcquireTimeoutMs: 3000, shutdownGraceMs: 10_000 });
    expect(loadConfig({ DATABASE_POOL_SIZE: '40', DATABASE_ACQUIRE_TIMEOUT_MS: '800', SHUTDOWN_GRACE_MS: '30000' })).toMatchObject({
      databasePoolSize: 40,
      databaseAcquireTimeoutMs: 800,
      shutdownGraceMs: 30_000,
    });
  });

  it.each([
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_POOL_SIZE', 'ten'],
    ['DATABASE_ACQUIRE_TIMEOUT_MS', '0'],
    ['SHUTDOWN_GRACE_MS', '-1'],
  ])('refuses %s=%s, naming it', (name, value) => {
    let caught: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems.map((p) => p.split(':')[0])).toContain(name);
  });

  describe('development sign-in in production', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-long-enough-production-secret' };

    it('refuses to start with DEMO or DEV_LOGIN on, naming the variable and the override', () => {
      expect(() => loadConfig({ ...production, DEMO: 'true' })).toThrow(/DEMO: development sign-in[\s\S]*ALLOW_DEV_LOGIN_IN_PRODUCTION=true/);
      expect(() => loadConfig({ ...production, DEV_LOGIN: '1' })).toThrow(/DEV_LOGIN: development sign-in/);
      expect(() => loadConfig({ ...production }, { devLogin: true })).toThrow(ConfigError);
    });

    it('starts when the override says so, or when demo data is seeded without dev sign-in', () => {
      expect(loadConfig({ ...production, DEMO: 'true', ALLOW_DEV_LOGIN_IN_PRODUCTION: 'true' })).toMatchObject({ devLogin: true, allowDevLoginInProduction: true });
      expect(loadConfig({ ...production, DEMO: 'true', DEV_LOGIN: 'false' }).devLogin).toBe(false);
      expect(loadConfig({ ...production }).devLogin).toBe(false);
    });

    it('needs no override outside production', () => {
      expect(loadConfig({ DEMO: 'true' }).devLogin).toBe(true);
      expect(loadConfig({ NODE_ENV: 'test', DEV_LOGIN: 'true' }).devLogin).toBe(true);
    });
  });

  it('serves the API docs except in production, unless told otherwise', () => {
    expect(loadConfig({}).apiDocs).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-long-enough-production-secret' }).apiDocs).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-long-enough-production-secret', API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(loadConfig({ API_DOCS: 'off' }).apiDocs).toBe(false);
  });

  it('allows no cross-origin callers and trusts no proxy unless told', () => {
    expect(loadConfig({})).toMatchObject({ corsOrigins: [], trustProxy: false });
    expect(loadConfig({ CORS_ORIGINS: 'https://linli.example.cn,https://admin.linli.example.cn', TRUST_PROXY: '10.0.0.0/8' })).toMatchObject({
      corsOrigins: ['https://linli.example.cn', 'https://admin.linli.example.cn'],
      trustProxy: ['10.0.0.0/8'],
    });
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it('limits rates with the shipped rules, except under test where tests turn limits on', () => {
    const config = loadConfig({});
    expect(config.rateLimitEnabled).toBe(true);
    expect(config.rateLimits.signIn).toEqual({ ip: { limit: 30, seconds: 60 } });
    expect(config.rateLimits.ballots).toEqual({ user: { limit: 10, seconds: 60 }, ip: { limit: 1000, seconds: 60 } });
    expect(config.rateLimitPrefix).toBe('linli:rate-limit:');
    expect(loadConfig({ NODE_ENV: 'test' }).rateLimitEnabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', RATE_LIMIT_ENABLED: 'true' }).rateLimitEnabled).toBe(true);
    expect(loadConfig({ RATE_LIMIT_ENABLED: 'false' }).rateLimitEnabled).toBe(false);
  });

  it("reads each bucket's rule from its own variable", () => {
    const config = loadConfig({
      RATE_LIMIT_SIGN_IN: 'ip=10/min',
      RATE_LIMIT_REPORTS: 'user=3/min',
      RATE_LIMIT_UPLOADS: 'user=9/min,ip=90/min',
      RATE_LIMIT_DISCUSSION: 'user=2/10s',
      RATE_LIMIT_BALLOTS: 'user=5/min,ip=5000/min',
      RATE_LIMIT_WECHAT: 'ip=20/h',
      RATE_LIMIT_PREFIX: 'linli:staging:rl:',
    });
    expect(config.rateLimits).toEqual({
      signIn: { ip: { limit: 10, seconds: 60 } },
      reports: { user: { limit: 3, seconds: 60 } },
      uploads: { user: { limit: 9, seconds: 60 }, ip: { limit: 90, seconds: 60 } },
      discussion: { user: { limit: 2, seconds: 10 } },
      ballots: { user: { limit: 5, seconds: 60 }, ip: { limit: 5000, seconds: 60 } },
      wechat: { ip: { limit: 20, seconds: 3600 } },
    });
    expect(config.rateLimitPrefix).toBe('linli:staging:rl:');
  });

  it.each([
    [{ RATE_LIMIT_REPORTS: 'lots' }, 'RATE_LIMIT_REPORTS'],
    [{ RATE_LIMIT_BALLOTS: 'user=0/min' }, 'RATE_LIMIT_BALLOTS'],
    [{ RATE_LIMIT_SIGN_IN: 'ip=5/week' }, 'RATE_LIMIT_SIGN_IN'],
    [{ RATE_LIMIT_ENABLED: 'sometimes' }, 'RATE_LIMIT_ENABLED'],
    [{ RATE_LIMIT_PREFIX: 'has spaces' }, 'RATE_LIMIT_PREFIX'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'the-proxy' }, 'TRUST_PROXY'],
    [{ CORS_ORIGINS: 'null' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    [{ API_DOCS: 'maybe' }, 'API_DOCS'],
    [{ ALLOW_DEV_LOGIN_IN_PRODUCTION: 'please' }, 'ALLOW_DEV_LOGIN_IN_PRODUCTION'],
  ])('refuses %p, naming %s', (env, name) => {
    let caught: unknown;
    try {
      loadConfig(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect(new Set((caught as ConfigError).problems.map((p) => p.split(':')[0]))).toEqual(new Set([name]));
  });

  it('lists every bad variable by its environment name in one error', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x', DEMO: 'maybe', LOG_LEVEL: 'loud', BODY_LIMIT: 'huge' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const names = (caught as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(new Set(names)).toEqual(new Set(['PORT', 'DATABASE_URL', 'DEMO', 'LOG_LEVEL', 'BODY_LIMIT']));
    expect((caught as ConfigError).message).toContain('Invalid configuration');
  });
});
