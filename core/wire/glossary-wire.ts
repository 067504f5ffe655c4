// Wire shape of GET /api/glossary: a pure type, shared by the server and the web page.

export interface ArticleQuote {
  article: number;
  quote: string;
}

export interface GlossaryTermView {
  term: string;
  kind: 'slogan' | 'term';
  articles: number[];
  /** Only when the document itself spells the term out. */
  definition?: ArticleQuote;
  occurrences: ArticleQuote[];
}
