import { eq, inArray, sql } from 'drizzle-orm';
import { tooMany } from '../../../domain/shared/errors.js';
import type { Db, Tx } from '../../db/client.js';
import { loginLimits } from '../tables.js';

/*
 * Login limits (docs/decisions/0007-login-limits.md). Every attempt is reserved before its
 * password is checked, on three counters in the database: the account from this address (a hard
 * lock for the address that guessed), the address (a hard lock for spraying many accounts), and
 * the account from anywhere (delays that grow to a cap, never a lock). Each counter is one
 * INSERT … ON CONFLICT DO UPDATE … WHERE allowed, so concurrent guesses on any number of instances
 * queue on the counter's row and only as many as the limit get through. A success gives its
 * reservations back.
 */

type Policy = {
  /** Failures after which the counter refuses until it has been quiet for `quietMs`; null: never. */
  lockAfter: number | null;
  /** Failures before each further attempt has to wait. */
  freeFailures: number;
  /** The first wait, doubled with each further failure, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A counter with no attempt for this long starts again from zero. */
  quietMs: number;
};

const QUIET_MS = 15 * 60 * 1000;
/** How long an address where the password fitted stays known (and its row kept). */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;

export const LOGIN_POLICIES = {
  /** The account from one address: the attacker's address is locked out of this account. */
  pair: { lockAfter: 10, freeFailures: 10, baseDelayMs: 0, maxDelayMs: 0, quietMs: QUIET_MS },
  /** One address over all accounts: a lock for an address that sprays guesses. */
  address: { lockAfter: 100, freeFailures: 100, baseDelayMs: 0, maxDelayMs: 0, quietMs: QUIET_MS },
  /**
   * The account from anywhere: slowed (1 s, 2 s, 4 s … up to a minute), never locked; an address
   * where the account's password fitted in the last 30 days is not slowed.
   */
  account: {
    lockAfter: null,
    // More than one address's lock, so a guesser at one address never slows the real user.
    freeFailures: 20,
    baseDelayMs: 1000,
    maxDelayMs: 60_000,
    quietMs: QUIET_MS,
  },
} satisfies Record<string, Policy>;

export type LoginKeys = { account: string; address: string };

const keysOf = ({ account, address }: LoginKeys) =>
  [
    { key: `pair:${account}|${address}`, policy: LOGIN_POLICIES.pair },
    { key: `address:${address}`, policy: LOGIN_POLICIES.address },
    { key: `account:${account}`, policy: LOGIN_POLICIES.account },
  ] as const;

/** How long the `n`th failure makes the next attempt wait. */
const delaySql = (policy: Policy, n: ReturnType<typeof sql>) =>
  sql`(CASE WHEN ${n} < ${policy.freeFailures} THEN 0
        ELSE least(${policy.maxDelayMs}::float8,
                   ${policy.baseDelayMs}::float8 * power(2::float8, (${n} - ${policy.freeFailures})::float8))
      END * interval '1 millisecond')`;

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** One statement: counts the attempt when the counter allows it; no row back when it does not. */
async function reserveOne(tx: Tx, key: string, policy: Policy, now: Date) {
  const quietSince = new Date(now.getTime() - policy.quietMs);
  const isQuiet = sql`login_limits.last_at <= ${at(quietSince)}`;
  const next = sql`(CASE WHEN ${isQuiet} THEN 1 ELSE login_limits.failures + 1 END)`;
  const lockAfter = policy.lockAfter ?? 2 ** 31 - 1;
  const rows = await tx
    .insert(loginLimits)
    .values({
      key,
      failures: 1,
      lastAt: now,
      nextAt: sql`${at(now)} + ${delaySql(policy, sql`1`)}`,
    })
    .onConflictDoUpdate({
      target: loginLimits.key,
      set: {
        failures: next,
        lastAt: now,
        nextAt: sql`${at(now)} + ${delaySql(policy, next)}`,
      },
      // The wait is asked only once there is one, so a clock a little behind another
      // instance's is never refused for a wait of zero.
      setWhere: sql`${isQuiet} OR (login_limits.failures < ${lockAfter}
        AND (login_limits.failures < ${policy.freeFailures} OR login_limits.next_at <= ${at(now)}))`,
    })
    .returning({ lastSuccessAt: loginLimits.lastSuccessAt });
  return rows[0] ?? null;
}

class Refused extends Error {}

/** How long until every counter of these keys lets an attempt through again. */
async function retryAfterSeconds(db: Db, keys: ReturnType<typeof keysOf>, now: Date) {
  const rows = await db
    .select()
    .from(loginLimits)
    .where(
      inArray(
        loginLimits.key,
        keys.map((k) => k.key),
      ),
    );
  let waitMs = 0;
  for (const { key, policy } of keys) {
    const row = rows.find((r) => r.key === key);
    if (!row) continue;
    const quietAt = row.lastAt.getTime() + policy.quietMs;
    if (quietAt <= now.getTime()) continue;
    if (row.failures < policy.freeFailures) continue;
    const until =
      policy.lockAfter !== null && row.failures >= policy.lockAfter
        ? quietAt
        : Math.min(row.nextAt.getTime(), quietAt);
    waitMs = Math.max(waitMs, until - now.getTime());
  }
  return Math.max(1, Math.ceil(waitMs / 1000));
}

/**
 * Reserves a login attempt on every counter, or throws a 429 that says when to try again. Call it
 * before the password is checked, then `settle` with whether the password fitted.
 */
export async function reserveLoginAttempt(db: Db, keys: LoginKeys, now: Date) {
  const counters = keysOf(keys);
  const [pair, address, account] = counters;
  let reserved: string[] = [];
  try {
    // The rows are taken in the same order by every attempt, so two attempts never deadlock.
    reserved = await db.transaction(async (tx) => {
      const known = await reserveOne(tx, pair.key, pair.policy, now);
      if (!known) throw new Refused();
      if (!(await reserveOne(tx, address.key, address.policy, now))) throw new Refused();
      const since = now.getTime() - KNOWN_ADDRESS_MS;
      if (known.lastSuccessAt && known.lastSuccessAt.getTime() > since) return [address.key];
      if (!(await reserveOne(tx, account.key, account.policy, now))) throw new Refused();
      return [address.key, account.key];
    });
  } catch (err) {
    if (!(err instanceof Refused)) throw err;
    throw tooMany(await retryAfterSeconds(db, counters, now));
  }
  return {
    /**
     * A fitting password gives the reservations back, forgets the address's own typos and makes
     * the address known to the account.
     */
    settle: async (succeeded: boolean) => {
      if (!succeeded) return;
      await db.transaction(async (tx) => {
        await tx
          .update(loginLimits)
          .set({ failures: 0, nextAt: now, lastSuccessAt: now })
          .where(eq(loginLimits.key, pair.key));
        await tx
          .update(loginLimits)
          .set({ failures: sql`greatest(${loginLimits.failures} - 1, 0)` })
          .where(inArray(loginLimits.key, reserved));
        // Forgotten: counters quiet long enough to start from zero anyway (unless they make an
        // address known), and known addresses unused for the known-address period.
        const quiet = new Date(now.getTime() - QUIET_MS).toISOString();
        const stale = new Date(now.getTime() - KNOWN_ADDRESS_MS).toISOString();
        await tx.delete(loginLimits).where(
          sql`(${loginLimits.lastSuccessAt} IS NULL AND ${loginLimits.lastAt} < ${quiet}::timestamptz)
              OR greatest(${loginLimits.lastAt}, ${loginLimits.lastSuccessAt}) < ${stale}::timestamptz`,
        );
      });
    },
  };
}
