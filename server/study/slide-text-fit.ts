// How much room a paragraph of Chinese text takes on a slide. PowerPoint does not reflow or shrink text when it
// opens a file, so the exporter has to know in advance whether a slide's text fits its box; this is that estimate.

/** A text box on a slide, in points. */
export interface TextBox {
  widthPt: number;
  heightPt: number;
}

/** A paragraph as the fit sees it: its plain text and how far it is indented, in ems of its font size. */
export interface FitParagraph {
  text: string;
  indentEm?: number;
}

/** Line height and the gap after a paragraph, as multiples of the font size; the renderer sets exactly these. */
export const LINE_HEIGHT = 1.3;
export const PARAGRAPH_GAP = 0.45;
/** PowerPoint's default text-box insets: 0.1 inch left and right, 0.05 inch top and bottom. */
const INSET_X_PT = 7.2;
const INSET_Y_PT = 3.6;
/** Headroom for fonts that set a little wider than the estimate (another machine's fallback font). */
const WIDTH_SAFETY = 0.95;
const HEIGHT_SAFETY = 0.95;

/** Punctuation that Chinese typesetting never puts at the start of a line: it pulls the previous character down. */
const NO_LINE_START = new Set('，。、；：？！”’）》〕】」』…—,.;:?!)%'.split(''));

/** Width of one character in ems: Chinese characters and full-width punctuation 1, ASCII a generous 0.6. */
function charWidthEm(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code === 0x20) return 0.35;
  return code < 0x80 ? 0.6 : 1;
}

/** Lines a paragraph wraps to in a line `lineWidthEm` wide, wrapping character by character as CJK text does. */
export function estimateLines(text: string, lineWidthEm: number): number {
  let lines = 0;
  for (const hardLine of text.split('\n')) {
    lines += 1;
    let used = 0;
    let previousWidth = 0;
    for (const char of hardLine) {
      const width = charWidthEm(char);
      if (used + width > lineWidthEm && used > 0) {
        lines += 1;
        used = NO_LINE_START.has(char) && previousWidth > 0 ? previousWidth + width : width;
      } else {
        used += width;
      }
      previousWidth = width;
    }
  }
  return lines;
}

/** Lines a paragraph set at `sizePt` wraps to in `box`. */
export function linesIn(paragraph: FitParagraph, sizePt: number, box: TextBox): number {
  const lineWidthEm = ((box.widthPt - 2 * INSET_X_PT) * WIDTH_SAFETY) / sizePt;
  return estimateLines(paragraph.text, lineWidthEm - (paragraph.indentEm ?? 0));
}

/** Height in points of paragraphs set at `sizePt` in `box`, gaps between paragraphs included. */
export function textHeightPt(paragraphs: FitParagraph[], sizePt: number, box: TextBox): number {
  return paragraphs.reduce(
    (height, paragraph, index) =>
      height +
      linesIn(paragraph, sizePt, box) * sizePt * LINE_HEIGHT +
      (index > 0 ? sizePt * PARAGRAPH_GAP : 0),
    0,
  );
}

/** Whether the paragraphs fit the box at this size. */
export function fitsBox(paragraphs: FitParagraph[], sizePt: number, box: TextBox): boolean {
  return textHeightPt(paragraphs, sizePt, box) <= (box.heightPt - 2 * INSET_Y_PT) * HEIGHT_SAFETY;
}

/** The largest of `sizes` (largest first) at which the paragraphs fit, or null when none does. */
export function largestFittingSize(
  paragraphs: FitParagraph[],
  sizes: readonly number[],
  box: TextBox,
): number | null {
  return sizes.find((size) => fitsBox(paragraphs, size, box)) ?? null;
}
