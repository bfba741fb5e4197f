const isIsoDate = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/**
 * The dates typed in, one per line or comma-separated, or the first problem: the line (counted
 * from 1) and the text that is not an ISO date.
 */
export function parseCalendarDates(
  text: string,
): { dates: string[] } | { line: number; text: string } {
  const dates: string[] = [];
  const rows = text.split(/\r?\n/);
  for (const [i, row] of rows.entries())
    for (const part of row.split(/[,;]/)) {
      const s = part.trim();
      if (!s) continue;
      if (!isIsoDate(s)) return { line: i + 1, text: s };
      dates.push(s);
    }
  return { dates: [...new Set(dates)] };
}
