import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BaselineSummary } from './baseline-summary.ts';
import type { ItemResult } from './evaluate-item.ts';
import { AUDIENCES } from '../core/wire/chat-wire.ts';
import { HALVES, type Half } from './split.ts';
import type { Summary } from './summarize.ts';

export interface EvalReport {
  createdAt: string;
  dataset: string;
  provider: string;
  embedder: string;
  /** All items: overall and per category. */
  summary: Record<string, Summary>;
  /** The same per half of the dataset (evals/split.ts); the gate checks `test`. */
  halves: Record<Half, Record<string, Summary>>;
  baseline?: Record<string, BaselineSummary>;
  items: ItemResult[];
}

/** Shares (0..1): the table's main columns and the HTML bar charts. */
const COLUMNS: Array<[string, (summary: Summary) => number | null]> = [
  ['hit@1', (summary) => summary.hitAt1],
  ['hit@3', (summary) => summary.hitAt3],
  ['hit@5', (summary) => summary.hitAt5],
  ['recall@5', (summary) => summary.recallAt5],
  ['MRR', (summary) => summary.mrr],
  ['nDCG@5', (summary) => summary.ndcgAt5],
  ['cite valid', (summary) => summary.citationValidity],
  ['cite prec', (summary) => summary.citationPrecision],
  ['cite recall', (summary) => summary.citationRecall],
  ['facts', (summary) => summary.factCoverage],
  ['all facts', (summary) => summary.allFactsShare],
  ['1st quote fact', (summary) => summary.firstQuoteFact],
  ['quote fact share', (summary) => summary.quoteFactShare],
  ['answered', (summary) => summary.answeredShare],
  ['OOS reject', (summary) => summary.outOfScopeRejection],
  ['false refusal', (summary) => summary.falseRefusal],
  ['premise noted', (summary) => summary.premiseNoted],
];

/** Counts and sizes, shown in the table only. */
const SHAPE_COLUMNS: Array<[string, (summary: Summary) => string]> = [
  ['quotes/answer', (summary) => formatNumber(summary.quotesPerAnswer, 2)],
  [
    'median chars staff/citizen/trainer',
    (summary) =>
      AUDIENCES.map((mode) => formatNumber(summary.medianAnswerChars[mode], 0)).join('/'),
  ],
  ['false-absence notes', (summary) => String(summary.falseAbsenceNotes)],
  ['unsupported numbers', (summary) => String(summary.unsupportedNumbers)],
  [
    'retrieval p50/p95 ms',
    ({ latencyMs }) =>
      `${latencyMs.retrieval.p50.toFixed(1)}/${latencyMs.retrieval.p95.toFixed(1)}`,
  ],
  [
    'answer p50/p95 ms',
    ({ latencyMs }) => `${latencyMs.answer.p50.toFixed(1)}/${latencyMs.answer.p95.toFixed(1)}`,
  ],
];

const format = (value: number | null) => (value === null ? '–' : value.toFixed(3));
const formatNumber = (value: number | null, digits: number) =>
  value === null ? '–' : value.toFixed(digits);

/** One row per entry (overall, then the categories). */
function summaryTable(summaries: Record<string, Summary>): string[] {
  const names = [...COLUMNS.map(([name]) => name), ...SHAPE_COLUMNS.map(([name]) => name)];
  const lines = [
    `| category | n | ${names.join(' | ')} |`,
    `|---|---|${names.map(() => '---').join('|')}|`,
  ];
  for (const [category, summary] of Object.entries(summaries))
    lines.push(
      `| ${category} | ${summary.n} | ${[
        ...COLUMNS.map(([, pick]) => format(pick(summary))),
        ...SHAPE_COLUMNS.map(([, pick]) => pick(summary)),
      ].join(' | ')} |`,
    );
  return lines;
}

/** Refusal of unanswerable questions per kind, for the whole set and each half. */
function refusalKindTable(report: EvalReport): string[] {
  const kinds = Object.keys(report.summary.overall?.refusalByKind ?? {}).sort();
  const cell = (summaries: Record<string, Summary>, kind: string) => {
    const entry = summaries.overall?.refusalByKind[kind];
    return entry ? `${entry.refused}/${entry.n} (${format(entry.refused / entry.n)})` : '–';
  };
  return [
    '## Refusal of unanswerable questions by kind',
    '',
    '| kind | dev | test | all |',
    '|---|---|---|---|',
    ...kinds.map(
      (kind) =>
        `| ${kind} | ${cell(report.halves.dev, kind)} | ${cell(report.halves.test, kind)} | ${cell(report.summary, kind)} |`,
    ),
  ];
}

