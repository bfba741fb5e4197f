import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import type { Ctx } from '../context.js';
import { sessions } from '../tables.js';

/** What a context ends when a person's access ends (its own credentials, such as a calendar feed). */
export type AccessEndHandler = (tx: Db | Tx, ctx: Ctx, personId: string) => Promise<void>;

let handlers: readonly AccessEndHandler[] = [];

/** Set by buildApp from the contexts' surfaces, as the messages are (the platform imports no module). */
export function useAccessEndHandlers(list: readonly AccessEndHandler[]) {
  handlers = list;
}

/**
 * A person's access has ended (archived, no longer allowed to log in, or their last role
 * revoked): their sessions end and every context revokes what it gave them, in the caller's
 * transaction, so nothing they held still answers.
 */
export async function endAccessOf(tx: Db | Tx, ctx: Ctx, personId: string) {
  await tx.delete(sessions).where(eq(sessions.personId, personId));
  for (const end of handlers) await end(tx, ctx, personId);
}
