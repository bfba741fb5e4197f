import { existsSync } from 'node:fs';
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
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
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
});
export type Config = Omit<z.infer<typeof Env>, 'DEMO'> & { DEMO: 'true' | 'false' };

/** The environment, with `.env` in the working folder read first when there is one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (env === process.env && existsSync('.env')) process.loadEnvFile('.env');
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${lines}`);
  }
  const data = parsed.data;
  return { ...data, DEMO: data.DEMO ?? (data.DATABASE_URL ? 'false' : 'true') };
}

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
