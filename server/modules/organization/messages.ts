import type { Lang } from '../../platform/i18n/messages.js';

/** The organisation context's messages: Swedish first (the default), English second. */
export const messages: Record<Lang, Record<string, string>> = {
  sv: {
    // One-dot keys: the platform says a parameter in the user's language only when it is such a key.
    'orgOutcome.approved': 'bifall',
    'orgOutcome.rejected': 'avslag',
    'orgOutcome.referred_back': 'återremiss',
    'orgOutcome.tabled': 'bordlagd',
    'orgDecisionKind.decision': 'ett beslut',
    'orgDecisionKind.recommendation': 'en rekommendation eller ett förslag',
    'orgDecisionKind.information': 'ett informationsärende',
    'orgDecisionKind.executive': 'ett verkställighets- eller delegationsbeslut',
    'org.oidc.issuerHttps':
      'Utfärdarens adress ska börja med https:// (http bara för en leverantör på samma dator).',
    'org.oidc.localPasswordsNeedSso':
      'Lokala lösenord kan stängas av först när inloggning med organisationens konto är inställd (utfärdare, klient-id och hemlighet) och någon grupp ger rollen administratör på hela organisationen.',
    'org.import.rejected':
      'Importen stoppades: {count} fel. Inget har sparats. Rätta raderna och försök igen.',
    'org.import.noHeadings':
      'Filen har inga rubriker som importen känner igen. Enheter behöver Enhetskod och Namn (och gärna Överordnad kod och Typ); personer behöver E-post, Namn och Enhet.',
    'org.import.noCode': 'Rad {row}: enhetskod saknas ({value}).',
    'org.import.codeTwice': 'Rad {row}: enhetskoden {value} finns redan på rad {other}.',
    'org.import.noName': 'Rad {row}: namn saknas för den nya enheten {value}.',
    'org.import.noKind':
      'Rad {row}: typ saknas för den nya enheten {value} (till exempel nämnd, förvaltning, avdelning, enhet).',
    'org.import.badKind':
      'Rad {row}: typen "{value}" är okänd. Använd fullmäktige, regionstyrelse, arbetsutskott, nämnd, bolag, förvaltning, avdelning, enhet eller övrigt.',
    'org.import.ownParent': 'Rad {row}: enheten {value} kan inte vara överordnad sig själv.',
    'org.import.unknownParent':
      'Rad {row}: den överordnade enhetskoden {value} finns varken i filen eller i Styrbord.',
    'org.import.loop': 'Rad {row}: de överordnade enheterna bildar en slinga ({value}).',
    'org.import.noEmail': 'Rad {row}: e-postadress saknas ({value}).',
    'org.import.emailTwice': 'Rad {row}: e-postadressen {value} finns redan på rad {other}.',
    'org.import.unknownUnit':
      'Rad {row}: enheten "{value}" finns varken i filen eller i Styrbord (ange enhetskoden).',
    'org.import.unitAmbiguous':
      'Rad {row}: flera enheter heter "{value}". Ange enhetskoden i stället.',
    'org.import.noPersonName': 'Rad {row}: namn saknas för {value}.',
    'org.unit.endBeforeStart': 'Slutdatum kan inte vara före startdatum.',
    'org.unit.cycle':
      'En enhet kan inte flyttas under sig själv eller under någon av sina underenheter.',
    'org.unit.parentArchived': 'Den överordnade enheten är arkiverad.',
    'org.unit.moveToRoot':
      'En enhet kan inte flyttas högst upp i trädet: där står redan organisationens översta enhet. Välj en överordnad enhet.',
    'org.unit.oneRoot':
      'Organisationen har redan en enhet högst upp i trädet ({root}). Välj den eller en enhet under den som överordnad.',
    'org.unit.parentRequired':
      'Bara en administratör för hela organisationen kan skapa en enhet högst upp i trädet.',
    'org.unit.hasActiveChildren':
      'Enheten har underenheter som inte är arkiverade. Arkivera eller flytta dem först.',
    'org.succession.cycle': 'Enheten kan inte efterträda sig själv.',
    'org.member.personOrExternal':
      'Ange antingen en person i regionen eller ett externt namn, inte båda.',
    'org.meeting.oneHolder': 'Ett sammanträde hålls av antingen ett organ eller ett forum.',
    'org.decision.deciderRequired': 'Ange vilket organ eller forum som fattade beslutet.',
    'org.decision.caseNumberFormat':
      '{label} "{value}" följer inte regionens format. {how} Beslutet är sparat ändå; rätta numret om det är fel.',
    'org.decision.caseNumberHow.both':
      'Regionens {label} skrivs {description}, till exempel {example}.',
    'org.decision.caseNumberHow.example': 'Regionens {label} skrivs till exempel {example}.',
    'org.decision.caseNumberHow.description': 'Regionens {label} skrivs {description}.',
    'org.decision.caseNumberHow.none':
      'En administratör kan beskriva formatet med ett exempel under Inställningar.',
    'org.decision.executiveDecider':
      'Ange vilken befattning som fattade verkställighetsbeslutet (till exempel regiondirektör), eller vilket organ.',
    'org.decision.postRequired':
      'Ett verkställighets- eller delegationsbeslut fattas av en befattning: ange befattningen (till exempel regiondirektör) eller personen.',
    'org.decision.executiveLevel':
      'Ett verkställighets- eller delegationsbeslut fattas av en tjänsteperson: välj beslutsnivån tjänsteperson eller delegation.',
    'org.decision.levelRequired':
      'Ange beslutsnivå (fullmäktige, styrelse, utskott, tjänsteperson eller delegation).',
    'org.decision.dateWithUnknown':
      'Datumet är angivet som okänt ("framgår ej"). Ta bort datumet eller välj dag eller månad.',
    'org.decision.dateRequired':
      'Ange datumet, eller välj "framgår ej" om handlingen inte anger något datum.',
    'org.decision.forumCannotDecide':
      '{forum} är {mandate} och kan inte fatta beslut. Registrera en rekommendation eller ett förslag, eller ett informationsärende.',
    'org.decision.beyondMandate':
      '{forum} är {mandate} men har detta registrerat som beslut. Ändra slaget till rekommendation eller förslag om det inte var ett beslut.',
    'org.settings.exampleNotInFormat':
      'Exemplet följer inte formatet. Skriv ett nummer som formatet godtar, till exempel RS 2022/1850.',
    'org.decisionKindWord.decision': 'beslut',
    'org.decisionKindWord.recommendation': 'rekommendation/förslag',
    'org.decisionKindWord.information': 'informationsärende',
    'org.decisionKindWord.executive': 'verkställighets-/delegationsbeslut',
    'org.decisionLevel.assembly': 'fullmäktige',
    'org.decisionLevel.board': 'styrelse/nämnd',
    'org.decisionLevel.committee': 'utskott',
    'org.decisionLevel.official': 'tjänsteperson',
    'org.decisionLevel.delegated': 'delegation',
    'org.mandateAdjective.advises': 'rådgivande',
    'org.mandateAdjective.prepares': 'beredande',
    'org.forum.plannedHasDecision':
      'Ett planerat forum har inget inrättandebeslut ännu. Med ett beslut om inrättande är forumet under uppbyggnad.',
    'org.forum.establishmentDecisionRequired':
      'Ett forum under uppbyggnad har ett beslut om inrättande: ange beslutet.',
    'org.forum.discontinuedOnRequired': 'Ange från vilket datum forumet är avvecklat.',
    'org.forum.discontinuedDecisionRequired': 'Ange beslutet om att avveckla forumet.',
    'org.forum.discontinuedBeforeEstablished':
      'Forumet kan inte avvecklas före det datum det inrättades.',
    'org.forum.discontinuedOnlyWhenDiscontinued':
      'Avvecklingsdatum och avvecklingsbeslut hör till ett avvecklat forum. Välj läget avvecklat, eller ta bort dem.',
    'org.forum.transition':
      'Ett forum kan inte gå från läget {from} till {to}. Från {from} kan det gå till: {allowed}.',
    'org.forum.mandateHoldsDecisions':
      '{forum} har {count} registrerade beslut och kan därför inte bli {mandate}. Ändra de besluten till rekommendationer eller förslag först.',
    'org.lifecycle.planned': 'planerat',
    'org.lifecycle.under_establishment': 'under uppbyggnad',
    'org.lifecycle.active': 'aktivt',
    'org.lifecycle.discontinued': 'avvecklat',
    'org.forumFlag.no_mandate': 'mandat saknas',
    'org.forumFlag.no_members': 'medlemmar saknas',
    'org.forumFlag.missed_cadence': 'färre möten än planerat',
    'org.forumLevel.political': 'politisk',
    'org.forumLevel.official': 'tjänsteperson',
    'org.forumLevel.mixed': 'blandad',
    'org.decision.outcomeOnInformation': 'En informationspunkt har inget beslutsutfall.',
    'org.decision.chainCycle': 'Ett beslut kan inte vara förslag till sig självt.',
    'org.decision.notApproved':
      'Beslutet "{title}" har utfallet {outcome} och antar därför ingenting. Bara ett beslut med utfallet bifall kan anges som antagande.',
    'org.outcome.approved': 'bifall',
    'org.outcome.rejected': 'avslag',
    'org.outcome.referred_back': 'återremiss',
    'org.outcome.tabled': 'bordlagd',
    'org.decisionKind.decision': 'ett beslut',
    'org.decisionKind.recommendation': 'en rekommendation eller ett förslag',
    'org.decisionKind.information': 'ett informationsärende',
    'org.decisionKind.executive': 'ett verkställighets- eller delegationsbeslut',
    'org.decision.notADecision':
      '"{title}" är {kind}, inte ett beslut, och kan inte anges som antagande. Ange beslutet som antog det.',
    'org.person.emailTaken': 'E-postadressen används redan av en annan person.',
    'org.person.outranks':
      'Personen har en roll som går utöver din behörighet. Bara den som har minst samma behörighet kan arkivera personen eller ändra e-postadressen.',
    'org.person.passwordRequired': 'Ett lösenord krävs för att personen ska kunna logga in.',
    'org.grant.exists': 'Personen har redan den rollen på den enheten.',
    'org.grant.lastAdmin': 'Den sista administratören för hela organisationen kan inte tas bort.',
  },
  en: {
    'orgOutcome.approved': 'approved',
    'orgOutcome.rejected': 'rejected',
    'orgOutcome.referred_back': 'referred back',
    'orgOutcome.tabled': 'tabled',
    'orgDecisionKind.decision': 'a decision',
    'orgDecisionKind.recommendation': 'a recommendation or proposal',
    'orgDecisionKind.information': 'an information item',
    'orgDecisionKind.executive': 'an executive or delegated decision',
    'org.oidc.issuerHttps':
      'The issuer URL must begin with https:// (http only for a provider on the same machine).',
    'org.oidc.localPasswordsNeedSso':
      'Local passwords can be turned off only once single sign-on is set up (issuer, client id and secret) and a group gives the administrator role on the whole organisation.',
    'org.import.rejected':
      'The import was stopped: {count} errors. Nothing was saved. Correct the rows and try again.',
    'org.import.noHeadings':
      'The file has no headings the import knows. Units need Unit code and Name (and Parent code and Kind); people need Email, Name and Unit.',
    'org.import.noCode': 'Row {row}: the unit code is missing ({value}).',
    'org.import.codeTwice': 'Row {row}: the unit code {value} is already on row {other}.',
    'org.import.noName': 'Row {row}: the new unit {value} has no name.',
    'org.import.noKind':
      'Row {row}: the new unit {value} has no kind (for example board, administration, department, unit).',
    'org.import.badKind':
      'Row {row}: the kind "{value}" is unknown. Use assembly, regional board, working committee, board, company, administration, department, unit or other (or the Swedish words).',
    'org.import.ownParent': 'Row {row}: the unit {value} cannot be its own parent.',
    'org.import.unknownParent':
      'Row {row}: the parent code {value} is neither in the file nor in Styrbord.',
    'org.import.loop': 'Row {row}: the parent units form a loop ({value}).',
    'org.import.noEmail': 'Row {row}: the email address is missing ({value}).',
    'org.import.emailTwice': 'Row {row}: the email address {value} is already on row {other}.',
    'org.import.unknownUnit':
      'Row {row}: the unit "{value}" is neither in the file nor in Styrbord (give its unit code).',
    'org.import.unitAmbiguous':
      'Row {row}: several units are called "{value}". Give the unit code instead.',
    'org.import.noPersonName': 'Row {row}: {value} has no name.',
    'org.unit.endBeforeStart': 'The end date cannot be before the start date.',
    'org.unit.cycle': 'A unit cannot be moved under itself or under one of its sub-units.',
    'org.unit.parentArchived': 'The parent unit is archived.',
    'org.unit.moveToRoot':
      "A unit cannot be moved to the top of the tree: the organisation's top-level unit is already there. Choose a parent unit.",
    'org.unit.oneRoot':
      'The organisation already has a top-level unit ({root}). Choose it, or a unit under it, as the parent.',
    'org.unit.parentRequired':
      'Only an administrator of the whole organisation can create a top-level unit.',
    'org.unit.hasActiveChildren':
      'The unit has sub-units that are not archived. Archive or move them first.',
    'org.succession.cycle': 'A unit cannot succeed itself.',
    'org.member.personOrExternal':
      'Give either a person in the region or an external name, not both.',
    'org.meeting.oneHolder': 'A meeting is held by either a body or a forum.',
    'org.decision.deciderRequired': 'Say which body or forum made the decision.',
    'org.decision.caseNumberFormat':
      'The {label} "{value}" does not follow the region’s format. {how} The decision is saved anyway; correct the number if it is wrong.',
    'org.decision.caseNumberHow.both':
      'The region writes its {label} as {description}, for example {example}.',
    'org.decision.caseNumberHow.example':
      'The region writes its {label} as, for example, {example}.',
    'org.decision.caseNumberHow.description': 'The region writes its {label} as {description}.',
    'org.decision.caseNumberHow.none':
      'An administrator can describe the format with an example under Settings.',
    'org.decision.executiveDecider':
      'Say which post made the executive decision (for example the regional director), or which body.',
    'org.decision.postRequired':
      'An executive or delegated decision is made by a post: give the post (for example regional director) or the person.',
    'org.decision.executiveLevel':
      'An executive or delegated decision is made by an official: choose the level official or delegated.',
    'org.decision.levelRequired':
      'Give the level (assembly, board, committee, official or delegated).',
    'org.decision.dateWithUnknown':
      'The date is marked as not stated. Remove the date, or choose day or month.',
    'org.decision.dateRequired':
      'Give the date, or choose "not stated" if the document gives none.',
    'org.decision.forumCannotDecide':
      '{forum} is {mandate} and cannot make decisions. Record a recommendation or proposal, or an information item.',
    'org.decision.beyondMandate':
      '{forum} is {mandate} but has this recorded as a decision. Change the kind to recommendation or proposal if it was not a decision.',
    'org.settings.exampleNotInFormat':
      'The example does not follow the format. Write a number the format accepts, for example RS 2022/1850.',
    'org.decisionKindWord.decision': 'decision',
    'org.decisionKindWord.recommendation': 'recommendation/proposal',
    'org.decisionKindWord.information': 'information item',
    'org.decisionKindWord.executive': 'executive/delegated decision',
    'org.decisionLevel.assembly': 'assembly',
    'org.decisionLevel.board': 'board',
    'org.decisionLevel.committee': 'committee',
    'org.decisionLevel.official': 'official',
    'org.decisionLevel.delegated': 'delegated',
    'org.mandateAdjective.advises': 'advisory',
    'org.mandateAdjective.prepares': 'a preparing forum',
    'org.forum.plannedHasDecision':
      'A planned forum has no setting-up decision yet. With a setting-up decision the forum is under establishment.',
    'org.forum.establishmentDecisionRequired':
      'A forum under establishment has a decision setting it up: give the decision.',
    'org.forum.discontinuedOnRequired': 'Give the date from which the forum is discontinued.',
    'org.forum.discontinuedDecisionRequired': 'Give the decision to discontinue the forum.',
    'org.forum.discontinuedBeforeEstablished':
      'The forum cannot be discontinued before the date it was set up.',
    'org.forum.discontinuedOnlyWhenDiscontinued':
      'A discontinuation date and decision belong to a discontinued forum. Choose the stage discontinued, or remove them.',
    'org.forum.transition':
      'A forum cannot go from {from} to {to}. From {from} it can go to: {allowed}.',
    'org.forum.mandateHoldsDecisions':
      '{forum} holds {count} recorded decisions and so cannot become {mandate}. Change those decisions to recommendations or proposals first.',
    'org.lifecycle.planned': 'planned',
    'org.lifecycle.under_establishment': 'under establishment',
    'org.lifecycle.active': 'active',
    'org.lifecycle.discontinued': 'discontinued',
    'org.forumFlag.no_mandate': 'no mandate',
    'org.forumFlag.no_members': 'no members',
    'org.forumFlag.missed_cadence': 'fewer meetings than planned',
    'org.forumLevel.political': 'political',
    'org.forumLevel.official': 'officials',
    'org.forumLevel.mixed': 'mixed',
    'org.decision.outcomeOnInformation': 'An information item has no decision outcome.',
    'org.decision.chainCycle': 'A decision cannot be a proposal to itself.',
    'org.decision.notApproved':
      'The decision "{title}" has the outcome {outcome} and so adopts nothing. Only a decision with the outcome approved can be cited as an adoption.',
    'org.outcome.approved': 'approved',
    'org.outcome.rejected': 'rejected',
    'org.outcome.referred_back': 'referred back',
    'org.outcome.tabled': 'tabled',
    'org.decisionKind.decision': 'a decision',
    'org.decisionKind.recommendation': 'a recommendation or proposal',
    'org.decisionKind.information': 'an information item',
    'org.decisionKind.executive': 'an executive or delegated decision',
    'org.decision.notADecision':
      '"{title}" is {kind}, not a decision, and cannot be cited as an adoption. Cite the decision that adopted it.',
    'org.person.emailTaken': 'The email address is already used by another person.',
    'org.person.outranks':
      'The person holds a role beyond your authority. Only someone with at least the same authority can archive them or change their email address.',
    'org.person.passwordRequired': 'A password is needed for the person to log in.',
    'org.grant.exists': 'The person already has that role on that unit.',
    'org.grant.lastAdmin': 'The last administrator of the whole organisation cannot be removed.',
  },
};
