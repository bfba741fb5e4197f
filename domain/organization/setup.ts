import { z } from 'zod';
import { RequiredText } from '../shared/schemas.js';
import { Email, Password } from './person.js';

/** A case-number format is a regular expression the whole number must match ("RS 2024/123"). */
const CaseNumberPattern = z
  .string()
  .trim()
  .max(200)
  .refine(
    (p) => {
      try {
        new RegExp(`^(?:${p})$`, 'u');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'setup.badPattern' },
  );

/** What the first run asks for: the region, its root body, its case numbers and the first administrator. */
export const RegionSetup = z
  .object({
    regionName: RequiredText(200),
    rootName: RequiredText(200).default('Regionfullmäktige'),
    caseNumberLabel: z.enum(['diarienummer', 'ärendenummer']).default('diarienummer'),
    caseNumberPattern: CaseNumberPattern.nullable().optional(),
    adminName: RequiredText(200),
    adminEmail: Email,
    adminPassword: Password,
  })
  .strict();
export type RegionSetup = z.infer<typeof RegionSetup>;

/** A tenant's slug from its name: lower case ASCII, words joined by dashes ("region-norrsund"). */
export function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'region';
}
