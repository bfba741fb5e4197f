import type { DocumentFlag } from '../../../../domain/documents/document.js';
import { Badge } from '../../../platform/components.js';
import { formatDate, useI18n, type MessageKey } from '../../../platform/i18n.js';
import type { DocumentDto } from '../api.js';

/** A flag in words, with its date where it has one ("Giltighetstid passerad 31 dec. 2020"). */
export function useFlagWord() {
  const { t } = useI18n();
  return (flag: DocumentFlag, d: Pick<DocumentDto, 'validTo' | 'decisionAdoptionLevel'>) => {
    if (flag === 'validity_passed' && d.validTo)
      return t('docs.flagValidityPassed', { on: formatDate(d.validTo) });
    if (flag === 'level_differs_from_decision' && d.decisionAdoptionLevel)
      return t('docs.flagLevelDiffers', {
        level: t(`adoptionLevel.${d.decisionAdoptionLevel}` as MessageKey),
      });
    return t(`docFlag.${flag}` as MessageKey);
  };
}

export function DocumentFlags({ doc }: { doc: DocumentDto }) {
  const word = useFlagWord();
  return (
    <>
      {doc.flags.map((f) => (
        <Badge key={f} tone="warn">
          {word(f, doc)}
        </Badge>
      ))}
    </>
  );
}

/** Who adopted it: "Landstingsstyrelsen (föregångare till Regionstyrelsen)", or "Framgår ej". */
export function useAdopterWord() {
  const { t } = useI18n();
  const today = new Date().toISOString().slice(0, 10);
  return (d: Pick<DocumentDto, 'adopter' | 'adoptedByName'>) => {
    const a = d.adopter;
    if (!a) return d.adoptedByName ?? t('docs.unknown');
    if (a.successors.length)
      return t('docs.predecessorOf', {
        name: a.name,
        successor: a.successors.map((s) => s.name).join(', '),
      });
    if (a.endsOn && a.endsOn < today)
      return t('docs.endedOn', { name: a.name, on: formatDate(a.endsOn) });
    return a.name;
  };
}
