import type { FigureKind } from '../policy/answer-policy.ts';

/** Commas, semicolons and sentence ends split a message into clauses (as in asking-clause.ts). */
const CLAUSE_BREAK = /[,，;；。!！?？]+/u;

/**
 * The kinds of figure a question asks for: every kind whose question pattern matches, less the broader kinds a
 * narrower match stands in for (多少亿 asks for money, not for any number, so 两个产业集群 does not answer it). When the
 * last asking clause asks what will be done and for no figure (`policyIntent`: 生娃上学都要花多少钱啊，太贵了，能不能降点
 * asks whether costs will come down), the figure words before it were the asker's complaint, not the question. Pure.
 */
export function askedFigureKinds(
  kinds: readonly FigureKind[],
  question: string,
  questionCues: readonly RegExp[] = [],
  policyIntent?: RegExp,
): FigureKind[] {
  const asksFigure = (clause: string) => kinds.some((figure) => figure.question.test(clause));
  const clauses = question.split(CLAUSE_BREAK).filter((clause) => clause.length > 0);
  const last = clauses
    .filter((clause) => asksFigure(clause) || questionCues.some((cue) => cue.test(clause)))
    .at(-1);
  const intentOnly =
    last !== undefined &&
    !asksFigure(last) &&
    policyIntent !== undefined &&
    policyIntent.test(last);
  const asking = intentOnly ? last : question;
  const matched = kinds.filter((figure) => figure.question.test(asking));
  const replaced = new Set(matched.flatMap((figure) => figure.replaces));
  return matched.filter((figure) => !replaced.has(figure.kind));
}
