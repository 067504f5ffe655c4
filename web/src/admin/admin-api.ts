// GET /api/admin/* with the staff token as a bearer header (never a cookie, so no other site can send it).
import type {
  AdminSummary,
  FeedbackItem,
  UnansweredGroup,
} from '../../../core/wire/insight-wire.ts';
import { errorFromResponse, toApiError } from '../api-error';

export interface ReportRange {
  days: number;
}

export type CsvList = 'days' | 'articles' | 'unanswered' | 'feedback';

const CSV_PATHS: Record<CsvList, string> = {
  days: '/api/admin/summary?table=days',
  articles: '/api/admin/summary?table=articles',
  unanswered: '/api/admin/unanswered?',
  feedback: '/api/admin/feedback?rating=down',
};

export class AdminApi {
  constructor(private readonly token: string) {}

  summary(range: ReportRange): Promise<AdminSummary> {
    return this.json<AdminSummary>('/api/admin/summary?', range);
  }

  async unanswered(range: ReportRange): Promise<UnansweredGroup[]> {
    return (await this.json<{ items: UnansweredGroup[] }>('/api/admin/unanswered?', range)).items;
  }

  async downVotes(range: ReportRange): Promise<FeedbackItem[]> {
    const path = '/api/admin/feedback?rating=down';
    return (await this.json<{ items: FeedbackItem[] }>(path, range)).items;
  }

  /** The server's CSV bytes, byte-order mark included (spreadsheets need it to read UTF-8). */
  async csv(list: CsvList, range: ReportRange): Promise<Blob> {
    return (await this.get(CSV_PATHS[list], range, 'csv')).blob();
  }

  private async json<T>(path: string, range: ReportRange): Promise<T> {
    return (await (await this.get(path, range, 'json')).json()) as T;
  }

  private async get(path: string, range: ReportRange, format: 'json' | 'csv'): Promise<Response> {
    const params = new URLSearchParams({
      days: String(range.days),
      tz: String(new Date().getTimezoneOffset()),
      limit: '200',
      format,
    });
    const separator = path.endsWith('?') ? '' : '&';
    let res: Response;
    try {
      res = await fetch(`${path}${separator}${params.toString()}`, {
        headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json, text/csv' },
      });
    } catch (err) {
      throw toApiError(err);
    }
    if (!res.ok) throw await errorFromResponse(res);
    return res;
  }
}
