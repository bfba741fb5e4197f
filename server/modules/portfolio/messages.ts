import type { Lang } from '../../platform/i18n/messages.js';

/** The portfolio context's messages: Swedish first (the default), English second. */
export const messages: Record<Lang, Record<string, string>> = {
  sv: {
    'portfolio.notInRound': 'Initiativet fanns inte bland omgångens kandidater.',
    'portfolio.splitSum': 'Kostnadsfördelningen ska summera till 100 procent.',
    'portfolio.endBeforeStart': 'Slutdatum kan inte vara före startdatum.',
    'portfolio.dependsOnItself': 'Ett initiativ kan inte vara beroende av sig självt.',
    'portfolio.moveRefused': 'Initiativet kan inte flyttas från {from} till {to}.',
    'portfolio.guard.not_allowed':
      'Den flytten finns inte i portföljens faser: från {from} kan initiativet flyttas till {allowed}.',
    'portfolio.guard.not_allowed_final': 'Ett initiativ som är {from} flyttas inte vidare.',
    'portfolio.guard.needs_decision': 'Ange beslutet om initiativet först.',
    'portfolio.guard.decision_wrong_level':
      'Beslutet är inte fattat på rätt nivå: initiativ som berör flera enheter beslutas av det organ regionen har bestämt.',
    'portfolio.guard.needs_council_preparation':
      'Initiativet berör flera enheter och ska ha beretts av digitaliseringsrådet.',
    'portfolio.guard.needs_benefit_plan':
      'Ett initiativ avslutas först när det finns en plan för effekthemtagning: minst en effekt med mått, målvärde, datum och ansvarig.',
    'portfolio.guard.needs_reason': 'Ange skälet till flytten.',
    'portfolio.top.entryTwice': 'Varje initiativ kan bara stå en gång i listan.',
    'portfolio.top.nameTaken': 'Det finns redan en lista med namnet ”{name}” för {year}.',
    'portfolio.top.notOnList':
      'Initiativet står inte på listan: en uppföljning gäller listans initiativ.',
    'portfolio.top.benefitNotOfInitiative':
      'Effekten hör inte till initiativet: välj bland initiativets egna förväntade effekter.',
    'portfolio.top.heldAhead': 'En uppföljning kan inte registreras som hållen ett datum framåt.',
    'initiativeCategory.new_service': 'Ny tjänst',
    'initiativeCategory.replacement': 'Ersättning',
    'initiativeCategory.legal_requirement': 'Lagkrav',
    'initiativeCategory.infrastructure': 'Infrastruktur',
    'initiativeCategory.innovation': 'Innovation',
    'workKind.digitalisation': 'Digitalisering',
    'workKind.other_development': 'Annan utveckling eller förvaltning',
    'initiativeFlag.cross_unit_without_council': 'Flera enheter, ej berett i rådet',
    'initiativeFlag.started_without_decision': 'Startat utan beslut',
    'initiativeFlag.closed_without_benefit_plan': 'Avslutat utan nyttoplan',
    'initiativeFlag.benefit_overdue': 'Effektmätning försenad',
    'initiativeFlag.no_owner': 'Ägare saknas',
    'initiativeFlag.steering_document_expired': 'Styrdokumentets giltighetstid passerad',
    'phase.idea': 'Idé',
    'phase.preparation': 'Beredning',
    'phase.decided': 'Beslutad',
    'phase.running': 'Pågående',
    'phase.paused': 'Pausad',
    'phase.cancelled': 'Avbruten',
    'phase.closed': 'Avslutad',
    'phase.in_operation': 'I förvaltning',
  },
  en: {
    'portfolio.notInRound': 'The initiative was not among the round’s candidates.',
    'portfolio.splitSum': 'The cost split must add up to 100 percent.',
    'portfolio.endBeforeStart': 'The end date cannot be before the start date.',
    'portfolio.dependsOnItself': 'An initiative cannot depend on itself.',
    'portfolio.moveRefused': 'The initiative cannot move from {from} to {to}.',
    'portfolio.guard.not_allowed':
      'That move is not one of the portfolio’s phases: from {from} the initiative can move to {allowed}.',
    'portfolio.guard.not_allowed_final': 'An initiative that is {from} moves no further.',
    'portfolio.guard.needs_decision': 'Give the decision on the initiative first.',
    'portfolio.guard.decision_wrong_level':
      'The decision is not at the right level: initiatives that touch several units are decided by the body the region has named.',
    'portfolio.guard.needs_council_preparation':
      'The initiative touches several units and must have been prepared by the digitalisation council.',
    'portfolio.guard.needs_benefit_plan':
      'An initiative closes only with a benefits follow-up plan: at least one benefit with a measure, target, date and owner.',
    'portfolio.guard.needs_reason': 'Give the reason for the move.',
    'portfolio.top.entryTwice': 'Each initiative can be on the list only once.',
    'portfolio.top.nameTaken': 'There is already a list named “{name}” for {year}.',
    'portfolio.top.notOnList':
      'The initiative is not on the list: a follow-up covers the list’s initiatives.',
    'portfolio.top.benefitNotOfInitiative':
      'The benefit does not belong to the initiative: choose among its own expected benefits.',
    'portfolio.top.heldAhead': 'A follow-up cannot be recorded as held on a day ahead.',
    'initiativeCategory.new_service': 'New service',
    'initiativeCategory.replacement': 'Replacement',
    'initiativeCategory.legal_requirement': 'Legal requirement',
    'initiativeCategory.infrastructure': 'Infrastructure',
    'initiativeCategory.innovation': 'Innovation',
    'workKind.digitalisation': 'Digitalisation',
    'workKind.other_development': 'Other development or maintenance',
    'initiativeFlag.cross_unit_without_council': 'Cross-unit, not prepared by the council',
    'initiativeFlag.started_without_decision': 'Started without a decision',
    'initiativeFlag.closed_without_benefit_plan': 'Closed without a benefits plan',
    'initiativeFlag.benefit_overdue': 'Benefit measurement overdue',
    'initiativeFlag.no_owner': 'No owner',
    'initiativeFlag.steering_document_expired': 'Steering document past its validity',
    'phase.idea': 'Idea',
    'phase.preparation': 'Preparation',
    'phase.decided': 'Decided',
    'phase.running': 'Running',
    'phase.paused': 'Paused',
    'phase.cancelled': 'Cancelled',
    'phase.closed': 'Closed',
    'phase.in_operation': 'In operation',
  },
};
