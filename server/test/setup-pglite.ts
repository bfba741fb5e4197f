import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.js';

/** Migrates one PGlite data folder per run; each test file opens its own copy (reopening is ~free). */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'styrbord-pglite-template-'));
  const database = await openDatabase({ dataDir: dir });
  await database.close();
  project.provide('dbKind', 'pglite');
  project.provide('pgliteTemplate', dir);
  project.provide('pgAdminUrl', '');
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    dbKind: 'pglite' | 'postgres';
    pgliteTemplate: string;
    pgAdminUrl: string;
  }
}
