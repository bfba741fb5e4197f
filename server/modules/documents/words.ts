import type { DocumentFlag } from '../../../domain/documents/document.js';
import { t, type Lang } from '../../platform/i18n/messages.js';

/** The words the API answers with for a document's codes (exports, evidence): never the raw code. */

type Adopter = {
  name: string;
  endsOn: string | null;
  successors: { name: string }[];
} | null;

/** A flag in words, with its date or its goals where it has them. */
export function flagWord(
  lang: Lang,
  flag: DocumentFlag,
  d: { validTo: string | null; goals: { title: string; withoutOverarching: boolean }[] },
) {
  const word = t(lang, `documents.flag.${flag}`, { on: d.validTo ?? '' });
  if (flag !== 'goals_without_overarching') return word;
  const own = d.goals.filter((g) => g.withoutOverarching).map((g) => g.title);
  return `${word}: ${own.join(', ')}`;
}

export const flagsWords = (
  lang: Lang,
  d: Parameters<typeof flagWord>[2] & { flags: DocumentFlag[] },
) => d.flags.map((f) => flagWord(lang, f, d)).join('; ');

/** "Landstingsstyrelsen (föregångare till Regionstyrelsen)", or the name, or "Framgår ej". */
export function adopterWord(lang: Lang, adopter: Adopter, today: string) {
  if (!adopter) return t(lang, 'documents.unknown');
  if (adopter.successors.length)
    return t(lang, 'documents.predecessorOf', {
      name: adopter.name,
      successor: adopter.successors.map((s) => s.name).join(', '),
    });
  if (adopter.endsOn && adopter.endsOn < today)
    return t(lang, 'documents.endedOn', { name: adopter.name, on: adopter.endsOn });
  return adopter.name;
}

export const stateWord = (lang: Lang, state: string) => t(lang, `documents.state.${state}`);
export const levelWord = (lang: Lang, level: string) => t(lang, `documents.level.${level}`);
