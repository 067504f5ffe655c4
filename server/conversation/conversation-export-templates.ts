import { z } from 'zod';
import { AUDIENCES } from '../../core/wire/chat-wire.ts';
import { readJsonDataFile } from '../../ingest/read-data-file.ts';

const TemplatesFile = z.object({
  title: z.string().min(1),
  source: z.string(),
  mode: z.string(),
  exportedAt: z.string(),
  question: z.string(),
  answer: z.string(),
  sources: z.string(),
  related: z.string(),
  citation: z.string(),
  notes: z.object({
    refused: z.string(),
    stopped: z.string(),
    failed: z.string(),
    fallback: z.string(),
  }),
  modes: z.record(z.enum(AUDIENCES), z.string().min(1)),
  timeZone: z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat('zh-CN', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'timeZone must be an IANA time zone such as Asia/Shanghai'),
  fileName: z.string().min(1),
});

export type ConversationExportTemplates = z.infer<typeof TemplatesFile>;

/** data/conversation-export.json: headings, notes and the file name of the conversation's Word export. */
export function conversationExportTemplates(): ConversationExportTemplates {
  return readJsonDataFile(TemplatesFile, 'conversation-export.json');
}
