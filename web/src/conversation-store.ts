// The conversation and the chosen audience, kept in localStorage so a reload
// restores them. Nothing leaves the browser except through /api/chat.
import type { AssistantMessage, HistoryItem, Message, Mode } from './types';
import { MODES } from './strings';

const KEY = 'guihua-wenda:conversation:v1';
const MAX_STORED = 200; // keeps storage bounded for very long sessions
const MAX_HISTORY = 20; // API limit

interface Saved {
  mode: Mode;
  messages: Message[];
}

export class ConversationStore {
  mode: Mode = 'staff';
  messages: Message[] = [];

  load(): void {
    let saved: Partial<Saved> | null = null;
    try {
      saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Saved> | null;
    } catch {
      saved = null; // corrupt or blocked storage: start fresh rather than fail
    }
    if (!saved) return;
    if (MODES.includes(saved.mode as Mode)) this.mode = saved.mode as Mode;
    if (Array.isArray(saved.messages)) {
      this.messages = saved.messages.filter(isMessage).map((m) =>
        // An answer still "streaming" at reload was cut off by the reload.
        m.role === 'assistant' && m.status === 'streaming' ? { ...m, status: 'stopped' } : m,
      );
    }
  }

  save(): void {
    const data: Saved = { mode: this.mode, messages: this.messages.slice(-MAX_STORED) };
    try {
      localStorage.setItem(KEY, JSON.stringify(data));
    } catch {
      // Quota exceeded or storage disabled: the page still works, just not across reloads.
    }
  }

  clear(): void {
    this.messages = [];
    this.save();
  }

  find(id: string): Message | undefined {
    return this.messages.find((m) => m.id === id);
  }

  remove(id: string): void {
    this.messages = this.messages.filter((m) => m.id !== id);
  }

  /**
   * Turns before message `beforeId` as API history: failed answers (and the
   * questions they belong to) are skipped so the model never sees a gap.
   */
  historyBefore(beforeId: string): HistoryItem[] {
    const end = this.messages.findIndex((m) => m.id === beforeId);
    const prior = end === -1 ? this.messages : this.messages.slice(0, end);
    const items: HistoryItem[] = [];
    prior.forEach((m, i) => {
      if (m.role === 'assistant') {
        if (m.status !== 'error' && m.content.trim())
          items.push({ role: 'assistant', content: m.content });
        return;
      }
      const reply = prior[i + 1];
      if (reply?.role === 'assistant' && reply.status !== 'error' && reply.content.trim()) {
        items.push({ role: 'user', content: m.content });
      }
    });
    return items.slice(-MAX_HISTORY);
  }

  get hasAnswers(): boolean {
    return this.messages.some((m) => m.role === 'assistant' && m.status !== 'streaming');
  }
}

export function newId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function emptyAnswer(id: string = newId()): AssistantMessage {
  return {
    id,
    role: 'assistant',
    content: '',
    status: 'streaming',
    answered: true,
    citations: [],
    related: [],
    provider: '',
  };
}

function isMessage(x: unknown): x is Message {
  const m = x as Partial<Message> | null;
  if (typeof m?.id !== 'string' || typeof m.content !== 'string') return false;
  if (m.role === 'user') return true;
  const a = m as Partial<AssistantMessage>;
  return (
    m.role === 'assistant' &&
    typeof a.status === 'string' &&
    Array.isArray(a.citations) &&
    Array.isArray(a.related)
  );
}
