// Entry point of the staff insight page (/admin): asks for the token, then shows what residents asked, which
// questions went unanswered and which answers were rated 没帮助, each list with a CSV export.
import { toApiError, type ApiError } from '../api-error';
import { button, el } from '../dom';
import { downloadBlob, fileStamp } from '../download-file';
import { errorText } from '../error-text';
import { AdminApi, type CsvList, type ReportRange } from './admin-api';
import { A } from './admin-strings';
import { articlesTable, downVotesTable, overviewTables, unansweredTable } from './admin-tables';
import { clearToken, readToken, saveToken } from './admin-token';

const RANGES = [7, 30, 90, 180] as const;

document.title = A.pageTitle;
const root = document.getElementById('admin') ?? document.body;
let token = readToken();
let range: ReportRange = { days: 30 };

if (token) void showReports(token);
else showTokenForm();

function showTokenForm(problem = ''): void {
  const input = el('input', {
    id: 'admin-token',
    type: 'password',
    class: 'admin__token-input',
    autocomplete: 'current-password',
    required: true,
  });
  const form = el('form', { class: 'admin__token' }, [
    el('h1', { text: A.tokenHeading }),
    el('p', { class: 'admin__hint', text: A.tokenHint }),
    el('label', { for: 'admin-token', text: A.tokenLabel }),
    input,
    el('button', { type: 'submit', class: 'btn btn--primary', text: A.tokenSubmit }),
    el('p', { class: 'admin__problem', role: 'alert', text: problem }),
  ]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = input.value.trim();
    if (!value) return;
    token = value;
    saveToken(value);
    void showReports(value);
  });
  root.replaceChildren(form);
  input.focus();
}

function section(id: string, heading: string, csv: CsvList, body: Node[], hint = '') {
  const exportButton = button(A.exportCsv, 'btn btn--small', { 'data-csv': csv });
  const problem = el('p', { class: 'admin__problem', role: 'alert' });
  exportButton.addEventListener('click', () => {
    problem.textContent = '';
    void new AdminApi(token ?? '')
      .csv(csv, range)
      .then((blob) => downloadBlob(blob, `${csv}-${fileStamp(new Date())}.csv`))
      .catch(() => (problem.textContent = A.exportFailed));
  });
  return el('section', { class: 'admin__section', 'aria-labelledby': id }, [
    el('div', { class: 'admin__section-head' }, [el('h2', { id, text: heading }), exportButton]),
    hint ? el('p', { class: 'admin__hint', text: hint }) : null,
    problem,
    ...body,
  ]);
}

function header(): HTMLElement {
  const select = el(
    'select',
    { id: 'admin-range', class: 'admin__range' },
    RANGES.map((days) =>
      el('option', { value: days, selected: days === range.days, text: A.rangeDays(days) }),
    ),
  );
  select.addEventListener('change', () => {
    range = { days: Number(select.value) };
    if (token) void showReports(token);
  });
  const refresh = button(A.refresh, 'btn btn--small');
  refresh.addEventListener('click', () => token && void showReports(token));
  const signOut = button(A.signOut, 'btn btn--small btn--ghost');
  signOut.addEventListener('click', () => {
    clearToken();
    token = null;
    showTokenForm();
  });
  return el('header', { class: 'admin__header' }, [
    el('div', {}, [
      el('h1', { text: A.heading }),
      el('p', { class: 'admin__hint', text: A.subheading }),
    ]),
    el('div', { class: 'admin__controls' }, [
      el('label', { for: 'admin-range', text: A.rangeLabel }),
      select,
      refresh,
      signOut,
    ]),
  ]);
}

async function showReports(current: string): Promise<void> {
  root.replaceChildren(
    header(),
    el('p', { class: 'admin__loading', role: 'status', text: A.loading }),
  );
  const api = new AdminApi(current);
  try {
    const [summary, unanswered, downVotes] = await Promise.all([
      api.summary(range),
      api.unanswered(range),
      api.downVotes(range),
    ]);
    root.replaceChildren(
      header(),
      el('main', { class: 'admin__main' }, [
        section('admin-overview', A.overviewHeading, 'days', overviewTables(summary)),
        section(
          'admin-unanswered',
          A.unansweredHeading,
          'unanswered',
          [unansweredTable(unanswered)],
          A.unansweredHint,
        ),
        section('admin-feedback', A.feedbackHeading, 'feedback', [downVotesTable(downVotes)]),
        section('admin-articles', A.articlesHeading, 'articles', [articlesTable(summary)]),
      ]),
    );
  } catch (err) {
    showFailure(toApiError(err));
  }
}

function showFailure(e: ApiError): void {
  if (e.status === 401) {
    clearToken();
    token = null;
    return showTokenForm(A.tokenWrong);
  }
  if (e.status === 429) {
    clearToken();
    token = null;
    return showTokenForm(A.tokenLimited);
  }
  const text = e.status === 503 ? A.storeDown : `${A.loadFailed}${errorText(e)}`;
  root.replaceChildren(header(), el('p', { class: 'admin__problem', role: 'alert', text }));
}
