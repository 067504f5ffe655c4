import type { FigureKind } from '../policy/answer-policy.ts';

/**
 * The kinds of figure a question asks for: every kind whose question pattern matches, less the broader kinds a
 * narrower match stands in for (多少亿 asks for money, not for any number, so 两个产业集群 does not answer it). Pure.
 */
export function askedFigureKinds(kinds: readonly FigureKind[], question: string): FigureKind[] {
  const matched = kinds.filter((figure) => figure.question.test(question));
  const replaced = new Set(matched.flatMap((figure) => figure.replaces));
  return matched.filter((figure) => !replaced.has(figure.kind));
}
