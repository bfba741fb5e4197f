// `npm run tenant -- create|list|disable|enable|host-admin`: the tenants of an installation that
// serves several (a county's municipalities), and its host administrators. Passwords are read as
// in `npm run setup` (a line from standard input, asked twice on a terminal, or
// --generate-password). Exit codes: 0 done, 1 refused, 2 wrong arguments.
import { z } from 'zod';
import { Email, Password } from '../../domain/organization/person.js';
import { TenantCreate } from '../../domain/organization/setup.js';
import { saveHostAdmin } from '../host/auth.js';
import { createTenant, listTenants, setTenantDisabled } from '../host/tenants.js';
import { cliArgs, fail, failWithIssues, newPassword, withDatabase } from './prompt.js';

const USAGE = `Användning / usage:
  npm run tenant -- create --region "Eslövs kommun" --slug eslov --admin-email admin@eslov.se
                           [--admin-name "Namn"] [--root-name "Kommunfullmäktige"]
                           [--email-domain eslov.se ...] [--generate-password]
  npm run tenant -- list
  npm run tenant -- disable --slug eslov      (personerna kan inte logga in; data finns kvar)
  npm run tenant -- enable --slug eslov
  npm run tenant -- host-admin --email drift@host.se [--generate-password]
Lösenordet läses från standardinmatningen (en rad), eller frågas efter två gånger i en terminal.`;

const parsedArgs = cliArgs(
  {
    allowPositionals: true,
    options: {
      region: { type: 'string' },
      slug: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      'root-name': { type: 'string' },
      'email-domain': { type: 'string', multiple: true },
      email: { type: 'string' },
      'generate-password': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  },
  USAGE,
  { needsPositional: true },
);
const args = parsedArgs.values;
const command = parsedArgs.positionals[0]!;

const say = (line: string) => process.stdout.write(`${line}\n`);
const generatedLine = (generated: boolean, password: string) =>
  generated ? `Lösenord (visas bara nu): ${password}\n` : '';

switch (command) {
  case 'create': {
    if (!args.region || !args.slug || !args['admin-email'])
      fail(`--region, --slug och --admin-email behövs.\n\n${USAGE}`, 2);
    const { password, generated } = await newPassword(
      args['generate-password'],
      'Lösenord för administratören (minst 10 tecken): ',
    );
    const input = {
      name: args.region,
      slug: args.slug,
      rootName: args['root-name'],
      emailDomains: args['email-domain'] ?? [],
      adminName: args['admin-name'] ?? args['admin-email'],
      adminEmail: args['admin-email'],
      adminPassword: password,
    };
    const parsed = TenantCreate.safeParse(input, { error: z.locales.sv().localeError });
    if (!parsed.success)
      failWithIssues(parsed.error, {
        name: '--region',
        slug: '--slug',
        rootName: '--root-name',
        emailDomains: '--email-domain',
        adminName: '--admin-name',
        adminEmail: '--admin-email',
        adminPassword: 'lösenordet',
      });
    await withDatabase(async ({ db }) => {
      const { tenantId } = await createTenant(db, input, { lang: 'sv', now: new Date() });
      say(
        `Organisationen "${parsed.data.name}" är skapad (${tenantId}), kortnamn ${parsed.data.slug}.\n` +
          `Administratör: ${parsed.data.adminEmail}\n` +
          generatedLine(generated, password) +
          `Inloggning: /t/${parsed.data.slug}` +
          (parsed.data.emailDomains.length
            ? `, eller med en adress i ${parsed.data.emailDomains.join(', ')}`
            : ''),
      );
    });
    break;
  }
  case 'list':
    await withDatabase(async ({ db }) => {
      const rows = await listTenants(db);
      if (rows.length === 0) {
        say('Inga organisationer än.');
        return;
      }
      say(['Namn', 'Kortnamn', 'E-postdomäner', 'Avstängd', 'Enheter', 'Personer'].join('\t'));
      for (const r of rows)
        say(
          [
            r.name,
            r.slug,
            r.emailDomains.join(', ') || '—',
            r.disabledAt ? r.disabledAt.toISOString().slice(0, 10) : 'nej',
            r.units,
            r.people,
          ].join('\t'),
        );
    });
    break;
  case 'disable':
  case 'enable': {
    if (!args.slug) fail(`--slug behövs.\n\n${USAGE}`, 2);
    const slug = args.slug;
    await withDatabase(async ({ db }) => {
      const r = await setTenantDisabled(db, { slug }, command === 'disable', new Date());
      say(
        command === 'disable'
          ? r.changed
            ? `${slug} är avstängd: ingen kan logga in, pågående sessioner är avslutade. Data finns kvar.`
            : `${slug} var redan avstängd.`
          : r.changed
            ? `${slug} är öppen igen.`
            : `${slug} var inte avstängd.`,
      );
    });
    break;
  }
  case 'host-admin': {
    const email = Email.safeParse(args.email ?? '');
    if (!email.success) fail(`--email behövs, en giltig e-postadress.\n\n${USAGE}`, 2);
    const { password, generated } = await newPassword(
      args['generate-password'],
      'Lösenord för värdadministratören (minst 10 tecken): ',
    );
    if (!Password.safeParse(password).success)
      fail('Lösenordet behöver 10–200 tecken. Inget har sparats.', 2);
    await withDatabase(async ({ db }) => {
      await saveHostAdmin(db, email.data, password);
      say(
        `Värdadministratören ${email.data} är sparad.\n` +
          generatedLine(generated, password) +
          'Logga in med POST /api/host/login.',
      );
    });
    break;
  }
  default:
    fail(`Okänt kommando: ${command}\n\n${USAGE}`, 2);
}
