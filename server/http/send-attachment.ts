import type { Response } from 'express';
import { attachmentDisposition } from '../../core/content-disposition.ts';

export interface AttachmentFile {
  /** The name the user's browser saves, Chinese allowed (sent RFC 5987-encoded). */
  fileName: string;
  /** The same name in ASCII, for clients that ignore the UTF-8 one. */
  asciiName: string;
  contentType: string;
}

/** Sends a generated file as a download: its media type, and a Content-Disposition carrying its UTF-8 name. */
export function sendAttachment(
  response: Response,
  body: Buffer | string,
  file: AttachmentFile,
): void {
  response
    .status(200)
    .set('Content-Type', file.contentType)
    .set('Content-Disposition', attachmentDisposition(file.fileName, file.asciiName))
    .send(body);
}
