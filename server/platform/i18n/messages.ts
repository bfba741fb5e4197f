/** Messages the API answers with: Swedish first (the default), English second. */
export type Lang = 'sv' | 'en';

/** The platform's own messages; each context adds its own (see `useMessages`). */
const platformMessages: Record<Lang, Record<string, string>> = {
  sv: {
    'problem.validation': 'Uppgifterna är inte giltiga',
    'problem.not_found': 'Hittades inte',
    'problem.not_allowed': 'Åtkomst nekad',
    'problem.conflict': 'Konflikt',
    'problem.unauthenticated': 'Inloggning krävs',
    'problem.too_many': 'För många försök',
    'problem.bad_request': 'Felaktig begäran',
    'problem.payload_too_large': 'Begäran är för stor',
    'problem.uri_too_long': 'Adressen är för lång',
    'problem.unsupported_media_type': 'Formatet stöds inte',
    'problem.internal': 'Ett oväntat fel inträffade',
    'errors.notFound':
      'Det du söker ({entity}) finns inte, eller så har du inte tillgång till det.',
    'errors.routeNotFound': 'Adressen {path} finns inte i API:t.',
    'errors.forbidden': 'Du har inte behörighet att göra detta.',
    'errors.unauthenticated': 'Du behöver logga in.',
    'errors.badCredentials': 'Fel e-postadress eller lösenord.',
    'errors.tooManyAttempts':
      'För många inloggningsförsök. Försök igen om {retryAfterSeconds} sekunder.',
    'errors.csrf': 'Begäran saknar giltig CSRF-token. Ladda om sidan och försök igen.',
    'errors.validation': 'En eller flera uppgifter behöver rättas.',
    'errors.invalidJson': 'Innehållet är inte giltig JSON.',
    'errors.emptyBody': 'Begäran saknar innehåll.',
    'errors.bodyTooLarge': 'Begäran är större än tillåtet ({limit} byte).',
    'errors.mediaType': 'Innehållstypen stöds inte; skicka application/json.',
    'errors.notMultipart': 'Skicka filen som ett formulär (multipart/form-data).',
    'errors.badMultipart': 'Filuppladdningen kunde inte läsas. Försök igen.',
    'errors.tooManyParts': 'Skicka en fil i taget.',
    'errors.badRequest': 'Begäran kunde inte tolkas.',
    'errors.urlTooLong': 'Adressen är för lång. Kontrollera länken.',
    'errors.badUrl': 'Adressen innehåller tecken som inte kan tolkas. Kontrollera länken.',
    'errors.internal':
      'Något gick fel hos oss. Inget av det du redan sparat har gått förlorat. Försök igen eller kontakta förvaltningen.',
    'errors.versionConflict':
      'Posten har ändrats av {by} {at} sedan du läste den (version {current}, du skickade {sent}). Ladda om och gör ändringen igen.',
    'errors.duplicate':
      'Det finns redan en post med samma värde. Ändra värdet eller använd den som finns.',
    'errors.referenceMissing':
      'En hänvisning pekar på något som inte finns längre. Ladda om och välj igen.',
    'errors.referenceUnknown': 'Det valda finns inte i er organisation.',
    'errors.inUse': 'Posten används av annat och kan inte tas bort: {detail}.',
    'errors.constraint':
      'Värdena går inte ihop med varandra (till exempel ett slutdatum före startdatum).',
    'errors.badValue': 'Ett värde har fel format.',
    'errors.unknownField': 'Fältet {field} finns inte.',
    'errors.fieldMessage': '{message}',
    'import.partlySaved':
      'De första {saved} raderna hann sparas innan felet. Rätta felet och importera samma fil igen: rader som redan är sparade lämnas oförändrade.',
    'import.tooLargeUnpacked':
      'Filen packas upp till mer än {max} MB och kan inte läsas. Dela upp den, eller ta bort blad och kolumner som inte ska importeras.',
    'import.tooManyRows':
      'Filen har fler än {max} rader. Dela upp den i flera filer och importera dem var för sig.',
    'import.tooManyColumns':
      'Filen har en rad med fler än {max} kolumner. Ta bort kolumnerna som inte ska importeras.',
    'import.tooSlow':
      'Filen tog för lång tid att läsa. Dela upp den i mindre filer och försök igen.',
    'import.oldExcel':
      'Filen är i Excels gamla format (.xls). Öppna den i Excel och spara den som Excel-arbetsbok (.xlsx), eller som CSV, och försök igen.',
    'import.unreadable': 'Filen kunde inte läsas. Skicka en Excel-fil (.xlsx) eller en CSV-fil.',
    'setup.regionExists':
      'Styrbord har redan en region. Logga in, eller be en administratör om ett konto.',
    'setup.badToken':
      'Engångskoden stämmer inte. Den står i serverns logg och i filen setup-token i datamappen.',
    'setup.badPattern':
      'Formatet är inte ett reguljärt uttryck som kan användas (bakåtreferenser och lookahead/lookbehind stöds inte).',
    'setup.badSlug': 'Kortnamnet får bara ha små bokstäver a–z, siffror och bindestreck.',
    'setup.badEmailDomain': 'Ange en e-postdomän som kommun.se, utan @.',
    'errors.rowMessage': 'Rad {row}, {column}: {message}',
    'errors.someone': 'någon',
    'auth.passwordBlank': 'Lösenordet kan inte bestå av bara mellanslag.',
    'auth.passwordCommon':
      'Lösenordet är ett av de vanligaste och lätt att gissa. Välj en längre fras av egna ord.',
    'auth.passwordPersonal':
      'Lösenordet får inte vara e-postadressen, namnet eller regionens namn.',
    'auth.wrongCurrentPassword': 'Nuvarande lösenord stämmer inte.',
    'auth.loginDisabled': 'Kontot får inte logga in.',
    'auth.tenantAmbiguous':
      'E-postadressen finns i flera organisationer på den här installationen. Logga in via din organisations adress (/t/kortnamn) eller ange ?tenant=kortnamn.',
    'auth.tenantDisabled':
      'Organisationen är avstängd på den här installationen. Kontakta värdens administratör.',
    'host.unauthenticated': 'Du behöver logga in som värdadministratör.',
    'audit.verify.intact': 'Kedjan är obruten: {checked} händelser kontrollerade med nyckeln.',
    'audit.verify.checkpoint': 'Den stämmer med den signerade kontrollpunkten vid nr {seq} ({at}).',
    'audit.verify.noCheckpoint':
      'Ingen signerad kontrollpunkt fanns, så att de senaste händelserna inte tagits bort kunde inte kontrolleras.',
    'audit.verify.hash_mismatch':
      'Händelse nr {seq} har ändrats i efterhand: innehållet stämmer inte med dess kontrollsumma.',
    'audit.verify.broken_link':
      'Händelse nr {seq} hänger inte ihop med händelsen före: en händelse före den har ändrats eller tagits bort.',
    'audit.verify.missing_event': 'Händelse nr {seq} saknas: den har tagits bort ur kedjan.',
    'audit.verify.rehashed':
      'Kedjan har räknats om utan nyckeln från händelse nr {seq}: händelser har ändrats och kontrollsummorna gjorts om för att dölja det.',
    'audit.verify.truncated':
      'De senaste händelserna har tagits bort: den signerade kontrollpunkten visar nr {checkpointSeq}, men kedjan slutar vid nr {lastSeq}.',
    'audit.verify.checkpoint_mismatch':
      'Händelse nr {seq} är inte den som den signerade kontrollpunkten visar: kedjan har skrivits om.',
    'audit.verify.checkpoint_invalid':
      'Den signerade kontrollpunkten är ändrad eller trasig; kedjan kan inte hållas mot den.',
    'audit.verify.key_missing':
      'Nyckeln saknas, så händelse nr {seq} och senare kan inte kontrolleras.',
    'audit.verify.wrong_key':
      'Nyckeln är inte den som kedjan signerades med; lägg tillbaka rätt nyckel och kontrollera igen.',
    'host.backupPostgres':
      'Databasen är en PostgreSQL-server: säkerhetskopiera med npm run backup (pg_dump) i stället.',
    'host.slugTaken': 'Kortnamnet {slug} används redan av en annan organisation.',
    'host.domainTaken': 'E-postdomänen {domain} hör redan till organisationen {tenant}.',
    'auth.localPasswordsOff':
      'Organisationen loggar in med sitt eget konto. Välj ”Logga in med organisationens konto”.',
    'attachments.tooLarge': 'Filen är större än {max} MB.',
    'attachments.type':
      'Filtypen stöds inte. Tillåtna: PDF, Word, Excel, PowerPoint, text, bilder.',
    'attachments.missing': 'Ingen fil skickades.',
    'entity.unit': 'organisationsenheten',
    'entity.person': 'personen',
    'entity.sso': 'inloggning med organisationens konto',
    'entity.forum': 'forumet',
    'entity.meeting': 'sammanträdet',
    'entity.decision': 'beslutet',
    'entity.grant': 'rollen',
    'entity.post': 'befattningen',
    'entity.member': 'ledamoten',
    'entity.attachment': 'filen',
    'entity.succession': 'efterföljden',
    'entity.goal': 'målet',
    'entity.indicator': 'indikatorn',
    'entity.outcome': 'utfallet',
    'entity.assessment': 'bedömningen',
    'entity.document': 'styrdokumentet',
    'entity.system': 'IT-systemet',
    'entity.system_problem': 'Importproblemet',
    'entity.contract': 'avtalet',
    'entity.audit': 'granskningen',
    'entity.question': 'revisionsfrågan',
    'entity.recommendation': 'rekommendationen',
    'entity.reply': 'yttrandet',
    'entity.action': 'åtgärden',
    'entity.assignment': 'uppdraget',
    'entity.finding': 'uppföljningen',
    'entity.calendar': 'kalendern',
    'entity.initiative': 'initiativet',
    'entity.benefit': 'effekten',
    'entity.roadmap': 'färdplanen',
    'entity.round': 'prioriteringsomgången',
    'entity.topList': 'listan över de viktigaste initiativen',
    'errors.versionRequired': 'Ange vilken version du utgick från (listan finns redan).',
    'entity.serviceNode': 'tjänsten eller området',
    'entity.managementObject': 'förvaltningsobjektet',
    'entity.managementPlan': 'förvaltningsplanen',
    'entity.integration': 'integrationen',
  },
  en: {
    'problem.validation': 'The data is not valid',
    'problem.not_found': 'Not found',
    'problem.not_allowed': 'Forbidden',
    'problem.conflict': 'Conflict',
    'problem.unauthenticated': 'Login required',
    'problem.too_many': 'Too many attempts',
    'problem.bad_request': 'Bad request',
    'problem.payload_too_large': 'Request too large',
    'problem.uri_too_long': 'Address too long',
    'problem.unsupported_media_type': 'Unsupported format',
    'problem.internal': 'An unexpected error occurred',
    'errors.notFound':
      'What you are looking for ({entity}) does not exist, or you have no access to it.',
    'errors.routeNotFound': 'The address {path} does not exist in the API.',
    'errors.forbidden': 'You are not allowed to do this.',
    'errors.unauthenticated': 'You need to log in.',
    'errors.badCredentials': 'Wrong email address or password.',
    'errors.tooManyAttempts': 'Too many login attempts. Try again in {retryAfterSeconds} seconds.',
    'errors.csrf': 'The request lacks a valid CSRF token. Reload the page and try again.',
    'errors.validation': 'One or more fields need correcting.',
    'errors.invalidJson': 'The content is not valid JSON.',
    'errors.emptyBody': 'The request has no content.',
    'errors.bodyTooLarge': 'The request is larger than allowed ({limit} bytes).',
    'errors.mediaType': 'Unsupported content type; send application/json.',
    'errors.notMultipart': 'Send the file as a form (multipart/form-data).',
    'errors.badMultipart': 'The file upload could not be read. Try again.',
    'errors.tooManyParts': 'Send one file at a time.',
    'errors.badRequest': 'The request could not be understood.',
    'errors.urlTooLong': 'The address is too long. Check the link.',
    'errors.badUrl': 'The address holds characters that cannot be read. Check the link.',
    'errors.internal':
      'Something went wrong on our side. Nothing you saved before is lost. Try again or contact the administrators.',
    'errors.versionConflict':
      'The record was changed by {by} at {at} after you read it (version {current}, you sent {sent}). Reload and make your change again.',
    'errors.duplicate':
      'A record with the same value already exists. Change the value or use the existing one.',
    'errors.referenceMissing':
      'A reference points to something that no longer exists. Reload and choose again.',
    'errors.referenceUnknown': 'The chosen item does not exist in your organisation.',
    'errors.inUse': 'The record is used elsewhere and cannot be removed: {detail}.',
    'errors.constraint':
      'The values do not fit together (an end date before the start date, for instance).',
    'errors.badValue': 'A value has the wrong format.',
    'errors.unknownField': 'The field {field} does not exist.',
    'import.partlySaved':
      'The first {saved} rows were saved before the error. Fix it and import the same file again: rows already saved are left unchanged.',
    'import.tooLargeUnpacked':
      'The file unpacks to more than {max} MB and cannot be read. Split it, or remove sheets and columns not to be imported.',
    'import.tooManyRows':
      'The file has more than {max} rows. Split it into several files and import them one by one.',
    'import.tooManyColumns':
      'The file has a row with more than {max} columns. Remove the columns not to be imported.',
    'import.tooSlow': 'The file took too long to read. Split it into smaller files and try again.',
    'import.oldExcel':
      'The file is in the old Excel format (.xls). Open it in Excel and save it as an Excel workbook (.xlsx), or as CSV, and try again.',
    'import.unreadable': 'The file could not be read. Send an Excel file (.xlsx) or a CSV file.',
    'errors.fieldMessage': '{message}',
    'setup.regionExists':
      'Styrbord already has a region. Log in, or ask an administrator for an account.',
    'setup.badToken':
      'The one-time code does not match. It is in the server log and in the file setup-token in the data folder.',
    'setup.badPattern':
      'The format is not a regular expression that can be used (back-references and look-arounds are not supported).',
    'setup.badSlug': 'The slug may only contain lower-case letters a–z, digits and dashes.',
    'setup.badEmailDomain': 'Give an e-mail domain such as kommun.se, without @.',
    'errors.rowMessage': 'Row {row}, {column}: {message}',
    'errors.someone': 'someone',
    'auth.passwordBlank': 'The password cannot be spaces only.',
    'auth.passwordCommon':
      'The password is one of the most common and easy to guess. Choose a longer phrase of your own words.',
    'auth.passwordPersonal':
      'The password cannot be the email address, the name or the region’s name.',
    'auth.wrongCurrentPassword': 'The current password is wrong.',
    'auth.loginDisabled': 'This account may not log in.',
    'auth.tenantAmbiguous':
      'This e-mail address exists in several organisations on this installation. Log in through your organisation’s address (/t/slug) or add ?tenant=slug.',
    'auth.tenantDisabled':
      'This organisation is disabled on this installation. Contact the host’s administrator.',
    'host.unauthenticated': 'You need to log in as a host administrator.',
    'audit.verify.intact': 'The chain is intact: {checked} events checked with the key.',
    'audit.verify.checkpoint': 'It matches the signed checkpoint at no. {seq} ({at}).',
    'audit.verify.noCheckpoint':
      'There was no signed checkpoint, so whether the newest events were deleted could not be checked.',
    'audit.verify.hash_mismatch':
      'Event no. {seq} was changed afterwards: its content does not match its hash.',
    'audit.verify.broken_link':
      'Event no. {seq} does not link to the event before it: an earlier event was changed or deleted.',
    'audit.verify.missing_event': 'Event no. {seq} is missing: it was deleted from the chain.',
    'audit.verify.rehashed':
      'The chain was recomputed without the key from event no. {seq}: events were changed and the hashes redone to hide it.',
    'audit.verify.truncated':
      'The newest events were deleted: the signed checkpoint shows no. {checkpointSeq}, but the chain ends at no. {lastSeq}.',
    'audit.verify.checkpoint_mismatch':
      'Event no. {seq} is not the one the signed checkpoint shows: the chain was rewritten.',
    'audit.verify.checkpoint_invalid':
      'The signed checkpoint was changed or is damaged; the chain cannot be held against it.',
    'audit.verify.key_missing':
      'The key is missing, so event no. {seq} and later cannot be verified.',
    'audit.verify.wrong_key':
      'The key is not the one the chain was signed with; put back the right key and verify again.',
    'host.backupPostgres':
      'The database is a PostgreSQL server: back it up with npm run backup (pg_dump) instead.',
    'host.slugTaken': 'The slug {slug} is already used by another organisation.',
    'host.domainTaken': 'The e-mail domain {domain} already belongs to the organisation {tenant}.',
    'auth.localPasswordsOff':
      'Your organisation logs in with its own account. Choose “Log in with your organisation’s account”.',
    'attachments.tooLarge': 'The file is larger than {max} MB.',
    'attachments.type':
      'Unsupported file type. Allowed: PDF, Word, Excel, PowerPoint, text, images.',
    'attachments.missing': 'No file was sent.',
    'entity.unit': 'the organisation unit',
    'entity.person': 'the person',
    'entity.sso': 'single sign-on with your organisation’s account',
    'entity.forum': 'the forum',
    'entity.meeting': 'the meeting',
    'entity.decision': 'the decision',
    'entity.grant': 'the role',
    'entity.post': 'the post',
    'entity.member': 'the member',
    'entity.attachment': 'the file',
    'entity.succession': 'the succession',
    'entity.goal': 'the goal',
    'entity.indicator': 'the indicator',
    'entity.outcome': 'the outcome',
    'entity.assessment': 'the assessment',
    'entity.document': 'the steering document',
    'entity.system': 'the IT system',
    'entity.system_problem': 'the import problem',
    'entity.contract': 'the contract',
    'entity.audit': 'the audit',
    'entity.question': 'the audit question',
    'entity.recommendation': 'the recommendation',
    'entity.reply': 'the reply',
    'entity.action': 'the action',
    'entity.assignment': 'the assignment',
    'entity.finding': 'the follow-up finding',
    'entity.calendar': 'the calendar',
    'entity.initiative': 'the initiative',
    'entity.benefit': 'the benefit',
    'entity.roadmap': 'the roadmap',
    'entity.round': 'the prioritisation round',
    'entity.topList': 'the list of the most important initiatives',
    'errors.versionRequired': 'Give the version you started from (the list already exists).',
    'entity.serviceNode': 'the service or area',
    'entity.managementObject': 'the management object',
    'entity.managementPlan': 'the management plan',
    'entity.integration': 'the integration',
  },
};

