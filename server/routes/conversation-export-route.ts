import express, { Router } from 'express';
import { z } from 'zod';
import type { PlanDocument } from '../../core/document-model.ts';
import { fillTemplate } from '../../core/fill-template.ts';
import { conversationExportTemplates } from '../conversation/conversation-export-templates.ts';
import { conversationQuoteProblems } from '../conversation/conversation-quote-problems.ts';
import { exportTime } from '../conversation/export-time.ts';
import { ValidationError } from '../errors.ts';
import { requireJsonBody } from '../http/require-json.ts';
import { sendAttachment } from '../http/send-attachment.ts';
import { DOCX_CONTENT_TYPE } from '../office/office-content-types.ts';
import type { AnswerPolicy } from '../policy/answer-policy.ts';
import { ConversationExportSchema } from './conversation-export-schema.ts';
import { validate } from './validate.ts';

/** A whole conversation (200 messages with their quotes) is larger than the 64 KB other requests may send. */
export const CONVERSATION_EXPORT_BODY_LIMIT = '1mb';

const FormatQuery = z.object({
  format: z.enum(['docx'], { error: 'format must be docx' }).default('docx'),
});

/**
 * POST /api/conversation/export: the page's conversation as a Word file, after checking that every quote in it is
 * the document's own. Mount before the app's 64 KB JSON parser: this route parses its own, larger body.
 */
export function conversationExportRoute(
  document: PlanDocument,
  policy: AnswerPolicy,
  now: () => Date = () => new Date(),
): Router {
  const router = Router();
  router.post(
    '/api/conversation/export',
    requireJsonBody,
    express.json({ limit: CONVERSATION_EXPORT_BODY_LIMIT, type: 'application/json' }),
    async (request, response) => {
      validate(FormatQuery, request.query);
      const conversation = validate(ConversationExportSchema, request.body);
      const problems = conversationQuoteProblems(conversation, document, policy.templates.marker);
      if (problems.length > 0)
        throw new ValidationError(
          `every quote must be verbatim from the document: ${problems.slice(0, 3).join('; ')}`,
        );
      const labels = conversationExportTemplates();
      const time = exportTime(now(), labels.timeZone);
      // docx is loaded with the first export, not at start.
      const { renderConversationDocx } =
        await import('../conversation/render-conversation-docx.ts');
      const bytes = await renderConversationDocx(
        conversation,
        document,
        policy.templates,
        time.display,
      );
      sendAttachment(response, bytes, {
        fileName: `${fillTemplate(labels.fileName, { stamp: time.stamp }, { name: 'conversation-export.fileName' })}.docx`,
        asciiName: `conversation-${time.stamp}.docx`,
        contentType: DOCX_CONTENT_TYPE,
      });
    },
  );
  return router;
}
