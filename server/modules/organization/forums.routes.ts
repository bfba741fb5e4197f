import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  Forum,
  FORUM_FLAGS,
  FORUM_LIFECYCLES,
  ForumInput,
  ForumListQuery,
  ForumUpdate,
  Member,
  MemberInput,
} from '../../../domain/organization/forum.js';
import { Evidence } from '../../../domain/shared/evidence.js';
import { Id, IdParams, Page } from '../../../domain/shared/schemas.js';
import { authorize } from '../../platform/authorize.js';
import { todayOf } from '../../platform/context.js';
import { t, type Lang } from '../../platform/i18n/messages.js';
import { forumCadenceOfYear, forumFlagCounts, forumsByStatus } from './counts.js';
import { requireCtx } from '../../platform/auth/plugin.js';
import { sendExport, type Column } from '../../platform/lists.js';
import { readProblems, typed, writeProblems, type RouteOpts } from '../../platform/route-kit.js';
import * as forums from './forums.service.js';
import { toForumDto, toMemberDto } from './presenters.js';

const tags = ['forums'];
type ForumDto = ReturnType<typeof toForumDto>;
/** The export in words: kinds, stages, mandates and flags as a person reads them, never codes. */
const columns = (lang: Lang): Column<ForumDto>[] => [
  { key: 'name', sv: 'Namn', en: 'Name', value: (f) => f.name },
  { key: 'kind', sv: 'Typ', en: 'Kind', value: (f) => f.kind },
  { key: 'parentUnitName', sv: 'Enhet', en: 'Unit', value: (f) => f.parentUnitName },
  {
    key: 'level',
    sv: 'Nivå',
    en: 'Level',
    value: (f) => (f.level ? t(lang, `org.forumLevel.${String(f.level)}`) : null),
  },
  {
    key: 'mandate',
    sv: 'Mandat',
    en: 'Mandate',
    value: (f) =>
      f.mandate === 'decides'
        ? lang === 'en'
          ? 'decides'
          : 'beslutande'
        : f.mandate
          ? t(lang, `org.mandateAdjective.${String(f.mandate)}`)
          : null,
  },
  {
    key: 'meetingsPerYear',
    sv: 'Möten per år',
    en: 'Meetings per year',
    value: (f) => f.meetingsPerYear,
  },
  {
    key: 'cadence',
    sv: 'Möten i år (hållna av planerade)',
    en: 'Meetings this year (held of planned)',
    value: (f) => (f.cadence[0] ? `${f.cadence[0].held}/${f.cadence[0].planned}` : null),
  },
  { key: 'memberCount', sv: 'Ledamöter', en: 'Members', value: (f) => f.memberCount },
  { key: 'deputyCount', sv: 'Ersättare', en: 'Deputies', value: (f) => f.deputyCount },
  { key: 'lastMeetingOn', sv: 'Senaste möte', en: 'Last meeting', value: (f) => f.lastMeetingOn },
  { key: 'status', sv: 'Läge', en: 'Stage', value: (f) => t(lang, `org.lifecycle.${f.status}`) },
  {
    key: 'flags',
    sv: 'Flaggor',
    en: 'Flags',
    value: (f) => f.flags.map((x) => t(lang, `org.forumFlag.${x}`)).join(', '),
  },
];

const EvidenceList = <K extends z.ZodType>(key: string, schema: K) =>
  z.array(z.object({ [key]: schema, evidence: Evidence }));

export async function forumRoutes(app: FastifyInstance, { db }: RouteOpts) {
  const r = typed(app);
  r.get('/api/forums', {
    schema: {
      tags,
      summary: 'List forums with their flags (no mandate, missed cadence)',
      querystring: ForumListQuery.strict(),
      response: { 200: Page(Forum), ...readProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const q = req.query;
      const { all, items, total } = await forums.listForums(db, ctx, q);
      if (q.format !== 'json')
        return sendExport(
          reply,
          q.format,
          'forum',
          ctx.lang,
          columns(ctx.lang),
          all.map(toForumDto),
        );
      return { items: items.map(toForumDto), total, limit: q.limit, offset: q.offset };
    },
  });
  r.get('/api/forums/overview', {
    schema: {
      tags,
      summary:
        'The forums per flag and per stage today, and the cadence of a year (each count with its records)',
      querystring: z
        .object({ year: z.coerce.number().int().min(1990).max(2100).optional() })
        .strict(),
      response: {
        200: z.object({
          flags: EvidenceList('flag', z.enum(FORUM_FLAGS)),
          statuses: EvidenceList('status', z.enum(FORUM_LIFECYCLES)),
          year: z.number().int(),
          cadence: z.array(
            z.object({
              forumId: z.uuid(),
              name: z.string(),
              held: z.number().int(),
              planned: z.number().int(),
              behind: z.boolean(),
              evidence: Evidence,
            }),
          ),
        }),
        ...readProblems,
      },
    },
    handler: async (req) => {
      const ctx = requireCtx(req);
      authorize(ctx, 'org.read');
      const year = req.query.year ?? Number(todayOf(ctx.now).slice(0, 4));
      const [flags, statuses, cadence] = [
        await forumFlagCounts(db, ctx),
        await forumsByStatus(db, ctx),
        await forumCadenceOfYear(db, ctx, { year }),
      ];
      return { flags, statuses, year, cadence };
    },
  });
  r.post('/api/forums', {
    schema: {
      tags,
      summary: 'Create a forum',
      body: ForumInput,
      response: { 201: Forum, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply.status(201).send(toForumDto(await forums.createForum(db, requireCtx(req), req.body))),
  });
  r.get('/api/forums/:id', {
    schema: {
      tags,
      summary: 'One forum',
      params: IdParams,
      response: { 200: Forum, ...readProblems },
    },
    handler: async (req) => toForumDto(await forums.getForum(db, requireCtx(req), req.params.id)),
  });
  r.patch('/api/forums/:id', {
    schema: {
      tags,
      summary: 'Edit a forum (mandate, cadence, discontinuation…)',
      params: IdParams,
      body: ForumUpdate,
      response: { 200: Forum, ...writeProblems },
    },
    handler: async (req) =>
      toForumDto(await forums.updateForum(db, requireCtx(req), req.params.id, req.body)),
  });
  r.get('/api/forums/:id/members', {
    schema: {
      tags,
      summary: 'Members (ledamöter and ersättare)',
      params: IdParams,
      response: { 200: z.object({ items: z.array(Member) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await forums.listMembers(db, requireCtx(req), req.params.id)).map(toMemberDto),
    }),
  });
  r.post('/api/forums/:id/members', {
    schema: {
      tags,
      summary: 'Add a member',
      params: IdParams,
      body: MemberInput,
      response: { 201: z.object({ id: z.uuid() }), ...writeProblems },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send({ id: (await forums.addMember(db, requireCtx(req), req.params.id, req.body)).id }),
  });
  r.delete('/api/forums/:id/members/:memberId', {
    schema: {
      tags,
      summary: 'Remove a member',
      params: z.object({ id: Id, memberId: Id }).strict(),
      response: { 204: z.null(), ...writeProblems },
    },
    handler: async (req, reply) => {
      await forums.removeMember(db, requireCtx(req), req.params.id, req.params.memberId);
      return reply.status(204).send(null);
    },
  });
}
