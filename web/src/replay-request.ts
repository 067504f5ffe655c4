// /?ask=…&mode=… (the staff insight page's 重新提问 links): the question to ask afresh on opening, in that
// mode. The parameters are removed from the address once read, so a reload does not ask again.
import { MODES } from './strings';
import type { Mode } from './types';

const MAX_QUESTION_CHARS = 1000;

export function takeReplayRequest(): { question: string; mode: Mode | null } | null {
  const url = new URL(window.location.href);
  const question = url.searchParams.get('ask')?.trim().slice(0, MAX_QUESTION_CHARS);
  if (!question) return null;
  const mode = url.searchParams.get('mode');
  url.searchParams.delete('ask');
  url.searchParams.delete('mode');
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  return { question, mode: MODES.includes(mode as Mode) ? (mode as Mode) : null };
}
