import { z } from 'zod';

/**
 * A count that readiness checks and reports can cite (ARCHITECTURE.md: each published read query
 * returns the figure and the records behind it). A record names its entity, id, a title a person
 * reads, the web path that opens it, and optionally a short detail (why it is counted).
 */
export const EvidenceRecord = z.object({
  entity: z.string(),
  id: z.string(),
  title: z.string(),
  href: z.string(),
  detail: z.string().nullable().optional(),
});
export type EvidenceRecord = z.infer<typeof EvidenceRecord>;
export const Evidence = z.object({ figure: z.number(), records: z.array(EvidenceRecord) });
export type Evidence = z.infer<typeof Evidence>;

/** The figure is the number of records: one place that keeps the two from disagreeing. */
export const evidenceOf = (records: EvidenceRecord[]): Evidence => ({
  figure: records.length,
  records,
});