export function markdownReport(report: EvalReport): string {
  const lines = [
    `# Evaluation report`,
    ``,
    `${report.createdAt} · dataset ${report.dataset} · provider ${report.provider} · embedder ${report.embedder}`,
    ``,
    ...summaryTable(report.summary),
  ];
  for (const half of HALVES) {
    const summaries = report.halves[half];
    lines.push(
      '',
      half === 'test'
        ? `## Test half (n=${summaries.overall?.n ?? 0}): the gate checks this one`
        : `## Dev half (n=${summaries.overall?.n ?? 0})`,
      '',
      ...summaryTable(summaries),
    );
  }
  lines.push('', ...refusalKindTable(report));
  if (report.baseline) {
    lines.push(
      '',
      '## Retrieval: this pipeline vs the naive baseline (500-character chunks, BM25)',
      '',
      '| category | n | hit@1 | hit@3 | hit@5 | recall@5 | MRR | nDCG@5 | naive hit@1 | naive hit@3 | naive hit@5 | naive recall@5 | naive MRR | naive nDCG@5 |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const [category, naive] of Object.entries(report.baseline)) {
      const ours = report.summary[category];
      if (!ours) continue;
      lines.push(
        `| ${category} | ${naive.n} | ${[ours.hitAt1, ours.hitAt3, ours.hitAt5, ours.recallAt5, ours.mrr, ours.ndcgAt5].map(format).join(' | ')} | ${[naive.hitAt1, naive.hitAt3, naive.hitAt5, naive.recallAt5, naive.mrr, naive.ndcgAt5].map(format).join(' | ')} |`,
      );
    }
  }
  const failures = report.items.filter(
    (item) =>
      item.hitAt1 === 0 ||
      item.citationValidity < 1 ||
      item.answered !== item.answerable ||
      item.factsFound < item.factsTotal ||
      item.falseAbsences.length > 0,
  );
  if (failures.length > 0) {
    lines.push(
      '',
      '## Items to look at',
      '',
      '| id | half | answerable | answered | top articles | cited | facts | false absences |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const item of failures)
      lines.push(
        `| ${item.id} | ${item.half} | ${item.answerable} | ${item.answered} | ${item.ranked.slice(0, 5).join(',')} | ${item.cited.join(',')} | ${item.factsFound}/${item.factsTotal} | ${item.falseAbsences.join('、')} |`,
      );
  }
  return lines.join('\n');
}

/** A self-contained page: the tables plus one SVG bar chart per category, and one for each half overall. */
export function htmlReport(report: EvalReport): string {
  const escape = (text: string) =>
    text.replace(
      /[&<>"]/g,
      (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char,
    );
  const charted: Array<[string, Summary]> = [
    ...Object.entries(report.summary),
    ...HALVES.flatMap((half): Array<[string, Summary]> => {
      const overall = report.halves[half].overall;
      return overall ? [[`${half} half · overall`, overall]] : [];
    }),
  ];
  const charts = charted
    .map(([category, summary]) => {
      const bars = COLUMNS.map(([name, pick], index) => {
        const value = pick(summary);
        const width = value === null ? 0 : Math.round(value * 300);
        const y = index * 22;
        return `<text x="0" y="${y + 15}" font-size="12">${escape(name)}</text><rect x="110" y="${y + 4}" width="${width}" height="14" fill="${name === 'false refusal' ? '#c0392b' : '#2e6da4'}"/><text x="${115 + width}" y="${y + 15}" font-size="12">${format(value)}</text>`;
      }).join('');
      return `<figure><figcaption>${escape(category)} (n=${summary.n})</figcaption><svg width="480" height="${COLUMNS.length * 22}" role="img" aria-label="${escape(category)}">${bars}</svg></figure>`;
    })
    .join('\n');
  const table = escape(markdownReport(report));
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>规划问答 evaluation</title><style>body{font-family:system-ui,sans-serif;margin:2rem}figure{display:inline-block;margin:1rem;vertical-align:top}pre{white-space:pre;overflow:auto;background:#f6f6f6;padding:1rem}</style></head><body><h1>规划问答 evaluation</h1><p>${escape(report.createdAt)} · ${escape(report.provider)} · ${escape(report.embedder)}</p>${charts}<pre>${table}</pre></body></html>`;
}

export async function writeReports(
  dir: string,
  report: EvalReport,
): Promise<{ markdown: string; paths: string[] }> {
  const stem = `eval-${report.provider.replace(/[^\w.-]+/g, '_')}`;
  const markdown = markdownReport(report);
  const paths = [
    path.join(dir, `${stem}.json`),
    path.join(dir, `${stem}.md`),
    path.join(dir, `${stem}.html`),
  ];
  await writeFile(paths[0]!, JSON.stringify(report, null, 2));
  await writeFile(paths[1]!, `${markdown}\n`);
  await writeFile(paths[2]!, htmlReport(report));
  return { markdown, paths };
}