let messages: Record<Lang, Record<string, string>> = platformMessages;

/**
 * The platform's messages and the contexts' (composed from the registry when the app is built).
 * A key given twice is a mistake, so it stops the start rather than answer in the wrong words.
 */
export function useMessages(bundles: readonly Record<Lang, Record<string, string>>[]) {
  const next: Record<Lang, Record<string, string>> = {
    sv: { ...platformMessages.sv },
    en: { ...platformMessages.en },
  };
  for (const bundle of bundles)
    for (const lang of ['sv', 'en'] as const)
      for (const [key, text] of Object.entries(bundle[lang])) {
        if (key in next[lang]) throw new Error(`Message key ${key} is declared twice`);
        next[lang][key] = text;
      }
  messages = next;
}

export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const template = messages[lang][key] ?? messages.sv[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) return `{${name}}`;
    const s = String(v);
    // A parameter that is itself a message key (an entity, a phase) is said in the same language.
    return /^[a-z]+\.[a-z_]+$/i.test(s) ? (messages[lang][s] ?? s) : s;
  });
}

/** Swedish unless the request prefers English (Accept-Language, or ?lang=en). */
export function langOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'sv';
  const prefs = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((p) => p.tag.startsWith('sv') || p.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q);
  return prefs[0]?.tag.startsWith('en') ? 'en' : 'sv';
}
