// Conversation → Word file. Unlike Markdown this is built by the server, which
// checks every quote against the document before it writes a .docx.
import type { ConversationExportRequest } from '../../core/wire/conversation-export-wire.ts';
import { exportConversationWord } from './api';
import { downloadBlob, fileStamp } from './download-file';
import { S } from './strings';
import type { Message, Mode } from './types';

/** The conversation as the export endpoint takes it: questions, answers and their citations, nothing else. */
export function conversationExportBody(
  messages: readonly Message[],
  mode: Mode,
): ConversationExportRequest {
  return {
    mode,
    messages: messages.map((m) =>
      m.role === 'user'
        ? { role: 'user', content: m.content }
        : {
            role: 'assistant',
            content: m.content,
            status: m.status,
            answered: m.answered,
            citations: m.citations.map((c) => ({ article: c.article, quote: c.quote })),
            related: m.related.map((r) => ({ article: r.article })),
            provider: m.provider,
          },
    ),
  };
}

/** Asks the server for the .docx and saves it under the name the server gives it. */
export async function downloadConversationWord(
  messages: readonly Message[],
  mode: Mode,
  now: Date,
): Promise<void> {
  const file = await exportConversationWord(conversationExportBody(messages, mode));
  downloadBlob(file.blob, file.fileName ?? `${S.fileNamePrefix}-${fileStamp(now)}.docx`);
}
