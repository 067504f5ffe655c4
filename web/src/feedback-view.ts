// 有帮助 / 没帮助 under a finished answer, and after 没帮助 a box for an optional comment. Only renders: the
// buttons carry data-action, handled by feedback-controller.ts through chat-controller.ts.
import { MAX_FEEDBACK_COMMENT_CHARS } from '../../core/wire/insight-wire.ts';
import { button, el } from './dom';
import { S } from './strings';
import type { AssistantMessage, FeedbackRating } from './types';

export type FeedbackStatus = 'idle' | 'sending' | 'saved' | 'failed';

export function feedbackView(
  msg: AssistantMessage,
  status: FeedbackStatus = 'idle',
  error = '',
): HTMLElement {
  const rating = msg.feedback?.rating;
  const busy = status === 'sending';
  const vote = (value: FeedbackRating, label: string) =>
    button(label, `btn-text feedback__vote feedback__vote--${value}`, {
      'data-action': `feedback-${value}`,
      'aria-pressed': String(rating === value),
      disabled: busy,
    });
  const commented = Boolean(msg.feedback?.comment);
  return el('div', { class: 'feedback', role: 'group', 'aria-label': S.feedbackPrompt }, [
    el('span', { class: 'feedback__prompt', text: S.feedbackPrompt }),
    vote('up', S.feedbackUp),
    vote('down', S.feedbackDown),
    rating === 'down' && !commented ? commentBox(busy) : null,
    el('p', { class: 'feedback__status', role: 'status', text: statusText(msg, status, error) }),
  ]);
}

function commentBox(busy: boolean): HTMLElement {
  const id = `feedback-comment-${Math.random().toString(36).slice(2, 8)}`;
  return el('div', { class: 'feedback__comment' }, [
    el('label', { class: 'feedback__label', for: id, text: S.feedbackCommentLabel }),
    el('textarea', {
      id,
      class: 'feedback__input',
      rows: 2,
      maxlength: MAX_FEEDBACK_COMMENT_CHARS,
      placeholder: S.feedbackCommentPlaceholder,
    }),
    button(S.feedbackSubmit, 'btn btn--small feedback__submit', {
      'data-action': 'feedback-comment',
      disabled: busy,
    }),
  ]);
}

function statusText(msg: AssistantMessage, status: FeedbackStatus, error: string): string {
  if (status === 'sending') return S.feedbackSending;
  if (status === 'failed') return error || S.feedbackFailed;
  if (!msg.feedback) return '';
  if (msg.feedback.comment) return S.feedbackCommentThanks;
  return msg.feedback.rating === 'down' ? S.feedbackDownThanks : S.feedbackThanks;
}
