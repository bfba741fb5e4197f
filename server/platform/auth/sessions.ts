import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import { loginAttempts, sessions } from '../tables.js';
import { tooMany } from '../../../domain/shared/errors.js';

export const SESSION_COOKIE = 'styrbord_session';
export const IDLE_MS = 8 * 60 * 60 * 1000; // a working day without activity ends the session

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createSession(
  db: Db,
  tenantId: string,
  personId: string,
  now: Date,
  /** A single sign-on's ID token, kept for the provider's logout. */
  idToken: string | null = null,
) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    id: sha256(token),
    tenantId,
    personId,
    csrfToken,
    idToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + IDLE_MS),
  });
  // Expired sessions are cleared as people log in; no background job needed for that.
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  return { token, csrfToken };
}

/** The stored id of a session: the token's SHA-256, so a leaked table row cannot be used as a cookie. */
export const sessionIdOf = (token: string) => sha256(token);

/** Slides the idle expiry, writing at most once a minute per session. */
export async function slideSession(db: Db, s: { id: string; lastSeenAt: Date }, now: Date) {
  if (now.getTime() - s.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + IDLE_MS) })
      .where(eq(sessions.id, s.id));
  }
}

/** Ends a session; answers its tenant and ID token (a single sign-on's), when there was one. */
export async function endSession(db: Db, token: string) {
  const [ended] = await db
    .delete(sessions)
    .where(eq(sessions.id, sha256(token)))
    .returning({ tenantId: sessions.tenantId, idToken: sessions.idToken });
  return ended ?? null;
}

/** The session cookie, the same for a password login and a single sign-on. */
export function setSessionCookie(
  reply: FastifyReply,
  req: FastifyRequest,
  token: string,
  opts: { maxAge?: number } = {},
) {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
    ...opts,
  });
}

/** How long the browser keeps the cookie; the database's idle expiry ends the session first. */
export const COOKIE_MAX_AGE_S = Math.floor(IDLE_MS / 1000) * 21;
export const endSessionsOf = (db: Db, personId: string) =>
  db.delete(sessions).where(eq(sessions.personId, personId));

/** Limits per 15 minutes: failed logins per account, and per address (shared by all instances). */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;

export async function assertLoginAllowed(db: Db, email: string, address: string, now: Date) {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const rows = await db
    .select({
      key: loginAttempts.key,
      n: sql<number>`count(*)::int`,
      oldest: sql<Date>`min(${loginAttempts.attemptedAt})`,
    })
    .from(loginAttempts)
    .where(
      and(
        sql`${loginAttempts.key} IN (${`account:${email}`}, ${`address:${address}`})`,
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.attemptedAt, since),
      ),
    )
    .groupBy(loginAttempts.key);
  for (const r of rows) {
    const limit = r.key.startsWith('account:')
      ? MAX_FAILURES_PER_ACCOUNT
      : MAX_FAILURES_PER_ADDRESS;
    if (r.n >= limit) {
      const oldest = new Date(r.oldest).getTime();
      throw tooMany(Math.max(1, Math.ceil((oldest + LOGIN_WINDOW_MS - now.getTime()) / 1000)));
    }
  }
}

export async function recordLoginAttempt(
  db: Db,
  email: string,
  address: string,
  succeeded: boolean,
  now: Date,
) {
  await db.insert(loginAttempts).values([
    { key: `account:${email}`, succeeded, attemptedAt: now },
    { key: `address:${address}`, succeeded, attemptedAt: now },
  ]);
  if (succeeded) {
    // A successful login clears the account's failures, not the address's.
    await db
      .delete(loginAttempts)
      .where(and(eq(loginAttempts.key, `account:${email}`), eq(loginAttempts.succeeded, false)));
  }
}
