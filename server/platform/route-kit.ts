import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Problem } from '../../domain/shared/schemas.js';
import type { Db } from '../db/client.js';
import type { Clock } from './context.js';
import type { SetupGate } from './setup-token.js';

/** The problem responses every authenticated route can give, for OpenAPI and serialisation. */
export const readProblems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem } as const;
export const writeProblems = { ...readProblems, 409: Problem, 413: Problem, 415: Problem } as const;

/** What every context's routes are given; `setup` guards the first run's setup page. */
export type RouteOpts = { db: Db; setup?: SetupGate | null; demo?: boolean; clock?: Clock };
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
