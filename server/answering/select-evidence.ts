import type { Article } from '../../core/document-model.ts';
import type { Sentence } from '../../core/split-sentences.ts';
import { passageSentences } from '../retrieval/passage-sentences.ts';

/** A sentence of an article chosen to answer a question; its text is verbatim from article.text[start, end). */
export interface Evidence {
  article: Article;
  sentence: Sentence;
  score: number;
  /** Position of the sentence in its article (0 is the title sentence). */
  position: number;
}

export interface EvidenceQuery {
  terms: Array<{
    token: string;
    weight: number;
    concept?: string;
    scene?: boolean;
    phrases?: string[];
  }>;
  idf: (token: string) => number;
  /** Citizens get the most concrete sentences first: those naming programmes, places or figures. */
  preferConcrete?: boolean;
  concreteTerms?: ReadonlySet<string>;
  /** Length penalty unit, concreteness and scene-word weights: policy.evidence. */
  weights: { lengthUnit: number; concreteBoost: number; concreteCap: number; sceneWeight: number };
  /** Sentences (verbatim) the conversation already quoted: never chosen again (具体怎么做). */
  exclude?: ReadonlySet<string>;
  /** 具体怎么做: the sentences beside those already quoted (`exclude`) score this much more (policy.evidence). */
  elaborateProximity?: number;
}

/** Scores every sentence of an article against the question's terms (IDF-weighted overlap, mildly length-normalised). */
export function scoreSentences(article: Article, query: EvidenceQuery): Evidence[] {
  const terms = new Map(query.terms.map((term) => [term.token, term]));
  const { lengthUnit, concreteBoost, concreteCap, sceneWeight } = query.weights;
  const sentences = passageSentences(article);
  const nearby = proximityTo(sentences, query);
  return sentences.map(({ sentence, position, tokenSet: tokens, normalized, figures }) => {
    let score = 0;
    // The plan's words for one everyday phrase count once, as the best of them: 学校 → 教育 or 特殊教育, not both.
    const concepts = new Map<string, number>();
    for (const token of tokens) {
      const term = terms.get(token);
      if (!term) continue;
      // The clause that asks decides which sentence answers; the scene around it only helps.
      const value =
        term.weight *
        query.idf(token) *
        (term.scene ? sceneWeight : 1) *
        phraseShare(token, term.phrases, normalized);
      if (term.concept === undefined) score += value;
      else concepts.set(term.concept, Math.max(value, concepts.get(term.concept) ?? 0));
    }
    for (const value of concepts.values()) score += value;
    // A mild preference for shorter sentences: a long one matches more words by chance.
    if (score > 0) score /= Math.sqrt(Math.max(1, sentence.text.length / lengthUnit));
    if (query.preferConcrete && score > 0)
      score *= 1 + concreteBoost * concreteness(figures, tokens, concreteCap, query.concreteTerms);
    score += nearby(position);
    return { article, sentence, score, position };
  });
}

/**
 * For 具体怎么做: a bonus by closeness to the nearest sentence already quoted in this article (the weight beside it,
 * half of it one sentence further, and so on); nothing for the quoted sentences themselves or the title.
 */
function proximityTo(
  sentences: readonly { sentence: { text: string }; position: number }[],
  query: EvidenceQuery,
): (position: number) => number {
  const weight = query.elaborateProximity ?? 0;
  const quoted =
    weight > 0 && query.exclude
      ? sentences
          .filter((item) => query.exclude!.has(item.sentence.text))
          .map((item) => item.position)
      : [];
  if (quoted.length === 0) return () => 0;
  return (position) => {
    if (position === 0 || quoted.includes(position)) return 0;
    const distance = Math.min(...quoted.map((at) => Math.abs(at - position)));
    return weight / 2 ** (distance - 1);
  };
}

/**
 * The best sentences of an article for a question, best first (or in document order when asked); the title sentence
 * only if nothing else matches, and the opening sentences when nothing matches at all.
 */
export function bestSentences(
  article: Article,
  query: EvidenceQuery,
  limit: number,
  order: 'relevance' | 'document' = 'document',
): Evidence[] {
  const scored = scoreSentences(article, query).filter(
    (evidence) =>
      (evidence.position > 0 || isOnlySentence(article)) &&
      !query.exclude?.has(evidence.sentence.text),
  );
  const matching = scored
    .filter((evidence) => evidence.score > 0)
    .sort((left, right) => right.score - left.score || left.position - right.position)
    .slice(0, limit);
  if (matching.length === 0) return scored.slice(0, limit);
  return order === 'relevance'
    ? matching
    : matching.sort((left, right) => left.position - right.position);
}

/**
 * The opening sentences after the title: what an article is about when the question names only its number (those
 * not already quoted, when `exclude` is given).
 */
export function leadingSentences(
  article: Article,
  limit: number,
  exclude?: ReadonlySet<string>,
): Evidence[] {
  return passageSentences(article)
    .map(({ sentence, position }) => ({ article, sentence, score: 0, position }))
    .filter(
      (evidence) =>
        (evidence.position > 0 || isOnlySentence(article)) && !exclude?.has(evidence.sentence.text),
    )
    .slice(0, limit);
}

/**
 * The article's title as a quotable sentence (position 0: 优化能源消费结构。), unless the conversation already quoted it
 * or the article has no other sentence (then its only sentence is its content).
 */
export function titleSentence(
  article: Article,
  exclude?: ReadonlySet<string>,
): Evidence | undefined {
  const [title] = passageSentences(article);
  if (!title || isOnlySentence(article) || exclude?.has(title.sentence.text)) return undefined;
  return { article, sentence: title.sentence, score: 0, position: title.position };
}

/**
 * How much of the plan's phrase a stand-in word brings: all of it when the sentence holds a whole phrase the word is
 * part of (适度发展畜禽标准化养殖 for 养鸡场), else the word's share of the phrase (标准化 alone: 3 of 畜禽标准化养殖's 7
 * characters), so that a fragment shared with another sentence (标准化种植基地) counts for less. 1 for the asker's words.
 */
function phraseShare(token: string, phrases: string[] | undefined, sentence: string): number {
  if (!phrases || phrases.length === 0) return 1;
  if (phrases.some((phrase) => sentence.includes(phrase))) return 1;
  return Math.min(1, Math.max(...phrases.map((phrase) => token.length / phrase.length)));
}

export function isOnlySentence(article: Article): boolean {
  return passageSentences(article).length === 1;
}

/** Named programmes, places, figures and quoted slogans make a sentence concrete. */
function concreteness(
  figures: number,
  tokens: ReadonlySet<string>,
  cap: number,
  concreteTerms?: ReadonlySet<string>,
): number {
  let count = figures;
  if (concreteTerms) for (const token of tokens) if (concreteTerms.has(token)) count += 1;
  return Math.min(count, cap);
}
