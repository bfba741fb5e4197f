import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkServiceNode,
  effectiveOwningUnit,
  escalationPath,
  PARENT_KIND,
  SERVICE_NODE_KINDS,
  serviceNodeFlags,
} from './ownership.js';

const keys = (errors: { path: string; key: string }[]) => errors.map((e) => `${e.path}:${e.key}`);

describe('the shape of the service tree', () => {
  it('a coordination area has no parent and an owning board; a service area sits under it; a service under a service area', () => {
    expect(checkServiceNode({ kind: 'coordination_area', owningUnitId: 'b' }, null, null)).toEqual(
      [],
    );
    expect(
      checkServiceNode({ kind: 'service_area', parentId: 'ca' }, 'coordination_area', null),
    ).toEqual([]);
    expect(
      checkServiceNode(
        { kind: 'service', parentId: 'sa', owningUnitId: 'b' },
        'service_area',
        null,
      ),
    ).toEqual([]);
    expect(
      keys(
        checkServiceNode(
          { kind: 'coordination_area', parentId: 'x', owningUnitId: 'b' },
          'coordination_area',
          null,
        ),
      ),
    ).toEqual(['parentId:ownership.noParentAllowed']);
    expect(
      keys(
        checkServiceNode(
          { kind: 'service', parentId: 'ca', owningUnitId: 'b' },
          'coordination_area',
          null,
        ),
      ),
    ).toEqual(['parentId:ownership.parentMustBe.service_area']);
    expect(
      keys(checkServiceNode({ kind: 'service', parentId: 'sa' }, 'service_area', null)),
    ).toEqual(['owningUnitId:ownership.owningBoardRequired']);
  });

  it('only services are mandatory, duplicates or have external users', () => {
    expect(
      keys(
        checkServiceNode(
          { kind: 'service_area', parentId: 'ca', mandatory: true, externalUsers: [{}] },
          'coordination_area',
          null,
        ),
      ),
    ).toEqual(['mandatory:ownership.servicesOnly', 'externalUsers:ownership.servicesOnly']);
  });

  it('a duplicate names another service; its approval names who and when', () => {
    const s = { kind: 'service' as const, parentId: 'sa', owningUnitId: 'b' };
    expect(
      keys(checkServiceNode({ ...s, duplicateOfId: 'me' }, 'service_area', 'service', 'me')),
    ).toEqual(['duplicateOfId:ownership.duplicateOfService']);
    expect(
      keys(checkServiceNode({ ...s, duplicateOfId: 'sa2' }, 'service_area', 'service_area')),
    ).toEqual(['duplicateOfId:ownership.duplicateOfService']);
    expect(
      keys(
        checkServiceNode(
          { ...s, duplicateOfId: 'other', duplicateApprovedById: 'p' },
          'service_area',
          'service',
        ),
      ),
    ).toEqual(['duplicateApprovedOn:ownership.approvalNeedsWhoAndWhen']);
    expect(
      keys(
        checkServiceNode(
          { ...s, duplicateApprovedById: 'p', duplicateApprovedOn: '2026-01-01' },
          'service_area',
          null,
        ),
      ),
    ).toEqual(['duplicateApprovedById:ownership.approvalWithoutDuplicate']);
  });

  it('any kind under any parent kind: accepted exactly when the parent is the level above', () => {
    const kinds = fc.constantFrom(...SERVICE_NODE_KINDS);
    fc.assert(
      fc.property(kinds, fc.option(kinds, { nil: null }), (kind, parentKind) => {
        const errors = checkServiceNode(
          { kind, parentId: parentKind ? 'p' : null, owningUnitId: 'b' },
          parentKind,
          null,
        );
        expect(errors.length === 0).toBe(PARENT_KIND[kind] === parentKind);
      }),
    );
  });
});

describe('ownership flags', () => {
  it('no responsible person, then appointed without a record of who appointed, then clean', () => {
    expect(serviceNodeFlags({ kind: 'service' }, null)).toEqual(['no_responsible']);
    expect(serviceNodeFlags({ kind: 'service', responsiblePersonId: 'p' }, null)).toEqual([
      'not_appointed',
    ]);
    expect(
      serviceNodeFlags(
        { kind: 'service', responsiblePersonId: 'p', responsibleAppointedById: 'q' },
        null,
      ),
    ).toEqual([]);
  });
  it('a local duplicate needs the recorded approval; a duplicate of a mandatory service is always flagged', () => {
    const base = {
      kind: 'service' as const,
      responsiblePersonId: 'p',
      responsibleAppointedById: 'q',
      duplicateOfId: 'x',
    };
    expect(serviceNodeFlags(base, { mandatory: false })).toEqual(['duplicate_unapproved']);
    expect(
      serviceNodeFlags(
        { ...base, duplicateApprovedById: 'o', duplicateApprovedOn: '2026-01-01' },
        { mandatory: false },
      ),
    ).toEqual([]);
    expect(
      serviceNodeFlags(
        { ...base, duplicateApprovedById: 'o', duplicateApprovedOn: '2026-01-01' },
        { mandatory: true },
      ),
    ).toEqual(['duplicate_of_mandatory']);
  });
  it('an archived node raises nothing', () => {
    expect(serviceNodeFlags({ kind: 'service', archivedAt: new Date() }, null)).toEqual([]);
  });
});

describe('owning board and escalation', () => {
  it('a service area takes its coordination area’s board', () => {
    type N = { id: string; parentId: string | null; owningUnitId: string | null };
    const ca: N = { id: 'ca', parentId: null, owningUnitId: 'board' };
    const sa: N = { id: 'sa', parentId: 'ca', owningUnitId: null };
    expect(
      effectiveOwningUnit(
        sa,
        new Map([
          ['ca', ca],
          ['sa', sa],
        ]),
      ),
    ).toBe('board');
  });
  it('goes manager, owner, service manager, area owners, council, director; vacant steps stay', () => {
    const path = escalationPath(
      { system: 'Journal', systemManager: 'Mia', systemOwner: null },
      [
        { kind: 'service', name: 'Vårdjournal', responsible: 'Sam' },
        { kind: 'service_area', name: 'Vård', responsible: null },
        { kind: 'coordination_area', name: 'Hälsa', responsible: 'Ca' },
      ],
      { council: 'Digitaliseringsrådet', regionalDirector: 'Rd' },
    );
    expect(path.map((s) => `${s.role}=${s.name ?? '∅'}`)).toEqual([
      'system_manager=Mia',
      'system_owner=∅',
      'service_manager=Sam',
      'service_area_owner=∅',
      'coordination_area_owner=Ca',
      'council=Digitaliseringsrådet',
      'regional_director=Rd',
    ]);
  });
  it('a service’s own path starts at its service manager', () => {
    const path = escalationPath({}, [{ kind: 'service', name: 'S', responsible: 'Sam' }], {
      council: null,
      regionalDirector: null,
    });
    expect(path.map((s) => s.role)).toEqual(['service_manager', 'council', 'regional_director']);
  });
});
