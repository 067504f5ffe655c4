// Sends 有帮助 / 没帮助 (and, after 没帮助, an optional comment) to /api/feedback, keeps the vote with the
// conversation once the server has recorded it, and says whether it arrived. A later vote replaces an earlier one.
import { postFeedback } from './api';
import { toApiError } from './api-error';
import { errorText } from './error-text';
import type { AssistantView } from './message-view';
import { S } from './strings';
import type { AssistantMessage, FeedbackRating, Message } from './types';

export class FeedbackController {
  constructor(private readonly persist: () => void) {}

  /** Runs a feedback-* data-action clicked in `view` (anything else is ignored). */
  handle(msg: Message | undefined, trigger: HTMLElement, view: AssistantView | undefined): void {
    if (msg?.role !== 'assistant' || !msg.answerId || !view) return;
    const action = trigger.dataset.action;
    if (action === 'feedback-up') void this.send(msg, view, 'up');
    else if (action === 'feedback-down') void this.send(msg, view, 'down');
    else if (action === 'feedback-comment') {
      const comment = view.feedbackComment();
      if (comment) void this.send(msg, view, 'down', comment);
      else view.focusFeedbackComment();
    }
  }

  private async send(
    msg: AssistantMessage,
    view: AssistantView,
    rating: FeedbackRating,
    comment?: string,
  ): Promise<void> {
    const answerId = msg.answerId;
    if (!answerId) return;
    view.showFeedback(msg, 'sending');
    try {
      await postFeedback({ answerId, rating, ...(comment ? { comment } : {}) });
    } catch (err) {
      const e = toApiError(err);
      view.showFeedback(msg, 'failed', e.status === 404 ? S.feedbackExpired : errorText(e));
      return;
    }
    msg.feedback = comment ? { rating, comment } : { rating };
    this.persist();
    view.showFeedback(msg, 'saved');
    if (rating === 'down' && !comment) view.focusFeedbackComment();
  }
}
