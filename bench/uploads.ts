// `npm run bench:uploads`: what a hostile or a large upload does to everyone else. Sends the
// 230 MB-unpacking xlsx bomb (honest and lying about its size) and a large system register
// (BENCH_ROWS, default 5 000 rows) to the imports of a temporary PGlite database, asking
// /api/health every 20 ms meanwhile, and prints how long each took and the slowest health answer.
// Figures, not assertions.
import ExcelJS from 'exceljs';
import { xlsxBomb } from '../server/test/xlsx-bomb.js';
import { withBenchRegion } from './region.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 5000);
await withBenchRegion('uploads', async ({ app, cookie, csrf }) => {
  const send = (url: string, file: Buffer) =>
    app.inject({
      method: 'POST',
      url,
      payload: Buffer.concat([
        Buffer.from(
          '--b\r\nContent-Disposition: form-data; name="file"; filename="f.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n',
        ),
        file,
        Buffer.from('\r\n--b--\r\n'),
      ]),
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'multipart/form-data; boundary=b' },
    });
  const measure = async (label: string, work: () => Promise<{ statusCode: number }>) => {
    let done = false;
    const latencies: number[] = [];
    const poll = (async () => {
      while (!done) {
        const t = performance.now();
        await app.inject({ method: 'GET', url: '/api/health' });
        latencies.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const t0 = performance.now();
    const res = await work();
    const took = performance.now() - t0;
    done = true;
    await poll;
    console.log(
      `${label}: ${res.statusCode} in ${(took / 1000).toFixed(1)} s; ` +
        `${latencies.length} health answers meanwhile, slowest ${Math.round(Math.max(0, ...latencies))} ms`,
    );
  };

  const bomb = xlsxBomb({ rows: 4_500_000 });
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  console.log(`bomb: ${mb(bomb.file.length)} unpacking to ${mb(bomb.unpacked)}`);
  await measure('bomb, systems import', () => send('/api/systems/import?dryRun=true', bomb.file));
  await measure('bomb lying about its size, systems import', () =>
    send('/api/systems/import?dryRun=true', bomb.lyingFile),
  );
  await measure('bomb lying about its size, outcomes import', () =>
    send('/api/outcomes/import?dryRun=true', bomb.lyingFile),
  );

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Register');
  ws.addRow(['Namn', 'Beskrivning', 'Kategori', 'Livscykel', 'Leverantör', 'Antal användare']);
  for (let i = 0; i < ROWS; i++)
    ws.addRow([`System ${i}`, `Stöd för process ${i}`, 'verksamhetsstödjande', 'i drift', 'AB', i]);
  const register = Buffer.from(await wb.xlsx.writeBuffer());
  console.log(`register: ${ROWS} rows, ${mb(register.length)}`);
  await measure(`register, check`, () => send('/api/systems/import?dryRun=true', register));
  await measure(`register, import`, () => send('/api/systems/import', register));
});
