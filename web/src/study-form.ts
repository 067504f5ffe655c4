// The study-pack builder: a part, some of a part's articles, or a topic, plus
// how many quiz questions. Produces exactly one of {part} | {articles} | {topic}.
import { el } from './dom';
import { type OutlineData, partName, stripPartPrefix } from './outline-data';
import { S, articleLabel } from './strings';
import type { StudyRequest } from './types';

type Scope = 'part' | 'articles' | 'topic';

const MAX_QUESTIONS = 30;
const DEFAULT_QUESTIONS = 6;
const SCOPES: ReadonlyArray<[Scope, string]> = [
  ['part', S.studyScopePart],
  ['articles', S.studyScopeArticles],
  ['topic', S.studyScopeTopic],
];

export class StudyForm {
  readonly element: HTMLFormElement;
  private scope: Scope = 'part';
  private readonly partSelect = el('select', {
    class: 'study-form__select',
    name: 'part',
    id: 'study-part',
  });
  private readonly partField: HTMLElement;
  private readonly articleBoxes = el('div', { class: 'study-form__checks' });
  private readonly articleField: HTMLElement;
  private readonly topicInput = el('input', {
    type: 'text',
    class: 'study-form__text',
    name: 'topic',
    id: 'study-topic',
    maxlength: 100,
    placeholder: S.studyTopicPlaceholder,
  });
  private readonly topicField: HTMLElement;
  private readonly questions = el('input', {
    type: 'number',
    class: 'study-form__number',
    name: 'questions',
    id: 'study-questions',
    'aria-describedby': 'study-questions-hint',
    min: 0,
    max: MAX_QUESTIONS,
    step: 1,
    value: DEFAULT_QUESTIONS,
    inputmode: 'numeric',
  });
  private readonly submit = el(
    'button',
    { type: 'submit', class: 'btn btn--primary study-form__submit' },
    [S.studyGenerate],
  );
  private readonly error = el('p', { class: 'study-form__error', role: 'alert' });

  constructor(
    private readonly outline: OutlineData,
    onSubmit: (req: StudyRequest) => void,
  ) {
    const radios = SCOPES.map(([scope, label]) => {
      const radio = el('input', {
        type: 'radio',
        name: 'study-scope',
        value: scope,
        class: 'study-form__radio',
      });
      radio.checked = scope === this.scope;
      radio.addEventListener('change', () => radio.checked && this.setScope(scope));
      return el('label', { class: 'study-form__scope' }, [radio, el('span', { text: label })]);
    });
    this.partField = el('div', { class: 'study-form__field' }, [
      fieldLabel('study-part', S.studyPart),
      this.partSelect,
    ]);
    this.articleField = el('fieldset', { class: 'study-form__field study-form__articles' }, [
      el('legend', { class: 'study-form__label', text: S.studyArticles }),
      this.articleBoxes,
    ]);
    this.topicField = el('div', { class: 'study-form__field' }, [
      fieldLabel('study-topic', S.studyTopic),
      this.topicInput,
    ]);
    this.element = el(
      'form',
      { class: 'study-form', novalidate: true, 'aria-labelledby': 'study-heading' },
      [
        el('fieldset', { class: 'study-form__scopes' }, [
          el('legend', { class: 'study-form__label', text: S.studyScope }),
          el('div', { class: 'study-form__scope-row' }, radios),
        ]),
        this.partField,
        this.articleField,
        this.topicField,
        el('div', { class: 'study-form__row' }, [
          el('div', { class: 'study-form__field study-form__field--inline' }, [
            fieldLabel('study-questions', S.studyQuestions),
            this.questions,
            el('span', {
              class: 'study-form__hint',
              id: 'study-questions-hint',
              text: S.studyQuestionsHint,
            }),
          ]),
          this.submit,
        ]),
        this.error,
      ],
    );
    this.partSelect.addEventListener('change', () => this.renderArticles());
    this.element.addEventListener('submit', (e) => {
      e.preventDefault();
      const req = this.read();
      if (req) onSubmit(req);
    });
    this.refreshOutline();
    this.setScope('part');
  }

  /** Fills the part list from the outline (called again when it loads). */
  refreshOutline(): void {
    const parts = this.outline.allParts;
    const chosen = this.partSelect.value;
    this.partSelect.replaceChildren(
      ...parts.map((p) =>
        el('option', { value: p.part, text: `${partName(p.part)} ${stripPartPrefix(p.title)}` }),
      ),
    );
    if (chosen) this.partSelect.value = chosen;
    this.submit.disabled = parts.length === 0;
    this.error.textContent = parts.length === 0 ? S.studyOutlineLoading : '';
    this.renderArticles();
  }

  setBusy(busy: boolean): void {
    this.submit.disabled = busy || this.outline.allParts.length === 0;
    this.element.setAttribute('aria-busy', String(busy));
  }

  showError(text: string): void {
    this.error.textContent = text;
  }

  private setScope(scope: Scope): void {
    this.scope = scope;
    this.partField.hidden = scope === 'topic';
    this.articleField.hidden = scope !== 'articles';
    this.topicField.hidden = scope !== 'topic';
    this.error.textContent = '';
  }

  // New part, fresh boxes: every article of it starts ticked.
  private renderArticles(): void {
    const part = this.outline.allParts.find((p) => String(p.part) === this.partSelect.value);
    this.articleBoxes.replaceChildren(
      ...(part?.articles ?? []).map((a) => {
        const box = el('input', {
          type: 'checkbox',
          name: 'articles',
          value: a.article,
          class: 'study-form__check',
        });
        box.checked = true;
        return el('label', { class: 'study-form__article' }, [
          box,
          el('span', { text: `${articleLabel(a.article)} ${a.title}` }),
        ]);
      }),
    );
  }

  /** The request, or null after showing why the form is not ready. */
  private read(): StudyRequest | null {
    const questions = Number(this.questions.value);
    if (
      this.questions.value.trim() === '' ||
      !Number.isInteger(questions) ||
      questions < 0 ||
      questions > MAX_QUESTIONS
    ) {
      return this.invalid(S.studyBadQuestions, this.questions);
    }
    this.error.textContent = '';
    if (this.scope === 'topic') {
      const topic = this.topicInput.value.trim();
      return topic ? { topic, questions } : this.invalid(S.studyNeedTopic, this.topicInput);
    }
    const part = Number(this.partSelect.value);
    if (!Number.isInteger(part) || part < 1) return null;
    if (this.scope === 'part') return { part, questions };
    const articles = Array.from(
      this.articleBoxes.querySelectorAll<HTMLInputElement>('input:checked'),
      (box) => Number(box.value),
    );
    return articles.length > 0
      ? { articles, questions }
      : this.invalid(S.studyNeedArticles, this.articleBoxes.querySelector('input'));
  }

  private invalid(text: string, field: HTMLElement | null): null {
    this.error.textContent = text;
    field?.focus();
    return null;
  }
}

// A separate <label for>, so a control's name is just the label (a wrapping
// label would add the select's current option to it).
function fieldLabel(forId: string, text: string): HTMLLabelElement {
  return el('label', { class: 'study-form__label', for: forId, text });
}
