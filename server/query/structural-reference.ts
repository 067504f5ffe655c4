import type { PlanDocument } from '../../core/document-model.ts';
import { normalizeLoose, normalizeForMatch } from '../../core/normalize-text.ts';
import { parseNumeral } from '../../core/numerals.ts';
import { partByNumber } from '../../core/plan-lookup.ts';
import type { QueryFraming } from '../policy/answer-policy.ts';

/** What a question names by the document's structure: articles (第12条), parts (第八部分, 民生福祉那部分). */
export interface StructuralReference {
  articles: number[];
  parts: number[];
  /** Parts named anywhere, including as the context of an article (民生部分第一条 mentions part 8). */
  mentionedParts: number[];
  /** The question with the structural phrases removed, for ranking inside a named part. */
  remainder: string;
}

const NUMERAL = '(\\d+|[〇零一二两三四五六七八九十百]+)';
// 第12条, 第（12）条, 第十二条, 第12、13条, and a bare (12) / （12）.
const ARTICLE_LIST = new RegExp(
  `第\\s*[(]?\\s*${NUMERAL}\\s*[)]?((?:\\s*[,、和与及至到-]\\s*第?\\s*[(]?\\s*${NUMERAL}\\s*[)]?)*)\\s*条`,
  'g',
);
// Not a function call or code such as alert(1).
const BARE_ARTICLE = new RegExp(`(?<![A-Za-z0-9_])[(]\\s*${NUMERAL}\\s*[)]`, 'g');
// 第九部分的第一条: the n-th article of a part; 第 is written (第九部分三条 is the part's three articles), but for 最后一条.
const ORDINAL = '(\\d+|[〇零一二两三四五六七八九十百]+|最后一)';
const ARTICLE_IN_PART = new RegExp(
  `第\\s*${NUMERAL}\\s*(?:部分|章)的?(?:第\\s*(?=[\\d〇零一二两三四五六七八九十百])|(?=最后一))${ORDINAL}\\s*条`,
  'g',
);
const NAMED_PART_ARTICLE = new RegExp(
  `([^\\s第]{2,12}?)(?:那|这)?(?:一)?(?:部分|板块)的?(?:第\\s*(?=[\\d〇零一二两三四五六七八九十百])|(?=最后一))${ORDINAL}\\s*条`,
  'g',
);
// 最后一条 / 倒数第二条 with no part before it: counted from the end of the whole document (not 最后一公里, 最后一条路).
const FROM_END = new RegExp(
  `(?:(?:最后|最末)一条|末条|倒数\\s*第\\s*${NUMERAL}\\s*条)(?![路街河线])`,
  'g',
);
// 第八部分, or a heading quoted at the very start (八、增进民生福祉); 一、二、三产业 inside a sentence is not a part.
const PART_BY_NUMBER = new RegExp(
  `第\\s*${NUMERAL}\\s*(?:部分|章|板块)|^([一二三四五六七八九十]+)、(?![一二三四五六七八九十]+、)`,
  'g',
);

/** Finds structural references in a question; numbers that do not exist in the document are kept so callers can say so. */
export function parseStructuralReference(
  question: string,
  doc: PlanDocument,
  framing: QueryFraming,
): StructuralReference {
  // Half-width brackets and digits, but keep Chinese numerals and 、.
  let text = normalizeForMatch(question).replace(/,/g, '、');
  const articles: number[] = [];
  const parts: number[] = [];
  const mentionedParts: number[] = [];

  text = text.replace(ARTICLE_IN_PART, (match: string, partValue: string, ordinalValue: string) => {
    const part = partByNumber(doc, parseNumeral(partValue) ?? 0);
    const article = part ? nthArticle(part.articleNumbers, ordinalValue) : undefined;
    if (article === undefined || !part) return match;
    articles.push(article);
    mentionedParts.push(part.number);
    return ' '.repeat(match.length);
  });
  // 民生部分第一条: a part named by its subject, then the n-th article in it.
  text = text.replace(NAMED_PART_ARTICLE, (match: string, words: string, ordinalValue: string) => {
    const partNumber = partNamedBy(normalizeLoose(words), doc, framing);
    const part = partNumber === null ? undefined : partByNumber(doc, partNumber);
    const article = part ? nthArticle(part.articleNumbers, ordinalValue) : undefined;
    if (article === undefined || !part) return match;
    articles.push(article);
    mentionedParts.push(part.number);
    return ' '.repeat(match.length);
  });
  text = text.replace(FROM_END, (match: string, fromEnd?: string) => {
    const fromLast = fromEnd === undefined ? 1 : (parseNumeral(fromEnd) ?? 0);
    const article = fromLast >= 1 ? doc.articles.at(-fromLast) : undefined;
    if (article === undefined) return match;
    articles.push(article.number);
    return ' '.repeat(match.length);
  });
  text = text.replace(ARTICLE_LIST, (match: string, first: string, rest: string) => {
    const numbers = [
      first,
      ...[...(rest ?? '').matchAll(new RegExp(NUMERAL, 'g'))].map((found) => found[1] ?? ''),
    ];
    const values = numbers
      .map((value) => parseNumeral(value))
      .filter((value): value is number => value !== null);
    // 第12至15条 means the range.
    if (/[至到-]/.test(rest ?? '') && values.length === 2 && values[0]! < values[1]!) {
      for (let value = values[0]!; value <= values[1]!; value += 1) articles.push(value);
    } else articles.push(...values);
    return ' '.repeat(match.length);
  });
  text = text.replace(BARE_ARTICLE, (match: string, value: string) => {
    const number = parseNumeral(value);
    if (number === null) return match;
    articles.push(number);
    return ' ';
  });
  text = text.replace(PART_BY_NUMBER, (match: string, byNumber?: string, byHeading?: string) => {
    const number = parseNumeral(byNumber ?? byHeading ?? '');
    if (number === null) return match;
    parts.push(number);
    return ' ';
  });

  for (const alias of normalizedAliases(framing.articleAliases, normalizeForMatch)) {
    if (alias.phrases.some((phrase) => text.includes(phrase))) articles.push(alias.article);
  }
  for (const partNumber of partsNamedByTitle(text, doc, framing)) parts.push(partNumber);

  return {
    articles: unique(articles),
    parts: unique(parts),
    mentionedParts: unique([...parts, ...mentionedParts]),
    remainder: text.replace(/\s+/g, ' ').trim(),
  };
}

