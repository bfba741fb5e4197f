// `npm run setup -- --region "Region X" --admin-email admin@x.se [--admin-name "…"]`: creates the
// installation's first region, its root body and its first administrator, as the setup page does.
// The password is read as one line from standard input when that is not a terminal, asked for
// twice on a terminal, or generated and printed with --generate-password. Refuses when a region
// already exists. Exit codes: 0 done, 1 refused, 2 wrong arguments.
import { RegionSetup } from '../../domain/organization/setup.js';
import { DomainError } from '../../domain/shared/errors.js';
import { configOrExit } from '../config.js';
import { openDatabase } from '../db/client.js';
import { dataDirHolder } from '../db/data-dir-lock.js';
import { validationMessages } from '../platform/i18n/validation.js';
import { closeSetupGate, openSetupGate } from '../platform/setup-token.js';
import { tenants } from '../platform/tables.js';
import { setUpFirstRegion } from '../modules/organization/provision.js';
import {
  cliArgs,
  fail,
  failWithIssues,
  newPassword,
  refusalOf,
  useConfiguredAuditSeal,
} from './prompt.js';

const USAGE = `Användning / usage:
  npm run setup -- --region "Region X" --admin-email admin@x.se [--admin-name "Namn"]
                   [--root-name "Regionfullmäktige"] [--case-label diarienummer|ärendenummer]
                   [--case-format "RS \\d{4}/\\d+"] [--generate-password]
Lösenordet läses från standardinmatningen (en rad), eller frågas efter två gånger i en terminal.`;

const args = cliArgs(
  {
    options: {
      region: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      'root-name': { type: 'string' },
      'case-label': { type: 'string' },
      'case-format': { type: 'string' },
      'generate-password': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  },
  USAGE,
).values;
if (!args.region || !args['admin-email']) fail(`--region och --admin-email behövs.\n\n${USAGE}`, 2);

const { password, generated } = await newPassword(
  args['generate-password'],
  'Lösenord för administratören (minst 10 tecken): ',
);

const parsed = RegionSetup.safeParse(
  {
    regionName: args.region,
    rootName: args['root-name'],
    caseNumberLabel: args['case-label'],
    caseNumberPattern: args['case-format'],
    adminName: args['admin-name'] ?? args['admin-email'],
    adminEmail: args['admin-email'],
    adminPassword: password,
  },
  { error: validationMessages('sv') },
);
if (!parsed.success)
  failWithIssues(parsed.error, {
    regionName: '--region',
    rootName: '--root-name',
    caseNumberLabel: '--case-label',
    caseNumberPattern: '--case-format',
    adminName: '--admin-name',
    adminEmail: '--admin-email',
    adminPassword: 'lösenordet',
  });

const config = configOrExit();
const heldBy = config.DATABASE_URL ? null : dataDirHolder(config.DATA_DIR);
if (heldBy)
  fail(
    `Servern använder datamappen ${config.DATA_DIR} (process ${heldBy}). Stoppa den först, eller ` +
      'skapa regionen på sidan /setup med engångskoden ur serverns logg. Inget har sparats.',
  );
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
const sealed = await useConfiguredAuditSeal(database, config);
let refusal: string | null = null;
try {
  const [existing] = await database.db.select({ name: tenants.name }).from(tenants).limit(1);
  if (existing) throw new DomainError('conflict', 'setup.regionExists');
  const s = parsed.data;
  const { tenantId } = await setUpFirstRegion(database.db, s);
  await sealed.checkpoint();
  // The setup page's one-time code is of no use any more.
  closeSetupGate(openSetupGate(config.DATA_DIR));
  process.stdout.write(
    `Regionen "${s.regionName}" är skapad (${tenantId}), med ${s.rootName} högst upp.\n` +
      `Administratör: ${s.adminEmail}\n` +
      (generated ? `Lösenord (visas bara nu): ${password}\n` : '') +
      `Starta med DEMO=false npm start och logga in.\n`,
  );
} catch (err) {
  if (!(err instanceof DomainError)) throw err;
  refusal = refusalOf(err);
}
await database.close();
if (refusal) fail(refusal);
process.exit(0);
