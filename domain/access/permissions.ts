/**
 * Deny-by-default, role-based access scoped to the organisation tree (ARCHITECTURE.md, Security).
 * A role is granted on a unit and holds for that unit's whole subtree. One pure function, `can`,
 * answers every question: the server enforces it, the web uses it to show what is allowed.
 */
export const ROLES = [
  'administrator',
  'portfolio_coordinator',
  'editor',
  'reader',
  'auditor',
  'audit_office',
] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'org.read', // read organisation, forums, meetings, decisions, people
  'org.unit.edit', // create, edit, move, archive units beneath the target
  'org.people.edit', // people and posts in the target unit's subtree
  'org.forum.edit', // forums, members, meetings under the target unit
  'org.decision.edit', // decisions and information items of bodies under the target unit
  'access.admin', // grant and revoke roles
  'goals.edit', // goals, indicators, outcomes and assessments of units beneath the target
  'documents.edit', // steering documents owned by units beneath the target
  'systems.edit', // IT systems and their contracts owned by units beneath the target
  'audits.edit', // audits, their questions, assessments, recommendations and follow-up findings (the whole tenant)
  'audits.respond', // replies, actions and assignments of bodies beneath the target
  'portfolio.edit', // initiatives owned by units beneath the target, their phases, benefits and measurements
  'audit.read', // read and verify the audit trail
  'tenant.admin', // tenant-wide settings
] as const;
export type Action = (typeof ACTIONS)[number];

export type Grant = {
  role: Role;
  unitId: string;
  /** Ids from a root down to the granted unit, inclusive. */
  unitPath: readonly string[];
};
export type Actor = { personId: string; grants: readonly Grant[] };

/** What an action is done to: a place in the tree (ids root → unit), or the whole tenant. */
export type Target = { unitPath: readonly string[] } | 'tenant';

const ROLE_ACTIONS: Record<Role, { actions: readonly Action[]; scope: 'subtree' | 'tenant' }> = {
  administrator: { actions: ACTIONS, scope: 'subtree' },
  // Coordinators prepare council material region-wide: forums, meetings and decisions anywhere.
  portfolio_coordinator: {
    actions: [
      'org.read',
      'org.forum.edit',
      'org.decision.edit',
      'goals.edit',
      'documents.edit',
      'systems.edit',
      'audits.edit',
      'audits.respond',
      'portfolio.edit',
    ],
    scope: 'tenant',
  },
  editor: {
    actions: [
      'org.read',
      'org.unit.edit',
      'org.people.edit',
      'org.forum.edit',
      'org.decision.edit',
      'goals.edit',
      'documents.edit',
      'systems.edit',
      'audits.respond',
      'portfolio.edit',
    ],
    scope: 'subtree',
  },
  reader: { actions: ['org.read'], scope: 'tenant' },
  auditor: { actions: ['org.read', 'audit.read'], scope: 'tenant' },
  // Revisionskontoret registers the auditors' audits, questions, assessments, recommendations,
  // remittances and follow-up findings; a body's reply and actions are the body's own to write.
  audit_office: { actions: ['org.read', 'audit.read', 'audits.edit'], scope: 'tenant' },
};

/** Reading is open across the tenant (information sharing); the scope limits changes only. */
const TENANT_WIDE_ACTIONS: readonly Action[] = ['org.read', 'audit.read'];

function grantCovers(grant: Grant, action: Action, target: Target): boolean {
  const rule = ROLE_ACTIONS[grant.role];
  if (!rule.actions.includes(action)) return false;
  if (rule.scope === 'tenant' || TENANT_WIDE_ACTIONS.includes(action)) return true;
  const isRootGrant = grant.unitPath.length === 1;
  if (target === 'tenant') return isRootGrant;
  return target.unitPath.includes(grant.unitId);
}

export function can(
  actor: Actor | null | undefined,
  action: Action,
  target: Target = 'tenant',
): boolean {
  if (!actor) return false;
  return actor.grants.some((g) => grantCovers(g, action, target));
}

/** Whether the actor may do the action somewhere: for bulk actions whose rows each name their own target. */
export const canAnywhere = (actor: Actor | null | undefined, action: Action): boolean =>
  Boolean(actor?.grants.some((g) => ROLE_ACTIONS[g.role].actions.includes(action)));

/** Roles a person holds anywhere, for showing and for quick checks in the UI. */
export const rolesOf = (actor: Actor): Role[] => [...new Set(actor.grants.map((g) => g.role))];

/**
 * Whether the actor holds at least what the grant gives: every action of the grant's role, on
 * the grant's unit (or the whole tenant for a tenant-wide role). An editor does not cover an
 * administrator of a unit in its subtree, nor an auditor (whose trail it cannot read).
 */
export function coversGrant(actor: Actor, grant: Grant): boolean {
  const rule = ROLE_ACTIONS[grant.role];
  const target: Target = rule.scope === 'tenant' ? 'tenant' : { unitPath: grant.unitPath };
  return rule.actions.every((a) => can(actor, a, target));
}

/**
 * Archiving a person or changing their e-mail (where a password reset would go) is taking over
 * or ending their access: allowed only to someone who holds at least every grant the person has.
 */
export const holdsAtLeast = (actor: Actor, grants: readonly Grant[]): boolean =>
  grants.every((g) => coversGrant(actor, g));
