import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kindOf, planUnits, type UnitRow } from './hr-import.js';

const row = (n: number, code: string, parentCode: string, kind = 'enhet'): UnitRow => ({
  row: n,
  code,
  name: `Enhet ${code}`,
  parentCode,
  kind,
  shortName: '',
});

describe('the HR import plan', () => {
  it('reads the kinds HR systems write, in either language and case', () => {
    expect(kindOf(' Förvaltning ')).toBe('administration');
    expect(kindOf('NÄMND')).toBe('board');
    expect(kindOf('department')).toBe('department');
    expect(kindOf('byrå')).toBeNull();
  });

  it('places every parent before its children, whatever order the file lists them in', () => {
    // A random tree: each unit's parent is an earlier one (or the root), then the rows shuffled.
    const tree = fc
      .integer({ min: 1, max: 40 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.nat(), { minLength: n, maxLength: n }),
          fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
        ),
      );
    fc.assert(
      fc.property(tree, ([parents, order]) => {
        const rows = order.map((i, k) => row(k + 2, `U${i}`, i === 0 ? '' : `U${parents[i]! % i}`));
        const { steps, errors } = planUnits(rows, [], 'root');
        expect(errors).toEqual([]);
        const position = new Map(steps.map((s, k) => [s.code, k]));
        for (const s of steps)
          if (s.parent && 'code' in s.parent)
            expect(position.get(s.parent.code.toUpperCase())).toBeLessThan(position.get(s.code)!);
      }),
    );
  });

  it('refuses a loop on each of its rows, and an unknown parent', () => {
    const { errors } = planUnits(
      [row(2, 'A', 'B'), row(3, 'B', 'A'), row(4, 'C', 'X')],
      [],
      'root',
    );
    expect(errors.map((e) => [e.key, e.params?.row])).toEqual(
      expect.arrayContaining([
        ['org.import.loop', 2],
        ['org.import.loop', 3],
        ['org.import.unknownParent', 4],
      ]),
    );
  });

  it('never moves the root, and lists coded units the file no longer has', () => {
    const existing = [
      {
        id: 'root',
        code: 'RF',
        name: 'Regionfullmäktige',
        parentId: null,
        kind: 'assembly',
        shortName: null,
        archivedAt: null,
      },
      {
        id: 'u1',
        code: 'U1',
        name: 'Enhet U1',
        parentId: 'root',
        kind: 'unit',
        shortName: null,
        archivedAt: null,
      },
      {
        id: 'u2',
        code: 'U2',
        name: 'Gammal',
        parentId: 'root',
        kind: 'unit',
        shortName: null,
        archivedAt: null,
      },
    ];
    const { steps, missing } = planUnits(
      [row(2, 'RF', '', 'fullmäktige'), row(3, 'U1', '')],
      existing,
      'root',
    );
    expect(steps.map((s) => [s.code, s.action])).toEqual([
      ['RF', 'update'],
      ['U1', 'unchanged'],
    ]);
    expect(steps[0]!.parent).toBeNull();
    expect(missing.map((u) => u.code)).toEqual(['U2']);
  });
});
