import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTenant, testEnv, upload, type Tenant, type TestEnv } from '../test/helper.js';
import { xlsxBomb } from '../test/xlsx-bomb.js';
import { tableLimits } from './table-file.js';

// Issue 13: no upload can take the server down. Spreadsheets are read in a worker thread inside
// limits on their unpacked size, rows and columns; a file over a limit is a 413 in words.

let env: TestEnv;
let t: Tenant;
// 4.5 million rows: about 20 MB that unpack to 230 MB, like the bombs of the issue.
let bomb: ReturnType<typeof xlsxBomb>;
beforeAll(async () => {
  env = await testEnv();
  t = await aTenant(env, 'Uppladdning');
  bomb = xlsxBomb({ rows: 4_500_000 });
}, 180_000);
afterAll(() => env?.close());

const IMPORTS = [
  '/api/systems/import?dryRun=true',
  '/api/outcomes/import?dryRun=true',
  '/api/organisation/import?dryRun=true',
];

/**
 * Runs `work` while asking /api/health over and over, and returns its answer with how many health
 * answers came back before it did: a server whose event loop or database is held by the upload
 * answers none in between.
 */
async function whileHealthIsAsked<T>(work: () => Promise<T>) {
  let done = false;
  const answered: number[] = [];
  const poll = (async () => {
    while (!done) {
      const started = performance.now();
      const res = await env.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      if (!done) answered.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const result = await work();
  done = true;
  await poll;
  return { result, answered };
}

describe('uploads are bounded', () => {
  it('refuses a 220 MB-unpacking xlsx bomb on every import, in words, before unpacking it', async () => {
    expect(bomb.unpacked).toBeGreaterThan(220 * 1000 * 1000);
    expect(bomb.file.length).toBeLessThan(25 * 1024 * 1024);
    for (const url of IMPORTS) {
      const res = await upload(t.admin, url, bomb.file);
      expect(res.statusCode, url).toBe(413);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json<{ detail: string }>().detail).toContain('packas upp till mer än 100 MB');
    }
    const res = await upload(t.admin.inEnglish(), IMPORTS[0]!, bomb.file);
    expect(res.json<{ detail: string }>().detail).toContain('unpacks to more than 100 MB');
  }, 120_000);

  it('refuses a bomb that lies about its size by counting its rows, without holding up others', async () => {
    const { result, answered } = await whileHealthIsAsked(() =>
      upload(t.admin, IMPORTS[0]!, bomb.lyingFile),
    );
    expect(result.statusCode).toBe(413);
    expect(result.json<{ detail: string }>().detail).toBe(
      `Filen har fler än ${tableLimits().maxRows} rader. Dela upp den i flera filer och importera dem var för sig.`,
    );
    // The file is read in a worker thread: the server kept answering while it was.
    expect(answered.length).toBeGreaterThan(1);
  }, 120_000);

  it('refuses a row with more columns than the limit, and a CSV with more rows', async () => {
    const wide = xlsxBomb({ rows: 2, columns: tableLimits().maxColumns + 1 });
    const res = await upload(t.admin, IMPORTS[0]!, wide.file);
    expect(res.statusCode).toBe(413);
    expect(res.json<{ detail: string }>().detail).toContain(
      `fler än ${tableLimits().maxColumns} kolumner`,
    );

    const csv = Buffer.from(
      'Namn;E-post\n' + 'Anna;anna@example.org\n'.repeat(tableLimits().maxRows + 5),
    );
    const long = await upload(t.admin, IMPORTS[2]!, csv, {
      filename: 'hr.csv',
      contentType: 'text/csv',
    });
    expect(long.statusCode).toBe(413);
    expect(long.json<{ detail: string }>().detail).toContain(
      `fler än ${tableLimits().maxRows} rader`,
    );
  }, 120_000);

  it('answers a file that is not a spreadsheet, or a broken zip, with a 400 in words', async () => {
    const broken = xlsxBomb({ rows: 10 }).file.subarray(0, 300);
    const pdf = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7]);
    for (const file of [broken, Buffer.from([0x50, 0x4b, 0, 0, 1, 2, 3, 0, 0, 0]), pdf, png])
      for (const url of IMPORTS) {
        const res = await upload(t.admin, url, file);
        expect(res.statusCode, url).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json<{ detail: string }>().detail, url).toContain('kunde inte läsas');
      }
  }, 60_000);

  it('says how to save an old Excel file (.xls) so that it can be read', async () => {
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ]);
    const res = await upload(t.admin, IMPORTS[0]!, xls, { filename: 'register.xls' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toContain(
      'spara den som Excel-arbetsbok (.xlsx)',
    );
  }, 60_000);
});
