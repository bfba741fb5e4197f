import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalid, notFound } from '../../domain/shared/errors.js';
import type { Db, Tx } from '../db/client.js';
import { authorize } from './authorize.js';
import type { Ctx } from './context.js';
import { attachments } from './tables.js';

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/** Office documents, PDF, text and images: what minutes and steering documents come as. */
export const ALLOWED_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'text/plain': 'txt',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

export type UploadedFile = { filename: string; contentType: string; data: Buffer };

/** Reads a multipart upload: its text fields and one file, refusing a file over the size limit. */
export async function readUpload(
  req: FastifyRequest,
): Promise<{ fields: Record<string, string>; file: UploadedFile | null }> {
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  for await (const part of req.parts({
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 10 },
  })) {
    if (part.type === 'field') fields[part.fieldname] = String(part.value as string);
    else {
      const data = await part.toBuffer();
      if (part.file.truncated)
        throw invalid('attachments.tooLarge', [], { max: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
      file = { filename: part.filename, contentType: part.mimetype, data };
    }
  }
  if (file && file.data.length === 0) file = null;
  return { fields, file };
}

/** Stores a file with its SHA-256, so anyone can later check that the evidence is unaltered. */
export async function storeAttachment(tx: Tx, ctx: Ctx, file: UploadedFile) {
  if (!ALLOWED_TYPES[file.contentType])
    throw invalid('attachments.type', [{ path: 'file', key: 'attachments.type' }]);
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  const [att] = await tx
    .insert(attachments)
    .values({
      tenantId: ctx.tenantId,
      filename: file.filename.slice(0, 255),
      contentType: file.contentType,
      size: file.data.length,
      sha256,
      data: file.data,
      createdBy: ctx.actor.personId,
      createdAt: ctx.now,
    })
    .returning({
      id: attachments.id,
      filename: attachments.filename,
      size: attachments.size,
      sha256: attachments.sha256,
      contentType: attachments.contentType,
    });
  return att!;
}

export async function getAttachment(db: Db, ctx: Ctx, id: string) {
  authorize(ctx, 'org.read');
  const [att] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, id), eq(attachments.tenantId, ctx.tenantId)));
  if (!att) throw notFound('entity.attachment');
  return att;
}

export function sendAttachment(
  reply: FastifyReply,
  att: { contentType: string; filename: string; sha256: string; data: Buffer },
) {
  return reply
    .type(att.contentType)
    .header(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(att.filename)}`,
    )
    .header('x-content-sha256', att.sha256)
    .send(att.data);
}
