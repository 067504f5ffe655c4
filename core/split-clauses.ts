/**
 * The clauses of a sentence: the stretches between commas, semicolons, colons and sentence ends (ASCII or full
 * width). 包银高铁乌海段全线贯通 and 2005年前建成的老旧小区全部改造完成 are two clauses of one sentence. Pure.
 */
export function splitClauses(sentence: string): string[] {
  return sentence
    .split(/[,，;；:：。！？!?]/)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}
