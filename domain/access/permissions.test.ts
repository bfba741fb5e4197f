import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  can,
  canAnywhere,
  holdsAtLeast,
  ROLES,
  type Actor,
  type Role,
} from './permissions.js';

const id = fc.uuid();
const path = fc.array(id, { minLength: 1, maxLength: 6 });
const actorWith = (role: Role, unitPath: string[]): Actor => ({
  personId: 'p',
  grants: [{ role, unitId: unitPath[unitPath.length - 1]!, unitPath }],
});

describe('can(actor, action, target)', () => {
  it('denies by default: no actor or no grants means nothing is allowed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTIONS), path, (action, p) => {
        expect(can(null, action, { unitPath: p })).toBe(false);
        expect(can({ personId: 'p', grants: [] }, action, { unitPath: p })).toBe(false);
      }),
    );
  });

  it('a role granted on a unit holds for every unit beneath it (inheritance)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.constantFrom(...ACTIONS),
        path,
        fc.array(id, { maxLength: 4 }),
        (role, action, grantPath, below) => {
          const actor = actorWith(role, grantPath);
          if (can(actor, action, { unitPath: grantPath }))
            expect(can(actor, action, { unitPath: [...grantPath, ...below] })).toBe(true);
        },
      ),
    );
  });

  it('an editor changes nothing outside their subtree', () => {
    fc.assert(
      fc.property(path, path, (grantPath, elsewhere) => {
        fc.pre(!elsewhere.includes(grantPath[grantPath.length - 1]!));
        expect(can(actorWith('editor', grantPath), 'org.unit.edit', { unitPath: elsewhere })).toBe(
          false,
        );
      }),
    );
  });

  it('readers and auditors change nothing anywhere; auditors alone (with administrators) read the audit trail', () => {
    fc.assert(
      fc.property(
        path,
        path,
        fc.constantFrom(...ACTIONS.filter((a) => a !== 'org.read' && a !== 'audit.read')),
        (grantPath, target, action) => {
          expect(can(actorWith('reader', grantPath), action, { unitPath: target })).toBe(false);
          expect(can(actorWith('auditor', grantPath), action, { unitPath: target })).toBe(false);
        },
      ),
    );
    expect(can(actorWith('auditor', ['u']), 'audit.read')).toBe(true);
    expect(can(actorWith('reader', ['u']), 'audit.read')).toBe(false);
    expect(can(actorWith('editor', ['u']), 'audit.read')).toBe(false);
  });

  it('tenant-wide actions need an administrator on a root unit', () => {
    expect(can(actorWith('administrator', ['root']), 'tenant.admin')).toBe(true);
    expect(can(actorWith('administrator', ['root', 'board']), 'tenant.admin')).toBe(false);
    expect(
      can(actorWith('administrator', ['root', 'board']), 'access.admin', {
        unitPath: ['root', 'board', 'adm'],
      }),
    ).toBe(true);
    expect(
      can(actorWith('administrator', ['root', 'board']), 'access.admin', {
        unitPath: ['root', 'other'],
      }),
    ).toBe(false);
  });

  it('canAnywhere answers whether any grant carries the action', () => {
    expect(canAnywhere(actorWith('editor', ['r', 'x']), 'goals.edit')).toBe(true);
    expect(canAnywhere(actorWith('reader', ['r']), 'goals.edit')).toBe(false);
    expect(canAnywhere(null, 'org.read')).toBe(false);
  });

  it('a portfolio coordinator records forums and decisions region-wide but does not edit units', () => {
    const c = actorWith('portfolio_coordinator', ['root', 'x']);
    expect(can(c, 'org.decision.edit', { unitPath: ['root', 'y'] })).toBe(true);
    expect(can(c, 'org.forum.edit', { unitPath: ['root'] })).toBe(true);
    expect(can(c, 'org.unit.edit', { unitPath: ['root', 'x'] })).toBe(false);
  });
});

describe('who may end or redirect a person’s access', () => {
  const root = ['r'];
  const board = ['r', 'b'];
  const office = ['r', 'b', 'o'];
  const editorOfBoard = {
    personId: 'e',
    grants: [{ role: 'editor' as const, unitId: 'b', unitPath: board }],
  };
  it('an editor covers readers and editors beneath it, not an administrator there', () => {
    expect(holdsAtLeast(editorOfBoard, [{ role: 'reader', unitId: 'o', unitPath: office }])).toBe(
      true,
    );
    expect(holdsAtLeast(editorOfBoard, [{ role: 'editor', unitId: 'o', unitPath: office }])).toBe(
      true,
    );
    expect(
      holdsAtLeast(editorOfBoard, [{ role: 'administrator', unitId: 'o', unitPath: office }]),
    ).toBe(false);
    expect(holdsAtLeast(editorOfBoard, [{ role: 'editor', unitId: 'r', unitPath: root }])).toBe(
      false,
    );
    expect(holdsAtLeast(editorOfBoard, [{ role: 'auditor', unitId: 'r', unitPath: root }])).toBe(
      false,
    );
    expect(holdsAtLeast(editorOfBoard, [])).toBe(true);
  });
  it('an administrator of the root covers everyone', () => {
    const admin = {
      personId: 'a',
      grants: [{ role: 'administrator' as const, unitId: 'r', unitPath: root }],
    };
    for (const role of ROLES)
      expect(holdsAtLeast(admin, [{ role, unitId: 'r', unitPath: root }])).toBe(true);
  });
});
