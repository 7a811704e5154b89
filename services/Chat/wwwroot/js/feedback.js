// Thumbs up / down under a completed reply (POST /api/replies/{id}/feedback): one rating per reply, changeable;
// the pressed button shows the rating the server accepted.
import { api } from './api.js';
import { describeError } from './errors.js';

export function feedbackBar(message, onError) {
  const bar = document.createElement('div');
  bar.className = 'feedback';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Rate this reply');
  const buttons = [['up', '👍', 'Good reply'], ['down', '👎', 'Bad reply']].map(([rating, icon, label]) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = icon;
    button.dataset.rating = rating;
    button.setAttribute('aria-label', label);
    button.setAttribute('aria-pressed', String(message.rating === rating));
    button.addEventListener('click', async () => {
      try {
        const saved = await api(`/api/replies/${message.id}/feedback`, { method: 'POST', body: { rating } });
        message.rating = saved.rating;
        for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.rating === saved.rating));
      } catch (e) {
        onError(describeError(e));
      }
    });
    return button;
  });
  bar.append(...buttons);
  return bar;
}
