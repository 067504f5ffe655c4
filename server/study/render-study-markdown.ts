import type { StudyPack } from './study-types.ts';
import type { AnswerTemplates } from '../policy/answer-templates.ts';
import { studyTemplates } from './study-templates.ts';

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

/** The pack as Markdown: outline with quotes and sources, key terms, discussion questions, quiz and answer key. */
export function renderStudyMarkdown(pack: StudyPack, templates: AnswerTemplates): string {
  const articleLabel = templates.articleLabel;
  const citationMarker = templates.marker.format;
  const labels = studyTemplates().markdown;
  const lines = [`# ${pack.title}`, '', `## ${labels.outline}`, ''];
  for (const item of pack.outline) {
    lines.push(`### ${articleLabel(item.article)} ${item.title}`, '');
    for (const point of item.points)
      lines.push(`- “${point.quote}”${citationMarker(point.citation.article)}`);
    lines.push('');
  }
  lines.push(`## ${labels.keyTerms}`, '');
  for (const term of pack.keyTerms)
    lines.push(`- **${term.term}**：“${term.quote}”${citationMarker(term.article)}`);
  lines.push('', `## ${labels.discussion}`, '');
  pack.discussion.forEach((question, index) => lines.push(`${index + 1}. ${question.question}`));
  lines.push('', `## ${labels.quiz}`, '');
  pack.quiz.forEach((item, index) => {
    lines.push(`${index + 1}. ${item.prompt}`);
    item.options?.forEach((option, position) => lines.push(`   ${LETTERS[position]}. ${option}`));
  });
  lines.push('', `## ${labels.answers}`, '');
  pack.quiz.forEach((item, index) => {
    const letter = item.options ? `${LETTERS[item.options.indexOf(item.answer)]}. ` : '';
    lines.push(
      `${index + 1}. ${letter}${item.answer}（${labels.source}：${articleLabel(item.article)}“${item.quote}”）`,
    );
  });
  return `${lines.join('\n')}\n`;
}
