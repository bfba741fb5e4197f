import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Problem } from '../../../domain/shared/schemas.js';
import { createSession, COOKIE_MAX_AGE_S, setSessionCookie } from '../../platform/auth/sessions.js';
import { langOf } from '../../platform/i18n/messages.js';
import { typed, type RouteOpts } from '../../platform/route-kit.js';
import { CALLBACK_PATH, finishSignOn, startSignOn } from './oidc.service.js';

const tags = ['auth'];
const STATE_COOKIE = 'styrbord_oidc_state';

/**
 * Single sign-on with the tenant's OpenID Connect provider (Entra ID or another): public routes,
 * since the person has no session yet. A refusal goes back to the login page, which says why.
 */
export async function oidcRoutes(app: FastifyInstance, { db, clock }: RouteOpts) {
  const r = typed(app);
  const now = () => (clock ?? (() => new Date()))();
  r.get('/api/auth/oidc/:tenantSlug/start', {
    schema: {
      tags,
      summary: 'Begin single sign-on: redirects to the tenant’s OpenID Connect provider',
      security: [],
      params: z.object({ tenantSlug: z.string().min(1).max(200) }),
      response: { 302: z.null(), 404: Problem },
    },
    handler: async (req, reply) => {
      const { url, state } = await startSignOn(
        db,
        req.params.tenantSlug,
        `${req.protocol}://${req.host}`,
        now(),
      );
      // Binds the sign-on to this browser: without it, someone could send another person the
      // answer to a sign-on of their own and have them work in Styrbord as the sender. Lax, so
      // the provider's redirect back (a top-level navigation from another site) carries it.
      void reply.setCookie(STATE_COOKIE, state, {
        path: CALLBACK_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        maxAge: 600,
      });
      return reply.redirect(url, 302);
    },
  });
  r.get(CALLBACK_PATH, {
    schema: {
      tags,
      summary:
        'The provider’s answer: checks it, finds or creates the person, sets their grants, logs in and redirects to /',
      security: [],
      querystring: z.record(z.string(), z.string()),
      response: { 302: z.null() },
    },
    handler: async (req, reply) => {
      const query = new URLSearchParams(req.query);
      const result = await finishSignOn(
        db,
        query,
        req.cookies[STATE_COOKIE],
        now(),
        langOf(req.headers['accept-language']),
      );
      void reply.clearCookie(STATE_COOKIE, { path: CALLBACK_PATH });
      if (!result.ok) {
        if (result.detail) req.log.warn({ err: result.detail }, 'single sign-on refused');
        return reply.redirect(`/?sso=${result.reason}`, 302);
      }
      const { token } = await createSession(
        db,
        result.tenantId,
        result.personId,
        now(),
        result.idToken,
      );
      setSessionCookie(reply, req, token, { maxAge: COOKIE_MAX_AGE_S });
      return reply.redirect('/', 302);
    },
  });
}
