import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  GrantInput,
  Person,
  PersonInput,
  PersonListQuery,
  PersonUpdate,
  Post,
  PostInput,
  PostUpdate,
  RoleGrant,
} from '../../../domain/organization/person.js';
import { Id, IdParams, Page } from '../../../domain/shared/schemas.js';
import { requireCtx } from '../../platform/auth/plugin.js';
import { EXPORT_LIMIT, sendExport, type Column } from '../../platform/lists.js';
import { readProblems, typed, writeProblems, type RouteOpts } from '../../platform/route-kit.js';
import * as people from './people.service.js';
import { toGrantDto, toPersonDto, toPostDto } from './presenters.js';

const tags = ['people and roles'];
type PersonDto = ReturnType<typeof toPersonDto>;
const columns: Column<PersonDto>[] = [
  { key: 'name', sv: 'Namn', en: 'Name', value: (p) => p.name },
  { key: 'email', sv: 'E-post', en: 'Email', value: (p) => p.email },
  { key: 'title', sv: 'Titel', en: 'Title', value: (p) => p.title },
  { key: 'unitName', sv: 'Enhet', en: 'Unit', value: (p) => p.unitName },
  {
    key: 'canLogIn',
    sv: 'Kan logga in',
    en: 'Can log in',
    value: (p) => (p.canLogIn ? 'ja' : 'nej'),
  },
];

export async function peopleRoutes(app: FastifyInstance, { db }: RouteOpts) {
  const r = typed(app);

  r.get('/api/persons', {
    schema: {
      tags,
      summary: 'List people',
      querystring: PersonListQuery.strict(),
      response: { 200: Page(Person), ...readProblems },
    },
    handler: async (req, reply) => {
      const ctx = requireCtx(req);
      const q = req.query;
      if (q.format !== 'json') {
        const { items } = await people.listPersons(db, ctx, q, { limit: EXPORT_LIMIT, offset: 0 });
        return sendExport(reply, q.format, 'personer', ctx.lang, columns, items.map(toPersonDto));
      }
      const { items, total } = await people.listPersons(db, ctx, q, q);
      return { items: items.map(toPersonDto), total, limit: q.limit, offset: q.offset };
    },
  });
  r.post('/api/persons', {
    schema: {
      tags,
      summary: 'Add a person (a login account needs the administrator role)',
      body: PersonInput,
      response: { 201: Person, ...writeProblems },
    },
    handler: async (req, reply) =>
      reply.status(201).send(toPersonDto(await people.createPerson(db, requireCtx(req), req.body))),
  });
  r.get('/api/persons/:id', {
    schema: {
      tags,
      summary: 'One person',
      params: IdParams,
      response: { 200: Person, ...readProblems },
    },
    handler: async (req) => toPersonDto(await people.getPerson(db, requireCtx(req), req.params.id)),
  });
  r.patch('/api/persons/:id', {
    schema: {
      tags,
      summary: 'Edit, archive or restore a person',
      params: IdParams,
      body: PersonUpdate,
      response: { 200: Person, ...writeProblems },
    },
    handler: async (req) =>
      toPersonDto(await people.updatePerson(db, requireCtx(req), req.params.id, req.body)),
  });

  r.get('/api/role-grants', {
    schema: {
      tags,
      summary: 'Role grants, by person or unit',
      querystring: z.object({ personId: Id.optional(), unitId: Id.optional() }).strict(),
      response: { 200: z.object({ items: z.array(RoleGrant) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await people.listGrants(db, requireCtx(req), req.query)).map(toGrantDto),
    }),
  });
  r.post('/api/role-grants', {
    schema: {
      tags,
      summary: 'Grant a role on a unit (holds for its whole subtree)',
      body: GrantInput,
      response: { 201: z.object({ id: z.uuid() }), ...writeProblems },
    },
    handler: async (req, reply) =>
      reply.status(201).send({ id: (await people.createGrant(db, requireCtx(req), req.body)).id }),
  });
  r.delete('/api/role-grants/:id', {
    schema: {
      tags,
      summary: 'Revoke a role',
      params: IdParams,
      response: { 204: z.null(), ...writeProblems },
    },
    handler: async (req, reply) => {
      await people.deleteGrant(db, requireCtx(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/units/:id/posts', {
    schema: {
      tags,
      summary: 'Posts of a unit, vacant ones included',
      params: IdParams,
      response: { 200: z.object({ items: z.array(Post) }), ...readProblems },
    },
    handler: async (req) => ({
      items: (await people.listPosts(db, requireCtx(req), req.params.id)).map(toPostDto),
    }),
  });
  r.post('/api/posts', {
    schema: {
      tags,
      summary: 'Create a post (may be vacant)',
      body: PostInput,
      response: { 201: z.object({ id: z.uuid() }), ...writeProblems },
    },
    handler: async (req, reply) =>
      reply.status(201).send({ id: (await people.createPost(db, requireCtx(req), req.body)).id }),
  });
  r.patch('/api/posts/:id', {
    schema: {
      tags,
      summary: 'Edit a post',
      params: IdParams,
      body: PostUpdate,
      response: { 200: z.object({ id: z.uuid(), version: z.number().int() }), ...writeProblems },
    },
    handler: async (req) => {
      const p = await people.updatePost(db, requireCtx(req), req.params.id, req.body);
      return { id: p.id, version: p.version };
    },
  });
  r.delete('/api/posts/:id', {
    schema: {
      tags,
      summary: 'Remove a post',
      params: IdParams,
      response: { 204: z.null(), ...writeProblems },
    },
    handler: async (req, reply) => {
      await people.deletePost(db, requireCtx(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
}
