// `npm run verify-audit`: checks every tenant's audit trail with the key and against its last
// signed checkpoint. Exit code 0 when all are intact, 1 when any is not (for cron and monitoring),
// 2 for wrong arguments. On PGlite with the server running, the check goes through the server:
// `npm run verify-audit -- --url http://localhost:3000 --email drift@host.se` (a host
// administrator; the password from STYRBORD_HOST_PASSWORD or standard input).
import { auditKeyOptions, configOrExit } from '../config.js';
import { openDatabase } from '../db/client.js';
import { dataDirHolder, dataDirServerUrl } from '../db/data-dir-lock.js';
import { verifyAllTenants, verifyMessage, type VerifyResult } from '../platform/audit/audit.js';
import {
  AuditKeyError,
  keyProblemText,
  readAuditSeal,
  useAuditSeal,
} from '../platform/audit/seal.js';
import { cliArgs, fail } from './prompt.js';
import { hostSession } from './remote.js';

const USAGE = `Användning / usage:
  npm run verify-audit                      (servern får inte köra på samma PGlite-mapp)
  npm run verify-audit -- --url http://localhost:3000 --email drift@host.se
                                            (genom den körande servern, som värdadministratör)`;

const args = cliArgs(
  {
    options: {
      url: { type: 'string' },
      email: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  },
  USAGE,
).values;

type Item = VerifyResult & { name: string; message: string };
const report = (items: Item[], english: (r: VerifyResult) => string) => {
  let broken = 0;
  for (const r of items) {
    if (!r.intact) broken += 1;
    process.stdout.write(`${r.intact ? '✓' : '✕'} ${r.name}: ${r.message}\n    ${english(r)}\n`);
  }
  return broken;
};

if (args.url) {
  const session = await hostSession(args.url, args.email);
  const answer = async (lang: 'sv' | 'en') =>
    (await (await session.get(`/api/host/audit/verify?lang=${lang}`)).json()) as { items: Item[] };
  const sv = await answer('sv');
  // The same check said in English: the server answers in the language asked for.
  const en = new Map((await answer('en')).items.map((i) => [i.name, i.message]));
  await session.close();
  process.exit(report(sv.items, (r) => en.get((r as Item).name) ?? '') > 0 ? 1 : 0);
}

const config = configOrExit();
const heldBy = config.DATABASE_URL ? null : dataDirHolder(config.DATA_DIR);
if (heldBy)
  fail(
    `Servern använder datamappen ${config.DATA_DIR} (process ${heldBy}); den får inte öppnas från ` +
      'en andra process. Kontrollera genom servern:\n' +
      `  npm run verify-audit -- --url ${dataDirServerUrl(config.DATA_DIR) ?? `http://localhost:${config.PORT}`} --email <värdadministratör>\n` +
      `The server uses the data folder (pid ${heldBy}); it must not be opened by a second ` +
      'process. Check through the server with the command above (a host administrator; create ' +
      'one, with the server stopped, by npm run tenant -- host-admin --email …).',
  );
let seal;
try {
  seal = readAuditSeal(auditKeyOptions(config));
} catch (err) {
  if (!(err instanceof AuditKeyError)) throw err;
  fail(keyProblemText(err));
}
useAuditSeal(seal);
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
const items = await verifyAllTenants(database.db, 'sv');
await database.close();
const broken = report(items, (r) => verifyMessage('en', r));
process.exit(broken > 0 ? 1 : 0);
