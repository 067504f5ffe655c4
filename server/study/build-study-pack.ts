import type { Article, PlanDocument } from '../../core/document-model.ts';
import { fillTemplate } from '../../core/fill-template.ts';
import { toChineseNumeral } from '../../core/numerals.ts';
import { partByNumber, partOf } from '../../core/plan-lookup.ts';
import { citationOf } from '../answering/citation-of.ts';
import { leadingSentences } from '../answering/select-evidence.ts';
import { splitSentences } from '../../core/split-sentences.ts';
import { buildQuiz } from './build-quiz.ts';
import { stableHash } from './stable-hash.ts';
import { studyTemplates } from './study-templates.ts';
import type {
  DiscussionQuestion,
  KeyTerm,
  StudyOutlineItem,
  StudyPack,
  StudyRequest,
} from './study-types.ts';
import { termUses, type TermUse } from './term-occurrences.ts';

const POINTS_PER_ARTICLE = 3;
const TERMS_PER_ARTICLE = 3;
const MAX_DISCUSSION = 5;

/** The offline pack: deterministic, every point, term and quiz answer quoted from the selected articles. */
export function buildStudyPack(
  request: StudyRequest,
  articles: Article[],
  doc: PlanDocument,
): StudyPack {
  const uses = termUses(articles);
  const keyTerms = pickKeyTerms(uses);
  return {
    title: packTitle(request, articles, doc),
    selection: {
      kind: request.part !== undefined ? 'part' : request.articles ? 'articles' : 'topic',
      part: request.part,
      topic: request.topic,
      articles: articles.map((article) => article.number),
    },
    outline: articles.map((article) => outlineItem(article, doc, uses)),
    keyTerms,
    discussion: discussionQuestions(articles, keyTerms),
    quiz: buildQuiz(uses, doc.articles, request.questions),
    provider: 'offline',
  };
}

function packTitle(request: StudyRequest, articles: Article[], doc: PlanDocument): string {
  const templates = studyTemplates().title;
  if (request.part !== undefined) {
    const part = partByNumber(doc, request.part);
    if (!part) throw new Error(`the document has no part ${request.part}`);
    return fillTemplate(
      templates.part,
      { partChinese: toChineseNumeral(part.number), partTitle: part.title },
      { name: 'study title.part' },
    );
  }
  if (request.topic !== undefined)
    return fillTemplate(templates.topic, { topic: request.topic }, { name: 'study title.topic' });
  return fillTemplate(
    templates.articles,
    { articleList: articles.map((article) => article.number).join('、') },
    { name: 'study title.articles' },
  );
}

/** Key points: the opening sentence, then the sentences richest in the plan's own terms, in document order. */
function outlineItem(article: Article, doc: PlanDocument, uses: TermUse[]): StudyOutlineItem {
  const sentences = splitSentences(article.text);
  const [opening] = leadingSentences(article, 1);
  const richness = (text: string) =>
    uses.filter((use) => use.article.number === article.number && use.sentence === text).length;
  const chosen = new Set<number>(opening ? [opening.position] : []);
  const ranked = sentences
    .map((sentence, position) => ({ position, score: richness(sentence.text) }))
    .filter((candidate) => candidate.position > 0 && !chosen.has(candidate.position))
    .sort((left, right) => right.score - left.score || left.position - right.position);
  for (const candidate of ranked) {
    if (chosen.size >= POINTS_PER_ARTICLE) break;
    chosen.add(candidate.position);
  }
  const part = partOf(doc, article);
  return {
    article: article.number,
    title: article.title,
    part: part.number,
    partTitle: part.title,
    points: [...chosen]
      .sort((left, right) => left - right)
      .map((position) => {
        const quote = sentences[position]!.text;
        return { quote, citation: citationOf(doc, article, quote) };
      }),
  };
}

/** Quoted slogans first, then longer terms; each with the first sentence that uses it. */
function pickKeyTerms(uses: TermUse[]): KeyTerm[] {
  const byArticle = new Map<number, TermUse[]>();
  for (const use of uses)
    byArticle.set(use.article.number, [...(byArticle.get(use.article.number) ?? []), use]);
  const seen = new Set<string>();
  const terms: KeyTerm[] = [];
  for (const [articleNumber, articleUses] of [...byArticle.entries()].sort(
    (left, right) => left[0] - right[0],
  )) {
    const ranked = [...articleUses].sort(
      (left, right) =>
        Number(right.quoted) - Number(left.quoted) ||
        right.term.length - left.term.length ||
        left.term.localeCompare(right.term),
    );
    let taken = 0;
    for (const use of ranked) {
      if (taken >= TERMS_PER_ARTICLE) break;
      if (seen.has(use.term)) continue;
      seen.add(use.term);
      terms.push({ term: use.term, article: articleNumber, quote: use.sentence });
      taken += 1;
    }
  }
  return terms;
}

function discussionQuestions(articles: Article[], keyTerms: KeyTerm[]): DiscussionQuestion[] {
  const templates = studyTemplates().discussion;
  return articles.slice(0, MAX_DISCUSSION).map((article) => {
    const phrase = keyTerms.find((term) => term.article === article.number)?.term ?? article.title;
    const template = templates[stableHash(`${article.number}|${phrase}`) % templates.length]!;
    return {
      question: fillTemplate(
        template,
        { article: article.number, title: article.title, phrase },
        { name: 'study discussion' },
      ),
      articles: [article.number],
    };
  });
}
