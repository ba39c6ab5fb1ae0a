import { z } from 'zod';

const booleanSetting = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const urlSetting = (protocols: string[]) =>
  z.url().refine((value) => protocols.includes(new URL(value).protocol), {
    message: `Must be a URL starting with ${protocols.map((protocol) => `${protocol}//`).join(' or ')}`,
  });

const perMinute = z.coerce
  .number()
  .int('Must be a whole number of writes per minute')
  .min(1)
  .max(1_000_000);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: urlSetting(['http:', 'https:']).optional(),
  DATABASE_URL: urlSetting(['postgres:', 'postgresql:']).default(
    'postgres://postgres@127.0.0.1:5432/razgovor',
  ),
  REDIS_URL: urlSetting(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]{1,64}$/, 'Must be 1-64 lower-case letters, digits, - or _')
    .default('razgovor'),
  SESSION_SECRET: z.string().min(32, 'Must be at least 32 characters').optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SMTP_URL: urlSetting(['smtp:', 'smtps:']).default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('Razgovor <no-reply@razgovor.local>'),
  DEV_MAILBOX: booleanSetting.optional(),
  WEB_DIST: z.string().optional(),
  CORS_ORIGIN: urlSetting(['http:', 'https:']).optional(),
  TRUST_PROXY: booleanSetting.default(false),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  BODY_LIMIT_KB: z.coerce.number().int().min(1).max(10_240).default(100),
  THEME_RUN_LOCK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  OPINION_MAP_LOCK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  LIMIT_COMMENTS_PER_ACCOUNT: perMinute.default(30),
  LIMIT_COMMENTS_PER_ADDRESS: perMinute.default(300),
  LIMIT_FLAGS_PER_ACCOUNT: perMinute.default(30),
  LIMIT_FLAGS_PER_ADDRESS: perMinute.default(300),
  LIMIT_STANCES_PER_ACCOUNT: perMinute.default(120),
  LIMIT_STANCES_PER_ADDRESS: perMinute.default(1200),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
});

export type WriteKind = 'comment' | 'flag' | 'stance';

/** Writes a person and an address may make per minute, per kind of write. */
export type WriteLimits = Record<WriteKind, { perAccount: number; perAddress: number }>;

export interface AppConfig {
  environment: 'development' | 'test' | 'production';
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  sessionSecret: string;
  sessionTtlSeconds: number;
  smtpUrl: string;
  mailFrom: string;
  isDevMailboxEnabled: boolean;
  webDist: string | null;
  corsOrigin: string | null;
  isBehindProxy: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  bodyLimitBytes: number;
  /** A theme run whose worker stops renewing its lock this long is taken over by another. */
  themeRunLockMs: number;
  /** An opinion-map job whose worker stops renewing its lock this long is taken over. */
  opinionMapLockMs: number;
  writeLimits: WriteLimits;
  /** The Chromium that prints reports to PDF. */
  chromiumPath: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Development keeps working without a secret; production refuses to start without one. */
const developmentSecret = 'development-only-secret-do-not-use-in-production';

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in schema.shape && value !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }

  const settings = parsed.data;
  if (settings.NODE_ENV === 'production' && !settings.SESSION_SECRET) {
    throw new ConfigError(['SESSION_SECRET: Required in production (at least 32 characters)']);
  }

  return {
    environment: settings.NODE_ENV,
    port: settings.PORT,
    host: settings.HOST,
    publicUrl: (settings.PUBLIC_URL ?? `http://localhost:${settings.PORT}`).replace(/\/$/, ''),
    databaseUrl: settings.DATABASE_URL,
    redisUrl: settings.REDIS_URL,
    redisPrefix: settings.REDIS_PREFIX,
    sessionSecret: settings.SESSION_SECRET ?? developmentSecret,
    sessionTtlSeconds: settings.SESSION_TTL_DAYS * 24 * 3600,
    smtpUrl: settings.SMTP_URL,
    mailFrom: settings.MAIL_FROM,
    isDevMailboxEnabled: settings.DEV_MAILBOX ?? settings.NODE_ENV !== 'production',
    webDist: settings.WEB_DIST ?? null,
    corsOrigin: settings.CORS_ORIGIN ?? null,
    isBehindProxy: settings.TRUST_PROXY,
    logLevel: settings.LOG_LEVEL,
    bodyLimitBytes: settings.BODY_LIMIT_KB * 1024,
    themeRunLockMs: settings.THEME_RUN_LOCK_SECONDS * 1000,
    opinionMapLockMs: settings.OPINION_MAP_LOCK_SECONDS * 1000,
    writeLimits: {
      comment: {
        perAccount: settings.LIMIT_COMMENTS_PER_ACCOUNT,
        perAddress: settings.LIMIT_COMMENTS_PER_ADDRESS,
      },
      flag: {
        perAccount: settings.LIMIT_FLAGS_PER_ACCOUNT,
        perAddress: settings.LIMIT_FLAGS_PER_ADDRESS,
      },
      stance: {
        perAccount: settings.LIMIT_STANCES_PER_ACCOUNT,
        perAddress: settings.LIMIT_STANCES_PER_ADDRESS,
      },
    },
    chromiumPath: settings.CHROMIUM_PATH,
  };
}

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
