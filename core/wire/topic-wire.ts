// Wire shapes of GET /api/topics and /api/topics/:id: pure types, shared by the server and the web page.

export interface TopicSummary {
  id: string;
  name: string;
  /** Plain-language heading for residents. */
  heading: string;
  articleCount: number;
  sentenceCount: number;
}

export interface TopicArticle {
  article: number;
  title: string;
  part: number;
  partTitle: string;
  /** Sentences of the article about this topic, verbatim. */
  sentences: Array<{ quote: string }>;
}

export interface TopicDetail {
  id: string;
  name: string;
  heading: string;
  articles: TopicArticle[];
}
