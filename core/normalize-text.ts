/**
 * Normalisation used only for matching (tokens, fact checks, quote lookup): the original text is kept for quoting.
 * Full-width letters, digits and punctuation become half width (NFKC), Chinese punctuation variants are unified,
 * whitespace is removed and Latin letters are lower-cased.
 */
const PUNCTUATION_VARIANTS: Array<[RegExp, string]> = [
  [/[“”„‟〝〞「」『』]/g, '"'],
  [/[‘’‚‛]/g, "'"],
  [/[、，]/g, ','],
  [/[。｡]/g, '.'],
  [/[；]/g, ';'],
  [/[：]/g, ':'],
  [/[—–－]/g, '-'],
  [/[（〔【]/g, '('],
  [/[）〕】]/g, ')'],
  [/[《〈]/g, '<'],
  [/[》〉]/g, '>'],
  [/[·・•]/g, '.'],
];

/**
 * Every variant above in one pass: no replacement is itself a variant, so replacing them all at once is the same as
 * replacing them list by list.
 */
const VARIANT_REPLACEMENTS = new Map(
  PUNCTUATION_VARIANTS.flatMap(([pattern, replacement]) =>
    [...pattern.source.slice(1, -1)].map((variant) => [variant, replacement] as const),
  ),
);
const ANY_VARIANT = new RegExp(`[${[...VARIANT_REPLACEMENTS.keys()].join('')}]`, 'g');

/** A question is normalised by several stages in turn: the last results are remembered. */
const recent = new Map<string, string>();
const RECENT_LIMIT = 1_000;
const RECENT_MAX_LENGTH = 500;

export function normalizeForMatch(text: string): string {
  const known = recent.get(text);
  if (known !== undefined) return known;
  const normalized = text
    .normalize('NFKC')
    .replace(ANY_VARIANT, (variant) => VARIANT_REPLACEMENTS.get(variant)!)
    .replace(/\s+/g, '')
    .toLowerCase();
  if (text.length <= RECENT_MAX_LENGTH) {
    if (recent.size >= RECENT_LIMIT) recent.clear();
    recent.set(text, normalized);
  }
  return normalized;
}

/** Like normalizeForMatch but also drops punctuation: for comparing phrases regardless of how they are punctuated. */
export function normalizeLoose(text: string): string {
  return normalizeForMatch(text).replace(/[\p{P}\p{S}]/gu, '');
}
