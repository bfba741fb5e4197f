import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DeadlineSchema } from '../../../domain/audits/audit.js';
import { Id, IsoDate } from '../../../domain/shared/schemas.js';
import { requireCtx } from '../../platform/auth/plugin.js';
import { readProblems, typed, writeProblems, type RouteOpts } from '../../platform/route-kit.js';
import type { DeadlineProvider } from '../../platform/surface.js';
import * as deadlines from './deadlines.service.js';

// Listed with the audit cycle in the API documentation, where the deadlines began.
const tags = ['Audits'];

/** Deadlines, the private calendar feed and reminders, fed by the contexts' deadline providers. */
export const notificationRoutes =
  (providers: readonly DeadlineProvider[]) =>
  async (app: FastifyInstance, { db }: RouteOpts) => {
    const r = typed(app);
    r.get('/api/deadlines', {
      schema: {
        tags,
        summary: 'Reply deadlines, action dates and report-back dates in one list',
        querystring: z
          .object({
            personId: Id.optional(),
            bodyId: Id.optional(),
            from: IsoDate.optional(),
            to: IsoDate.optional(),
          })
          .strict(),
        response: { 200: z.object({ items: z.array(DeadlineSchema) }), ...readProblems },
      },
      handler: async (req) => ({
        items: await deadlines.listDeadlines(db, providers, requireCtx(req), req.query),
      }),
    });
    r.get('/api/calendar/token', {
      schema: {
        tags,
        summary: 'Whether the logged-in person has a calendar feed',
        response: {
          200: z.object({ active: z.boolean(), createdAt: z.string().nullable() }),
          ...readProblems,
        },
      },
      handler: async (req) => deadlines.calendarTokenStatus(db, requireCtx(req)),
    });
    r.post('/api/calendar/token', {
      schema: {
        tags,
        summary:
          'A new private calendar feed address for the logged-in person (the old one stops working); shown once',
        response: { 201: z.object({ token: z.string(), path: z.string() }), ...writeProblems },
      },
      handler: async (req, reply) =>
        reply.status(201).send(await deadlines.createCalendarToken(db, requireCtx(req))),
    });
    r.delete('/api/calendar/token', {
      schema: {
        tags,
        summary: 'Revoke the logged-in person’s calendar feed',
        response: { 204: z.null(), ...writeProblems },
      },
      handler: async (req, reply) => {
        await deadlines.revokeCalendarToken(db, requireCtx(req));
        return reply.status(204).send(null);
      },
    });
    r.get('/api/calendar/:token.ics', {
      schema: {
        tags,
        summary: 'A person’s deadlines as iCalendar (the private token is the credential)',
        params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) }).strict(),
        response: { 404: readProblems[404], 400: readProblems[400] },
      },
      handler: async (req, reply) =>
        reply
          .type('text/calendar; charset=utf-8')
          .header('cache-control', 'private, max-age=300')
          .send(
            (await deadlines.calendarFeed(db, providers, req.params.token, new Date())) as never,
          ),
    });
    r.get('/api/reminders', {
      schema: {
        tags,
        summary: 'The logged-in person’s reminders (in-app, and a record of those mailed)',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: Id,
                subject: z.string(),
                body: z.string(),
                channel: z.string(),
                status: z.string(),
                createdAt: z.string(),
              }),
            ),
          }),
          ...readProblems,
        },
      },
      handler: async (req) => ({
        items: (await deadlines.myReminders(db, requireCtx(req))).map((x) => ({
          id: x.id,
          subject: x.subject,
          body: x.body,
          channel: x.channel,
          status: x.status,
          createdAt: x.createdAt.toISOString(),
        })),
      }),
    });
  };
