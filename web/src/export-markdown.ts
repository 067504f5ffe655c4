// Conversation → Markdown file (questions, answers, cited quotes), downloaded
// through a Blob so nothing is sent to the server.
import { downloadText, fileStamp } from './download-file';
import { MODE_STRINGS, S, articleLabel } from './strings';
import { OFFLINE_PROVIDER } from './message-view';
import type { AssistantMessage, Message, Mode } from './types';

/** Prefixes every line so a multi-line quote stays inside one blockquote. */
function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function answerSection(m: AssistantMessage): string[] {
  const lines = [`**${S.mdAnswer}：**`, ''];
  if (m.content) lines.push(m.content, '');
  if (m.status === 'stopped') lines.push(S.mdStopped, '');
  if (m.status === 'error') lines.push(S.mdFailed, '');
  if (m.status !== 'error' && !m.answered) lines.push(S.mdRefused, '');
  if (m.provider === OFFLINE_PROVIDER) lines.push(S.mdOffline, '');
  if (m.citations.length > 0) {
    lines.push(`**${S.mdSources}：**`, '');
    for (const c of m.citations) {
      lines.push(`- ${articleLabel(c.article)} ${c.title}`, '', quoteBlock(c.quote), '');
    }
  }
  if (!m.answered && m.related.length > 0) {
    lines.push(`**${S.mdRelated}：**`, '');
    for (const r of m.related) lines.push(`- ${articleLabel(r.article)} ${r.title}`);
    lines.push('');
  }
  return lines;
}

export function conversationMarkdown(messages: readonly Message[], mode: Mode, now: Date): string {
  const lines = [
    `# ${S.mdTitle}`,
    '',
    `- ${S.mdSource}：${S.docTitle}`,
    `- ${S.mdMode}：${MODE_STRINGS[mode].label}`,
    `- ${S.mdExportedAt}：${now.toLocaleString('zh-CN', { hour12: false })}`,
    '',
  ];
  let turn = 0;
  for (const m of messages) {
    if (m.role === 'user') {
      turn++;
      lines.push('---', '', `## ${turn}. ${S.mdQuestion}：${m.content.replace(/\s+/g, ' ')}`, '');
    } else {
      lines.push(...answerSection(m));
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export function downloadMarkdown(markdown: string, now: Date): void {
  downloadText(markdown, `${S.fileNamePrefix}-${fileStamp(now)}.md`);
}
