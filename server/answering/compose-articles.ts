import type { Article } from '../../core/document-model.ts';
import { normalizeForMatch } from '../../core/normalize-text.ts';
import { toChineseNumeral } from '../../core/numerals.ts';
import { normalizedDocumentText, partOf } from '../../core/plan-lookup.ts';
import type { AnswerContext } from './answer-types.ts';
import type { QuoteWriter } from './quote-writer.ts';
import {
  bestSentences,
  isOnlySentence,
  leadingSentences,
  titleSentence,
  type Evidence,
} from './select-evidence.ts';

/**
 * The sentences to quote from an article: those that match the question best, best first; or, when the question is
 * about the article's subject as a whole (教育方面呢 → 办好人民满意教育) or names it by number, its opening sentences
 * first, then the best matches, in document order.
 */
export function evidenceFor(
  context: AnswerContext,
  article: Article,
  structural: boolean,
  limit: number,
): Evidence[] {
  const matched = bestSentences(article, context.evidenceQuery, limit, 'relevance').filter(
    (evidence) => evidence.score > 0,
  );
  const { exclude } = context.evidenceQuery;
  // Staff asking about an article as a whole (第12条讲什么, 那教育方面呢 → 办好人民满意教育) get its title first, in its
  // own words.
  const titled = (evidence: Evidence[]) => {
    const title = context.mode === 'staff' ? titleSentence(article, exclude) : undefined;
    return title ? [title, ...evidence] : evidence;
  };
  if (matched.length === 0)
    return structural
      ? titled(leadingSentences(article, limit, exclude))
      : bestSentences(article, context.evidenceQuery, limit);
  if (!isAboutWholeArticle(context, article, structural)) return matched;
  const leading = leadingSentences(
    article,
    Math.min(context.policy.evidence.wholeArticleLead, limit),
    exclude,
  );
  const rest = matched.filter(
    (evidence) => !leading.some((lead) => lead.position === evidence.position),
  );
  return titled([...leading, ...rest].slice(0, limit)).sort(
    (left, right) => left.position - right.position,
  );
}

/**
 * Whether a question asks about an article as a whole: it names the article by number, or the article's title holds
 * every word of the question that names a subject — a word the document uses, or an everyday word the term maps read
 * (教育方面呢 → 办好人民满意教育; 给新入职的同事讲第十七条人才支撑 → 强化人才支撑: 新入职 and 同事 name nothing the plan
 * speaks of, so they choose no sentence; 退伍 names 退役军人, so 老兵以后有啥保障 is not about 社会保障体系 as a whole).
 */
export function isAboutWholeArticle(
  context: AnswerContext,
  article: Article,
  structural: boolean,
): boolean {
  const words = subjectWords(context);
  return words.every((word) => article.title.includes(word)) && (structural || words.length > 0);
}

const subjectWordsByContext = new WeakMap<AnswerContext, readonly string[]>();

/**
 * The asker's own words that name a subject — a word the document uses, or one the term maps read (退伍 → 退役军人) —
 * but not those that ask how a subject is treated (方面, 部署): once per answer, read for every article.
 */
function subjectWords(context: AnswerContext): readonly string[] {
  let words = subjectWordsByContext.get(context);
  if (words) return words;
  const text = normalizedDocumentText(context.document);
  const mapped = context.retrieval.expandedFrom.map(normalizeForMatch);
  const namesSubject = (token: string) =>
    text.includes(token) || mapped.some((phrase) => phrase.includes(token));
  const { treatmentWords } = context.policy.framing;
  words = context.evidenceQuery.terms
    .filter(
      (term) =>
        term.weight === 1 &&
        term.token.length > 1 &&
        !treatmentWords.includes(term.token) &&
        namesSubject(term.token),
    )
    .map((term) => term.token);
  subjectWordsByContext.set(context, words);
  return words;
}

/**
 * Quotes within the audience's budget. For a ranked (not named) answer the best sentence across the articles leads,
 * its article first; a further sentence, and a further article, joins only when it carries the question's content on
 * its own (its score reaches policy.evidence.supportingShare of the best one's).
 */
