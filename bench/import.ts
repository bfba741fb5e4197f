// `npm run bench:import`: the time to check and import an HR export of a region's size (150 units,
// 2 000 people; BENCH_UNITS, BENCH_PERSONS) and to import it again (nothing changes), then to
// check and import a region's messy system register of 1 000 systems (BENCH_SYSTEMS, built by
// server/test/messy-register.ts from the region's administrations and people) with
// `mode=partial`, through the HTTP API on a temporary PGlite database. Figures, not assertions.
import ExcelJS from 'exceljs';
import { messyRegister, type MessyFacts } from '../server/test/messy-register.js';
import { withBenchRegion, type BenchRegion } from './region.js';

const N_UNITS = Math.max(20, Number(process.env.BENCH_UNITS ?? 150));
const N_PERSONS = Number(process.env.BENCH_PERSONS ?? 2000);
const N_SYSTEMS = Number(process.env.BENCH_SYSTEMS ?? 1000);

/** Ten boards and their administrations (with short names), as a region has them. */
const BRANCHES: [board: string, boardShort: string, administration: string, short: string][] = [
  ['Regionstyrelsen', 'RS', 'Regionledningsförvaltningen', 'RLF'],
  ['Hälso- och sjukvårdsnämnden', 'HSN', 'Hälso- och sjukvårdsförvaltningen', 'HSF'],
  ['Kulturnämnden', 'KN', 'Kultur- och bildningsförvaltningen', 'KBF'],
  ['Kollektivtrafiknämnden', 'KTN', 'Kollektivtrafikförvaltningen', 'KTF'],
  ['Servicenämnden', 'SN', 'Regionservice', 'RSE'],
  ['Tandvårdsnämnden', 'TVN', 'Folktandvården', 'FTV'],
  ['Regionala utvecklingsnämnden', 'RUN', 'Regional utveckling', 'RU'],
  ['Patientnämnden', 'PN', 'Patientnämndens kansli', 'PNK'],
  ['Fastighetsnämnden', 'FN', 'Fastighetsförvaltningen', 'FF'],
  ['Digitaliseringsnämnden', 'DN', 'Digitaliseringsförvaltningen', 'DF'],
];
// Names of two words, unique, for the people of the HR export (50 × 40 = 2 000 at most).
const FIRST = (
  'Agnes Albin Alice Alva Anders Anna Anton Arvid Axel Beata Cecilia David Ebba Edvin Elsa ' +
  'Emil Felix Filip Frida Greta Hugo Isak Jakob Jenny Julia Klara Leo Liam Lisa Lova Ludvig ' +
  'Magnus Maria Markus Moa Noah Nora Olivia Petra Rasmus Saga Samuel Selma Simon Stina Tove ' +
  'Tyra Ulf Vera Wilma'
).split(' ');
const LAST = (
  'Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson ' +
  'Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Olofsson ' +
  'Lindström Lindgren Berglund Fredriksson Mattsson Henriksson Isaksson Lundberg Sundberg ' +
  'Mårtensson Nordin Hermansson Hellström Lundqvist Nordström Sundström Holmberg Eklund ' +
  'Samuelsson Ekström'
).split(' ');
const personName = (i: number) =>
  `${FIRST[i % FIRST.length]!} ${LAST[Math.floor(i / FIRST.length) % LAST.length]!}`;
const personEmail = (i: number) => `p${i}@bank.example`;

