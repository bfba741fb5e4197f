import { RE2JS } from 're2js';
import { z } from 'zod';

const compiled = new Map<string, RE2JS | null>();

/**
 * A case-number format compiled with RE2, which runs in time linear in the text: a pattern an
 * administrator types, such as `^(a+)+$`, can never hold the server. Null when it is not a
 * pattern RE2 reads (back-references and look-arounds are not: formats do not need them).
 */
export function compileCaseNumberPattern(pattern: string): RE2JS | null {
  if (!compiled.has(pattern)) {
    if (compiled.size > 100) compiled.clear();
    try {
      compiled.set(pattern, RE2JS.compile(`^(?:${pattern})$`));
    } catch {
      compiled.set(pattern, null);
    }
  }
  return compiled.get(pattern)!;
}

/** A region's case-number format is a setting (a regular expression); none means any text. */
export function caseNumberMatches(caseNumber: string, pattern: string | null): boolean {
  if (!pattern) return true;
  const re = compileCaseNumberPattern(pattern);
  return re ? re.matches(caseNumber) : true;
}

/** A case-number format as a setting: at most 200 characters that RE2 can compile. */
export const CaseNumberPattern = z
  .string()
  .trim()
  .max(200)
  .refine((p) => compileCaseNumberPattern(p) !== null, { message: 'setup.badPattern' });
