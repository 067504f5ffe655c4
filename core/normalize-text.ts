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

export function normalizeForMatch(text: string): string {
  let normalized = text.normalize('NFKC');
  for (const [pattern, replacement] of PUNCTUATION_VARIANTS)
    normalized = normalized.replace(pattern, replacement);
  return normalized.replace(/\s+/g, '').toLowerCase();
}

/** Like normalizeForMatch but also drops punctuation: for comparing phrases regardless of how they are punctuated. */
export function normalizeLoose(text: string): string {
  return normalizeForMatch(text).replace(/[\p{P}\p{S}]/gu, '');
}
