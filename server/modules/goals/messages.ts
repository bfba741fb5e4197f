import type { Lang } from '../../platform/i18n/messages.js';

/** The goals context's messages: Swedish first (the default), English second. */
export const messages: Record<Lang, Record<string, string>> = {
  sv: {
    'goals.validToBeforeFrom': 'Giltig till kan inte vara före giltig från.',
    'goals.targetYearTwice': 'Samma år har flera målvärden.',
    'goals.periodFormat':
      'Perioden ska skrivas som 2025-03 (månad), 2025-T2 (tertial), 2025-D (delårsrapport) eller 2025-Å (årsredovisning).',
    'goals.ownParent': 'Ett mål kan inte hänvisa till sig självt.',
    'goals.notOnScale': 'Värdet finns inte på indikatorns bedömningsskala.',
    'goals.overrideReasonRequired': 'Bedömningen avviker från förslaget: skriv varför.',
    'goals.assessmentExists':
      'Målet är redan bedömt för perioden. Ladda om och ändra den befintliga bedömningen.',
    'goals.unitRequired': 'En kvantitativ indikator behöver en enhet, t.ex. %, st eller minuter.',
    'goals.dataSourceRequired':
      'En kvantitativ indikator behöver en datakälla: välj en eller beskriv källan.',
    'goals.indicatorIncomplete':
      'Indikatorn saknar enhet eller datakälla. Komplettera indikatorn innan utfall registreras.',
    'goals.valueRequired': 'Ange utfallet som ett tal.',
    'goals.levelRequired': 'Välj den nivå på bedömningsskalan som utfallet motsvarar.',
    'goals.justificationRequired':
      'En slutlig bedömning behöver en motivering. Spara som utkast om motiveringen inte är klar.',
    'goals.import.indicatorIncomplete':
      'Rad {row}: indikatorn saknar enhet eller datakälla. Komplettera indikatorn först.',
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
  },
  en: {
    'goals.validToBeforeFrom': 'Valid to cannot be before valid from.',
    'goals.targetYearTwice': 'The same year has several target values.',
    'goals.periodFormat':
      'Write the period as 2025-03 (month), 2025-T2 (four months), 2025-D (interim report) or 2025-Å (annual report).',
    'goals.ownParent': 'A goal cannot refer to itself.',
    'goals.notOnScale': 'The value is not on the indicator’s scale.',
    'goals.overrideReasonRequired': 'The assessment differs from the suggestion: say why.',
    'goals.assessmentExists':
      'The goal is already assessed for the period. Reload and change the existing assessment.',
    'goals.unitRequired': 'A quantitative indicator needs a unit, e.g. %, items or minutes.',
    'goals.dataSourceRequired':
      'A quantitative indicator needs a data source: choose one or describe the source.',
    'goals.indicatorIncomplete':
      'The indicator has no unit or data source. Complete the indicator before recording outcomes.',
    'goals.valueRequired': 'Enter the outcome as a number.',
    'goals.levelRequired': 'Choose the level on the judgement scale that the outcome matches.',
    'goals.justificationRequired':
      'A final assessment needs a justification. Save it as a draft if the justification is not ready.',
    'goals.import.indicatorIncomplete':
      'Row {row}: the indicator has no unit or data source. Complete the indicator first.',
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
  },
};
