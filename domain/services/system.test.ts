import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { likelyDuplicates, systemFlags } from './system.js';

const ok = {
  lifecycle: 'operating',
  ownerPersonId: 'p1',
  ownerExternalName: null,
  managerPersonId: 'p2',
  confidentiality: 2,
  integrity: 2,
  availability: 3,
  classifiedOn: '2025-01-10',
  reclassifyOn: null,
  personalData: true,
  dpaSignedOn: '2024-05-01',
  dpiaStatus: 'done',
};
const today = '2026-03-15';

describe('system flags', () => {
  it('a system with owner, manager, a fresh classification, DPA and DPIA and a long contract raises nothing', () => {
    expect(systemFlags(ok, [{ endsOn: '2029-12-31' }], today)).toEqual([]);
  });
  it('ownership gaps: no owner, an owner outside the region, no manager', () => {
    expect(systemFlags({ ...ok, ownerPersonId: null }, [], today)).toEqual(['no_owner']);
    expect(
      systemFlags({ ...ok, ownerPersonId: null, ownerExternalName: 'Leverantören AB' }, [], today),
    ).toEqual(['owner_external']);
    expect(systemFlags({ ...ok, managerPersonId: null }, [], today)).toEqual(['no_manager']);
  });
  it('classification missing, or stale by date or by age', () => {
    expect(systemFlags({ ...ok, integrity: null }, [], today)).toEqual(['no_classification']);
    expect(systemFlags({ ...ok, reclassifyOn: '2026-03-14' }, [], today)).toEqual([
      'classification_stale',
    ]);
    expect(systemFlags({ ...ok, classifiedOn: '2023-03-14' }, [], today)).toEqual([
      'classification_stale',
    ]);
    expect(systemFlags({ ...ok, classifiedOn: '2023-03-16' }, [], today)).toEqual([]);
  });
  it('personal data without a processing agreement or a DPIA', () => {
    expect(systemFlags({ ...ok, dpaSignedOn: null, dpiaStatus: 'needed' }, [], today)).toEqual([
      'personal_data_no_dpa',
      'personal_data_no_dpia',
    ]);
    expect(
      systemFlags({ ...ok, personalData: false, dpaSignedOn: null, dpiaStatus: null }, [], today),
    ).toEqual([]);
  });
  it('contracts ending within the warning window, expired while running, or running after phase-out', () => {
    expect(systemFlags(ok, [{ endsOn: '2027-06-30' }], today)).toEqual(['contract_ending']);
    expect(systemFlags(ok, [{ endsOn: '2027-09-16' }], today)).toEqual([]);
    expect(systemFlags(ok, [{ endsOn: '2025-12-31' }], today)).toEqual(['contract_expired']);
    expect(
      systemFlags({ ...ok, lifecycle: 'phased_out' }, [{ endsOn: '2028-12-31' }], today),
    ).toEqual(['phased_out_with_contract']);
    expect(
      systemFlags(
        { ...ok, lifecycle: 'phased_out', ownerPersonId: null },
        [{ endsOn: '2020-01-01' }],
        today,
      ),
    ).toEqual([]);
  });
});

describe('likely duplicates', () => {
  it('a capability served by live systems of different units is a likely duplicate', () => {
    const result = likelyDuplicates([
      {
        id: 'a',
        name: 'Journal A',
        ownerUnitId: 'u1',
        lifecycle: 'operating',
        capabilities: ['journalföring'],
      },
      {
        id: 'b',
        name: 'Journal B',
        ownerUnitId: 'u2',
        lifecycle: 'operating',
        capabilities: ['journalföring', 'bokning'],
      },
      {
        id: 'c',
        name: 'Bokning C',
        ownerUnitId: 'u2',
        lifecycle: 'operating',
        capabilities: ['bokning'],
      },
      {
        id: 'd',
        name: 'Gammal journal',
        ownerUnitId: 'u3',
        lifecycle: 'phased_out',
        capabilities: ['journalföring'],
      },
    ]);
    expect(result).toEqual([
      {
        capability: 'journalföring',
        systems: [
          { id: 'a', name: 'Journal A', ownerUnitId: 'u1' },
          { id: 'b', name: 'Journal B', ownerUnitId: 'u2' },
        ],
      },
    ]);
  });
  it('every reported group spans at least two units and holds no phased-out system', () => {
    const sys = fc.record({
      id: fc.uuid(),
      name: fc.string(),
      ownerUnitId: fc.constantFrom('u1', 'u2', 'u3', null),
      lifecycle: fc.constantFrom('operating', 'phased_out'),
      capabilities: fc.subarray(['a', 'b', 'c']),
    });
    fc.assert(
      fc.property(fc.array(sys, { maxLength: 15 }), (systems) => {
        for (const g of likelyDuplicates(systems)) {
          expect(new Set(g.systems.map((s) => s.ownerUnitId ?? '-')).size).toBeGreaterThan(1);
          for (const s of g.systems)
            expect(systems.find((x) => x.id === s.id)!.lifecycle).not.toBe('phased_out');
        }
      }),
    );
  });
});
