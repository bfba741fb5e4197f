import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.js';
import { startPostgres } from './pg-server.js';
import './setup-pglite.js';

/** Starts a real PostgreSQL server for the run and migrates a template database once. */
export default async function setup(project: TestProject) {
  const server = await startPostgres();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE styrbord_template');
  await admin.end();
  const templateUrl = server.url.replace(/\/postgres$/, '/styrbord_template');
  const database = await openDatabase({ url: templateUrl });
  await database.close();
  project.provide('dbKind', 'postgres');
  project.provide('pgAdminUrl', server.url);
  project.provide('pgliteTemplate', '');
  return () => server.stop();
}
