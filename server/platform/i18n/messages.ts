/** Messages the API answers with: Swedish first (the default), English second. */
export type Lang = 'sv' | 'en';

export const messages: Record<Lang, Record<string, string>> = {
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
    'errors.notFound': 'Det du söker ({entity}) finns inte, eller så har du inte tillgång till det.',
    'errors.routeNotFound': 'Adressen {path} finns inte i API:t.',
    'errors.forbidden': 'Du har inte behörighet att göra detta.',
    'errors.unauthenticated': 'Du behöver logga in.',
    'errors.badCredentials': 'Fel e-postadress eller lösenord.',
    'errors.tooManyAttempts': 'För många inloggningsförsök. Försök igen om {retryAfterSeconds} sekunder.',
    'errors.csrf': 'Begäran saknar giltig CSRF-token. Ladda om sidan och försök igen.',
    'errors.validation': 'En eller flera uppgifter behöver rättas.',
    'errors.invalidJson': 'Innehållet är inte giltig JSON.',
    'errors.emptyBody': 'Begäran saknar innehåll.',
    'errors.bodyTooLarge': 'Begäran är större än tillåtet ({limit} byte).',
    'errors.mediaType': 'Innehållstypen stöds inte; skicka application/json.',
    'errors.internal': 'Något gick fel hos oss. Inget av det du redan sparat har gått förlorat. Försök igen eller kontakta förvaltningen.',
    'errors.versionConflict': 'Posten har ändrats av {by} {at} sedan du läste den (version {current}, du skickade {sent}). Ladda om och gör ändringen igen.',
    'errors.duplicate': 'Det finns redan en post med samma värde ({detail}).',
    'errors.referenceMissing': 'En hänvisning pekar på något som inte finns: {detail}.',
    'errors.inUse': 'Posten används av annat och kan inte tas bort: {detail}.',
    'errors.constraint': 'Värdena bryter mot en regel i registret: {detail}.',
    'errors.badValue': 'Ett värde har fel format.',
    'errors.unknownField': 'Fältet {field} finns inte.',
    'errors.someone': 'någon',
    'auth.wrongCurrentPassword': 'Nuvarande lösenord stämmer inte.',
    'auth.loginDisabled': 'Kontot får inte logga in.',
    'org.unit.endBeforeStart': 'Slutdatum kan inte vara före startdatum.',
    'org.unit.cycle': 'En enhet kan inte flyttas under sig själv eller under någon av sina underenheter.',
    'org.unit.parentArchived': 'Den överordnade enheten är arkiverad.',
    'org.unit.parentRequired': 'Bara en administratör för hela organisationen kan skapa en enhet högst upp i trädet.',
    'org.unit.hasActiveChildren': 'Enheten har underenheter som inte är arkiverade. Arkivera eller flytta dem först.',
    'org.succession.cycle': 'Enheten kan inte efterträda sig själv.',
    'org.member.personOrExternal': 'Ange antingen en person i regionen eller ett externt namn, inte båda.',
    'org.meeting.oneHolder': 'Ett sammanträde hålls av antingen ett organ eller ett forum.',
    'org.decision.deciderRequired': 'Ange vilket organ eller forum som fattade beslutet.',
    'org.decision.caseNumberFormat': '{label} följer inte regionens format ({pattern}).',
    'org.decision.outcomeOnInformation': 'En informationspunkt har inget beslutsutfall.',
    'org.decision.chainCycle': 'Ett beslut kan inte vara förslag till sig självt.',
    'org.person.emailTaken': 'E-postadressen används redan av en annan person.',
    'org.person.passwordRequired': 'Ett lösenord krävs för att personen ska kunna logga in.',
    'org.grant.exists': 'Personen har redan den rollen på den enheten.',
    'org.grant.lastAdmin': 'Den sista administratören för hela organisationen kan inte tas bort.',
    'attachments.tooLarge': 'Filen är större än {max} MB.',
    'attachments.type': 'Filtypen stöds inte. Tillåtna: PDF, Word, Excel, PowerPoint, text, bilder.',
    'attachments.missing': 'Ingen fil skickades.',
    'entity.unit': 'organisationsenheten',
    'entity.person': 'personen',
    'entity.forum': 'forumet',
    'entity.meeting': 'sammanträdet',
    'entity.decision': 'beslutet',
    'entity.grant': 'rollen',
    'entity.post': 'befattningen',
    'entity.member': 'ledamoten',
    'entity.attachment': 'filen',
    'entity.succession': 'efterföljden',
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
    'errors.notFound': 'What you are looking for ({entity}) does not exist, or you have no access to it.',
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
    'errors.internal': 'Something went wrong on our side. Nothing you saved before is lost. Try again or contact the administrators.',
    'errors.versionConflict': 'The record was changed by {by} at {at} after you read it (version {current}, you sent {sent}). Reload and make your change again.',
    'errors.duplicate': 'A record with the same value already exists ({detail}).',
    'errors.referenceMissing': 'A reference points to something that does not exist: {detail}.',
    'errors.inUse': 'The record is used elsewhere and cannot be removed: {detail}.',
    'errors.constraint': 'The values break a rule of the register: {detail}.',
    'errors.badValue': 'A value has the wrong format.',
    'errors.unknownField': 'The field {field} does not exist.',
    'errors.someone': 'someone',
    'auth.wrongCurrentPassword': 'The current password is wrong.',
    'auth.loginDisabled': 'This account may not log in.',
    'org.unit.endBeforeStart': 'The end date cannot be before the start date.',
    'org.unit.cycle': 'A unit cannot be moved under itself or under one of its sub-units.',
    'org.unit.parentArchived': 'The parent unit is archived.',
    'org.unit.parentRequired': 'Only an administrator of the whole organisation can create a top-level unit.',
    'org.unit.hasActiveChildren': 'The unit has sub-units that are not archived. Archive or move them first.',
    'org.succession.cycle': 'A unit cannot succeed itself.',
    'org.member.personOrExternal': 'Give either a person in the region or an external name, not both.',
    'org.meeting.oneHolder': 'A meeting is held by either a body or a forum.',
    'org.decision.deciderRequired': 'Say which body or forum made the decision.',
    'org.decision.caseNumberFormat': 'The {label} does not follow the region’s format ({pattern}).',
    'org.decision.outcomeOnInformation': 'An information item has no decision outcome.',
    'org.decision.chainCycle': 'A decision cannot be a proposal to itself.',
    'org.person.emailTaken': 'The email address is already used by another person.',
    'org.person.passwordRequired': 'A password is needed for the person to log in.',
    'org.grant.exists': 'The person already has that role on that unit.',
    'org.grant.lastAdmin': 'The last administrator of the whole organisation cannot be removed.',
    'attachments.tooLarge': 'The file is larger than {max} MB.',
    'attachments.type': 'Unsupported file type. Allowed: PDF, Word, Excel, PowerPoint, text, images.',
    'attachments.missing': 'No file was sent.',
    'entity.unit': 'the organisation unit',
    'entity.person': 'the person',
    'entity.forum': 'the forum',
    'entity.meeting': 'the meeting',
    'entity.decision': 'the decision',
    'entity.grant': 'the role',
    'entity.post': 'the post',
    'entity.member': 'the member',
    'entity.attachment': 'the file',
    'entity.succession': 'the succession',
  },
};

export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const template = messages[lang][key] ?? messages.sv[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) return `{${name}}`;
    const s = String(v);
    return s.startsWith('entity.') ? (messages[lang][s] ?? s) : s;
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
