import type { PlanDocument } from '../../core/document-model.ts';
import type { Citation } from '../../core/wire/chat-wire.ts';
import type { AnswerTemplates } from '../policy/answer-templates.ts';
import { citationOf } from './citation-of.ts';
import type { Evidence } from './select-evidence.ts';

/** Collects an offline answer: lines of template text, and quotes that always carry their marker and citation. */
export class QuoteWriter {
  readonly lines: string[] = [];
  readonly citations: Citation[] = [];

  constructor(
    private readonly document: PlanDocument,
    readonly templates: AnswerTemplates,
  ) {}

  /** A template line (connective text only; it states no fact of its own). */
  say(key: string, values?: Record<string, string | number>): void {
    this.lines.push(this.templates.fill(key, values));
  }

  /** A verbatim sentence in quotation marks, its marker, and its citation; `prefix` is template text before it. */
  quote(evidence: Evidence, prefix = ''): void {
    const text = evidence.sentence.text;
    this.lines.push(
      `${prefix}${this.templates.fill('quote', { quote: text })}${this.templates.marker.format(evidence.article.number)}`,
    );
    this.citations.push(citationOf(this.document, evidence.article, text));
  }
}
