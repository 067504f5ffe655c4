// Document, topic, glossary and study-pack endpoints. Chat lives in
// chat-stream.ts because it streams.
import { fileNameFromDisposition } from '../../core/content-disposition.ts';
import type { ConversationExportRequest } from '../../core/wire/conversation-export-wire.ts';
import { errorFromResponse, toApiError } from './api-error';
import type { FeedbackRequest } from '../../core/wire/insight-wire.ts';
import type {
  Article,
  GlossaryTerm,
  Outline,
  SearchResponse,
  StudyPack,
  StudyRequest,
  Topic,
  TopicSummary,
} from './types';

async function request(url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (err) {
    throw toApiError(err);
  }
  if (!res.ok) throw await errorFromResponse(res);
  return res;
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await request(url, { headers: { Accept: 'application/json' }, signal });
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

export async function fetchTopics(): Promise<TopicSummary[]> {
  const body = await getJson<{ topics?: unknown }>('/api/topics');
  return Array.isArray(body.topics) ? (body.topics as TopicSummary[]) : [];
}

export function fetchTopic(id: string, signal?: AbortSignal): Promise<Topic> {
  return getJson<Topic>(`/api/topics/${encodeURIComponent(id)}`, signal);
}

export async function fetchGlossary(): Promise<GlossaryTerm[]> {
  const body = await getJson<{ terms?: unknown }>('/api/glossary');
  return Array.isArray(body.terms) ? (body.terms as GlossaryTerm[]) : [];
}

/** A file the server generated, with the name it gave it (RFC 5987 Content-Disposition), when it gave one. */
export interface ServerFile {
  blob: Blob;
  fileName: string | null;
}

async function serverFile(res: Response): Promise<ServerFile> {
  return {
    blob: await res.blob(),
    fileName: fileNameFromDisposition(res.headers.get('Content-Disposition')),
  };
}

/** Office formats the server renders a study pack in. */
export type StudyFileFormat = 'docx' | 'pptx';

const OFFICE_TYPES: Record<StudyFileFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

function postStudy(
  req: StudyRequest,
  format: 'json' | 'markdown' | 'html' | StudyFileFormat,
  accept: string,
  signal?: AbortSignal,
): Promise<Response> {
  const query = format === 'json' ? '' : `?format=${format}`;
  return request(`/api/study${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: accept },
    body: JSON.stringify(req),
    signal,
  });
}

export async function fetchStudyPack(req: StudyRequest, signal?: AbortSignal): Promise<StudyPack> {
  return (await (await postStudy(req, 'json', 'application/json', signal)).json()) as StudyPack;
}

/** The same pack rendered by the server for printing (html) or saving (markdown). */
export async function fetchStudyExport(
  req: StudyRequest,
  format: 'markdown' | 'html',
): Promise<string> {
  return (await postStudy(req, format, format === 'html' ? 'text/html' : 'text/markdown')).text();
}

/** The same pack as a Word 学习辅导材料 or as slides, named by the server (第三部分学习辅导材料.docx). */
export async function fetchStudyFile(
  req: StudyRequest,
  format: StudyFileFormat,
): Promise<ServerFile> {
  return serverFile(await postStudy(req, format, OFFICE_TYPES[format]));
}

/** The conversation as a Word file; the server checks every quote against the document first. */
export async function exportConversationWord(body: ConversationExportRequest): Promise<ServerFile> {
  return serverFile(
    await request('/api/conversation/export?format=docx', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: OFFICE_TYPES.docx },
      body: JSON.stringify(body),
    }),
  );
}

/** 有帮助 / 没帮助 (with an optional comment) on one answer; resolves once the server has recorded it. */
export async function postFeedback(vote: FeedbackRequest): Promise<void> {
  await request('/api/feedback', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(vote),
  });
}
