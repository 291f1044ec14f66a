import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** `name:key,name2:key2` → [{ name, key }] (ExternalSystemAuth keys of dispatch systems). */
const externalSystemKeys = z.string().transform((raw, ctx) => {
  const entries = raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const keys: { name: string; key: string }[] = [];
  for (const entry of entries) {
    const separator = entry.indexOf(':');
    const name = entry.slice(0, separator).trim();
    const key = entry.slice(separator + 1).trim();
    if (separator <= 0 || key.length < 16) {
      ctx.addIssue({
        code: 'custom',
        message: `each entry must be name:key with a key of at least 16 characters (got an entry named "${name || '?'}")`,
      });
      return z.NEVER;
    }
    keys.push({ name, key });
  }
  const names = new Set(keys.map((k) => k.name));
  if (names.size !== keys.length) {
    ctx.addIssue({ code: 'custom', message: 'names must be unique' });
    return z.NEVER;
  }
  return keys;
});

/**
 * `keyId:base64,keyId2:base64` → encryption keys for adapter credentials (AES-256-GCM, 32 bytes
 * each). The first entry encrypts new values; the others still decrypt, so a key can be rotated.
 */
const credentialKeys = z.string().transform((raw, ctx) => {
  const keys: { id: string; key: Buffer }[] = [];
  for (const entry of raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator).trim();
    const key = Buffer.from(entry.slice(separator + 1).trim(), 'base64');
    if (separator <= 0 || !/^[A-Za-z0-9_.-]{1,32}$/.test(id) || key.length !== 32) {
      ctx.addIssue({
        code: 'custom',
        message: 'each entry must be keyId:base64 of exactly 32 bytes (keyId: letters, digits, _ . -)',
      });
      return z.NEVER;
    }
    keys.push({ id, key });
  }
  if (keys.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'at least one key is required' });
    return z.NEVER;
  }
  return keys;
});

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(5000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  REDIS_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^rediss?$/ }).optional()),
  DATA_DIR: z.string().min(1).default('.data'),
  ADMIN_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  EXTERNAL_SYSTEM_KEYS: z.preprocess(emptyAsUndefined, externalSystemKeys.optional()),
  CREDENTIALS_KEYS: z.preprocess(emptyAsUndefined, credentialKeys.optional()),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Lifetime of a user access token (UserAuth), reported as `expiresIn`. */
  ACCESS_TOKEN_TTL_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(60 * 60 * 1000),
  /** Lifetime of a user service token (ServiceUserAuth), which mints new access tokens. */
  SERVICE_TOKEN_TTL_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(30 * 24 * 60 * 60 * 1000),
  /** Largest task attachment accepted (E26, E35); bigger files get 422. */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(10 * 1024 * 1024),
  /** After 3 failed sign-ins in a row, each attempt of that user waits this long, doubling per failure. */
  SIGNIN_FAILURE_DELAY_MS: z.coerce.number().int().min(0).default(500),
  /** The cap of that wait. */
  SIGNIN_FAILURE_DELAY_MAX_MS: z.coerce.number().int().min(0).default(8000),
  /** BullMQ key prefix shared by the API and the workers (several stacks may share one Redis). */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[\w-]+$/)
    .default('bull'),
  /** How long a worker's claim on a job lasts without renewal: after a crash its jobs are retried this soon. */
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1000).default(30_000),
  /** How often workers look for jobs whose worker died (stalled jobs). */
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(1000).default(30_000),
});

export type Env = z.input<typeof envSchema>;
export type Config = z.output<typeof envSchema>;

/** Variables whose values are secrets: never logged, never echoed in an error. */
export const SECRET_VARIABLES = [
  'ADMIN_API_KEY',
  'EXTERNAL_SYSTEM_KEYS',
  'CREDENTIALS_KEYS',
  'DATABASE_URL',
  'REDIS_URL',
] as const;
