import type { Article, LabelledParagraph, Part, PlanDocument } from '../core/document-model.ts';
import { cleanPage, type SourceLine } from './clean-page.ts';
import { matchArticleMarker, matchPartHeading } from './numbering.ts';
import { loadParseRules, type ParseRules } from './parse-rules.ts';
import { PlanParseError } from './plan-parse-error.ts';

/** A heading is a short line without a sentence-final full stop; longer lines are body text that happens to start with 一、. */
const MAX_HEADING_LENGTH = 80;

interface ArticleDraft {
  number: number;
  partNumber: number;
  paragraphs: string[];
  lineNumber: number;
}

/** Parses the published page into parts, articles, goals and the closing; throws PlanParseError when the structure is unreadable. */
export function parsePlan(
  source: string,
  docId: string,
  rules: ParseRules = loadParseRules(),
): PlanDocument {
  const lines = cleanPage(source, rules);
  const [titleLine, ...body] = lines;
  if (!titleLine) throw new PlanParseError('the document is empty', null);
  const { title, adoptionNote } = splitTitle(titleLine.text, rules);

  const preamble: string[] = [];
  const parts: Part[] = [];
  const drafts: ArticleDraft[] = [];
  const closing: string[] = [];

  for (const line of body) {
    const heading = readPartHeading(line);
    const marker = heading ? null : matchArticleMarker(line.text);
    // What looked like the closing (a paragraph opening with 全市…) was followed by more structure: it was article text.
    if ((heading || marker) && closing.length > 0)
      drafts.at(-1)?.paragraphs.push(...closing.splice(0));
    if (heading) {
      expectNext(heading.number, parts.length + 1, 'part', line);
      parts.push({ number: heading.number, title: heading.rest, intro: '', articleNumbers: [] });
      continue;
    }
    const currentPart = parts.at(-1);
    if (marker) {
      if (!currentPart)
        throw new PlanParseError(
          'an article appears before the first part heading (一、…)',
          line.lineNumber,
          line.text,
        );
      expectNext(marker.number, drafts.length + 1, 'article', line);
      if (marker.rest.trim() === '')
        throw new PlanParseError(
          `article (${marker.number}) has no text`,
          line.lineNumber,
          line.text,
        );
      drafts.push({
        number: marker.number,
        partNumber: currentPart.number,
        paragraphs: [marker.rest.trim()],
        lineNumber: line.lineNumber,
      });
      currentPart.articleNumbers.push(marker.number);
      continue;
    }
    if (!currentPart) {
      preamble.push(line.text);
    } else if (
      closing.length > 0 ||
      (currentPart.number === parts.length &&
        currentPart.articleNumbers.length > 0 &&
        rules.closingStart.test(line.text))
    ) {
      closing.push(line.text);
    } else if (currentPart.articleNumbers.length === 0) {
      currentPart.intro = currentPart.intro ? `${currentPart.intro}\n${line.text}` : line.text;
    } else {
      drafts.at(-1)?.paragraphs.push(line.text);
    }
  }

  checkStructure(lines, parts, drafts);
  const articles = drafts.map((draft) => toArticle(draft));
  const labelled = articles.flatMap((article) => labelParagraphs(article, rules));
  return {
    id: docId,
    title,
    adoptionNote,
    preamble: preamble.join('\n'),
    parts,
    articles,
    mainGoals: labelled.filter((paragraph) => paragraph.kind === 'main-goal'),
    vision2035: labelled.find((paragraph) => paragraph.kind === 'vision-2035') ?? null,
    closing: closing.join('\n'),
  };
}

function splitTitle(text: string, rules: ParseRules): { title: string; adoptionNote: string } {
  const match = rules.adoptionNote.exec(text);
  if (!match) return { title: text, adoptionNote: '' };
  return { title: (match[1] ?? '').trim(), adoptionNote: (match[2] ?? '').trim() };
}

function readPartHeading(line: SourceLine) {
  if (line.text.length > MAX_HEADING_LENGTH || /[。；]$/.test(line.text)) return null;
  return matchPartHeading(line.text);
}

function expectNext(
  found: number,
  expected: number,
  kind: 'part' | 'article',
  line: SourceLine,
): void {
  if (found !== expected) {
    throw new PlanParseError(
      `expected ${kind} ${expected} but found ${kind} ${found}`,
      line.lineNumber,
      line.text,
    );
  }
}

/** Refuses documents whose structure was not recognised instead of yielding one giant chunk. */
function checkStructure(lines: SourceLine[], parts: Part[], drafts: ArticleDraft[]): void {
  const firstBody = lines[1] ?? lines[0];
  if (parts.length === 0) {
    throw new PlanParseError(
      'no part headings (一、… or 第一部分) were found; the first body line is',
      firstBody?.lineNumber ?? null,
      firstBody?.text,
    );
  }
  if (drafts.length === 0) {
    throw new PlanParseError(
      'no numbered articles ((1)…, （一）… or 第一条) were found after the first part heading',
      firstBody?.lineNumber ?? null,
      firstBody?.text,
    );
  }
  const emptyPart = parts.find((part) => part.articleNumbers.length === 0);
  if (emptyPart)
    throw new PlanParseError(
      `part ${emptyPart.number} (${emptyPart.title}) has no numbered articles`,
      null,
    );
}

function toArticle(draft: ArticleDraft): Article {
  const text = draft.paragraphs.join('\n');
  const stop = text.indexOf('。');
  if (stop <= 0 || stop > MAX_HEADING_LENGTH) {
    throw new PlanParseError(
      `article (${draft.number}) does not open with a title sentence ending in 。`,
      draft.lineNumber,
      text,
    );
  }
  return { number: draft.number, title: text.slice(0, stop), partNumber: draft.partNumber, text };
}

/** Finds the 主要目标 paragraphs (——…) and the 2035 vision inside an article. */
function labelParagraphs(article: Article, rules: ParseRules): LabelledParagraph[] {
  const labelled: LabelledParagraph[] = [];
  let offset = 0;
  for (const paragraph of article.text.split('\n')) {
    const start = offset;
    offset += paragraph.length + 1;
    if (rules.mainGoalPrefix.test(paragraph)) {
      const headline = paragraph.replace(rules.mainGoalPrefix, '').split('。')[0] ?? '';
      labelled.push({
        kind: 'main-goal',
        articleNumber: article.number,
        label: headline,
        text: paragraph,
        start,
        end: start + paragraph.length,
      });
    } else if (labelled.length > 0 && rules.vision.test(paragraph)) {
      labelled.push({
        kind: 'vision-2035',
        articleNumber: article.number,
        label: '2035年远景目标',
        text: paragraph,
        start,
        end: start + paragraph.length,
      });
    }
  }
  return labelled;
}
