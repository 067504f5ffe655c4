// Constants that web/build.ts injects into the bundle with esbuild's `define`.
// Outside the bundle (unit tests run the sources directly) they are undefined: check with typeof.

declare global {
  /** The citation marker template, data/answer-templates.json `marker` (e.g. 〔第{article}条〕). */
  const __CITATION_MARKER_TEMPLATE__: string;
}

export {};
