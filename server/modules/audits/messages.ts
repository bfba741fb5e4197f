import type { Lang } from '../../platform/i18n/messages.js';

/** The audits context's messages: Swedish first (the default), English second. */
export const messages: Record<Lang, Record<string, string>> = {
  sv: {
    'audits.notAudited':
      'Organet är inte granskat i den här granskningen. Lägg till det bland de granskade organen först.',
    'audits.cellNotApplicable':
      'Frågan gäller inte det här organet; en bedömning kan inte anges här.',
    'audits.cellsOnlyPerBody': 'Bedömning per organ anges bara när frågan bedöms per organ.',
    'audits.wholeOnlyInWholeMode':
      'En bedömning av hela frågan anges bara när frågan bedöms som helhet.',
    'audits.noLines': 'Skriv minst en rad, t.ex. "1. Har nämnden mål för digitaliseringen?"',
    'audits.followsItself': 'En granskning kan inte följa upp sig själv.',
    'audits.notAddressee': 'Rekommendationen riktas inte till det här organet.',
    'audits.doneNeedsEvidence':
      'En klar åtgärd behöver underlag: ett beslut, dokument, mål, en fil eller en länk.',
    'audits.reportBackDateRequired': 'Ange datum för återrapporteringen.',
    'audits.reportBackMeetingRequired': 'Ange vilket sammanträde återrapporteringen ska ske vid.',
    'audits.notFollowedUp':
      'Rekommendationen hör till en granskning som den här uppföljningen inte följer upp.',
    'audits.statusOnlyForAddressee':
      'Organet var inte mottagare av rekommendationen: skriv det som en iakttagelse i stället för en status.',
    'audits.replyOnlyAudited':
      'Ett yttrande kan bara begäras av ett granskat organ. Skicka rapporten för kännedom, eller lägg till organet bland de granskade.',
    'audits.remittanceTwice': 'Organet har redan en remiss i granskningen; ändra den i stället.',
    'audits.concernedIsInformation':
      'Berörd utan att vara mottagare gäller en remiss för kännedom, inte för yttrande.',
    'audits.oneDeadline': 'Ange antingen ett datum eller ett sammanträde som sista dag, inte båda.',
    'audits.questionNumberTwice': 'Två frågor har samma nummer; ge varje fråga ett eget nummer.',
    'audits.answerNotAddressed':
      'Rekommendationen riktas inte till organet, så yttrandet kan inte besvara den.',
    'audits.answerTwice': 'Samma rekommendation står två gånger i yttrandet.',
    'audits.questionNotAsked':
      'Revisorerna har inte ställt någon fråga med det numret till organet.',
    'audits.notChecked':
      'Rekommendationen hör inte till en granskning som den här uppföljningen följer upp.',
    'audits.notProposed': 'Uppdraget är redan antaget; det finns inget förslag att flytta.',
    'audits.notLaterInChain':
      'Beslutet kommer inte senare i kedjan: det bygger inte på förslaget som gav uppdraget.',
    'audits.meetingBodyRequired': 'Ange vilket organs sammanträde det gäller.',
    'audits.badMonth': 'Ange månaden som ÅÅÅÅ-MM, till exempel 2025-01.',
    'audits.assigneeRequired':
      'Ange vem uppdraget går till: ett eller flera organ, samtliga nämnder, eller en person.',
    'audits.receivedInFuture':
      'Ett yttrande kan inte ha kommit in ett datum som inte har varit. Ange dagen det kom in.',
    'audits.numberTaken':
      'Numret {number} finns redan i granskningen. Ge varje fråga och rekommendation ett eget nummer.',
  },
  en: {
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
    'audits.notAddressee': 'The recommendation is not addressed to this body.',
    'audits.doneNeedsEvidence':
      'A done action needs evidence: a decision, document, goal, file or link.',
    'audits.reportBackDateRequired': 'Give the date of the report-back.',
    'audits.reportBackMeetingRequired': 'Name the meeting where the report-back is to be made.',
    'audits.notFollowedUp':
      'The recommendation belongs to an audit that this follow-up does not follow up.',
    'audits.statusOnlyForAddressee':
      'The body was not an addressee of the recommendation: record it as an observation instead of a status.',
    'audits.replyOnlyAudited':
      'A reply can only be asked of an audited body. Send the report for information, or add the body to the audited bodies.',
    'audits.remittanceTwice': 'The body already has a remittance in this audit; change that one.',
    'audits.concernedIsInformation':
      'Concerned without being an addressee applies to a remittance for information, not for a reply.',
    'audits.oneDeadline': 'Give either a date or a meeting as the deadline, not both.',
    'audits.questionNumberTwice': 'Two questions have the same number; give each its own.',
    'audits.answerNotAddressed':
      'The recommendation is not addressed to the body, so its reply cannot answer it.',
    'audits.answerTwice': 'The same recommendation appears twice in the reply.',
    'audits.questionNotAsked': 'The auditors asked the body no question with that number.',
    'audits.notChecked':
      'The recommendation belongs to an audit this follow-up does not follow up.',
    'audits.notProposed': 'The assignment is already adopted; there is no proposal to move.',
    'audits.notLaterInChain':
      'That decision is not later in the chain: it does not build on the proposal that gave the assignment.',
    'audits.meetingBodyRequired': 'Say whose meeting it is.',
    'audits.badMonth': 'Give the month as YYYY-MM, for example 2025-01.',
    'audits.assigneeRequired':
      'Say whom the assignment is given to: one or more bodies, all committees, or a person.',
    'audits.receivedInFuture':
      'A reply cannot have come in on a day that has not yet come. Give the day it came in.',
    'audits.numberTaken':
      'Number {number} is already used in this audit. Give each question and recommendation its own number.',
  },
};
