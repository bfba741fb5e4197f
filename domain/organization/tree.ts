/**
 * Rules of the organisation tree. A unit's path is the list of ids from its root down to itself;
 * a move is allowed only where it cannot create a cycle.
 */
export type TreeNode = { id: string; parentId: string | null };

/** A unit cannot be moved under itself or under one of its own descendants. */
export function wouldCreateCycle(
  unitPath: readonly string[],
  newParentPath: readonly string[] | null,
): boolean {
  if (!newParentPath) return false;
  const unitId = unitPath[unitPath.length - 1];
  return unitId !== undefined && newParentPath.includes(unitId);
}

/** The path a unit gets when placed under a parent. */
export const pathUnder = (parentPath: readonly string[] | null, unitId: string): string[] => [
  ...(parentPath ?? []),
  unitId,
];

/** New path of a descendant when the subtree rooted at oldUnitPath moves to newUnitPath. */
export function rebasePath(
  descendantPath: readonly string[],
  oldUnitPath: readonly string[],
  newUnitPath: readonly string[],
): string[] {
  return [...newUnitPath, ...descendantPath.slice(oldUnitPath.length)];
}

/** Paths of every node of a forest given by parent links; cycles are reported, never looped over. */
export function pathsOf(nodes: readonly TreeNode[]): Map<string, string[]> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, string[]>();
  for (const node of nodes) {
    const path: string[] = [];
    const seen = new Set<string>();
    let cur: TreeNode | undefined = node;
    while (cur) {
      if (seen.has(cur.id)) throw new Error(`cycle at ${cur.id}`);
      seen.add(cur.id);
      path.unshift(cur.id);
      cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    }
    out.set(node.id, path);
  }
  return out;
}
