import type { Lang } from '../../platform/i18n/messages.js';

/** The services (IT systems, the service tree) context's messages: Swedish first (the default), English second. */
export const messages: Record<Lang, Record<string, string>> = {
  sv: {
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
    'services.import.noSheet': 'Filen har inget blad som heter "{value}".',
    'services.import.rowProblem': 'Rad {row}: {message}',
    'services.import.cannotAddPeople':
      'Du får inte lägga till personer. Välj befintliga personer eller lämna ägaren tom.',
    'services.problem.alreadyResolved': 'Problemet är redan åtgärdat.',
    'services.problem.word': '{column}: "{value}" är inte ett av orden kolumnen tar.',
    'services.problem.number': '{column}: "{value}" är inte ett tal.',
    'services.problem.negative': '{column}: "{value}" är negativt.',
    'services.problem.range': '{column}: "{value}" är ett spann, inte ett värde.',
    'services.problem.date': '{column}: "{value}" är inte ett datum.',
    'services.problem.level': '{column}: "{value}" är inte en nivå 0–4.',
    'services.problem.tooLong': '{column}: texten är längre än {max} tecken.',
    'services.problem.unknown': '{column}: "{value}" betyder okänt. Fyll i när det är känt.',
    'services.problem.totalMismatch':
      '{column}: {value} stämmer inte med summan av delarna ({sum}). Totalen sparas som den står.',
    'services.problem.unitUnknown': '{column}: ingen enhet i organisationen heter "{value}".',
    'services.problem.boardMismatch': '{column}: förvaltningen hör inte till nämnden "{value}".',
    'services.problem.severalPeople':
      '{column}: flera personer angivna ("{value}"). Ett system har en ägare; välj en.',
    'services.problem.managerRole': '{column}: "{value}" är en roll, inte en person.',
    'services.problem.personAmbiguous': '{column}: flera personer heter "{value}". Välj en.',
    'services.problem.personUnknown':
      '{column}: ingen person "{value}" finns. Lägg till personen eller välj en befintlig.',
    'services.problem.noName': 'Rad {row}: namn saknas. Raden importerades inte.',
    'services.problem.missingName':
      'Ingen kolumn läses som systemets namn. Välj vilken kolumn som har namnen.',
    'services.problem.ambiguous':
      'Rad {row}: "{value}" hittades bara genom ett alias till systemet "{other}" och skulle byta dess namn. Raden importerades inte.',
    'services.problem.notAllowed':
      'Rad {row}: du får inte ändra system som ägs av "{value}". Raden importerades inte.',
    'services.problem.conflict':
      '{column}: rad {row} anger "{value}", som skiljer sig från rad {first} (raderna slogs ihop).',
    'services.problem.invalid': '{column}: {message}',
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
    'services.import.noSheet': 'The file has no sheet named "{value}".',
    'services.import.rowProblem': 'Row {row}: {message}',
    'services.import.cannotAddPeople':
      'You may not add people. Choose existing people or leave the owner empty.',
    'services.problem.alreadyResolved': 'The problem has already been resolved.',
    'services.problem.word': '{column}: "{value}" is not one of the words this column takes.',
    'services.problem.number': '{column}: "{value}" is not a number.',
    'services.problem.negative': '{column}: "{value}" is negative.',
    'services.problem.range': '{column}: "{value}" is a range, not one value.',
    'services.problem.date': '{column}: "{value}" is not a date.',
    'services.problem.level': '{column}: "{value}" is not a level 0–4.',
    'services.problem.tooLong': '{column}: the text is longer than {max} characters.',
    'services.problem.unknown': '{column}: "{value}" means unknown. Fill it in when it is known.',
    'services.problem.totalMismatch':
      '{column}: {value} does not match the sum of the parts ({sum}). The total is kept as written.',
    'services.problem.unitUnknown': '{column}: no unit of the organisation is called "{value}".',
    'services.problem.boardMismatch':
      '{column}: the administration does not belong to the board "{value}".',
    'services.problem.severalPeople':
      '{column}: several people given ("{value}"). A system has one owner; choose one.',
    'services.problem.managerRole': '{column}: "{value}" is a post, not a person.',
    'services.problem.personAmbiguous':
      '{column}: several people are called "{value}". Choose one.',
    'services.problem.personUnknown':
      '{column}: there is no person "{value}". Add the person or choose an existing one.',
    'services.problem.noName': 'Row {row}: the name is missing. The row was not imported.',
    'services.problem.missingName':
      "No column is read as the system's name. Choose the column that holds the names.",
    'services.problem.ambiguous':
      'Row {row}: "{value}" was found only through an alias of the system "{other}" and would rename it. The row was not imported.',
    'services.problem.notAllowed':
      'Row {row}: you may not change systems owned by "{value}". The row was not imported.',
    'services.problem.conflict':
      '{column}: row {row} gives "{value}", unlike row {first} (the rows were merged).',
    'services.problem.invalid': '{column}: {message}',
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
