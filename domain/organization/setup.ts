import { z } from 'zod';
import { RequiredText } from '../shared/schemas.js';
import { EMAIL_DOMAIN } from '../access/login-tenant.js';
import { CaseNumberPattern } from './case-number.js';
import { Email, Password } from './person.js';

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

/** A slug as the URL shows it (`/t/<slug>`): lower case ASCII letters, digits and dashes. */
export const Slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, { message: 'setup.badSlug' });

/** An e-mail domain login finds the tenant by (`kommun.se`). */
export const EmailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(EMAIL_DOMAIN, { message: 'setup.badEmailDomain' });

/** A further tenant on an installation serving several (the host's CLI and API). */
export const TenantCreate = z
  .object({
    name: RequiredText(200),
    slug: Slug,
    rootName: RequiredText(200).default('Regionfullmäktige'),
    emailDomains: z.array(EmailDomain).max(20).default([]),
    adminName: RequiredText(200),
    adminEmail: Email,
    adminPassword: Password,
  })
  .strict();
export type TenantCreate = z.infer<typeof TenantCreate>;
