import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import { sessions, tenants } from '../tables.js';

export const SESSION_COOKIE = 'styrbord_session';
export const IDLE_MS = 8 * 60 * 60 * 1000; // a working day without activity ends the session
/** However active, a session ends this long after login (the tenant's `sessionMaxAgeDays`). */
export const DEFAULT_SESSION_MAX_AGE_DAYS = 7;
export const MAX_SESSION_MAX_AGE_DAYS = 30;

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

/**
 * A session is live within its idle expiry and within its tenant's absolute lifetime, read from
 * the settings in the same query (the caller joins `tenants`), so a shorter lifetime applies to
 * every session at once.
 */
export const sessionIsLive = (now: Date) => {
  const days = sql`coalesce((${tenants.settings}->>'sessionMaxAgeDays')::int, ${DEFAULT_SESSION_MAX_AGE_DAYS})`;
  return and(
    gt(sessions.expiresAt, now),
    sql`${sessions.createdAt} > ${now.toISOString()}::timestamptz - ${days} * interval '1 day'`,
  );
};

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

/** How long the browser keeps the cookie; the database's expiries end the session first. */
export const COOKIE_MAX_AGE_S = MAX_SESSION_MAX_AGE_DAYS * 24 * 60 * 60;
export const endSessionsOf = (db: Db, personId: string) =>
  db.delete(sessions).where(eq(sessions.personId, personId));
