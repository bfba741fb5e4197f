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
    'errors.duplicate': 'Det finns redan en post med samma värde ({detail}).',
    'errors.referenceMissing': 'En hänvisning pekar på något som inte finns: {detail}.',
    'errors.referenceUnknown': 'Det valda finns inte i er organisation.',
    'errors.inUse': 'Posten används av annat och kan inte tas bort: {detail}.',
    'errors.constraint': 'Värdena bryter mot en regel i registret: {detail}.',
    'errors.badValue': 'Ett värde har fel format.',
    'errors.unknownField': 'Fältet {field} finns inte.',
    'errors.fieldMessage': '{message}',
    'setup.regionExists':
      'Styrbord har redan en region. Logga in, eller be en administratör om ett konto.',
    'setup.badToken':
      'Engångskoden stämmer inte. Den står i serverns logg och i filen setup-token i datamappen.',
    'setup.badPattern': 'Formatet är inte ett giltigt reguljärt uttryck.',
    'errors.rowMessage': 'Rad {row}, {column}: {message}',
    'errors.someone': 'någon',
    'auth.wrongCurrentPassword': 'Nuvarande lösenord stämmer inte.',
    'auth.loginDisabled': 'Kontot får inte logga in.',
    'org.unit.endBeforeStart': 'Slutdatum kan inte vara före startdatum.',
    'org.unit.cycle':
      'En enhet kan inte flyttas under sig själv eller under någon av sina underenheter.',
    'org.unit.parentArchived': 'Den överordnade enheten är arkiverad.',
    'org.unit.parentRequired':
      'Bara en administratör för hela organisationen kan skapa en enhet högst upp i trädet.',
    'org.unit.moveToRoot':
      'En enhet kan inte flyttas högst upp i trädet: där står redan organisationens översta enhet. Välj en överordnad enhet.',
    'org.unit.oneRoot':
      'Organisationen har redan en enhet högst upp i trädet ({root}). Välj den eller en enhet under den som överordnad.',
    'org.unit.hasActiveChildren':
      'Enheten har underenheter som inte är arkiverade. Arkivera eller flytta dem först.',
    'org.succession.cycle': 'Enheten kan inte efterträda sig själv.',
    'org.member.personOrExternal':
      'Ange antingen en person i regionen eller ett externt namn, inte båda.',
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
    'attachments.type':
      'Filtypen stöds inte. Tillåtna: PDF, Word, Excel, PowerPoint, text, bilder.',
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
    'goals.validToBeforeFrom': 'Giltig till kan inte vara före giltig från.',
    'goals.targetYearTwice': 'Samma år har flera målvärden.',
    'goals.periodFormat':
      'Perioden ska skrivas som 2025-03 (månad), 2025-T2 (tertial), 2025-D (delårsrapport) eller 2025-Å (årsredovisning).',
    'goals.ownParent': 'Ett mål kan inte hänvisa till sig självt.',
    'goals.notOnScale': 'Värdet finns inte på indikatorns bedömningsskala.',
    'goals.overrideReasonRequired': 'Bedömningen avviker från förslaget: skriv varför.',
    'goals.assessmentExists':
      'Målet är redan bedömt för perioden. Ladda om och ändra den befintliga bedömningen.',
    'documents.fileRequired': 'Välj en fil att ladda upp.',
    'goals.import.notExcel': 'Filen är inte en Excel-fil (.xlsx).',
    'goals.import.empty': 'Filen innehåller inga ifyllda värden.',
    'goals.import.rejected':
      'Importen stoppades: {count} fel. Inget har sparats. Rätta raderna och försök igen.',
    'goals.import.badId': 'Rad {row}: indikator-id saknas eller är ändrat.',
    'goals.import.badPeriod':
      'Rad {row}: perioden "{value}" är inte giltig (t.ex. 2025-D eller 2025-Å).',
    'goals.import.badValue': 'Rad {row}: värdet "{value}" är inte ett tal.',
    'goals.import.unknownIndicator': 'Rad {row}: indikatorn finns inte i regionen.',
    'goals.import.notAllowed': 'Rad {row}: du får inte registrera utfall för den nämndens mål.',
    'goals.import.notOnScale': 'Rad {row}: {value} finns inte på indikatorns bedömningsskala.',
    'goals.import.duplicate':
      'Rad {row}: samma indikator och period finns redan på en tidigare rad.',
    'goals.import.changedMeanwhile':
      'Rad {row}: utfallet ändrades av någon annan under importen. Försök igen.',
    'documents.ownSuccessor': 'Ett dokument kan inte ersättas av sig självt.',
    'entity.goal': 'målet',
    'entity.indicator': 'indikatorn',
    'entity.outcome': 'utfallet',
    'entity.assessment': 'bedömningen',
    'entity.document': 'styrdokumentet',
    'entity.system': 'IT-systemet',
    'entity.contract': 'avtalet',
    'services.contractEndBeforeStart': 'Avtalets slutdatum kan inte vara före startdatum.',
    'services.import.rejected':
      'Importen stoppades: {count} fel. Inget har sparats. Rätta raderna och försök igen.',
    'services.import.notExcel': 'Filen är inte en Excel-fil (.xlsx) med en rubrikrad.',
    'services.import.noName': 'Rad {row}: namn saknas.',
    'services.import.badValue': 'Rad {row}: "{value}" är inte ett giltigt värde för {column}.',
    'services.import.unknownUnit': 'Rad {row}: enheten "{value}" finns inte.',
    'services.import.unknownPerson': 'Rad {row}: ingen person med e-post "{value}".',
    'services.import.ambiguous':
      'Rad {row}: "{value}" hittades bara genom ett alias till systemet "{other}" och skulle byta dess namn. Ange systemets id eller dess namn på raden, eller ta bort aliaset.',
    'services.import.duplicate': 'Rad {row}: systemet "{value}" finns redan på en tidigare rad.',
    'services.import.notAllowed': 'Rad {row}: du får inte ändra system som ägs av "{value}".',
    'services.import.missingColumn': 'Kolumnen "{column}" saknas i filen.',
    'services.import.badMapping':
      'Kolumnvalet är inte giltigt: ange för varje rubrik ett känt fält eller tomt.',
    'entity.audit': 'granskningen',
    'entity.question': 'revisionsfrågan',
    'entity.recommendation': 'rekommendationen',
    'entity.reply': 'yttrandet',
    'entity.action': 'åtgärden',
    'entity.assignment': 'uppdraget',
    'entity.finding': 'uppföljningen',
    'entity.calendar': 'kalendern',
    'audits.notAudited':
      'Organet är inte granskat i den här granskningen. Lägg till det bland de granskade organen först.',
    'audits.cellNotApplicable':
      'Frågan gäller inte det här organet; en bedömning kan inte anges här.',
    'audits.cellsOnlyPerBody': 'Bedömning per organ anges bara när frågan bedöms per organ.',
    'audits.wholeOnlyInWholeMode':
      'En bedömning av hela frågan anges bara när frågan bedöms som helhet.',
    'audits.noLines': 'Skriv minst en rad, t.ex. "1. Har nämnden mål för digitaliseringen?"',
    'audits.followsItself': 'En granskning kan inte följa upp sig själv.',
    'audits.replyExists':
      'Organet har redan ett yttrande över granskningen; redigera det i stället.',
    'audits.notAddressee': 'Rekommendationen riktas inte till det här organet.',
    'audits.doneNeedsEvidence':
      'En klar åtgärd behöver underlag: ett beslut, dokument, mål, en fil eller en länk.',
    'audits.reportBackDateRequired': 'Ange datum för återrapporteringen.',
    'audits.reportBackMeetingRequired': 'Ange vilket sammanträde återrapporteringen ska ske vid.',
    'audits.notFollowedUp':
      'Rekommendationen hör till en granskning som den här uppföljningen inte följer upp.',
    'audits.statusOnlyForAddressee':
      'Organet var inte mottagare av rekommendationen: skriv det som en iakttagelse i stället för en status.',
    'entity.initiative': 'initiativet',
    'entity.benefit': 'effekten',
    'entity.roadmap': 'färdplanen',
    'entity.round': 'prioriteringsomgången',
    'portfolio.notInRound': 'Initiativet fanns inte bland omgångens kandidater.',
    'entity.topList': 'listan över de viktigaste initiativen',
    'errors.versionRequired': 'Ange vilken version du utgick från (listan finns redan).',
    'portfolio.splitSum': 'Kostnadsfördelningen ska summera till 100 procent.',
    'portfolio.endBeforeStart': 'Slutdatum kan inte vara före startdatum.',
    'portfolio.dependsOnItself': 'Ett initiativ kan inte vara beroende av sig självt.',
    'portfolio.moveRefused': 'Initiativet kan inte flyttas från {from} till {to}.',
    'portfolio.guard.not_allowed':
      'Den flytten finns inte i portföljens faser (Idé → Beredning → Beslutad → Pågående → Avslutad → I förvaltning).',
    'portfolio.guard.needs_decision': 'Ange beslutet om initiativet först.',
    'portfolio.guard.decision_wrong_level':
      'Beslutet är inte fattat på rätt nivå: initiativ som berör flera enheter beslutas av det organ regionen har bestämt.',
    'portfolio.guard.needs_council_preparation':
      'Initiativet berör flera enheter och ska ha beretts av digitaliseringsrådet.',
    'portfolio.guard.needs_benefit_plan':
      'Ett initiativ avslutas först när det finns en plan för effekthemtagning: minst en effekt med mått, målvärde, datum och ansvarig.',
    'portfolio.guard.needs_reason': 'Ange skälet till flytten.',
    'phase.idea': 'Idé',
    'phase.preparation': 'Beredning',
    'phase.decided': 'Beslutad',
    'phase.running': 'Pågående',
    'phase.paused': 'Pausad',
    'phase.cancelled': 'Avbruten',
    'phase.closed': 'Avslutad',
    'phase.in_operation': 'I förvaltning',
    'entity.serviceNode': 'tjänsten eller området',
    'entity.managementObject': 'förvaltningsobjektet',
    'entity.managementPlan': 'förvaltningsplanen',
    'entity.integration': 'integrationen',
    'ownership.noParentAllowed':
      'Ett samordningsområde ligger överst och har ingen överordnad nivå.',
    'ownership.parentMustBe.coordination_area':
      'Ett tjänsteområde ska ligga under ett samordningsområde.',
    'ownership.parentMustBe.service_area': 'En digital tjänst ska ligga under ett tjänsteområde.',
    'ownership.owningBoardRequired': 'Ange ägande nämnd eller styrelse.',
    'ownership.owningBoardKind':
      'Ägaren ska vara en nämnd, styrelse eller ett bolag, inte en förvaltning eller enhet.',
    'ownership.servicesOnly': 'Gäller bara digitala tjänster.',
    'ownership.duplicateOfService':
      'Ange en annan digital tjänst som den här är en lokal dubblett av.',
    'ownership.approvalWithoutDuplicate': 'Godkännande gäller bara en lokal dubblett.',
    'ownership.approvalNeedsWhoAndWhen': 'Ett godkännande behöver både vem som godkände och datum.',
    'ownership.appointedWithoutResponsible':
      'Ange den ansvariga personen innan du anger vem som utsåg hen.',
    'ownership.hasChildren':
      'Området har {count} aktiva tjänster eller områden under sig. Flytta eller arkivera dem först.',
    'ownership.adoptedNeedsDate': 'En fastställd plan behöver ett datum för fastställandet.',
    'ownership.planYearTaken': 'Objektet har redan en förvaltningsplan för {year}.',
    'ownership.integrationSelf': 'Ett system kan inte integreras med sig självt.',
    'ownership.integrationExists': 'Integrationen finns redan.',
    'ownership.systemInOtherObject':
      'Systemet "{name}" ingår redan i förvaltningsobjektet "{object}".',
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
    'errors.duplicate': 'A record with the same value already exists ({detail}).',
    'errors.referenceMissing': 'A reference points to something that does not exist: {detail}.',
    'errors.referenceUnknown': 'The chosen item does not exist in your organisation.',
    'errors.inUse': 'The record is used elsewhere and cannot be removed: {detail}.',
    'errors.constraint': 'The values break a rule of the register: {detail}.',
    'errors.badValue': 'A value has the wrong format.',
    'errors.unknownField': 'The field {field} does not exist.',
    'errors.fieldMessage': '{message}',
    'setup.regionExists':
      'Styrbord already has a region. Log in, or ask an administrator for an account.',
    'setup.badToken':
      'The one-time code does not match. It is in the server log and in the file setup-token in the data folder.',
    'setup.badPattern': 'The format is not a valid regular expression.',
    'errors.rowMessage': 'Row {row}, {column}: {message}',
    'errors.someone': 'someone',
    'auth.wrongCurrentPassword': 'The current password is wrong.',
    'auth.loginDisabled': 'This account may not log in.',
    'org.unit.endBeforeStart': 'The end date cannot be before the start date.',
    'org.unit.cycle': 'A unit cannot be moved under itself or under one of its sub-units.',
    'org.unit.parentArchived': 'The parent unit is archived.',
    'org.unit.parentRequired':
      'Only an administrator of the whole organisation can create a top-level unit.',
    'org.unit.moveToRoot':
      "A unit cannot be moved to the top of the tree: the organisation's top-level unit is already there. Choose a parent unit.",
    'org.unit.oneRoot':
      'The organisation already has a top-level unit ({root}). Choose it, or a unit under it, as the parent.',
    'org.unit.hasActiveChildren':
      'The unit has sub-units that are not archived. Archive or move them first.',
    'org.succession.cycle': 'A unit cannot succeed itself.',
    'org.member.personOrExternal':
      'Give either a person in the region or an external name, not both.',
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
    'attachments.type':
      'Unsupported file type. Allowed: PDF, Word, Excel, PowerPoint, text, images.',
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
    'goals.validToBeforeFrom': 'Valid to cannot be before valid from.',
    'goals.targetYearTwice': 'The same year has several target values.',
    'goals.periodFormat':
      'Write the period as 2025-03 (month), 2025-T2 (four months), 2025-D (interim report) or 2025-Å (annual report).',
    'goals.ownParent': 'A goal cannot refer to itself.',
    'goals.notOnScale': 'The value is not on the indicator’s scale.',
    'goals.overrideReasonRequired': 'The assessment differs from the suggestion: say why.',
    'goals.assessmentExists':
      'The goal is already assessed for the period. Reload and change the existing assessment.',
    'documents.fileRequired': 'Choose a file to upload.',
    'goals.import.notExcel': 'The file is not an Excel file (.xlsx).',
    'goals.import.empty': 'The file has no filled-in values.',
    'goals.import.rejected':
      'The import was stopped: {count} errors. Nothing was saved. Correct the rows and try again.',
    'goals.import.badId': 'Row {row}: the indicator id is missing or changed.',
    'goals.import.badPeriod':
      'Row {row}: the period "{value}" is not valid (e.g. 2025-D or 2025-Å).',
    'goals.import.badValue': 'Row {row}: the value "{value}" is not a number.',
    'goals.import.unknownIndicator': 'Row {row}: the indicator does not exist in the region.',
    'goals.import.notAllowed': 'Row {row}: you may not record outcomes for that board’s goals.',
    'goals.import.notOnScale': 'Row {row}: {value} is not on the indicator’s scale.',
    'goals.import.duplicate': 'Row {row}: the same indicator and period is on an earlier row.',
    'goals.import.changedMeanwhile':
      'Row {row}: someone else changed the outcome during the import. Try again.',
    'documents.ownSuccessor': 'A document cannot be superseded by itself.',
    'entity.goal': 'the goal',
    'entity.indicator': 'the indicator',
    'entity.outcome': 'the outcome',
    'entity.assessment': 'the assessment',
    'entity.document': 'the steering document',
    'entity.system': 'the IT system',
    'entity.contract': 'the contract',
    'services.contractEndBeforeStart': 'The contract cannot end before it starts.',
    'services.import.rejected':
      'The import was stopped: {count} errors. Nothing was saved. Correct the rows and try again.',
    'services.import.notExcel': 'The file is not an Excel file (.xlsx) with a header row.',
    'services.import.noName': 'Row {row}: the name is missing.',
    'services.import.badValue': 'Row {row}: "{value}" is not a valid value for {column}.',
    'services.import.unknownUnit': 'Row {row}: the unit "{value}" does not exist.',
    'services.import.unknownPerson': 'Row {row}: no person with the email "{value}".',
    'services.import.ambiguous':
      'Row {row}: "{value}" was found only through an alias of the system "{other}" and would rename it. Give the system\'s id or its name on the row, or remove the alias.',
    'services.import.duplicate': 'Row {row}: the system "{value}" is on an earlier row.',
    'services.import.notAllowed': 'Row {row}: you may not change systems owned by "{value}".',
    'services.import.missingColumn': 'The column "{column}" is missing from the file.',
    'services.import.badMapping':
      'The column choice is not valid: give each heading a known field or nothing.',
    'entity.audit': 'the audit',
    'entity.question': 'the audit question',
    'entity.recommendation': 'the recommendation',
    'entity.reply': 'the reply',
    'entity.action': 'the action',
    'entity.assignment': 'the assignment',
    'entity.finding': 'the follow-up finding',
    'entity.calendar': 'the calendar',
    'audits.notAudited':
      'The body is not audited in this audit. Add it to the audited bodies first.',
    'audits.cellNotApplicable':
      'The question does not apply to this body; no assessment can be given here.',
    'audits.cellsOnlyPerBody':
      'Assessments per body are given only when the question is assessed per body.',
    'audits.wholeOnlyInWholeMode':
      'An assessment of the whole question is given only when the question is assessed as a whole.',
    'audits.noLines':
      'Write at least one line, e.g. "1. Does the board have goals for digitalisation?"',
    'audits.followsItself': 'An audit cannot follow up itself.',
    'audits.replyExists': 'The body already has a reply to the audit; edit it instead.',
    'audits.notAddressee': 'The recommendation is not addressed to this body.',
    'audits.doneNeedsEvidence':
      'A done action needs evidence: a decision, document, goal, file or link.',
    'audits.reportBackDateRequired': 'Give the date of the report-back.',
    'audits.reportBackMeetingRequired': 'Name the meeting where the report-back is to be made.',
    'audits.notFollowedUp':
      'The recommendation belongs to an audit that this follow-up does not follow up.',
    'audits.statusOnlyForAddressee':
      'The body was not an addressee of the recommendation: record it as an observation instead of a status.',
    'entity.initiative': 'the initiative',
    'entity.benefit': 'the benefit',
    'entity.roadmap': 'the roadmap',
    'entity.round': 'the prioritisation round',
    'portfolio.notInRound': 'The initiative was not among the round’s candidates.',
    'entity.topList': 'the list of the most important initiatives',
    'errors.versionRequired': 'Give the version you started from (the list already exists).',
    'portfolio.splitSum': 'The cost split must add up to 100 percent.',
    'portfolio.endBeforeStart': 'The end date cannot be before the start date.',
    'portfolio.dependsOnItself': 'An initiative cannot depend on itself.',
    'portfolio.moveRefused': 'The initiative cannot move from {from} to {to}.',
    'portfolio.guard.not_allowed':
      'That move is not one of the portfolio’s phases (Idea → Preparation → Decided → Running → Closed → In operation).',
    'portfolio.guard.needs_decision': 'Give the decision on the initiative first.',
    'portfolio.guard.decision_wrong_level':
      'The decision is not at the right level: initiatives that touch several units are decided by the body the region has named.',
    'portfolio.guard.needs_council_preparation':
      'The initiative touches several units and must have been prepared by the digitalisation council.',
    'portfolio.guard.needs_benefit_plan':
      'An initiative closes only with a benefits follow-up plan: at least one benefit with a measure, target, date and owner.',
    'portfolio.guard.needs_reason': 'Give the reason for the move.',
    'phase.idea': 'Idea',
    'phase.preparation': 'Preparation',
    'phase.decided': 'Decided',
    'phase.running': 'Running',
    'phase.paused': 'Paused',
    'phase.cancelled': 'Cancelled',
    'phase.closed': 'Closed',
    'phase.in_operation': 'In operation',
    'entity.serviceNode': 'the service or area',
    'entity.managementObject': 'the management object',
    'entity.managementPlan': 'the management plan',
    'entity.integration': 'the integration',
    'ownership.noParentAllowed': 'A coordination area is the top level and has no parent.',
    'ownership.parentMustBe.coordination_area': 'A service area belongs under a coordination area.',
    'ownership.parentMustBe.service_area': 'A digital service belongs under a service area.',
    'ownership.owningBoardRequired': 'Choose the owning board.',
    'ownership.owningBoardKind':
      'The owner must be a board or a company, not an administration or a unit.',
    'ownership.servicesOnly': 'Applies to digital services only.',
    'ownership.duplicateOfService':
      'Choose another digital service that this one duplicates locally.',
    'ownership.approvalWithoutDuplicate': 'An approval applies to a local duplicate only.',
    'ownership.approvalNeedsWhoAndWhen': 'An approval needs both who approved it and the date.',
    'ownership.appointedWithoutResponsible':
      'Choose the responsible person before saying who appointed them.',
    'ownership.hasChildren':
      'The area has {count} active services or areas beneath it. Move or archive them first.',
    'ownership.adoptedNeedsDate': 'An adopted plan needs the date it was adopted.',
    'ownership.planYearTaken': 'The object already has a management plan for {year}.',
    'ownership.integrationSelf': 'A system cannot be integrated with itself.',
    'ownership.integrationExists': 'The integration already exists.',
    'ownership.systemInOtherObject':
      'The system "{name}" already belongs to the management object "{object}".',
  },
};

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
