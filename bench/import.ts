// `npm run bench:import`: the time to check and import an HR export of a region's size (150 units,
// 2 000 people; BENCH_UNITS, BENCH_PERSONS) and to import it again (nothing changes), through the
// HTTP API on a temporary PGlite database. Figures, not assertions.
import ExcelJS from 'exceljs';
import { withBenchRegion } from './region.js';

const N_UNITS = Number(process.env.BENCH_UNITS ?? 150);
const N_PERSONS = Number(process.env.BENCH_PERSONS ?? 2000);

await withBenchRegion('import', async ({ app, cookie, csrf }) => {
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet('Enheter');
  units.addRow(['Enhetskod', 'Namn', 'Överordnad kod', 'Typ']);
  // Ten boards, each with an administration, the rest departments and units beneath them.
  for (let i = 0; i < N_UNITS; i++) {
    const parent = i < 10 ? '' : i < 20 ? `U${i - 10}` : `U${10 + ((i - 20) % 10)}`;
    const kind = i < 10 ? 'nämnd' : i < 20 ? 'förvaltning' : 'enhet';
    units.addRow([`U${i}`, `Enhet ${i}`, parent, kind]);
  }
  const people = wb.addWorksheet('Personer');
  people.addRow(['Namn', 'E-post', 'Enhetskod', 'Befattning']);
  for (let i = 0; i < N_PERSONS; i++)
    people.addRow([`Person ${i}`, `p${i}@bank.example`, `U${i % N_UNITS}`, 'Handläggare']);
  const file = Buffer.from(await wb.xlsx.writeBuffer());

  const send = async (dryRun: boolean) => {
    const b = 'bench';
    const payload = Buffer.concat([
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="hr.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    const t0 = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: `/api/organisation/import?dryRun=${dryRun}`,
      payload,
      headers: {
        cookie,
        'x-csrf-token': csrf,
        'content-type': `multipart/form-data; boundary=${b}`,
      },
    });
    if (res.statusCode !== 200) throw new Error(`${res.statusCode}: ${res.body.slice(0, 300)}`);
    return ((performance.now() - t0) / 1000).toFixed(1);
  };
  console.log(`HR import of ${N_UNITS} units and ${N_PERSONS} people (PGlite):`);
  console.log(`  check (dry run)     ${await send(true)} s`);
  console.log(`  import              ${await send(false)} s`);
  console.log(`  same file again     ${await send(false)} s (nothing changes)`);
});
