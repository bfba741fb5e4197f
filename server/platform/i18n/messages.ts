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
    'import.unreadable': 'Filen kunde inte läsas. Skicka en Excel-fil (.xlsx) eller en CSV-fil.',
    'setup.regionExists':
      'Styrbord har redan en region. Logga in, eller be en administratör om ett konto.',
    'setup.badToken':
      'Engångskoden stämmer inte. Den står i serverns logg och i filen setup-token i datamappen.',
    'setup.badPattern': 'Formatet är inte ett giltigt reguljärt uttryck.',
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
    'import.unreadable': 'The file could not be read. Send an Excel file (.xlsx) or a CSV file.',
    'errors.fieldMessage': '{message}',
    'setup.regionExists':
      'Styrbord already has a region. Log in, or ask an administrator for an account.',
    'setup.badToken':
      'The one-time code does not match. It is in the server log and in the file setup-token in the data folder.',
    'setup.badPattern': 'The format is not a valid regular expression.',
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
