import type { Lang } from '../../platform/i18n/messages.js';

/** The organisation context's messages: Swedish first (the default), English second. */
export const messages: Record<Lang, Record<string, string>> = {
  sv: {
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
    'org.decision.caseNumberFormat': '{label} följer inte regionens format ({pattern}).',
    'org.decision.outcomeOnInformation': 'En informationspunkt har inget beslutsutfall.',
    'org.decision.chainCycle': 'Ett beslut kan inte vara förslag till sig självt.',
    'org.person.emailTaken': 'E-postadressen används redan av en annan person.',
    'org.person.passwordRequired': 'Ett lösenord krävs för att personen ska kunna logga in.',
    'org.grant.exists': 'Personen har redan den rollen på den enheten.',
    'org.grant.lastAdmin': 'Den sista administratören för hela organisationen kan inte tas bort.',
  },
  en: {
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
    'org.decision.caseNumberFormat': 'The {label} does not follow the region’s format ({pattern}).',
    'org.decision.outcomeOnInformation': 'An information item has no decision outcome.',
    'org.decision.chainCycle': 'A decision cannot be a proposal to itself.',
    'org.person.emailTaken': 'The email address is already used by another person.',
    'org.person.passwordRequired': 'A password is needed for the person to log in.',
    'org.grant.exists': 'The person already has that role on that unit.',
    'org.grant.lastAdmin': 'The last administrator of the whole organisation cannot be removed.',
  },
};
