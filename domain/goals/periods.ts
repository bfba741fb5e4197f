/**
 * Follow-up periods (DOMAIN.md, Goals): month, tertial, delårsrapport (interim, to 31 August) and
 * årsredovisning (annual). A period is a key: "2025-03" (month), "2025-T2" (tertial),
 * "2025-D" (interim report), "2025-Å" (annual report). Which kinds a region uses is a setting.
 */
export const PERIOD_KINDS = ['month', 'tertial', 'interim', 'annual'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_KEY = /^(\d{4})-(0[1-9]|1[0-2]|T[1-3]|D|Å)$/u;

export function periodKind(key: string): PeriodKind | null {
  const m = PERIOD_KEY.exec(key);
  if (!m) return null;
  const p = m[2]!;
  if (p === 'D') return 'interim';
  if (p === 'Å') return 'annual';
  if (p.startsWith('T')) return 'tertial';
  return 'month';
}

export const yearOf = (key: string) => Number(key.slice(0, 4));

/** The last day of a period: when its outcome is due. */
export function periodEnd(key: string): string {
  const m = PERIOD_KEY.exec(key);
  if (!m) throw new Error(`not a period: ${key}`);
  const year = Number(m[1]);
  const p = m[2]!;
  const lastDay = (month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  if (p === 'D') return `${year}-08-31`;
  if (p === 'Å') return `${year}-12-31`;
  if (p.startsWith('T')) return lastDay(Number(p.slice(1)) * 4);
  return lastDay(Number(p));
}

/** The periods of a year for the kinds a region follows up, in date order. */
export function periodsOf(year: number, kinds: readonly PeriodKind[]): string[] {
  const keys: string[] = [];
  if (kinds.includes('month'))
    for (let m = 1; m <= 12; m++) keys.push(`${year}-${String(m).padStart(2, '0')}`);
  if (kinds.includes('tertial')) for (let t = 1; t <= 3; t++) keys.push(`${year}-T${t}`);
  if (kinds.includes('interim')) keys.push(`${year}-D`);
  if (kinds.includes('annual')) keys.push(`${year}-Å`);
  // Same last day (December, T3 and the annual report): the annual report comes last.
  const order = (k: string) => PERIOD_KINDS.indexOf(periodKind(k)!);
  return keys.sort((a, b) =>
    periodEnd(a) < periodEnd(b) ? -1 : periodEnd(a) > periodEnd(b) ? 1 : order(a) - order(b),
  );
}

export function periodLabel(key: string, lang: 'sv' | 'en'): string {
  const kind = periodKind(key);
  const year = key.slice(0, 4);
  const p = key.slice(5);
  switch (kind) {
    case 'interim':
      return lang === 'sv' ? `Delårsrapport ${year}` : `Interim report ${year}`;
    case 'annual':
      return lang === 'sv' ? `Årsredovisning ${year}` : `Annual report ${year}`;
    case 'tertial':
      return lang === 'sv'
        ? `Tertial ${p.slice(1)} ${year}`
        : `Four-month period ${p.slice(1)} ${year}`;
    case 'month':
      return `${year}-${p}`;
    case null:
      return key;
  }
}
