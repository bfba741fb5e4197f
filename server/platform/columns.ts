import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Columns every user-edited table carries (ARCHITECTURE.md, Data). */
export const stamps = () => ({
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
