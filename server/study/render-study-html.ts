import type { StudyPack } from './study-types.ts';
import type { AnswerTemplates } from '../policy/answer-templates.ts';
import { studyTemplates } from './study-templates.ts';

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}

/** A self-contained printable page (print stylesheet, no scripts); the answer key starts on a new page. */
export function renderStudyHtml(pack: StudyPack, templates: AnswerTemplates): string {
  const articleLabel = templates.articleLabel;
  const citationMarker = templates.marker.format;
  const labels = studyTemplates().markdown;
  const e = escapeHtml;
  const outline = pack.outline
    .map(
      (item) =>
        `<section><h3>${articleLabel(item.article)} ${e(item.title)}</h3><ul>${item.points.map((point) => `<li>“${e(point.quote)}”<cite>${citationMarker(point.citation.article)}</cite></li>`).join('')}</ul></section>`,
    )
    .join('');
  const terms = pack.keyTerms
    .map(
      (term) =>
        `<dt>${e(term.term)}</dt><dd>“${e(term.quote)}”<cite>${citationMarker(term.article)}</cite></dd>`,
    )
    .join('');
  const discussion = pack.discussion.map((question) => `<li>${e(question.question)}</li>`).join('');
  const quiz = pack.quiz
    .map(
      (item) =>
        `<li>${e(item.prompt)}${item.options ? `<ol type="A">${item.options.map((option) => `<li>${e(option)}</li>`).join('')}</ol>` : ''}</li>`,
    )
    .join('');
  const answers = pack.quiz
    .map(
      (item) =>
        `<li>${item.options ? `${LETTERS[item.options.indexOf(item.answer)]}. ` : ''}${e(item.answer)}<span class="source">（${e(labels.source ?? '')}：${articleLabel(item.article)}“${e(item.quote)}”）</span></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${e(pack.title)}</title>
<style>
body{font-family:"Noto Serif CJK SC","Songti SC","SimSun",serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.8;color:#111}
h1{font-size:1.6rem;text-align:center}h2{border-bottom:2px solid #9b1c1c;padding-bottom:.2rem;margin-top:2rem}h3{margin-bottom:.2rem}
cite{font-style:normal;color:#555}dt{font-weight:bold;margin-top:.6rem}.source{color:#555;font-size:.9em}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}section,li{break-inside:avoid}.answers{break-before:page}a{color:inherit;text-decoration:none}}
</style></head><body>
<h1>${e(pack.title)}</h1>
<h2>${e(labels.outline ?? '')}</h2>${outline}
<h2>${e(labels.keyTerms ?? '')}</h2><dl>${terms}</dl>
<h2>${e(labels.discussion ?? '')}</h2><ol>${discussion}</ol>
<h2>${e(labels.quiz ?? '')}</h2><ol>${quiz}</ol>
<section class="answers"><h2>${e(labels.answers ?? '')}</h2><ol>${answers}</ol></section>
</body></html>`;
}
