import type { Article } from '../../core/document-model.ts';
import { loadPlanTermGroups } from '../../ingest/plan-terms.ts';
import { splitSentences } from '../../core/split-sentences.ts';

/** One use of a plan term in an article's sentence (never the title sentence). */
export interface TermUse {
  term: string;
  group: string;
  article: Article;
  sentence: string;
  /** Written in quotation marks in the document (a slogan such as “五区一河”). */
  quoted: boolean;
}

/**
 * Every plan term used in the articles' sentences. A term inside a longer term used in the same sentence is
 * skipped (固态电池 inside 固态电池材料及装备制造), so a blank never cuts a phrase in half.
 */
export function termUses(articles: Article[]): TermUse[] {
  const groups = loadPlanTermGroups();
  const uses: TermUse[] = [];
  for (const article of articles) {
    splitSentences(article.text).forEach((sentence, position) => {
      if (position === 0) return;
      const found = groups.flatMap(({ group, terms }) =>
        terms.filter((term) => sentence.text.includes(term)).map((term) => ({ term, group })),
      );
      for (const candidate of found) {
        if (
          found.some(
            (other) => other.term !== candidate.term && other.term.includes(candidate.term),
          )
        )
          continue;
        uses.push({
          ...candidate,
          article,
          sentence: sentence.text,
          quoted: sentence.text.includes(`“${candidate.term}”`),
        });
      }
    });
  }
  return uses;
}
