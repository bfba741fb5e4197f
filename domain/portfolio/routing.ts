/**
 * The routing rule's notion of "cross-unit" (DOMAIN.md, Portfolio; README, Portfölj): an
 * initiative that touches units under more than one board goes to the council. A board here is
 * a body that owns its own work: regionfullmäktige, regionstyrelsen, a nämnd or a bolag. Its
 * administrations (förvaltningar), their departments and units, and its working committee are
 * the same board's; however many of them an initiative touches, their board decides.
 */
export const BOARD_KINDS = ['assembly', 'regional_board', 'board', 'company'] as const;

/**
 * The board a unit lies under: the nearest unit of its path (itself included, read from the
 * unit upward) whose kind is a board. A unit under no board at all (a tree without bodies) counts
 * as its tree's top unit; a path that is empty has no board.
 */
export function boardOf(
  path: readonly string[],
  kindOf: (unitId: string) => string | undefined,
): string | null {
  for (let k = path.length - 1; k >= 0; k--) {
    const kind = kindOf(path[k]!);
    if (kind && (BOARD_KINDS as readonly string[]).includes(kind)) return path[k]!;
  }
  return path[0] ?? null;
}

/** The boards an initiative touches: its owner's and its affected units', each once. */
export function boardsTouched(i: {
  ownerBoardId: string | null;
  affectedBoardIds: readonly (string | null)[];
}): string[] {
  return [
    ...new Set([i.ownerBoardId, ...i.affectedBoardIds].filter((b): b is string => Boolean(b))),
  ];
}

/**
 * The lowest unit above (or equal to) every given path: the narrowest scope that holds them all.
 * Empty when they share no unit, or when any path is empty.
 */
export function commonScope(paths: readonly (readonly string[])[]): string[] {
  if (paths.length === 0 || paths.some((p) => p.length === 0)) return [];
  const out: string[] = [];
  for (let k = 0; ; k++) {
    const id = paths[0]![k];
    if (id === undefined || paths.some((p) => p[k] !== id)) return out;
    out.push(id);
  }
}