/** 民生福祉那部分 / 创新驱动部分: the words before 部分, matched against the part titles. */
function partsNamedByTitle(text: string, doc: PlanDocument, rules: QueryFraming): number[] {
  const found: number[] = [];
  for (const partWord of rules.partWords) {
    let from = text.indexOf(partWord);
    while (from >= 0) {
      const before = normalizeLoose(text.slice(Math.max(0, from - 12), from))
        .replace(/(那|这|哪)?(一)?(个)?$/u, '')
        .replace(/的$/u, '');
      const match = partNamedBy(before, doc, rules);
      if (match !== null) found.push(match);
      from = text.indexOf(partWord, from + partWord.length);
    }
  }
  return found;
}

/** A part named by an alias (党建 → 10) or by words of its title; null when none fits. */
function partNamedBy(words: string, doc: PlanDocument, rules: QueryFraming): number | null {
  const alias = normalizedAliases(rules.partAliases, normalizeLoose).find((candidate) =>
    candidate.phrases.some((phrase) => words.endsWith(phrase)),
  );
  return alias?.part ?? bestTitleMatch(words, doc);
}

/** The part whose title contains the longest tail (≥ 2 characters) of the words before 部分. */
function bestTitleMatch(words: string, doc: PlanDocument): number | null {
  for (let length = Math.min(words.length, 12); length >= 2; length -= 1) {
    const tail = words.slice(words.length - length);
    const hit = looseTitles(doc).find((part) => part.title.includes(tail));
    if (hit) return hit.number;
  }
  return null;
}

const looseTitlesByDocument = new WeakMap<PlanDocument, Array<{ number: number; title: string }>>();

/** The part titles without punctuation (normalizeLoose), once per document. */
function looseTitles(doc: PlanDocument): Array<{ number: number; title: string }> {
  let titles = looseTitlesByDocument.get(doc);
  if (!titles) {
    titles = doc.parts.map((part) => ({ number: part.number, title: normalizeLoose(part.title) }));
    looseTitlesByDocument.set(doc, titles);
  }
  return titles;
}

const normalizedLists = new WeakMap<object, unknown>();

/**
 * An alias list with its phrases normalised, once per list: each list is read one way (article aliases as the
 * question is matched, part aliases loosely), so the list alone is the key.
 */
function normalizedAliases<Alias extends { phrases: string[] }>(
  aliases: readonly Alias[],
  normalize: (text: string) => string,
): Alias[] {
  let normalized = normalizedLists.get(aliases) as Alias[] | undefined;
  if (!normalized) {
    normalized = aliases.map((alias) => ({ ...alias, phrases: alias.phrases.map(normalize) }));
    normalizedLists.set(aliases, normalized);
  }
  return normalized;
}

/** The n-th (1-based) article of a part, or its last for 最后一. */
function nthArticle(articleNumbers: number[], ordinal: string): number | undefined {
  return ordinal === '最后一'
    ? articleNumbers.at(-1)
    : articleNumbers[(parseNumeral(ordinal) ?? 0) - 1];
}

function unique(values: number[]): number[] {
  return [...new Set(values)];
}