/** Posts a file as multipart `file`; the status, the seconds it took and the answer. */
async function post({ app, cookie, csrf }: BenchRegion, url: string, file: Buffer, name: string) {
  const b = 'bench';
  const payload = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        `Content-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  const t0 = performance.now();
  const res = await app.inject({
    method: 'POST',
    url,
    payload,
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': `multipart/form-data; boundary=${b}` },
  });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  let body: unknown = res.body;
  try {
    body = JSON.parse(res.body) as unknown;
  } catch {
    // Not JSON: kept as text.
  }
  return { status: res.statusCode, seconds, body };
}

/** The server's figures: numbers, words and flags as they are, lists by their length. */
function figures(body: unknown, indent = '      '): string {
  if (typeof body !== 'object' || body === null) return `${indent}${String(body).slice(0, 300)}`;
  return Object.entries(body)
    .map(([k, v]) => {
      if (Array.isArray(v)) {
        const first = v.length ? `, first ${JSON.stringify(v[0]).slice(0, 160)}` : '';
        return `${indent}${k}: ${v.length} items${first}`;
      }
      if (typeof v === 'object' && v !== null)
        return `${indent}${k}: ${JSON.stringify(v).slice(0, 200)}`;
      return `${indent}${k}: ${String(v)}`;
    })
    .join('\n');
}

/** The facts the register was built with, one line each (the unit texts by their number). */
function factsSummary(f: MessyFacts) {
  const { unitTexts, boardTexts, newPeople, ...rest } = f;
  return [
    ...Object.entries(rest).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`),
    `    newPeople: ${newPeople.length}`,
    `    unitTexts: ${Object.keys(unitTexts).length}`,
    `    boardTexts: ${Object.keys(boardTexts).length}`,
  ].join('\n');
}

await withBenchRegion('import', async (region) => {
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet('Enheter');
  units.addRow(['Enhetskod', 'Namn', 'Överordnad kod', 'Typ', 'Förkortning']);
  // Ten boards, each with an administration, the rest departments and units beneath them.
  for (let i = 0; i < N_UNITS; i++) {
    const parent = i < 10 ? '' : i < 20 ? `U${i - 10}` : `U${10 + ((i - 20) % 10)}`;
    const kind = i < 10 ? 'nämnd' : i < 20 ? 'förvaltning' : 'enhet';
    const branch = BRANCHES[i % 10]!;
    const [name, short] =
      i < 10 ? [branch[0], branch[1]] : i < 20 ? [branch[2], branch[3]] : [`Enhet ${i}`, ''];
    units.addRow([`U${i}`, name, parent, kind, short]);
  }
  const people = wb.addWorksheet('Personer');
  people.addRow(['Namn', 'E-post', 'Enhetskod', 'Befattning']);
  for (let i = 0; i < N_PERSONS; i++)
    people.addRow([personName(i), personEmail(i), `U${i % N_UNITS}`, 'Handläggare']);
  const file = Buffer.from(await wb.xlsx.writeBuffer());

  const send = async (dryRun: boolean) => {
    const res = await post(region, `/api/organisation/import?dryRun=${dryRun}`, file, 'hr.xlsx');
    if (res.status !== 200) throw new Error(`${res.status}: ${JSON.stringify(res.body)}`);
    return res.seconds;
  };
  console.log(`HR import of ${N_UNITS} units and ${N_PERSONS} people (PGlite):`);
  console.log(`  check (dry run)     ${await send(true)} s`);
  console.log(`  import              ${await send(false)} s`);
  console.log(`  same file again     ${await send(false)} s (nothing changes)`);

  // The region's own register, messy: its administrations, boards and people as HR gave them.
  const t0 = performance.now();
  const messy = await messyRegister({
    rows: N_SYSTEMS,
    seed: 1,
    units: BRANCHES.map(([, , name, shortName]) => ({ name, shortName })),
    boards: BRANCHES.map(([name, shortName]) => ({ name, shortName })),
    people: Array.from({ length: N_PERSONS }, (_, i) => ({
      name: personName(i),
      email: personEmail(i),
    })),
    today: new Date().toISOString().slice(0, 10),
  });
  const built = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`\nMessy system register of ${messy.facts.rows} rows (built in ${built} s):`);
  console.log(`  facts the register was built with:\n${factsSummary(messy.facts)}`);
  const register = (query: string) =>
    post(region, `/api/systems/import?${query}`, messy.file, 'systemforteckning.xlsx');
  const show = (label: string, r: Awaited<ReturnType<typeof register>>) =>
    console.log(`  ${label.padEnd(20)}${r.seconds} s, ${r.status}\n${figures(r.body)}`);

  const check = await register('dryRun=true&mode=partial');
  show('check (partial)', check);
  if (check.status === 200) {
    show('import (partial)', await register('dryRun=false&mode=partial'));
  } else {
    // A server without `mode` refuses the query; the file is still checked as a whole.
    console.log('  (mode=partial refused: checking without mode instead)');
    show('check (whole file)', await register('dryRun=true'));
  }
});
