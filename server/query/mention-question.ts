import type { Article, PlanDocument } from '../../core/document-model.ts';
import { normalizeForMatch, normalizeLoose } from '../../core/normalize-text.ts';
import { splitSentences, type Sentence } from '../../core/split-sentences.ts';
import { isStopword, segment } from '../../ingest/tokenizer.ts';
import { splitCompoundSources } from '../../core/split-compound.ts';
import type { AnswerPolicy } from '../policy/answer-policy.ts';

/** One place a phrase is mentioned: an article and the sentence (offsets into article.text) that holds it. */
export interface Mention {
  article: number;
  sentence: Sentence;
  /** Position of the sentence in its article (0 is the title). */
  position: number;
}

/**
 * 哪些地方提到了氢能 / 固态电池出现在哪几条: every article that uses the asker's phrase (as the plan writes it, or with
 * a qualifier inside a compound: 固态电池 → 固态储能电池), each with the first sentence that does.
 */
export interface MentionQuestion {
  kind: 'mentions';
  /** The asker's phrases the plan uses, as written (BDO) or normalised (三化改造 for “三化”改造): 氢能; 节水, 供水. */
  phrases: string[];
  /** In document order, one per article and phrase. */
  mentions: Mention[];
}

/**
 * A question that asks where the plan mentions something (policy.rules.mentions.question), answered by finding every
 * article that holds its subject: the longest runs of the question's words outside the asking phrase that the articles
 * use, not framing (规划, 内容, 方面), and specific (in at most policy.rules.mentions.maxArticleShare of the articles:
 * 发展 is everywhere and asks nothing). Null for any other question, one that names an article or part (第12条提到…
 * is about that article), or one whose subject the articles never use. Pure but for jieba.
 */
export function detectMentionQuestion(
  message: string,
  doc: PlanDocument,
  policy: Pick<AnswerPolicy, 'rules' | 'framing' | 'documentQuestions' | 'answerability'>,
  namesStructure: boolean,
): MentionQuestion | null {
  if (namesStructure) return null;
  const text = normalizeLoose(message);
  const { question, maxArticleShare } = policy.rules.mentions;
  const cue = question.exec(text);
  if (!cue) return null;
  const framing = new Set([
    ...policy.framing.framingWords,
    ...policy.framing.treatmentWords,
    ...policy.documentQuestions.goalsFraming,
  ]);
  const texts = articleTexts(doc);
  const found: Array<{ phrase: string; articles: Article[]; compound: boolean }> = [];
  for (const part of [text.slice(0, cue.index), text.slice(cue.index + cue[0].length)]) {
    const words = segment(part);
    for (let start = 0; start < words.length; start += 1) {
      if (!isSubjectWord(words[start]!, framing)) continue;
      // The longest run of words from here that the articles use, ending on a subject word.
      for (let end = words.length; end > start; end -= 1) {
        if (!isSubjectWord(words[end - 1]!, framing)) continue;
        const phrase = words.slice(start, end).join('');
        if (phrase.length < 2) continue;
        // One word may be written with a qualifier inside it (固态储能电池); a run of words only as asked (围绕 and
        // 创新 are not 围绕科技创新).
        const compound = end - start === 1;
        const articles = articlesHolding(texts, phrase, compound);
        if (articles.length === 0) continue;
        if (!found.some((known) => known.phrase.includes(phrase)))
          found.push({ phrase, articles, compound });
        break;
      }
    }
  }
  const limit = Math.max(1, Math.floor(doc.articles.length * maxArticleShare));
  const specific = found.filter(
    ({ phrase, articles }) =>
      articles.length <= limit &&
      !found.some((other) => other.phrase !== phrase && other.phrase.includes(phrase)),
  );
  // Found only where the overview part restates it (交通运输结构调整 in the goals), the subject is worded otherwise
  // where it is treated (调整交通运输结构): the question is searched as usual.
  const overviewPart = policy.answerability.overviewPart;
  const treated = specific.filter(({ articles }) =>
    articles.some((article) => article.partNumber !== overviewPart),
  );
  if (treated.length === 0) return null;
  const mentions: Mention[] = [];
  for (const { phrase, articles, compound } of treated)
    for (const article of articles) {
      const mention = bestMention(article, phrase, compound);
      if (
        mention &&
        !mentions.some(
          (known) => known.article === mention.article && known.position === mention.position,
        )
      )
        mentions.push(mention);
    }
  // The overview part (the last plan's review and the goals) restates what later articles treat in detail: after them.
  const overview = (mention: Mention) =>
    partOfArticle(doc, mention.article) === overviewPart ? 1 : 0;
  mentions.sort(
    (left, right) =>
      overview(left) - overview(right) ||
      left.article - right.article ||
      left.position - right.position,
  );
  return {
    kind: 'mentions',
    phrases: treated.map(({ phrase }) => asWritten(phrase, message)),
    mentions,
  };
}

