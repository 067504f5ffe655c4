import { Router } from 'express';
import { z } from 'zod';
import type { PlanDocument } from '../../core/document-model.ts';
import { requireJsonBody } from '../http/require-json.ts';
import { sendAttachment } from '../http/send-attachment.ts';
import { DOCX_CONTENT_TYPE, PPTX_CONTENT_TYPE } from '../office/office-content-types.ts';
import type { AnswerPolicy } from '../policy/answer-policy.ts';
import type { HybridRetriever } from '../retrieval/hybrid-retriever.ts';
import { buildStudyPack } from '../study/build-study-pack.ts';
import { renderStudyHtml } from '../study/render-study-html.ts';
import { renderStudyMarkdown } from '../study/render-study-markdown.ts';
import { selectStudyArticles } from '../study/select-study-articles.ts';
import { studyFileName } from '../study/study-file-name.ts';
import { StudyRequestSchema, type StudyPack } from '../study/study-types.ts';
import { validate } from './validate.ts';

const FORMATS = ['json', 'markdown', 'html', 'docx', 'pptx'] as const;

const FormatQuery = z.object({
  format: z.enum(FORMATS, { error: `format must be one of ${FORMATS.join(', ')}` }).default('json'),
});

interface StudyDownload {
  extension: string;
  contentType: string;
  render: (pack: StudyPack) => string | Promise<Buffer>;
}

/**
 * POST /api/study: a study pack for a part, articles or a topic, as JSON or printable HTML, or as a download:
 * ?format=markdown, docx (a Word 学习辅导材料) or pptx (slides), named after the selection (第三部分学习辅导材料.docx).
 */
export function studyRoute(
  document: PlanDocument,
  retriever: HybridRetriever,
  policy: AnswerPolicy,
): Router {
  const downloads: Record<'markdown' | 'docx' | 'pptx', StudyDownload> = {
    markdown: {
      extension: 'md',
      contentType: 'text/markdown; charset=utf-8',
      render: (pack) => renderStudyMarkdown(pack, policy.templates),
    },
    docx: {
      extension: 'docx',
      contentType: DOCX_CONTENT_TYPE,
      // The office writers (docx, pptxgenjs) are loaded with the first download, not at start.
      render: async (pack) =>
        (await import('../study/render-study-docx.ts')).renderStudyDocx(
          pack,
          document,
          policy.templates,
        ),
    },
    pptx: {
      extension: 'pptx',
      contentType: PPTX_CONTENT_TYPE,
      render: async (pack) =>
        (await import('../study/render-study-pptx.ts')).renderStudyPptx(
          pack,
          document,
          policy.templates,
        ),
    },
  };
  const router = Router();
  router.post('/api/study', requireJsonBody, async (request, response) => {
    const { format } = validate(FormatQuery, request.query);
    const body = validate(StudyRequestSchema, request.body);
    const pack = buildStudyPack(
      body,
      await selectStudyArticles(body, document, retriever, policy),
      document,
    );
    if (format === 'json') {
      response.json(pack);
    } else if (format === 'html') {
      response.type('text/html; charset=utf-8').send(renderStudyHtml(pack, policy.templates));
    } else {
      const download = downloads[format];
      sendAttachment(response, await download.render(pack), {
        ...studyFileName(pack, download.extension),
        contentType: download.contentType,
      });
    }
  });
  return router;
}
