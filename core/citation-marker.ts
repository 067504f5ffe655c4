import { CHINESE_NUMERAL_CHARS, parseNumeral } from './numerals.ts';

/** The marker the answers use unless the templates say otherwise. */
export const DEFAULT_MARKER_TEMPLATE = '〔第{article}条〕';

/** A citation marker found in text: where it is, what it says and which articles it names. */
export interface FoundMarker {
  index: number;
  raw: string;
  articles: number[];
}

/**
 * Formats and parses citation markers from one template (data/answer-templates.json `marker`), so that the server's
 * answers, follow-up resolution, citation checks, the page and the evaluation can never disagree about the format.
 */
export interface CitationMarker {
  readonly template: string;
  /** A regular expression source matching one canonical marker of any article (no capturing groups). */
  readonly source: string;
  /** 12 → 〔第12条〕 */
  format(articleNumber: number): string;
  /** Markers exactly as format() writes them, in order. */
  find(text: string): FoundMarker[];
  /**
   * Markers as models and people also write them: other brackets ([第12条], 【第12条】), Chinese numerals
   * (〔第十二条〕), spaces, and lists (〔第12条、第13条〕, 〔第12、13条〕).
   */
  findLoose(text: string): FoundMarker[];
  /** Rewrites every loose marker into canonical ones (〔第12条、第13条〕 → 〔第12条〕〔第13条〕). */
  normalize(text: string): string;
  /** Article numbers cited in a text, unique, in order of first appearance. */
  citedArticles(text: string): number[];
  /** Whether a line ends with a canonical marker; returns its article. */
  trailingArticle(text: string): number | null;
}

const OPEN_BRACKETS = '〔[【';
const CLOSE_BRACKETS = '〕\\]】';
const SEPARATORS = '、,，;；和及与\\s';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createCitationMarker(template: string = DEFAULT_MARKER_TEMPLATE): CitationMarker {
  const at = template.indexOf('{article}');
  if (at < 0 || template.indexOf('{article}', at + 1) >= 0) {
    throw new Error(`citation marker template must hold {article} exactly once: ${template}`);
  }
  const prefix = template.slice(0, at);
  const suffix = template.slice(at + '{article}'.length);
  if (prefix === '' || suffix === '')
    throw new Error(`citation marker template needs text around {article}: ${template}`);
  const canonical = new RegExp(`${escapeRegExp(prefix)}(\\d+)${escapeRegExp(suffix)}`, 'g');
  const trailing = new RegExp(`${escapeRegExp(prefix)}(\\d+)${escapeRegExp(suffix)}$`);

  // The loose form keeps the template's words inside the brackets (第 … 条) and accepts any bracket pair.
  const open = prefix[0]!;
  const close = suffix.at(-1)!;
  const innerPrefix = prefix.slice(1).trim();
  const innerSuffix = suffix.slice(0, -1).trim();
  const number = `(?:[0-9０-９]+|[${CHINESE_NUMERAL_CHARS}]+)`;
  const item = `${innerPrefix ? `(?:${escapeRegExp(innerPrefix)})?` : ''}\\s*${number}\\s*${innerSuffix ? `(?:${escapeRegExp(innerSuffix)})?` : ''}`;
  const openSet = `[${escapeRegExp(open)}${OPEN_BRACKETS}]`;
  const closeSet = `[${escapeRegExp(close)}${CLOSE_BRACKETS}]`;
  const loose = new RegExp(
    `${openSet}\\s*(${item}(?:\\s*[${SEPARATORS}]\\s*${item})*)\\s*${closeSet}`,
    'g',
  );
  const numberPattern = new RegExp(number, 'g');

  const format = (articleNumber: number): string => `${prefix}${articleNumber}${suffix}`;

  const find = (text: string): FoundMarker[] =>
    [...text.matchAll(canonical)].map((match) => ({
      index: match.index ?? 0,
      raw: match[0],
      articles: [Number(match[1])],
    }));

  const findLoose = (text: string): FoundMarker[] => {
    const found: FoundMarker[] = [];
    for (const match of text.matchAll(loose)) {
      const body = match[1] ?? '';
      // The template's closing word (条) must appear, so 〔12〕 or 【一】 in prose is not read as a citation.
      if (innerSuffix && !body.includes(innerSuffix)) continue;
      const articles: number[] = [];
      for (const token of body.match(numberPattern) ?? []) {
        const value = parseNumeral(token);
        if (value !== null && !articles.includes(value)) articles.push(value);
      }
      if (articles.length > 0) found.push({ index: match.index ?? 0, raw: match[0], articles });
    }
    return found;
  };

  const normalize = (text: string): string => {
    let result = '';
    let last = 0;
    for (const marker of findLoose(text)) {
      result += text.slice(last, marker.index) + marker.articles.map(format).join('');
      last = marker.index + marker.raw.length;
    }
    return result + text.slice(last);
  };

  return {
    template,
    source: `${escapeRegExp(prefix)}\\d+${escapeRegExp(suffix)}`,
    format,
    find,
    findLoose,
    normalize,
    citedArticles: (text) => [...new Set(find(text).flatMap((marker) => marker.articles))],
    trailingArticle: (text) => {
      const match = trailing.exec(text);
      return match ? Number(match[1]) : null;
    },
  };
}
