import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathsOf, pathUnder, rebasePath, wouldCreateCycle, type TreeNode } from './tree.js';

/** A random forest: node i's parent is one of the nodes before it, or none. */
const forest = fc
  .integer({ min: 1, max: 30 })
  .chain((n) =>
    fc
      .tuple(
        ...Array.from({ length: n }, (_, i) =>
          i === 0 ? fc.constant(-1) : fc.integer({ min: -1, max: i - 1 }),
        ),
      )
      .map((parents) =>
        parents.map((p, i): TreeNode => ({ id: `n${i}`, parentId: p < 0 ? null : `n${p}` })),
      ),
  );

/** Applies moves the rule allows, rewriting subtree paths as the server does. */
function applyMoves(nodes: TreeNode[], moves: [number, number | null][]) {
  let paths = pathsOf(nodes);
  const byId = new Map(nodes.map((n) => [n.id, { ...n }]));
  for (const [u, p] of moves) {
    const unitId = `n${u % nodes.length}`;
    const parentId = p === null ? null : `n${p % nodes.length}`;
    const unitPath = paths.get(unitId)!;
    const parentPath = parentId ? paths.get(parentId)! : null;
    if (wouldCreateCycle(unitPath, parentPath)) continue;
    const newPath = pathUnder(parentPath, unitId);
    byId.get(unitId)!.parentId = parentId;
    const next = new Map<string, string[]>();
    for (const [id, path] of paths)
      next.set(
        id,
        path.slice(0, unitPath.length).join('/') === unitPath.join('/')
          ? rebasePath(path, unitPath, newPath)
          : path,
      );
    paths = next;
  }
  return { nodes: [...byId.values()], paths };
}

describe('the organisation tree', () => {
  it('no sequence of allowed moves ever creates a cycle, and stored paths stay equal to the parent links', () => {
    fc.assert(
      fc.property(
        forest,
        fc.array(fc.tuple(fc.nat(), fc.option(fc.nat(), { nil: null })), { maxLength: 25 }),
        (nodes, moves) => {
          const { nodes: after, paths } = applyMoves(nodes, moves);
          const recomputed = pathsOf(after); // throws on a cycle
          for (const n of after) expect(paths.get(n.id)).toEqual(recomputed.get(n.id));
        },
      ),
    );
  });

  it('a unit cannot be moved under itself or any descendant', () => {
    expect(wouldCreateCycle(['r', 'a'], ['r', 'a'])).toBe(true);
    expect(wouldCreateCycle(['r', 'a'], ['r', 'a', 'b', 'c'])).toBe(true);
    expect(wouldCreateCycle(['r', 'a'], ['r', 'b'])).toBe(false);
    expect(wouldCreateCycle(['r', 'a'], null)).toBe(false);
  });

  it('pathsOf reports a cycle rather than looping', () => {
    expect(() =>
      pathsOf([
        { id: 'a', parentId: 'b' },
        { id: 'b', parentId: 'a' },
      ]),
    ).toThrow(/cycle/);
  });
});