export function composeArticles(
  context: AnswerContext,
  articles: Article[],
  structural: boolean,
  writer: QuoteWriter,
): void {
  const { budgets } = context.policy;
  const budget = budgets[context.mode];
  const extra = structural && context.mode === 'staff' ? budgets.staffStructuralExtra : 0;
  let chosen = articles.map((article, index) => ({
    article,
    evidence: evidenceFor(
      context,
      article,
      structural,
      (index === 0 ? budget.first : budget.more) + extra,
    ),
  }));
  if (!structural) chosen = supportingOnly(context, chosen);
  let used = 0;
  chosen.forEach(({ article, evidence: candidates }, index) => {
    // A quoted title is the article's heading, not one of the budget's passages; the lead then leaves it to the quote.
    const quotesTitle = candidates[0]?.position === 0 && !isOnlySentence(article);
    const heading = quotesTitle ? 1 : 0;
    const evidence = candidates.slice(0, Math.max(0, budget.total - used) + heading);
    if (evidence.length === 0) return;
    if (context.mode === 'citizen') {
      if (index === 0) writer.say(citizenLead(context));
    } else if (structural) {
      const part = partOf(context.document, article);
      writer.say(quotesTitle ? 'staff.articleWhole' : 'staff.articleOverview', {
        article: article.number,
        title: article.title,
        partChinese: toChineseNumeral(part.number),
        partTitle: part.title,
      });
    } else if (quotesTitle) {
      writer.say(index === 0 ? 'staff.leadTitled' : 'staff.leadMoreTitled', {
        article: article.number,
      });
    } else {
      writer.say(index === 0 ? 'staff.lead' : 'staff.leadMore', {
        article: article.number,
        title: article.title,
      });
    }
    for (const item of evidence) writer.quote(item);
    used += evidence.length - heading;
  });
}

type ArticleEvidence = { article: Article; evidence: Evidence[] };

/**
 * Ranks sentences across articles and keeps those that answer on their own. The lead goes to the article whose best
 * sentence stands highest, a sentence's standing being its score weighed by how well its article was retrieved
 * (policy.evidence.articleRankPower): one sentence's word overlap is a thinner signal than the whole article's
 * ranking. A further sentence is kept only when its own score reaches supportingShare of the best score. An article
 * asked about as a whole (its title names the question's subject) keeps its opening sentences, and then other
 * articles join only when their own title names the subject too: sharing the word in passing (廉洁教育) is not
 * answering it. Pure.
 */
export function supportingOnly(
  context: AnswerContext,
  chosen: ArticleEvidence[],
): ArticleEvidence[] {
  const { supportingShare, articleRankPower } = context.policy.evidence;
  const hits = context.decision.kind === 'answer' ? context.decision.hits : [];
  const bestHit = Math.max(0, ...hits.map((hit) => hit.score));
  const articleWeight = (article: Article) => {
    const hit = hits.find((candidate) => candidate.article === article.number);
    return hit && bestHit > 0 ? Math.pow(Math.max(0, hit.score) / bestHit, articleRankPower) : 1;
  };
  const topScore = ({ evidence }: ArticleEvidence) =>
    Math.max(0, ...evidence.map((item) => item.score));
  const best = Math.max(0, ...chosen.map(topScore));
  if (best === 0) return chosen;
  const standing = chosen.map((entry) => topScore(entry) * articleWeight(entry.article));
  // An article whose title names the whole of the question's subject (能源消费结构这一块 → 优化能源消费结构) leads,
  // ahead of one that only shares a word of it in a short sentence (提振消费).
  const titled = chosen.findIndex(({ article }) => isAboutWholeArticle(context, article, false));
  const leader = titled >= 0 ? titled : standing.indexOf(Math.max(...standing));
  const ordered =
    leader > 0 ? [chosen[leader]!, ...chosen.filter((_, index) => index !== leader)] : chosen;
  const whole = isAboutWholeArticle(context, ordered[0]!.article, false);
  return ordered
    .filter(
      ({ article }, index) => index === 0 || !whole || isAboutWholeArticle(context, article, false),
    )
    .map(({ article, evidence }, index) => ({
      article,
      evidence: evidence.filter(
        (item) => (index === 0 && whole) || item.score >= best * supportingShare,
      ),
    }))
    .filter(({ evidence }) => evidence.length > 0);
}

/** The citizen answer's lead line: by the kind of answer the question wants (是否 / 怎么办 / 有哪些), else the plain one. */
export function citizenLead(context: AnswerContext): string {
  const type = context.retrieval.analyzed.questionType;
  return type ? `citizen.leads.${type}` : 'citizen.lead';
}
