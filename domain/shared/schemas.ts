import { z } from 'zod';

/** Shapes every context shares: ids, dates, versions, list queries and list answers. */
export const Id = z.uuid();
export const IsoDate = z.iso.date();
export const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();
export const RequiredText = (max: number) => z.string().trim().min(1).max(max);

export const IdParams = z.object({ id: Id }).strict();

/** Every edit names the version it read (optimistic locking). */
export const VersionField = z.object({ version: z.number().int().min(1) });

export const Stamps = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

export const ExportFormat = z.enum(['json', 'csv', 'xlsx']);

/** Offset pagination: bounded, so a list can never ask the database for everything. */
export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  format: ExportFormat.default('json'),
});

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });

export type PageOf<T> = { items: T[]; total: number; limit: number; offset: number };

export const sortParam = <const K extends readonly [string, ...string[]]>(keys: K) =>
  z.enum([...keys, ...keys.map((k) => `-${k}`)] as [string, ...string[]]).optional();

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;
