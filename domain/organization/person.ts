import { z } from 'zod';
import { ROLES } from '../access/permissions.js';
import { Id, OptionalText, RequiredText, Stamps, ListQuery, sortParam } from '../shared/schemas.js';

export const Email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));

/** Long passphrases welcome; 10 characters is the floor. */
export const Password = z
  .string()
  .min(10)
  .max(200)
  .refine((p) => p.trim().length > 0, { message: 'auth.passwordBlank' });

export const PersonInput = z
  .object({
    name: RequiredText(200),
    email: Email,
    title: OptionalText(200),
    unitId: Id.nullable().optional(),
    canLogIn: z.boolean().default(false),
    password: Password.optional(),
  })
  .strict();

export const PersonUpdate = z
  .object({
    version: z.number().int().min(1),
    name: RequiredText(200).optional(),
    email: Email.optional(),
    title: OptionalText(200),
    unitId: Id.nullable().optional(),
    canLogIn: z.boolean().optional(),
    password: Password.optional(),
    archived: z.boolean().optional(),
  })
  .strict();

export const Person = Stamps.extend({
  id: Id,
  name: z.string(),
  email: z.string(),
  title: z.string().nullable(),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  canLogIn: z.boolean(),
  archivedAt: z.string().nullable(),
});
export type Person = z.infer<typeof Person>;

export const PersonListQuery = ListQuery.extend({
  q: z.string().trim().max(200).optional(),
  unitId: Id.optional(),
  includeArchived: z.stringbool().default(false),
  sort: sortParam(['name', 'email']),
});

export const Role = z.enum(ROLES);
export const GrantInput = z.object({ personId: Id, role: Role, unitId: Id }).strict();
export const RoleGrant = z.object({
  id: Id,
  personId: Id,
  personName: z.string(),
  role: Role,
  unitId: Id,
  unitName: z.string(),
  /** Given by the provider's groups at single sign-on (replaced at the next one), not by hand. */
  viaSso: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

/** A post (befattning) can be vacant: a role on paper with no one in it. */
export const PostInput = z
  .object({
    unitId: Id,
    title: RequiredText(200),
    holderId: Id.nullable().optional(),
    competenceRequirements: OptionalText(2000),
  })
  .strict();
export const PostUpdate = z
  .object({
    version: z.number().int().min(1),
    title: RequiredText(200).optional(),
    holderId: Id.nullable().optional(),
    competenceRequirements: OptionalText(2000),
  })
  .strict();
export const Post = Stamps.extend({
  id: Id,
  unitId: Id,
  title: z.string(),
  holderId: Id.nullable(),
  holderName: z.string().nullable(),
  competenceRequirements: z.string().nullable(),
  isVacant: z.boolean(),
});
