/**
 * Typed domain errors. Each carries a stable message key; the server's one error handler turns
 * them into RFC 9457 problem+json in the user's language.
 */
export type FieldError = { path: string; key: string; params?: Record<string, string | number> };

export class DomainError extends Error {
  constructor(
    readonly kind:
      | 'invalid'
      | 'not_found'
      | 'not_allowed'
      | 'conflict'
      | 'unauthenticated'
      | 'too_many'
      | 'too_large',
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldError[] = [],
  ) {
    super(key);
    this.name = 'DomainError';
  }
}

export const invalid = (
  key: string,
  fields: FieldError[] = [],
  params: Record<string, string | number> = {},
) => new DomainError('invalid', key, params, fields);
export const notFound = (entity: string) =>
  new DomainError('not_found', 'errors.notFound', { entity });
export const notAllowed = (key = 'errors.forbidden') => new DomainError('not_allowed', key);
export const conflict = (key: string, params: Record<string, string | number> = {}) =>
  new DomainError('conflict', key, params);
export const unauthenticated = (key = 'errors.unauthenticated') =>
  new DomainError('unauthenticated', key);
export const tooMany = (retryAfterSeconds: number) =>
  new DomainError('too_many', 'errors.tooManyAttempts', { retryAfterSeconds });
/** A file or request within the size limit on the wire, but over a limit on what it holds. */
export const tooLarge = (key: string, params: Record<string, string | number> = {}) =>
  new DomainError('too_large', key, params);
