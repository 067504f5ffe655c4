/** Raised when a document's structure cannot be read; names the offending line so the source can be fixed. */
export class PlanParseError extends Error {
  readonly lineNumber: number | null;

  constructor(message: string, lineNumber: number | null, lineText?: string) {
    const where = lineNumber === null ? '' : `line ${lineNumber}: `;
    const excerpt =
      lineText === undefined
        ? ''
        : ` «${lineText.length > 40 ? `${lineText.slice(0, 40)}…` : lineText}»`;
    super(`${where}${message}${excerpt}`);
    this.name = 'PlanParseError';
    this.lineNumber = lineNumber;
  }
}
