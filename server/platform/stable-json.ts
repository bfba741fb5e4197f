/** JSON with sorted keys, so a hash over it does not depend on key order (jsonb reorders keys). */
export function stableStringify(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Plain JSON form of a row for the audit trail: dates as ISO strings, secrets left out. */
export function auditable(
  row: Record<string, unknown> | null | undefined,
  omit: readonly string[] = [],
): Record<string, unknown> | null {
  if (!row) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (
      omit.includes(k) ||
      k === 'passwordHash' ||
      k === 'searchVector' ||
      k === 'searchText' ||
      k === 'data'
    )
      continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}
