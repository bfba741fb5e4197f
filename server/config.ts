import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isIP } from 'node:net';
import { z } from 'zod';

/** The environment, validated at boot: a wrong value stops the start with a clear message. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
    .optional(),
  DATA_DIR: z.string().default('./data'),
  /** Unset: the demo on the embedded database only, never on a PostgreSQL server (a known password). */
  DEMO: z.enum(['true', 'false']).optional(),
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx) => {
      const parsed = trustProxyOf(v);
      if (parsed === null)
        ctx.addIssue({
          code: 'custom',
          message:
            'TRUST_PROXY must be false, a number of proxy hops (1–10), or a comma-separated list of proxy addresses or CIDRs',
        });
      return parsed ?? false;
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  SMTP_FROM: z.string().default('Styrbord <styrbord@localhost>'),
  REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).default(60),
  // What one uploaded spreadsheet may hold (see platform/table-file.ts).
  IMPORT_MAX_UNPACKED_MB: z.coerce.number().int().min(1).max(4096).default(100),
  IMPORT_MAX_ROWS: z.coerce.number().int().min(10).max(10_000_000).default(50_000),
  IMPORT_MAX_COLUMNS: z.coerce.number().int().min(5).max(16_384).default(200),
  /** The audit trail's key itself (at least 32 characters); else the key file is used. */
  AUDIT_KEY: z.string().trim().min(32, 'AUDIT_KEY must be at least 32 characters').optional(),
  /** The key file, made on the first start when missing; default <DATA_DIR>/audit-key. */
  AUDIT_KEY_FILE: z.string().min(1).optional(),
  /** Signed checkpoints of every tenant's chain; default <DATA_DIR>/audit-checkpoints. */
  AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
});
type Parsed = z.infer<typeof Env>;
export type Config = Omit<Parsed, 'DEMO' | 'AUDIT_KEY_FILE' | 'AUDIT_CHECKPOINT_DIR'> & {
  DEMO: 'true' | 'false';
  /** DEMO was set, not defaulted: a demo that cannot load then stops the start. */
  demoExplicit: boolean;
  /** AUDIT_KEY_FILE was set, not defaulted from DATA_DIR. */
  auditKeyFileExplicit: boolean;
  AUDIT_KEY_FILE: string;
  AUDIT_CHECKPOINT_DIR: string;
};

/** Names proxy-addr (Fastify's trustProxy) knows for address ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Which proxies to believe about the client's address: false (none), a hop count (the address the
 * nearest n proxies saw; `true` is one hop), or the proxies' own addresses or CIDRs. Never the
 * leftmost X-Forwarded-For, which the client writes.
 */
export function trustProxyOf(value: string): false | number | string[] | null {
  const v = value.trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return 1;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return hops >= 1 && hops <= 10 ? hops : null;
  }
  const entries = v.split(',').map((e) => e.trim());
  const valid = (e: string) => {
    if (NAMED_RANGES.has(e)) return true;
    const [address, bits, ...rest] = e.split('/');
    if (rest.length > 0 || !address) return false;
    const family = isIP(address);
    if (family === 0) return false;
    if (bits === undefined) return true;
    return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
  };
  return entries.every(valid) ? entries : null;
}

/** The environment, with `.env` in the working folder read first when there is one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (env === process.env && existsSync('.env')) process.loadEnvFile('.env');
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${lines}`);
  }
  const data = parsed.data;
  return {
    ...data,
    DEMO: data.DEMO ?? (data.DATABASE_URL ? 'false' : 'true'),
    AUDIT_KEY_FILE: data.AUDIT_KEY_FILE ?? join(data.DATA_DIR, 'audit-key'),
    AUDIT_CHECKPOINT_DIR: data.AUDIT_CHECKPOINT_DIR ?? join(data.DATA_DIR, 'audit-checkpoints'),
    demoExplicit: data.DEMO !== undefined,
    auditKeyFileExplicit: data.AUDIT_KEY_FILE !== undefined,
  };
}

/** Where the audit trail's key and checkpoints come from. */
export const auditKeyOptions = (c: Config) => ({
  key: c.AUDIT_KEY,
  file: c.AUDIT_KEY_FILE,
  checkpointDir: c.AUDIT_CHECKPOINT_DIR,
});

/** A wrong setting: said in a line per variable, without a stack trace. */
export class ConfigError extends Error {}

/** The configuration, or a message and exit code 2 for a command-line entry point. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n(see .env.example)\n`);
    process.exit(2);
  }
}