/** A phrase as the asker wrote it when the message holds it but for case (BDO, not bdo); else as normalised. */
function asWritten(phrase: string, message: string): string {
  const written = message.normalize('NFKC');
  const at = written.toLowerCase().indexOf(phrase);
  return at >= 0 ? written.slice(at, at + phrase.length) : phrase;
}

function partOfArticle(doc: PlanDocument, articleNumber: number): number | undefined {
  return doc.parts.find((part) => part.articleNumbers.includes(articleNumber))?.number;
}

function isSubjectWord(word: string, framing: ReadonlySet<string>): boolean {
  return !isStopword(word) && !framing.has(word);
}

interface ArticleText {
  article: Article;
  loose: string;
  forMatch: string;
}

const textsByDocument = new WeakMap<PlanDocument, readonly ArticleText[]>();

/** Each article's text normalised both ways, once per document. */
function articleTexts(doc: PlanDocument): readonly ArticleText[] {
  let texts = textsByDocument.get(doc);
  if (!texts) {
    texts = doc.articles.map((article) => ({
      article,
      loose: normalizeLoose(article.text),
      forMatch: normalizeForMatch(article.text),
    }));
    textsByDocument.set(doc, texts);
  }
  return texts;
}

function articlesHolding(
  texts: readonly ArticleText[],
  phrase: string,
  compound: boolean,
): Article[] {
  const split = compound ? splitForm(phrase) : null;
  return texts
    .filter(({ loose, forMatch }) => loose.includes(phrase) || (split?.test(forMatch) ?? false))
    .map(({ article }) => article);
}

/** A one-word compound as the plan may write it with a qualifier inside (固态储能电池), or null (splitCompoundSources). */
function splitForm(phrase: string, flags = 'u'): RegExp | null {
  const sources = splitCompoundSources(phrase);
  return sources.length === 0 ? null : new RegExp(sources.join('|'), flags);
}

/**
 * The sentence of an article (after its title, unless only the title holds it) that is most about the phrase: the one
 * where it is densest (occurrences per character), so 推动氢能应用向工业领域拓展 rather than a long list that names
 * 氢能 among others; the earlier on a tie.
 */
function bestMention(article: Article, phrase: string, compound: boolean): Mention | undefined {
  const split = compound ? splitForm(phrase, 'gu') : null;
  const counted = splitSentences(article.text).map((sentence, position) => {
    const loose = normalizeLoose(sentence.text);
    const exact = loose.split(phrase).length - 1;
    const inner = split ? (normalizeForMatch(sentence.text).match(split) ?? []).length : 0;
    return { sentence, position, density: (exact + inner) / Math.max(1, loose.length) };
  });
  const holding = counted.filter((item) => item.density > 0);
  const body = holding.filter((item) => item.position > 0);
  const [best] = (body.length > 0 ? body : holding).sort(
    (left, right) => right.density - left.density || left.position - right.position,
  );
  return best && { article: article.number, sentence: best.sentence, position: best.position };
}
