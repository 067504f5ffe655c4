// Page skeleton: header (目录 / 新对话 / 导出), outline, chat column (with the
// audience's extra views beside the conversation), panel.
// Built in TS so every string comes from strings.ts and index.html stays a shell.
import { button, el } from './dom';
import { S } from './strings';

export interface LayoutParts {
  outline: HTMLElement;
  audience: HTMLElement;
  /** 对话 / 生活话题 / 学习材料 tabs, and the views other than the chat. */
  viewTabs: HTMLElement;
  views: HTMLElement[];
  welcome: HTMLElement;
  composer: HTMLElement;
  panel: HTMLElement;
  toast: HTMLElement;
}

export interface Layout {
  root: HTMLElement;
  outlineToggle: HTMLButtonElement;
  backdrop: HTMLElement;
  newChat: HTMLButtonElement;
  exportChat: HTMLButtonElement;
  exportChatWord: HTMLButtonElement;
  messages: HTMLElement;
  scroller: HTMLElement;
  /** The conversation and its composer: the 对话 tab's panel. */
  chatView: HTMLElement;
}

export function buildLayout(parts: LayoutParts): Layout {
  const outlineToggle = button(S.outlineToggle, 'btn btn--ghost topbar__outline-toggle', {
    'aria-expanded': 'false',
    'aria-controls': 'outline',
  });
  const newChat = button(S.newChat, 'btn btn--ghost topbar__new');
  const exportChat = exportButton(S.exportChat, 'Markdown', 'topbar__export');
  const exportChatWord = exportButton(S.exportChatWord, 'Word', 'topbar__export-word');
  const messages = el('section', {
    class: 'messages',
    'aria-live': 'polite',
    'aria-label': S.conversationLabel,
  });
  const scroller = el('div', { class: 'chat__scroll' }, [parts.welcome, messages]);
  const chatView = el('div', { class: 'chat__view' }, [scroller, parts.composer]);
  const backdrop = el('div', { class: 'backdrop', hidden: true });

  const root = el('div', { class: 'app' }, [
    el('header', { class: 'topbar' }, [
      outlineToggle,
      el('div', { class: 'brand' }, [
        el('span', { class: 'brand__seal', 'aria-hidden': 'true', text: '规' }),
        el('div', { class: 'brand__text' }, [
          el('h1', { class: 'brand__name', text: S.appName }),
          el('p', { class: 'brand__doc', text: S.docShort }),
        ]),
      ]),
      el('div', { class: 'topbar__actions' }, [newChat, exportChat, exportChatWord]),
    ]),
    el('div', { class: 'layout' }, [
      parts.outline,
      el('main', { class: 'chat' }, [
        el('div', { class: 'chat__bar' }, [parts.audience, parts.viewTabs]),
        chatView,
        ...parts.views,
      ]),
    ]),
    backdrop,
    parts.panel,
    parts.toast,
  ]);
  return {
    root,
    outlineToggle,
    backdrop,
    newChat,
    exportChat,
    exportChatWord,
    messages,
    scroller,
    chatView,
  };
}

// 导出 Markdown / 导出 Word; phones show only the format (styles.css hides the
// verb), the accessible name stays whole.
function exportButton(label: string, format: string, className: string): HTMLButtonElement {
  return el(
    'button',
    { type: 'button', class: `btn btn--ghost ${className}`, 'aria-label': label },
    [el('span', { class: 'topbar__export-verb', text: `${S.exportVerb} ` }), format],
  );
}
