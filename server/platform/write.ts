import type { PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { DomainError, invalid, type FieldError } from '../../domain/shared/errors.js';
import type { Db, Tx } from '../db/client.js';
import { record, recordMany } from './audit/audit.js';
import type { Ctx } from './context.js';
import { t, type Lang } from './i18n/messages.js';
import { validationMessages } from './i18n/validation.js';
import { auditable } from './stable-json.js';
import { created, findOwned, updateVersioned, type VersionedTable } from './versioning.js';

/*
 * The one write path (docs/decisions/0004-one-write-path.md). Every create and update, from a
 * form, an import, the demo or a job, goes through a service function that
 *   1. parses its input with the entity's domain schema (`parseInput`), so a caller that is not
 *      an HTTP route (an import, the demo) is held to the same rules and the same messages;
 *   2. authorises (`authorize(ctx, action, target)`, the service's own first check);
 *   3. writes with `createAudited` / `updateAudited`, which stamp the row, put the version in the
 *      update's WHERE (a stale one is a 409 naming who changed the record and when) and append
 *      the audit event, in the caller's transaction.
 */

const isMessageKey = (m: string) => /^[a-z]+\.[a-zA-Z.]+$/.test(m);

/** A zod issue as the API's field error, in the user's language (as the routes' validation does). */
function fieldErrorOf(issue: z.core.$ZodIssue, lang: Lang, prefix: string): FieldError {
  const path = [prefix, issue.path.join('.')].filter(Boolean).join('.');
  if (issue.code === 'unrecognized_keys')
    return {
      path: path || issue.keys.join(','),
      key: 'errors.unknownField',
      params: { field: issue.keys.join(', ') },
    };
  const message = isMessageKey(issue.message) ? t(lang, issue.message) : issue.message;
  return { path, key: 'errors.fieldMessage', params: { message } };
}

/**
 * Parses input with the entity's domain schema, or refuses it with a field error per issue, worded
 * exactly as the HTTP route would word it. `prefix` places the fields (an import's "rad 7").
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  lang: Lang,
  prefix = '',
): z.infer<S> {
  const result = schema.safeParse(input, {
    error: validationMessages(lang),
    reportInput: true,
  });
  if (result.success) return result.data;
  throw invalid(
    'errors.validation',
    result.error.issues.map((i) => fieldErrorOf(i, lang, prefix)),
  );
}

/** The issues of one input as field errors, without throwing (an import collects every row's). */
export function inputIssues(
  schema: z.ZodType,
  input: unknown,
  lang: Lang,
  prefix = '',
): FieldError[] {
  const result = schema.safeParse(input, {
    error: validationMessages(lang),
    reportInput: true,
  });
  return result.success ? [] : result.error.issues.map((i) => fieldErrorOf(i, lang, prefix));
}

type Stamped = 'tenantId' | 'version' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy';

export type WriteOpts = {
  /** The audit event's entity type (also the NotFound entity, unless `notFound` names another). */
  entity: string;
  /** The NotFound entity where it differs from the event's entity type (`audit_question`: `question`). */
  notFound?: string;
  /** The audit event's action; `create` / `update` unless a use case names its own. */
  action?: string;
  /** Extra facts recorded beside the row (link lists kept in other tables, for instance). */
  extra?: Record<string, unknown>;
  /** What the event records instead of the whole rows (a move records the placement only). */
  event?: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null };
  /**
   * Records the entity's view instead of the row as the event's after (the row with the names and
   * links its readers see), read after the write in the same transaction.
   */
  view?: (id: string) => Promise<object>;
};

/** Inserts one row of the tenant, stamped, and records its `create` event in the same transaction. */
export async function createAudited<T extends VersionedTable>(
  tx: Tx,
  ctx: Ctx,
  table: T,
  values: Omit<T['$inferInsert'], Stamped>,
  opts: WriteOpts,
): Promise<T['$inferSelect']> {
  const [row] = (await tx
    .insert(table as PgTable)
    .values({ ...values, tenantId: ctx.tenantId, ...created(ctx) } as never)
    .returning()) as T['$inferSelect'][];
  await record(tx, ctx, {
    entityType: opts.entity,
    entityId: (row as { id: string }).id,
    action: opts.action ?? 'create',
    after: opts.event?.after ?? {
      ...auditable(
        (opts.view ? await opts.view((row as { id: string }).id) : row) as Record<string, unknown>,
      ),
      ...opts.extra,
    },
  });
  return row!;
}

