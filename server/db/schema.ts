// The schema index (for Drizzle's typed queries), composed from the contexts' declared tables.
// drizzle-kit reads the same files through the glob in drizzle.config.ts.
import * as platformTables from '../platform/tables.js';
import { contexts } from '../modules/registry.js';

type ContextTables = (typeof contexts)[number]['tables'];
type Merged<U> = (U extends unknown ? (u: U) => void : never) extends (m: infer M) => void
  ? M
  : never;

export const schema = Object.assign(
  {},
  platformTables,
  ...contexts.map((c) => c.tables),
) as typeof platformTables & Merged<ContextTables>;
