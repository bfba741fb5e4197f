import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemoIfEmpty } from '../../demo/demo.js';
import { json, login, testEnv, upload, type Client, type TestEnv } from '../../test/helper.js';

/*
 * Issue 14, the round trip: the register's own Excel export imports back with no change, and
 * with no problem, on the demo region (250 systems with owners, contracts, classification,
 * personal data, estimates and user units).
 */
let env: TestEnv;
let admin: Client;
beforeAll(async () => {
  env = await testEnv();
  await loadDemoIfEmpty(env.db, new Date('2026-11-23T08:00:00Z'));
  admin = await login(env.app, 'admin@norrsund.example', DEMO_PASSWORD);
}, 180_000);
afterAll(() => env.close());

type Result = {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  blocking: number;
  problems: { row: number; message: string }[];
  preview: { name: string; action: string }[];
};

describe("the register's own export", () => {
  for (const [format, lang] of [
    ['xlsx', 'sv'],
    ['csv', 'sv'],
    ['xlsx', 'en'],
  ] as const)
    it(`imports back with zero changes (${format}, ${lang})`, async () => {
      const total = json<{ total: number }>(await admin.get('/api/systems')).total;
      expect(total).toBeGreaterThan(100);
      const exported = await admin.get(`/api/systems?format=${format}&lang=${lang}`);
      expect(exported.statusCode).toBe(200);
      const res = await upload(
        admin,
        '/api/systems/import?dryRun=true&mode=all',
        exported.rawPayload,
        {
          filename: `it-system.${format}`,
          contentType: format === 'csv' ? 'text/csv' : undefined,
        },
      );
      const r = json<Result>(res);
      expect(r.problems).toEqual([]);
      expect(r.preview.filter((p) => p.action !== 'unchanged')).toEqual([]);
      expect(r).toMatchObject({ rows: total, created: 0, updated: 0, unchanged: total });
    }, 120_000);
});