/**
 * Inserts several rows of the tenant in one statement, stamped, and records a `create` event for
 * each in the same transaction (an import's problems for one system).
 */
export async function createManyAudited<T extends VersionedTable>(
  tx: Tx,
  ctx: Ctx,
  table: T,
  values: readonly Omit<T['$inferInsert'], Stamped>[],
  opts: Pick<WriteOpts, 'entity' | 'action'>,
): Promise<T['$inferSelect'][]> {
  if (!values.length) return [];
  const rows = (await tx
    .insert(table as PgTable)
    .values(values.map((v) => ({ ...v, tenantId: ctx.tenantId, ...created(ctx) })) as never)
    .returning()) as T['$inferSelect'][];
  await recordMany(
    tx,
    ctx,
    rows.map((row) => ({
      entityType: opts.entity,
      entityId: (row as { id: string }).id,
      action: opts.action ?? 'create',
      after: auditable(row as Record<string, unknown>),
    })),
  );
  return rows;
}

/**
 * Updates one row with the version its writer read (a stale version is a Conflict that says who
 * changed it and when) and records the `update` event with before and after.
 */
export async function updateAudited<T extends VersionedTable>(
  tx: Tx,
  ctx: Ctx,
  table: T,
  id: string,
  version: number,
  changes: Partial<T['$inferInsert']>,
  opts: WriteOpts & {
    /** The row (or view) as the writer read it; read here when not given. */
    before?: object;
    extraBefore?: Record<string, unknown>;
  },
): Promise<T['$inferSelect']> {
  const before = (opts.before ??
    (opts.event?.before === undefined
      ? await findOwned(tx, table, ctx, id, opts.notFound ?? opts.entity)
      : null)) as Record<string, unknown> | null;
  const after = await updateVersioned(
    tx,
    table,
    ctx,
    id,
    version,
    changes,
    opts.notFound ?? opts.entity,
  );
  await record(tx, ctx, {
    entityType: opts.entity,
    entityId: id,
    action: opts.action ?? 'update',
    before:
      opts.event?.before !== undefined
        ? opts.event.before
        : { ...auditable(before), ...opts.extraBefore },
    after:
      opts.event?.after !== undefined
        ? opts.event.after
        : {
            ...auditable((opts.view ? await opts.view(id) : after) as Record<string, unknown>),
            ...opts.extra,
          },
  });
  return after;
}

/**
 * Runs a service's writes in a transaction: the caller's, when it is called inside one (an
 * import's batch: no savepoint per row), else a new one. Either way the writes and their audit
 * events commit or fail together with everything else the caller does in that transaction.
 */
export function inTransaction<T>(db: Db | Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return 'rollback' in db ? fn(db) : db.transaction(fn);
}

/** How many rows an import saves per transaction. */
export const IMPORT_BATCH_ROWS = 50;

/**
 * Saves an import's rows through the write path in transactions of `size` rows, and lets other
 * requests through between them: on PGlite, which has one connection, one long transaction would
 * stop every other user's reads until the import ends. The rows were all checked first; if a
 * batch still fails (a row changed by someone since the check), the rows of the earlier batches
 * stay saved and the error says how many, so importing the same file again (rows already saved
 * are unchanged) finishes the rest.
 */
export async function writeInBatches<T>(
  db: Db,
  items: readonly T[],
  write: (tx: Tx, item: T, index: number) => Promise<unknown>,
  opts: { size?: number; onProgress?: (done: number, total: number) => void } = {},
) {
  const size = opts.size ?? IMPORT_BATCH_ROWS;
  for (let from = 0; from < items.length; from += size) {
    try {
      await db.transaction(async (tx) => {
        for (let i = from; i < Math.min(from + size, items.length); i++) {
          await write(tx, items[i]!, i);
          if ((i + 1) % 25 === 0 || i + 1 === items.length) opts.onProgress?.(i + 1, items.length);
        }
      });
    } catch (err) {
      if (from === 0) throw err;
      const note = { path: 'import', key: 'import.partlySaved', params: { saved: from } };
      throw err instanceof DomainError
        ? new DomainError(err.kind, err.key, err.params, [note, ...err.fields])
        : new DomainError('conflict', 'import.partlySaved', { saved: from });
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}
