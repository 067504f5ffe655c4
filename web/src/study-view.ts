// 培训 view: the builder form, then a preview of the generated study pack with
// 打印 (the server's print-ready HTML in a new window), 下载 Markdown, and the
// server's Word 学习辅导材料 and PowerPoint slides.
import { fetchStudyExport, fetchStudyFile, fetchStudyPack, type StudyFileFormat } from './api';
import { toApiError } from './api-error';
import { button, el } from './dom';
import { downloadBlob, downloadText } from './download-file';
import { errorText } from './error-text';
import type { OutlineData } from './outline-data';
import { partName } from './outline-data';
import { S, articleLabel } from './strings';
import { StudyForm } from './study-form';
import { renderStudyPack } from './study-preview';
import type { StudyPack, StudyRequest } from './types';

const PRINT_POLL_MS = 200;
const PRINT_POLL_LIMIT = 50;

export class StudyView {
  readonly element: HTMLElement;
  private readonly form: StudyForm;
  private readonly status = el('p', { class: 'study-status', role: 'status' });
  private readonly preview = el('section', {
    class: 'study-preview',
    'aria-labelledby': 'study-title',
    hidden: true,
  });
  private readonly printButton = button(S.studyPrint, 'btn study-preview__print');
  private readonly downloadButton = button(S.studyDownload, 'btn study-preview__download');
  private readonly wordButton = button(S.studyDownloadWord, 'btn study-preview__word');
  private readonly slidesButton = button(S.studyDownloadSlides, 'btn study-preview__slides');
  private request: StudyRequest | null = null;
  private pack: StudyPack | null = null;
  private controller: AbortController | null = null;
  private packCount = 0;

  constructor(
    outline: OutlineData,
    private readonly notify: (text: string) => void,
  ) {
    this.form = new StudyForm(outline, (req) => void this.generate(req));
    this.printButton.addEventListener('click', () => void this.print());
    this.downloadButton.addEventListener('click', () => void this.download());
    this.wordButton.addEventListener(
      'click',
      () => void this.downloadFile('docx', this.wordButton),
    );
    this.slidesButton.addEventListener(
      'click',
      () => void this.downloadFile('pptx', this.slidesButton),
    );
    this.element = el('div', { class: 'view-panel study-view', hidden: true }, [
      el('div', { class: 'view-panel__inner' }, [
        el('section', { class: 'study-builder', 'aria-labelledby': 'study-heading' }, [
          el('h2', { class: 'view-heading', id: 'study-heading', text: S.studyHeading }),
          el('p', { class: 'view-intro', text: S.studyIntro }),
          this.form.element,
        ]),
        this.status,
        this.preview,
      ]),
    ]);
  }

  /** The outline arrived (or changed): refresh the part list. */
  refreshOutline(): void {
    this.form.refreshOutline();
  }

  private async generate(req: StudyRequest): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.form.setBusy(true);
    this.status.textContent = S.studyGenerating;
    try {
      const pack = await fetchStudyPack(req, controller.signal);
      this.request = req;
      this.pack = pack;
      this.status.textContent = '';
      this.show(pack);
    } catch (err) {
      const e = toApiError(err);
      if (e.kind === 'abort') return;
      this.status.textContent = '';
      // A 404 means the document does not cover the request; its message says so in Chinese.
      this.form.showError(e.status === 404 ? e.message || S.studyNotFound : errorText(e));
    } finally {
      if (this.controller === controller) {
        this.controller = null;
        this.form.setBusy(false);
      }
    }
  }

  private show(pack: StudyPack): void {
    const title = el('h2', {
      class: 'study-preview__title',
      id: 'study-title',
      tabindex: -1,
      text: pack.title,
    });
    const articles = Array.isArray(pack.selection?.articles) ? pack.selection.articles : [];
    this.preview.replaceChildren(
      el('header', { class: 'study-preview__head' }, [
        title,
        el('p', { class: 'study-preview__meta', text: articles.map(articleLabel).join(' ') }),
        el('div', { class: 'study-preview__actions' }, [
          this.printButton,
          this.downloadButton,
          this.wordButton,
          this.slidesButton,
        ]),
      ]),
      ...renderStudyPack(pack, `pack${++this.packCount}`),
    );
    this.preview.hidden = false;
    title.focus({ preventScroll: true });
    title.scrollIntoView({ block: 'start' });
  }

  /** Opens the server's print-ready HTML in a new window via a Blob URL, then prints it. */
  private async print(): Promise<void> {
    const req = this.request;
    if (!req) return;
    // Open the window inside the click; opened after an await, popup blockers would stop it.
    const win = window.open('', '_blank');
    let html: string;
    try {
      html = await fetchStudyExport(req, 'html');
    } catch (err) {
      win?.close();
      this.notify(`${S.studyExportFailed}${S.errCode(toApiError(err).code)}`);
      return;
    }
    if (!win || win.closed) {
      this.notify(S.studyPopupBlocked);
      // styles.css prints just the preview while this class is set.
      document.body.classList.add('printing-study');
      window.print();
      document.body.classList.remove('printing-study');
      return;
    }
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    win.opener = null;
    win.location.href = url;
    printWhenLoaded(win, url);
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  private async download(): Promise<void> {
    const req = this.request;
    const pack = this.pack;
    if (!req || !pack) return;
    try {
      const markdown = await fetchStudyExport(req, 'markdown');
      downloadText(markdown, `${S.studyFilePrefix}-${selectionName(pack)}.md`);
      this.notify(S.studyDownloaded);
    } catch (err) {
      this.notify(`${S.studyExportFailed}${S.errCode(toApiError(err).code)}`);
    }
  }

  /** The server's .docx or .pptx of the shown pack, saved under the name the server gives it. */
  private async downloadFile(format: StudyFileFormat, trigger: HTMLButtonElement): Promise<void> {
    const req = this.request;
    const pack = this.pack;
    if (!req || !pack) return;
    trigger.disabled = true;
    try {
      const file = await fetchStudyFile(req, format);
      downloadBlob(
        file.blob,
        file.fileName ?? `${S.studyFilePrefix}-${selectionName(pack)}.${format}`,
      );
      this.notify(S.studyDownloaded);
    } catch (err) {
      this.notify(`${S.studyExportFailed}${S.errCode(toApiError(err).code)}`);
    } finally {
      trigger.disabled = false;
    }
  }
}

// The blob document runs no script of its own (CSP), so the opener asks it to
// print once it has loaded; a closed or navigated-away window is left alone.
function printWhenLoaded(win: Window, url: string, attempt = 0): void {
  window.setTimeout(() => {
    try {
      if (win.closed) return;
      if (win.location.href === url && win.document.readyState === 'complete') {
        win.focus();
        win.print();
        return;
      }
    } catch {
      return;
    }
    if (attempt < PRINT_POLL_LIMIT) printWhenLoaded(win, url, attempt + 1);
  }, PRINT_POLL_MS);
}

/** Short file-name part: 第三部分, 第7、8条 or the topic. */
function selectionName(pack: StudyPack): string {
  const sel = pack.selection;
  let name: string;
  if (sel?.kind === 'part' && sel.part) name = partName(sel.part);
  else if (sel?.kind === 'topic' && sel.topic) name = sel.topic;
  else name = `第${(sel?.articles ?? []).join('、')}条`;
  return name.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 40) || S.studyFilePrefix;
}
