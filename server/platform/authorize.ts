import { can, type Action, type Target } from '../../domain/access/permissions.js';
import { notAllowed } from '../../domain/shared/errors.js';
import type { Ctx } from './context.js';

/** The first statement of every use case: deny unless the domain rule allows. */
export function authorize(ctx: Ctx, action: Action, target: Target = 'tenant'): void {
  if (!can(ctx.actor, action, target)) throw notAllowed();
}
