// Read-only document endpoints. Chat lives in chat-stream.ts because it streams.
import { errorFromResponse, toApiError } from './api-error';
import type { Article, Outline, SearchResponse } from './types';

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  } catch (err) {
    throw toApiError(err);
  }
  if (!res.ok) throw await errorFromResponse(res);
  return (await res.json()) as T;
}

export function fetchOutline(): Promise<Outline> {
  return getJson<Outline>('/api/articles');
}

// Articles never change while the page is open, so one fetch per article is enough.
const articleCache = new Map<number, Promise<Article>>();

export function fetchArticle(n: number): Promise<Article> {
  let pending = articleCache.get(n);
  if (!pending) {
    pending = getJson<Article>(`/api/articles/${encodeURIComponent(String(n))}`);
    // Failed fetches must not stick in the cache, or 重试 could never succeed.
    pending.catch(() => articleCache.delete(n));
    articleCache.set(n, pending);
  }
  return pending;
}

export function searchDocument(q: string, signal: AbortSignal, k = 5): Promise<SearchResponse> {
  const params = new URLSearchParams({ q, k: String(k) });
  return getJson<SearchResponse>(`/api/search?${params.toString()}`, signal);
}
