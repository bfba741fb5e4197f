import { z } from 'zod';
import type { Lang } from './messages.js';

/*
 * Validation messages a person reads: "Högst 200 tecken." rather than zod's generic
 * "För stor(t): förväntade string att ha <=200 tecken". The common cases are said here in Swedish
 * and English; the rest fall back to zod's own locale.
 */
const n = (v: number | bigint, lang: Lang) =>
  Number(v).toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB');

type Issue = z.core.$ZodRawIssue;

function ours(issue: Issue, lang: Lang): string | undefined {
  const sv = lang === 'sv';
  switch (issue.code) {
    case 'too_small': {
      const min = issue.minimum as number;
      if (issue.origin === 'string')
        return min <= 1
          ? sv
            ? 'Får inte vara tomt.'
            : 'Must not be empty.'
          : sv
            ? `Minst ${n(min, lang)} tecken.`
            : `At least ${n(min, lang)} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return sv ? `Välj minst ${n(min, lang)}.` : `Choose at least ${n(min, lang)}.`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return issue.inclusive === false
          ? sv
            ? `Måste vara större än ${n(min, lang)}.`
            : `Must be greater than ${n(min, lang)}.`
          : sv
            ? `Minst ${n(min, lang)}.`
            : `At least ${n(min, lang)}.`;
      return undefined;
    }
    case 'too_big': {
      const max = issue.maximum as number;
      if (issue.origin === 'string')
        return sv ? `Högst ${n(max, lang)} tecken.` : `At most ${n(max, lang)} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return sv ? `Högst ${n(max, lang)} stycken.` : `At most ${n(max, lang)} items.`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return sv ? `Högst ${n(max, lang)}.` : `At most ${n(max, lang)}.`;
      return undefined;
    }
    case 'invalid_format':
      if (issue.format === 'email')
        return sv ? 'Ingen giltig e-postadress.' : 'Not a valid email address.';
      if (issue.format === 'date')
        return sv ? 'Ange ett datum som 2026-03-31.' : 'Give a date such as 2026-03-31.';
      if (issue.format === 'uuid')
        return sv ? 'Ogiltig hänvisning (id).' : 'Not a valid reference (id).';
      return undefined;
    case 'invalid_value':
      return sv
        ? `Välj ett av: ${issue.values.map(String).join(', ')}.`
        : `Choose one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null)
        return sv ? 'Uppgiften saknas.' : 'This is required.';
      if (issue.expected === 'number' || issue.expected === 'int')
        return sv ? 'Ange ett tal.' : 'Give a number.';
      return undefined;
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return undefined;
  }
}

const locales = { sv: z.locales.sv(), en: z.locales.en() } as const;

/** The error map for a parse in the user's language: our words first, zod's locale for the rest. */
export function validationMessages(lang: Lang): z.core.$ZodErrorMap {
  const fallback = locales[lang].localeError;
  return (issue) => ours(issue, lang) ?? fallback(issue);
}
