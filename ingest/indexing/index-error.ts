/** The command that rebuilds the index; every refusal to load names it. */
export const REBUILD_COMMAND = 'npm run ingest';

export type IndexProblem = 'missing' | 'corrupt' | 'embedder-mismatch' | 'format-mismatch';

/** Raised when an index on disk cannot be used as it is. */
export class IndexLoadError extends Error {
  readonly problem: IndexProblem;
  constructor(problem: IndexProblem, detail: string, options?: { cause?: unknown }) {
    super(`${detail}. Rebuild it with \`${REBUILD_COMMAND}\`.`, options);
    this.name = 'IndexLoadError';
    this.problem = problem;
  }
}
