import { and, asc, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  GrantInput,
  PersonInput,
  type PersonListQuery,
  PersonUpdate,
  PostInput,
  PostUpdate,
} from '../../../domain/organization/person.js';
import { holdsAtLeast, type Grant, type Role } from '../../../domain/access/permissions.js';
import { conflict, invalid, notAllowed, notFound } from '../../../domain/shared/errors.js';
import type { Db, Tx } from '../../db/client.js';
import { record } from '../../platform/audit/audit.js';
import { assertAcceptablePassword, hashPassword } from '../../platform/auth/password.js';
import { tenants } from '../../platform/tables.js';
import { endAccessOf } from '../../platform/auth/access-end.js';
import { endSessionsOf } from '../../platform/auth/sessions.js';
import { authorize } from '../../platform/authorize.js';
import type { Ctx } from '../../platform/context.js';
import { likeEscape, orderOf } from '../../platform/lists.js';
import { auditable } from '../../platform/stable-json.js';
import { findOwned } from '../../platform/versioning.js';
import { createAudited, parseInput, updateAudited } from '../../platform/write.js';
import { persons, orgUnits, posts, roleGrants } from './tables.js';
import { splitPath } from './identity.js';
import { targetOf } from './units.service.js';

const personColumns = { person: persons, unitName: orgUnits.name };

async function unitTarget(db: Db, ctx: Ctx, unitId: string | null | undefined) {
  if (!unitId) return 'tenant' as const;
  return targetOf(await findOwned(db, orgUnits, ctx, unitId, 'unit'));
}

export async function listPersons(
  db: Db,
  ctx: Ctx,
  q: z.infer<typeof PersonListQuery>,
  page: { limit: number; offset: number },
) {
  authorize(ctx, 'org.read');
  const where = and(
    eq(persons.tenantId, ctx.tenantId),
    q.includeArchived ? undefined : isNull(persons.archivedAt),
    q.unitId ? eq(persons.unitId, q.unitId) : undefined,
    q.q
      ? or(
          sql`lower(${persons.name}) LIKE ${`%${likeEscape(q.q.toLowerCase())}%`}`,
          sql`${persons.email} LIKE ${`%${likeEscape(q.q.toLowerCase())}%`}`,
        )
      : undefined,
  );
  const items = await db
    .select(personColumns)
    .from(persons)
    .leftJoin(orgUnits, eq(orgUnits.id, persons.unitId))
    .where(where)
    .orderBy(
      ...orderOf(q.sort, { name: persons.name, email: persons.email }, [
        asc(persons.name),
        asc(persons.id),
      ]),
    )
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(persons)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

export async function getPerson(db: Db, ctx: Ctx, id: string) {
  authorize(ctx, 'org.read');
  const [row] = await db
    .select(personColumns)
    .from(persons)
    .leftJoin(orgUnits, eq(orgUnits.id, persons.unitId))
    .where(and(eq(persons.id, id), eq(persons.tenantId, ctx.tenantId)));
  if (!row) throw notFound('entity.person');
  return row;
}

/**
 * How a person is written when single sign-on admits them: a login without a local password (the
 * provider vouches for them), with the id the sign-on chose, recorded as its own action.
 */
export type SsoWrite = { sso?: { id?: string; action: string } };

/** Login accounts are user administration: giving someone a way in needs `access.admin`. */
export async function createPerson(
  db: Db | Tx,
  ctx: Ctx,
  raw: z.infer<typeof PersonInput>,
  { sso }: SsoWrite = {},
) {
  const input = parseInput(PersonInput, raw, ctx.lang);
  authorize(ctx, 'org.people.edit', await unitTarget(db, ctx, input.unitId));
  if (input.canLogIn || input.password) authorize(ctx, 'access.admin');
  if (input.canLogIn && !input.password && !sso)
    throw invalid('errors.validation', [{ path: 'password', key: 'org.person.passwordRequired' }]);
  await assertEmailFree(db, ctx, input.email, null);
  if (input.password)
    assertAcceptablePassword(input.password, 'password', [
      input.email,
      input.name,
      await tenantNameOf(db, ctx),
    ]);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    const row = await createAudited(
      tx,
      ctx,
      persons,
      {
        ...(sso?.id ? { id: sso.id } : {}),
        name: input.name,
        email: input.email,
        title: input.title ?? null,
        unitId: input.unitId ?? null,
        canLogIn: input.canLogIn,
        passwordHash,
        passwordChangedAt: passwordHash ? ctx.now : null,
      },
      { entity: 'person', ...(sso ? { action: sso.action } : {}) },
    );
    return getPerson(tx, ctx, row.id);
  });
}

