import type { ParseRules } from './parse-rules.ts';

/** A non-empty line of the document with its 1-based line number in the source file, for error messages. */
export interface SourceLine {
  lineNumber: number;
  text: string;
}

/**
 * Drops the web page's chrome (font-size buttons, byline, the trailing 相关推荐 block) and blank lines.
 * Line numbers are kept so that a parse error can name the offending line of the original file.
 */
export function cleanPage(source: string, rules: ParseRules): SourceLine[] {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const kept: SourceLine[] = [];
  for (const [index, rawLine] of lines.entries()) {
    const text = rawLine.trim();
    if (text === '') continue;
    if (rules.trailingBlockMarkers.some((marker) => marker.test(text))) break;
    if (rules.chromeLines.some((pattern) => pattern.test(text))) continue;
    kept.push({ lineNumber: index + 1, text });
  }
  return kept;
}
