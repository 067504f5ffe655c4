// Entry point: builds the page, wires components together, restores the
// saved conversation and loads the outline.
import { ArticlePanel } from './article-panel';
import { AudienceSwitch } from './audience-switch';
import { ChatController } from './chat-controller';
import { Composer } from './composer';
import { ConversationStore } from './conversation-store';
import { button } from './dom';
import { conversationMarkdown, downloadMarkdown } from './export-markdown';
import { buildLayout } from './layout';
import { OutlineDrawer } from './outline-drawer';
import { OutlineNav } from './outline';
import { OutlineData } from './outline-data';
import { S } from './strings';
import { Toast } from './toast';
import { Welcome } from './welcome';

document.title = S.pageTitle;

const store = new ConversationStore();
store.load();
const outlineData = new OutlineData();
const panel = new ArticlePanel(outlineData);
const toast = new Toast();
const composer = new Composer({ submit: (q) => chat.ask(q), stop: () => chat.stop() });
const welcome = new Welcome((q) => chat.ask(q));
const audience = new AudienceSwitch(store.mode, (mode) => {
  store.mode = mode;
  store.save();
  welcome.setMode(mode);
});
const outlineClose = button('×', 'outline__close', { 'aria-label': S.outlineClose });
const outline = new OutlineNav(outlineData, outlineClose);

const layout = buildLayout({
  outline: outline.element,
  audience: audience.element,
  welcome: welcome.element,
  composer: composer.element,
  panel: panel.element,
  toast: toast.element,
});
const drawer = new OutlineDrawer(layout.outlineToggle, outline, layout.backdrop, outlineClose);

const chat = new ChatController(store, layout.messages, layout.scroller, composer, {
  onEmptyChange: (empty) => {
    welcome.setVisible(empty);
    layout.exportChat.disabled = empty;
  },
  notify: (text) => toast.show(text),
});

layout.newChat.addEventListener('click', () => chat.newChat());
layout.exportChat.addEventListener('click', () => {
  if (store.messages.length === 0) return toast.show(S.nothingToExport);
  const now = new Date();
  downloadMarkdown(conversationMarkdown(store.messages, store.mode, now), now);
  toast.show(S.exported);
});

// Chips, related links, source links, outline and search hits all carry
// data-article; one listener opens the panel for any of them.
document.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-article]') : null;
  if (!target || !target.matches('a, button')) return;
  const article = Number(target.dataset.article);
  if (!Number.isInteger(article)) return;
  e.preventDefault();
  const messageId = target.closest<HTMLElement>('[data-message-id]')?.dataset.messageId;
  // Links inside the drawer disappear when it closes; focus then returns to 目录.
  const opener = drawer.isOpen && drawer.contains(target) ? layout.outlineToggle : target;
  drawer.close(false);
  panel.open({ article, quotes: chat.quotesFor(messageId, article), opener });
});

document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || e.isComposing) return;
  if (panel.isOpen) panel.close();
  else if (drawer.isOpen) drawer.close(true);
  else return;
  e.preventDefault();
});

welcome.setMode(store.mode);
audience.set(store.mode);
const mount = document.getElementById('app') ?? document.body;
mount.replaceChildren(layout.root);
chat.renderAll();
void outline.load();
