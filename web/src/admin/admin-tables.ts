// The staff page's tables: plain <table>s with a caption or heading, so screen readers and copying work.
import type { Audience } from '../../../core/wire/chat-wire.ts';
import type {
  AdminSummary,
  FeedbackItem,
  UnansweredGroup,
} from '../../../core/wire/insight-wire.ts';
import { el } from '../dom';
import { articleLabel, MODE_STRINGS, MODES } from '../strings';
import { A } from './admin-strings';

type Cell = string | number | Node;

export function table(
  header: readonly string[],
  rows: ReadonlyArray<readonly Cell[]>,
  caption?: string,
): HTMLElement {
  if (rows.length === 0) return el('p', { class: 'admin__empty', text: A.empty });
  const cell = (tag: 'th' | 'td', value: Cell) =>
    el(tag, {}, [typeof value === 'number' ? String(value) : value]);
  return el('div', { class: 'admin__table-wrap' }, [
    el('table', { class: 'admin__table' }, [
      caption ? el('caption', { text: caption }) : null,
      el('thead', {}, [
        el(
          'tr',
          {},
          header.map((title) => cell('th', title)),
        ),
      ]),
      el(
        'tbody',
        {},
        rows.map((row) =>
          el(
            'tr',
            {},
            row.map((value) => cell('td', value)),
          ),
        ),
      ),
    ]),
  ]);
}

const share = (answered: number, questions: number): string =>
  questions > 0 ? A.percent(answered / questions) : A.none;

const modeLabel = (mode: Audience): string => MODE_STRINGS[mode]?.label ?? mode;

const localTime = (iso: string): string => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** The chat page, asking this question afresh in its mode (web/src/replay-request.ts). */
export function replayLink(question: string, mode: Audience): HTMLAnchorElement {
  const params = new URLSearchParams({ ask: question, mode });
  return el('a', {
    href: `/?${params.toString()}`,
    target: '_blank',
    rel: 'noopener',
    class: 'admin__replay',
    text: A.replay,
  });
}

export function overviewTables(summary: AdminSummary): HTMLElement[] {
  const { totals, feedback } = summary;
  const byMode = MODES.map((mode) => {
    const counts = summary.byMode[mode];
    return [
      modeLabel(mode),
      counts.questions,
      counts.answered,
      share(counts.answered, counts.questions),
    ];
  });
  const dates = [...new Set(summary.perDay.map((row) => row.date))].sort().reverse();
  const perDay = dates.map((date) => {
    const rows = summary.perDay.filter((row) => row.date === date);
    const count = (mode: Audience) => rows.find((row) => row.mode === mode)?.questions ?? 0;
    const questions = rows.reduce((sum, row) => sum + row.questions, 0);
    const answered = rows.reduce((sum, row) => sum + row.answered, 0);
    return [date, ...MODES.map(count), questions, share(answered, questions)];
  });
  return [
    el('p', {
      class: 'admin__totals',
      text: A.overviewTotals(
        totals.questions,
        totals.answered,
        share(totals.answered, totals.questions),
      ),
    }),
    el('p', { class: 'admin__totals', text: A.overviewFeedback(feedback.up, feedback.down) }),
    table(
      [A.modeColumn, A.questionsColumn, A.answeredColumn, A.shareColumn],
      byMode,
      A.byModeCaption,
    ),
    table(
      [A.dateColumn, ...MODES.map(modeLabel), A.totalColumn, A.shareColumn],
      perDay,
      A.perDayCaption,
    ),
  ];
}

export function articlesTable(summary: AdminSummary): HTMLElement {
  return table(
    [A.articleColumn, A.titleColumn, A.timesColumn],
    summary.topArticles.map((row) => [articleLabel(row.article), row.title, row.questions]),
  );
}

export function unansweredTable(groups: readonly UnansweredGroup[]): HTMLElement {
  return table(
    [
      A.questionColumn,
      A.countColumn,
      A.variantsColumn,
      A.keywordsColumn,
      A.lastAskedColumn,
      A.actionsColumn,
    ],
    groups.map((group) => [
      group.question,
      group.count,
      group.variants.join(' / ') || A.none,
      group.keywords.join('、'),
      localTime(group.lastAskedAt),
      replayLink(group.question, group.mode),
    ]),
  );
}

export function downVotesTable(items: readonly FeedbackItem[]): HTMLElement {
  return table(
    [
      A.questionColumn,
      A.commentColumn,
      A.modeColumn,
      A.answeredStateColumn,
      A.ratedAtColumn,
      A.actionsColumn,
    ],
    items.map((item) => [
      item.question,
      item.comment ?? A.noComment,
      modeLabel(item.mode),
      item.answered ? A.yes : A.no,
      localTime(item.ratedAt),
      replayLink(item.question, item.mode),
    ]),
  );
}
