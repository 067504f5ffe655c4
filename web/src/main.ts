// Entry point: builds the page, wires components together, restores the
// saved conversation and loads the outline, life topics and glossary.
import { fetchGlossary } from './api';
import { ArticlePanel } from './article-panel';
import { AudienceSwitch } from './audience-switch';
import { ChatController } from './chat-controller';
import { Composer } from './composer';
import { ConversationStore } from './conversation-store';
import { button, el } from './dom';
import { toApiError } from './api-error';
import { conversationMarkdown, downloadMarkdown } from './export-markdown';
import { downloadConversationWord } from './export-word';
import { LazyGlossary } from './glossary-marks';
import { GlossaryPopover } from './glossary-popover';
import { buildLayout } from './layout';
import { OutlineDrawer } from './outline-drawer';
import { OutlineNav } from './outline';
import { OutlineData } from './outline-data';
import { takeReplayRequest } from './replay-request';
import { S } from './strings';
import { StudyView } from './study-view';
import { Toast } from './toast';
import { TopicsView } from './topics-view';
import type { Mode } from './types';
import { ViewTabs } from './view-tabs';
import { Welcome } from './welcome';

document.title = S.pageTitle;

const store = new ConversationStore();
store.load();
const outlineData = new OutlineData();
// Finished answers and the open article; streaming answers are marked when they finish.
const glossary = new LazyGlossary(fetchGlossary, () =>
  document.querySelectorAll<HTMLElement>(
    '.msg--done .answer-text, .msg--stopped .answer-text, .panel .article-text',
  ),
);
const markTerms = glossary.mark;
const glossaryPopover = new GlossaryPopover(() => glossary.current);
const panel = new ArticlePanel(outlineData, markTerms);
const toast = new Toast();
const composer = new Composer({ submit: (q) => chat.ask(q), stop: () => chat.stop() });
const tabs = new ViewTabs();
const topics = new TopicsView({
  show: () => tabs.select('topics'),
  draftQuestion: (question) => {
    tabs.select('chat');
    composer.setValue(question);
    composer.focus();
  },
});
const study = new StudyView(outlineData, (text) => toast.show(text));
outlineData.onChange(() => study.refreshOutline());
const openStudy = button(S.welcomeStudyOpen, 'btn welcome__study-open');
openStudy.addEventListener('click', () => tabs.select('study', true));
const welcome = new Welcome((q) => chat.ask(q), {
  citizen: topics.welcomeBlock,
  trainer: el('p', { class: 'welcome__study' }, [S.welcomeStudy, ' ', openStudy]),
});
const audience = new AudienceSwitch(store.mode, (mode) => {
  store.mode = mode;
  store.save();
  applyMode(mode);
});
const outlineClose = button('×', 'outline__close', { 'aria-label': S.outlineClose });
const outline = new OutlineNav(outlineData, outlineClose);

const layout = buildLayout({
  outline: outline.element,
  audience: audience.element,
  viewTabs: tabs.element,
  views: [topics.element, study.element],
  welcome: welcome.element,
  composer: composer.element,
  panel: panel.element,
  toast: toast.element,
});
layout.root.append(glossaryPopover.element);
tabs.attach('chat', layout.chatView);
tabs.attach('topics', topics.element);
tabs.attach('study', study.element);
const drawer = new OutlineDrawer(layout.outlineToggle, outline, layout.backdrop, outlineClose);

const chat = new ChatController(store, layout.messages, layout.scroller, composer, {
  onEmptyChange: (empty) => {
    welcome.setVisible(empty);
    layout.exportChat.disabled = empty;
    layout.exportChatWord.disabled = empty;
  },
  notify: (text) => toast.show(text),
  decorateAnswer: markTerms,
});

let topicsRequested = false;

/** Each audience may have its own view beside 对话 (市民 only once topics have loaded). */
function applyMode(mode: Mode): void {
  // Topics are fetched only when a citizen first needs them; each /api call counts against rate limits.
  if (mode === 'citizen' && !topicsRequested) {
    topicsRequested = true;
    void topics.load().then(() => applyMode(store.mode));
  }
  welcome.setMode(mode);
  tabs.setExtra(
    mode === 'citizen' ? (topics.available ? 'topics' : null) : mode === 'trainer' ? 'study' : null,
  );
}

layout.newChat.addEventListener('click', () => {
  tabs.select('chat');
  chat.newChat();
});
layout.exportChat.addEventListener('click', () => {
  if (store.messages.length === 0) return toast.show(S.nothingToExport);
  const now = new Date();
  downloadMarkdown(conversationMarkdown(store.messages, store.mode, now), now);
  toast.show(S.exported);
});
layout.exportChatWord.addEventListener('click', () => {
  if (store.messages.length === 0) return toast.show(S.nothingToExport);
  const button = layout.exportChatWord;
  button.disabled = true;
  downloadConversationWord(store.messages, store.mode, new Date())
    .then(() => toast.show(S.exported))
    .catch((err: unknown) => toast.show(`${S.exportFailed}${S.errCode(toApiError(err).code)}`))
    .finally(() => {
      button.disabled = store.messages.length === 0;
    });
});

// Chips, related links, source links, outline and search hits, topic and study
// quotes all carry data-article; one listener opens the panel for any of them.
// data-quote, when present, is the sentence to highlight.
document.addEventListener('click', (e) => {
  const target =
    e.target instanceof Element ? e.target.closest<HTMLElement>('[data-article]') : null;
  if (!target || !target.matches('a, button')) return;
  const article = Number(target.dataset.article);
  if (!Number.isInteger(article)) return;
  e.preventDefault();
  const messageId = target.closest<HTMLElement>('[data-message-id]')?.dataset.messageId;
  const quote = target.dataset.quote;
  // Links inside the drawer or the glossary card disappear when they close; focus
  // then returns to 目录 or to the glossary term.
  let opener: HTMLElement = target;
  if (drawer.isOpen && drawer.contains(target)) opener = layout.outlineToggle;
  else if (glossaryPopover.contains(target)) opener = glossaryPopover.anchor ?? target;
  drawer.close(false);
  glossaryPopover.close(false);
  panel.open({ article, quotes: quote ? [quote] : chat.quotesFor(messageId, article), opener });
});

document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || e.isComposing) return;
  if (glossaryPopover.isOpen) glossaryPopover.close(true);
  else if (panel.isOpen) panel.close();
  else if (drawer.isOpen) drawer.close(true);
  else return;
  e.preventDefault();
});

applyMode(store.mode);
audience.set(store.mode);
const mount = document.getElementById('app') ?? document.body;
mount.replaceChildren(layout.root);
chat.renderAll();
void outline.load();

// A 重新提问 link from /admin: a new conversation with that question, in its mode.
const replay = takeReplayRequest();
if (replay) {
  if (replay.mode) {
    store.mode = replay.mode;
    audience.set(replay.mode);
    applyMode(replay.mode);
  }
  chat.newChat();
  chat.ask(replay.question);
}
