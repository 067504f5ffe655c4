/** The plan proposal as parsed: the shared document model used by ingest, retrieval and the server. */

/** Labels for text that is not (only) a numbered article. */
export type SectionKind =
  'preamble' | 'part-intro' | 'article' | 'main-goal' | 'vision-2035' | 'closing';

export interface Part {
  /** 1-based part number (一、 = 1). */
  number: number;
  title: string;
  /** The paragraph(s) between the part heading and its first article; '' when there are none. */
  intro: string;
  articleNumbers: number[];
}

export interface Article {
  number: number;
  /** The first sentence, without its full stop, e.g. 优化能源消费结构. */
  title: string;
  partNumber: number;
  /** Verbatim text from the title through the end of the body (paragraphs joined by \n), without the (N) marker. */
  text: string;
}

/** A paragraph inside an article that carries its own label (article (3)'s goals and 2035 vision). */
export interface LabelledParagraph {
  kind: 'main-goal' | 'vision-2035';
  articleNumber: number;
  /** Short label: for a goal, the goal's own headline, e.g. 生态环境质量明显改善. */
  label: string;
  text: string;
  /** Offsets of `text` inside the article's text. */
  start: number;
  end: number;
}

export interface PlanDocument {
  id: string;
  title: string;
  /** The adoption note that follows the title, e.g. （二〇二五年十一月二十五日…通过）, without brackets. */
  adoptionNote: string;
  preamble: string;
  parts: Part[];
  articles: Article[];
  mainGoals: LabelledParagraph[];
  vision2035: LabelledParagraph | null;
  closing: string;
}

/** The unit that is indexed and retrieved. Offsets are into the article text (or the section text when article is null). */
export interface Chunk {
  id: string;
  docId: string;
  section: SectionKind;
  /** Human-readable label of the section, e.g. 序言, 第八部分导语, 主要目标：生态环境质量明显改善. */
  sectionLabel: string;
  partNumber: number | null;
  partTitle: string | null;
  articleNumber: number | null;
  articleTitle: string | null;
  start: number;
  end: number;
  text: string;
}
