// The study pack's wire shapes: pure types with no runtime imports, shared by the server and the web page.
import type { Citation } from './chat-wire.ts';

export interface StudyPoint {
  quote: string;
  citation: Citation;
}

export interface StudyOutlineItem {
  article: number;
  title: string;
  part: number;
  partTitle: string;
  points: StudyPoint[];
}

export interface KeyTerm {
  term: string;
  article: number;
  /** The sentence that uses or enumerates the term, verbatim. */
  quote: string;
}

export interface DiscussionQuestion {
  question: string;
  articles: number[];
}

export interface QuizItem {
  id: string;
  type: 'fill-blank' | 'multiple-choice';
  prompt: string;
  /** For multiple choice: the options in display order (A, B, C, D). */
  options?: string[];
  answer: string;
  article: number;
  /** The sentence the item is built from, verbatim; the answer occurs in it. */
  quote: string;
}

/** A study pack: outline, key terms, discussion questions and a quiz, every piece tied to an article. */
export interface StudyPack {
  title: string;
  selection: {
    kind: 'part' | 'articles' | 'topic';
    part?: number;
    topic?: string;
    articles: number[];
  };
  outline: StudyOutlineItem[];
  keyTerms: KeyTerm[];
  discussion: DiscussionQuestion[];
  quiz: QuizItem[];
  provider: string;
}
