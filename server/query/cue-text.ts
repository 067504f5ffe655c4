/**
 * The text the cues read: width-normalised (NFKC), lower case, spaces kept only between Latin words, everyday
 * spellings in their standard form (咋 → 怎么). Pure.
 */
export function cueText(message: string, dialect: Array<[string, string]> = []): string {
  let text = message
    .normalize('NFKC')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, (space, offset: number, text: string) =>
      /[a-z0-9]/.test(text[offset - 1] ?? '') && /[a-z0-9]/.test(text[offset + space.length] ?? '')
        ? ' '
        : '',
    );
  for (const [spelling, standard] of dialect) text = text.split(spelling).join(standard);
  return text;
}
