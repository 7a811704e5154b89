// Tokens left today, from GET /api/usage (billing, reached through chat). Hidden when that route does not answer or
// the caller has no daily token limit.

import { api } from './api.js';

export class UsageMeter {
  #box = document.getElementById('usage');
  #meter = document.getElementById('usage-meter');
  #text = document.getElementById('usage-text');

  async update() {
    try {
      const usage = await api('/api/usage');
      const today = usage?.today;
      if (!today || today.tokensLimit == null || today.tokensLeft == null) {
        this.hide();
        return;
      }
      this.#meter.max = Math.max(1, today.tokensLimit);
      this.#meter.value = today.tokensLeft;
      this.#meter.low = today.tokensLimit * 0.2;
      this.#text.textContent = `${today.tokensLeft.toLocaleString()} of ${today.tokensLimit.toLocaleString()}`;
      this.#box.hidden = false;
    } catch {
      this.hide();
    }
  }

  hide() {
    this.#box.hidden = true;
  }
}
