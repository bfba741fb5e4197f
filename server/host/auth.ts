import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  assertAcceptablePassword,
  dummyHash,
  hashPassword,
  verifyPassword,
} from '../platform/auth/password.js';
import { IDLE_MS } from '../platform/auth/sessions.js';
import { hostAdmins, hostSessions } from '../platform/tables.js';

/*
 * Host administrators and their sessions. A host session names a host administrator and nothing
 * else: it carries no tenant, so no tenant's route can be answered through it.
 */

export const HOST_COOKIE = 'styrbord_host_session';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Creates the host administrator, or sets a new password for one that exists (the CLI). */
export async function saveHostAdmin(db: Db, email: string, password: string) {
  assertAcceptablePassword(password, 'password', [email]);
  const passwordHash = await hashPassword(password);
  const [row] = await db
    .insert(hostAdmins)
    .values({ email: email.toLowerCase(), passwordHash })
    .onConflictDoUpdate({ target: hostAdmins.email, set: { passwordHash } })
    .returning({ id: hostAdmins.id });
  // A new password ends the administrator's sessions.
  await db.delete(hostSessions).where(eq(hostSessions.hostAdminId, row!.id));
  return row!.id;
}

export async function hostLogin(db: Db, email: string, password: string, now: Date) {
  const [admin] = await db
    .select({ id: hostAdmins.id, hash: hostAdmins.passwordHash })
    .from(hostAdmins)
    .where(eq(hostAdmins.email, email.toLowerCase()));
  const ok = await verifyPassword(
    admin?.hash ?? (await dummyHash()),
    admin ? password : `${password}x`,
  );
  if (!ok || !admin) return null;
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(hostSessions).values({
    id: sha256(token),
    hostAdminId: admin.id,
    csrfToken,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + IDLE_MS),
  });
  await db.delete(hostSessions).where(lt(hostSessions.expiresAt, now));
  return { token, csrfToken };
}

export async function hostSessionOf(db: Db, token: string, now: Date) {
  const [row] = await db
    .select({
      id: hostSessions.id,
      csrfToken: hostSessions.csrfToken,
      lastSeenAt: hostSessions.lastSeenAt,
      email: hostAdmins.email,
    })
    .from(hostSessions)
    .innerJoin(hostAdmins, eq(hostAdmins.id, hostSessions.hostAdminId))
    .where(and(eq(hostSessions.id, sha256(token)), gt(hostSessions.expiresAt, now)));
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000)
    await db
      .update(hostSessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + IDLE_MS) })
      .where(eq(hostSessions.id, row.id));
  return { email: row.email, csrfToken: row.csrfToken };
}

export const endHostSession = (db: Db, token: string) =>
  db.delete(hostSessions).where(eq(hostSessions.id, sha256(token)));
