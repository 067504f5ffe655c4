import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { PlanDocument } from '../../core/document-model.ts';
import { dataFile } from '../../ingest/project-paths.ts';
import { normalizeForMatch } from '../../core/normalize-text.ts';
import { parseNumeral } from '../../core/numerals.ts';
import { parseStructuralReference } from '../retrieval/structural-query.ts';
import type { ChatTurn } from '../../core/wire/chat-wire.ts';

const CuesFile = z.object({ ordinal: z.string(), maxOrdinalLength: z.number(), more: z.string(), deictic: z.string(), shortFollowUpLength: z.number() });

/** How to retrieve for a message in its conversation: the deterministic carry-over used offline. */
export interface RetrievalPlan {
  query: string;
  kind: 'standalone' | 'ordinal' | 'more' | 'deictic';
  /** Articles resolved outright (the n-th article of the part just discussed). */
  directArticles?: number[];
  /** The n-th main goal, when the conversation was about the goals. */
  goalOrdinal?: number;
  restrictToArticles?: number[];
  excludeArticles?: number[];
  /** The previous question, to be searched together with this one if this one alone finds too little. */
  previousQuestion?: string;
}

let cues: { ordinal: RegExp; maxOrdinalLength: number; more: RegExp; deictic: RegExp; shortFollowUpLength: number } | undefined;
function loadCues() {
  if (cues) return cues;
  const raw = CuesFile.parse(JSON.parse(readFileSync(dataFile('dict', 'followup-cues.json'), 'utf8')));
  cues = { ...raw, ordinal: new RegExp(raw.ordinal), more: new RegExp(raw.more), deictic: new RegExp(raw.deictic) };
  return cues;
}

/** Article numbers cited in an answer, in order of first appearance (〔第12条〕). */
export function citedArticles(text: string): number[] {
  return [...new Set([...text.matchAll(/〔第(\d+)条〕/g)].map((match) => Number(match[1])))];
}

export function resolveFollowUp(message: string, history: ChatTurn[], doc: PlanDocument): RetrievalPlan {
  const previousUser = [...history].reverse().find((turn) => turn.role === 'user');
  const previousAnswer = [...history].reverse().find((turn) => turn.role === 'assistant');
  if (!previousUser && !previousAnswer) return { query: message, kind: 'standalone' };
  const rules = loadCues();
  const text = normalizeForMatch(message).replace(/[?？。!！]+$/u, '');
  const cited = previousAnswer ? citedArticles(previousAnswer.content) : [];
  const previousQuestion = previousUser?.content;

  const ordinal = text.length <= rules.maxOrdinalLength ? rules.ordinal.exec(text) : null;
  if (ordinal) {
    const resolved = resolveOrdinal(ordinal[3] ?? '', Boolean(ordinal[5]), history, cited, doc);
    if (resolved) return { query: message, kind: 'ordinal', previousQuestion, ...resolved };
  }
  if (rules.more.test(text) && previousQuestion) {
    return { query: previousQuestion, kind: 'more', excludeArticles: cited, previousQuestion };
  }
  if (rules.deictic.test(text) && cited.length > 0) {
    return { query: message, kind: 'deictic', restrictToArticles: cited, previousQuestion };
  }
  return { query: message, kind: 'standalone', previousQuestion: text.length <= rules.shortFollowUpLength ? previousQuestion : undefined };
}

/** 第二个 / 最后一条: the n-th article of the part last asked about, else the n-th goal, else the n-th cited article. */
function resolveOrdinal(rawOrdinal: string, saysGoal: boolean, history: ChatTurn[], cited: number[], doc: PlanDocument): Pick<RetrievalPlan, 'directArticles' | 'goalOrdinal'> | null {
  const userTurns = history.filter((turn) => turn.role === 'user').reverse();
  const last = rawOrdinal === '最后一';
  const position = last ? -1 : (parseNumeral(rawOrdinal) ?? 0);
  if (!last && position < 1) return null;
  const goalsArticle = doc.mainGoals[0]?.articleNumber;
  const aboutGoals = saysGoal || /目标/.test(userTurns[0]?.content ?? '');
  if (aboutGoals && goalsArticle !== undefined) {
    const count = doc.mainGoals.length;
    const index = last ? count : position;
    if (index >= 1 && index <= count) return { directArticles: [goalsArticle], goalOrdinal: index };
  }
  for (const turn of userTurns) {
    const [partNumber] = parseStructuralReference(turn.content, doc).mentionedParts;
    const part = doc.parts.find((candidate) => candidate.number === partNumber);
    if (part) {
      const article = last ? part.articleNumbers.at(-1) : part.articleNumbers[position - 1];
      return article === undefined ? null : { directArticles: [article] };
    }
  }
  const article = last ? cited.at(-1) : cited[position - 1];
  return article === undefined ? null : { directArticles: [article] };
}
