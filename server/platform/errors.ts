import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, type FieldError } from '../../domain/shared/errors.js';
import { langOf, t, type Lang } from './i18n/messages.js';
import { validationMessages } from './i18n/validation.js';

const STATUS: Record<DomainError['kind'], number> = {
  invalid: 400,
  not_found: 404,
  not_allowed: 403,
  conflict: 409,
  unauthenticated: 401,
  too_many: 429,
  too_large: 413,
};

/** The problem type of a domain error, where it is not the error's kind. */
const PROBLEM_CODE: Partial<Record<DomainError['kind'], string>> = {
  invalid: 'validation',
  too_large: 'payload_too_large',
};

type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: { path: string; message: string }[];
};

export function sendProblem(
  reply: FastifyReply,
  req: FastifyRequest,
  status: number,
  code: string,
  detail: string,
  errors?: { path: string; message: string }[],
) {
  const lang = langOf(req.headers['accept-language']);
  const body: ProblemBody = {
    type: `urn:styrbord:problem:${code}`,
    title: t(lang, `problem.${code}`),
    status,
    detail,
    instance: req.url.split('?')[0] ?? req.url,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  return reply.status(status).type('application/problem+json; charset=utf-8').send(body);
}

const fieldMessages = (lang: Lang, fields: FieldError[]) =>
  fields.map((f) => ({ path: f.path, message: t(lang, f.key, f.params ?? {}) }));

/** The problem body for an error met after a streamed answer has begun (the status line is already sent). */
export function problemOf(err: unknown, lang: Lang, instance: string): ProblemBody {
  if (err instanceof DomainError) {
    const code = PROBLEM_CODE[err.kind] ?? err.kind;
    const errors = fieldMessages(lang, err.fields);
    return {
      type: `urn:styrbord:problem:${code}`,
      title: t(lang, `problem.${code}`),
      status: STATUS[err.kind],
      detail: t(lang, err.key, err.params),
      instance,
      ...(errors.length ? { errors } : {}),
    };
  }
  // A database refusal met mid-stream (a unique name, a vanished reference) is the same 4xx the
  // error handler gives it outside a stream, never an "internal" error.
  const pgErr = pgErrorOf(err);
  if (pgErr && PG_CODES[pgErr.code]) {
    const { status, key } = PG_CODES[pgErr.code]!;
    const code = status === 409 ? 'conflict' : 'validation';
    return {
      type: `urn:styrbord:problem:${code}`,
      title: t(lang, `problem.${code}`),
      status,
      detail: t(lang, key, { detail: pgErr.constraint ?? pgErr.code }),
      instance,
    };
  }
  return {
    type: 'urn:styrbord:problem:internal',
    title: t(lang, 'problem.internal'),
    status: 500,
    detail: t(lang, 'errors.internal'),
    instance,
  };
}

/** Re-reads the request part that failed with the user's language, so field messages are localised. */
function localisedIssues(req: FastifyRequest, context: string | undefined, lang: Lang) {
  const schemas = req.routeOptions.schema as Record<string, unknown> | undefined;
  const part = context === 'querystring' ? 'querystring' : (context ?? 'body');
  const schema = schemas?.[part];
  const data =
    part === 'querystring'
      ? req.query
      : part === 'params'
        ? req.params
        : part === 'headers'
          ? req.headers
          : req.body;
  if (!(schema instanceof z.ZodType)) return [];
  const result = schema.safeParse(data, { error: validationMessages(lang), reportInput: true });
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = issue.path.join('.');
    // Our own refinements carry a message key; zod's built-in messages come localised already.
    const message = /^[a-z]+\.[a-zA-Z.]+$/.test(issue.message)
      ? t(lang, issue.message)
      : issue.message;
    if (issue.code === 'unrecognized_keys')
      return {
        path: path || issue.keys.join(','),
        message: issue.keys.map((k) => t(lang, 'errors.unknownField', { field: k })).join(' '),
      };
    return { path, message };
  });
}

const PG_CODES: Record<string, { status: number; key: string }> = {
  '23505': { status: 409, key: 'errors.duplicate' },
  '23503': { status: 409, key: 'errors.referenceMissing' },
  '23514': { status: 400, key: 'errors.constraint' },
  '23502': { status: 400, key: 'errors.constraint' },
  '22P02': { status: 400, key: 'errors.badValue' },
  '22007': { status: 400, key: 'errors.badValue' },
  '22008': { status: 400, key: 'errors.badValue' },
  '22001': { status: 400, key: 'errors.badValue' },
  // A NUL or another character the database cannot store; a number out of its range.
  '22021': { status: 400, key: 'errors.badValue' },
  '22P05': { status: 400, key: 'errors.badValue' },
  '22003': { status: 400, key: 'errors.badValue' },
};