/**
 * An e-mail is one person's within a tenant. Another tenant may have the same person (a county's
 * municipalities share staff); login tells them apart by slug or e-mail domain (0006-tenancy.md).
 */
async function assertEmailFree(db: Db, ctx: Ctx, email: string, exceptId: string | null) {
  const [taken] = await db
    .select({ id: persons.id })
    .from(persons)
    .where(
      and(
        eq(persons.email, email),
        eq(persons.tenantId, ctx.tenantId),
        exceptId ? ne(persons.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (taken) throw invalid('errors.validation', [{ path: 'email', key: 'org.person.emailTaken' }]);
}

export async function updatePerson(
  db: Db | Tx,
  ctx: Ctx,
  id: string,
  raw: z.infer<typeof PersonUpdate>,
  { sso }: SsoWrite = {},
) {
  const input = parseInput(PersonUpdate, raw, ctx.lang);
  const before = await findOwned(db, persons, ctx, id, 'person');
  authorize(ctx, 'org.people.edit', await unitTarget(db, ctx, before.unitId));
  if (input.unitId !== undefined && input.unitId !== before.unitId)
    authorize(ctx, 'org.people.edit', await unitTarget(db, ctx, input.unitId));
  if (input.canLogIn !== undefined || input.password !== undefined) authorize(ctx, 'access.admin');
  const canLogIn = input.canLogIn ?? before.canLogIn;
  if (canLogIn && !before.passwordHash && !input.password && !sso)
    throw invalid('errors.validation', [{ path: 'password', key: 'org.person.passwordRequired' }]);
  if (input.email !== undefined || canLogIn !== before.canLogIn)
    await assertEmailFree(db, ctx, input.email ?? before.email, id);
  const isReEmail = input.email !== undefined && input.email !== before.email;
  if ((input.archived === true || isReEmail) && !sso)
    if (!holdsAtLeast(ctx.actor, await grantsOf(db, ctx, id)))
      throw notAllowed('org.person.outranks');
  const { version, password, archived, ...changes } = input;
  const values: Partial<typeof persons.$inferInsert> = { ...changes };
  if (password) {
    assertAcceptablePassword(password, 'password', [
      input.email ?? before.email,
      input.name ?? before.name,
      await tenantNameOf(db, ctx),
    ]);
  }
  if (password)
    Object.assign(values, {
      passwordHash: await hashPassword(password),
      passwordChangedAt: ctx.now,
    });
  if (archived !== undefined) values.archivedAt = archived ? ctx.now : null;
  const result = await db.transaction(async (tx) => {
    await updateAudited(tx, ctx, persons, id, version, values, {
      entity: 'person',
      action: sso ? sso.action : archived ? 'archive' : 'update',
      before,
      ...(password ? { extra: { passwordChanged: true } } : {}),
    });
    if (archived || input.canLogIn === false) await endAccessOf(tx, ctx, id);
    return getPerson(tx, ctx, id);
  });
  if (password) await endSessionsOf(db, id);
  return result;
}

const tenantNameOf = async (db: Db | Tx, ctx: Ctx) => {
  const [t] = await db
    .select({ name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  return t?.name ?? null;
};

/** A person's grants with their units' paths, for comparing authority. */
async function grantsOf(db: Db | Tx, ctx: Ctx, personId: string): Promise<Grant[]> {
  const rows = await db
    .select({ role: roleGrants.role, unitId: roleGrants.unitId, path: orgUnits.path })
    .from(roleGrants)
    .innerJoin(orgUnits, eq(orgUnits.id, roleGrants.unitId))
    .where(and(eq(roleGrants.tenantId, ctx.tenantId), eq(roleGrants.personId, personId)));
  return rows.map((r) => ({ role: r.role as Role, unitId: r.unitId, unitPath: splitPath(r.path) }));
}

export async function listGrants(
  db: Db,
  ctx: Ctx,
  filter: { personId?: string | undefined; unitId?: string | undefined },
) {
  authorize(ctx, 'org.read');
  const conds: SQL[] = [eq(roleGrants.tenantId, ctx.tenantId)];
  if (filter.personId) conds.push(eq(roleGrants.personId, filter.personId));
  if (filter.unitId) conds.push(eq(roleGrants.unitId, filter.unitId));
  return db
    .select({ grant: roleGrants, personName: persons.name, unitName: orgUnits.name })
    .from(roleGrants)
    .innerJoin(persons, eq(persons.id, roleGrants.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, roleGrants.unitId))
    .where(and(...conds))
    .orderBy(asc(persons.name), asc(roleGrants.role))
    .limit(2000);
}

export async function createGrant(db: Db, ctx: Ctx, raw: z.infer<typeof GrantInput>) {
  const input = parseInput(GrantInput, raw, ctx.lang);
  const unit = await findOwned(db, orgUnits, ctx, input.unitId, 'unit');
  await findOwned(db, persons, ctx, input.personId, 'person');
  authorize(ctx, 'access.admin', targetOf(unit));
  const [exists] = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.personId, input.personId),
        eq(roleGrants.role, input.role),
        eq(roleGrants.unitId, input.unitId),
      ),
    );
  if (exists) throw conflict('org.grant.exists');
  return db.transaction((tx) => createAudited(tx, ctx, roleGrants, input, { entity: 'grant' }));
}

/** Revoking a role. The last tenant-wide administrator stays, or no one could administer the tenant. */
export async function deleteGrant(db: Db, ctx: Ctx, id: string) {
  const grant = await findOwned(db, roleGrants, ctx, id, 'grant');
  const unit = await findOwned(db, orgUnits, ctx, grant.unitId, 'unit');
  authorize(ctx, 'access.admin', targetOf(unit));
  if (grant.role === 'administrator' && !unit.parentId) {
    const [n] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(roleGrants)
      .innerJoin(orgUnits, eq(orgUnits.id, roleGrants.unitId))
      .where(
        and(
          eq(roleGrants.tenantId, ctx.tenantId),
          eq(roleGrants.role, 'administrator'),
          isNull(orgUnits.parentId),
        ),
      );
    if ((n?.n ?? 0) <= 1) throw conflict('org.grant.lastAdmin');
  }
  await db.transaction(async (tx) => {
    await tx.delete(roleGrants).where(eq(roleGrants.id, id));
    await record(tx, ctx, {
      entityType: 'grant',
      entityId: id,
      action: 'delete',
      before: auditable(grant),
    });
    // The last role gone: nothing the person held (sessions, calendar feed) answers any more.
    if ((await grantsOf(tx, ctx, grant.personId)).length === 0)
      await endAccessOf(tx, ctx, grant.personId);
  });
}

/**
 * The grants single sign-on gives: the provider's groups, mapped, replace the person's earlier
 * single sign-on grants; hand-made grants stay (one already there is not given twice). Each grant
 * given or taken is its own audit event, in the caller's transaction.
 */
export async function setSsoGrants(
  tx: Tx,
  ctx: Ctx,
  personId: string,
  wanted: readonly { role: z.infer<typeof GrantInput>['role']; unitId: string }[],
) {
  const current = await tx
    .select()
    .from(roleGrants)
    .where(and(eq(roleGrants.tenantId, ctx.tenantId), eq(roleGrants.personId, personId)));
  const same = (a: { role: string; unitId: string }, b: { role: string; unitId: string }) =>
    a.role === b.role && a.unitId === b.unitId;
  for (const w of wanted) {
    const input = parseInput(GrantInput, { personId, ...w }, ctx.lang);
    const unit = await findOwned(tx, orgUnits, ctx, input.unitId, 'unit');
    authorize(ctx, 'access.admin', targetOf(unit));
    if (current.some((c) => same(c, input))) continue;
    await createAudited(
      tx,
      ctx,
      roleGrants,
      { ...input, viaSso: true },
      { entity: 'grant', action: 'sso_grant' },
    );
  }
  for (const c of current) {
    if (!c.viaSso || wanted.some((w) => same(w, c))) continue;
    const unit = await findOwned(tx, orgUnits, ctx, c.unitId, 'unit');
    authorize(ctx, 'access.admin', targetOf(unit));
    await tx.delete(roleGrants).where(eq(roleGrants.id, c.id));
    await record(tx, ctx, {
      entityType: 'grant',
      entityId: c.id,
      action: 'sso_revoke',
      before: auditable(c),
    });
  }
}

export async function listPosts(db: Db, ctx: Ctx, unitId: string) {
  authorize(ctx, 'org.read');
  // Another tenant's unit is a 404, as an unknown one, rather than an empty list.
  await findOwned(db, orgUnits, ctx, unitId, 'unit');
  return db
    .select({ post: posts, holderName: persons.name })
    .from(posts)
    .leftJoin(persons, eq(persons.id, posts.holderId))
    .where(and(eq(posts.tenantId, ctx.tenantId), eq(posts.unitId, unitId)))
    .orderBy(asc(posts.title));
}

async function assertHolder(db: Db, ctx: Ctx, holderId: string | null | undefined) {
  if (holderId) await findOwned(db, persons, ctx, holderId, 'person');
}

export async function createPost(db: Db, ctx: Ctx, raw: z.infer<typeof PostInput>) {
  const input = parseInput(PostInput, raw, ctx.lang);
  authorize(ctx, 'org.people.edit', await unitTarget(db, ctx, input.unitId));
  await assertHolder(db, ctx, input.holderId);
  return db.transaction((tx) =>
    createAudited(
      tx,
      ctx,
      posts,
      {
        unitId: input.unitId,
        title: input.title,
        holderId: input.holderId ?? null,
        competenceRequirements: input.competenceRequirements ?? null,
      },
      { entity: 'post' },
    ),
  );
}

export async function updatePost(db: Db, ctx: Ctx, id: string, raw: z.infer<typeof PostUpdate>) {
  const input = parseInput(PostUpdate, raw, ctx.lang);
  const before = await findOwned(db, posts, ctx, id, 'post');
  authorize(ctx, 'org.people.edit', await unitTarget(db, ctx, before.unitId));
  await assertHolder(db, ctx, input.holderId);
  const { version, ...changes } = input;
  return db.transaction((tx) =>
    updateAudited(tx, ctx, posts, id, version, changes, { entity: 'post', before }),
  );
}

export async function deletePost(db: Db, ctx: Ctx, id: string) {
  const before = await findOwned(db, posts, ctx, id, 'post');
  authorize(ctx, 'org.people.edit', await unitTarget(db, ctx, before.unitId));
  await db.transaction(async (tx) => {
    await tx.delete(posts).where(eq(posts.id, id));
    await record(tx, ctx, {
      entityType: 'post',
      entityId: id,
      action: 'delete',
      before: auditable(before),
    });
  });
}