function pgErrorOf(err: unknown): { code: string; constraint?: string; detail?: string } | null {
  let cur: unknown = err;
  for (let depth = 0; cur && depth < 4; depth++) {
    const c = cur as { code?: unknown; constraint?: string; detail?: string; cause?: unknown };
    if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code))
      return { code: c.code, constraint: c.constraint, detail: c.detail };
    cur = c.cause;
  }
  return null;
}

/**
 * Errors the router raises before any route runs (a path part over its length limit, a path that
 * is not valid percent-encoding): problem+json in the user's language, like every other answer.
 */
export function frameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const lang = langOf(req.headers['accept-language']);
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH')
    void sendProblem(reply, req, 414, 'uri_too_long', t(lang, 'errors.urlTooLong'));
  else void sendProblem(reply, req, 400, 'bad_request', t(lang, 'errors.badUrl'));
}

const CLIENT_ERROR: Record<number, { sv: string; en: string }> = {
  400: { sv: 'Begäran kunde inte tolkas.', en: 'The request could not be understood.' },
  408: { sv: 'Begäran tog för lång tid.', en: 'The request took too long.' },
  431: {
    sv: 'Begärans huvuden är för stora. Ta bort gamla kakor för webbplatsen och försök igen.',
    en: 'The request headers are too large. Clear the site’s cookies and try again.',
  },
};

/**
 * A request so broken that Node cannot parse it (headers over the size limit, a malformed request
 * line, a timeout): answered as problem+json, in Swedish with English beside it, since the
 * request's language cannot be read.
 */
export function clientError(err: Error & { code?: string }, socket: Duplex) {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy(err);
    return;
  }
  const status =
    err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const words = CLIENT_ERROR[status]!;
  const body = JSON.stringify({
    type: 'urn:styrbord:problem:bad_request',
    title: 'Felaktig begäran / Bad request',
    status,
    detail: `${words.sv} / ${words.en}`,
  });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; ` +
      `charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const lang = langOf(req.headers['accept-language']);
    if (err instanceof DomainError) {
      if (err.kind === 'too_many')
        void reply.header('retry-after', String(err.params.retryAfterSeconds ?? 60));
      const code = PROBLEM_CODE[err.kind] ?? err.kind;
      return sendProblem(
        reply,
        req,
        STATUS[err.kind],
        code,
        t(lang, err.key, err.params),
        fieldMessages(lang, err.fields),
      );
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = localisedIssues(req, err.validationContext, lang);
      return sendProblem(reply, req, 400, 'validation', t(lang, 'errors.validation'), errors);
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return sendProblem(reply, req, 400, 'bad_request', t(lang, 'errors.invalidJson'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(reply, req, 400, 'bad_request', t(lang, 'errors.emptyBody'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(
          reply,
          req,
          413,
          'payload_too_large',
          t(lang, 'errors.bodyTooLarge', { limit: app.initialConfig.bodyLimit ?? 0 }),
        );
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(reply, req, 415, 'unsupported_media_type', t(lang, 'errors.mediaType'));
      // File uploads (@fastify/multipart)
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return sendProblem(
          reply,
          req,
          415,
          'unsupported_media_type',
          t(lang, 'errors.notMultipart'),
        );
      case 'FST_REQ_FILE_TOO_LARGE':
        return sendProblem(
          reply,
          req,
          413,
          'payload_too_large',
          t(lang, 'attachments.tooLarge', { max: 25 }),
        );
      case 'FST_PARTS_LIMIT':
      case 'FST_FILES_LIMIT':
      case 'FST_FIELDS_LIMIT':
        return sendProblem(reply, req, 400, 'bad_request', t(lang, 'errors.tooManyParts'));
      case 'FST_PROTO_VIOLATION':
      case 'FST_MULTIPART_ERROR':
        return sendProblem(reply, req, 400, 'bad_request', t(lang, 'errors.badMultipart'));
      default:
        break;
    }
    if (err instanceof SyntaxError)
      return sendProblem(reply, req, 400, 'bad_request', t(lang, 'errors.invalidJson'));
    const pgErr = pgErrorOf(err);
    if (pgErr && PG_CODES[pgErr.code]) {
      const { status, key } = PG_CODES[pgErr.code]!;
      const detail = pgErr.constraint ?? pgErr.code;
      return sendProblem(
        reply,
        req,
        status,
        status === 409 ? 'conflict' : 'validation',
        t(lang, key, { detail }),
      );
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      // Any other client error the framework raises: a status it chose, in words a person reads.
      req.log.info({ code: err.code }, 'client error');
      return sendProblem(reply, req, err.statusCode, 'bad_request', t(lang, 'errors.badRequest'));
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, req, 500, 'internal', t(lang, 'errors.internal'));
  });

  app.setNotFoundHandler((req, reply) => {
    const lang = langOf(req.headers['accept-language']);
    return sendProblem(
      reply,
      req,
      404,
      'not_found',
      t(lang, 'errors.routeNotFound', { path: req.url.split('?')[0] ?? '' }),
    );
  });
}
