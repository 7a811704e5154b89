// Tenant admins' view of their prompt experiments (GET /api/prompts/experiments and .../{id}/results): per variant the
// turns, feedback, score with the 95 % interval on its difference to the baseline, blocks, tokens, cost and latency.
import { api, session } from './api.js';
import { describeError } from './errors.js';

const ADMIN_ROLES = ['tenant-admin', 'platform-admin'];
const percent = value => value == null ? '–' : `${(value * 100).toFixed(1)} %`;
const ms = value => value == null ? '–' : `${Math.round(value)} ms`;

export class ExperimentsView {
  #button = document.getElementById('open-experiments');
  #dialog = document.getElementById('experiments');
  #body = document.getElementById('experiments-body');

  constructor() {
    this.#button.addEventListener('click', () => this.open());
    document.getElementById('close-experiments').addEventListener('click', () => this.#dialog.close());
  }

  /** Shows the button only to admins (the access token's role claim); the routes refuse everyone else anyway. */
  update() {
    this.#button.hidden = !session.roles.some(role => ADMIN_ROLES.includes(role));
  }

  hide() {
    this.#button.hidden = true;
    if (this.#dialog.open) this.#dialog.close();
  }

  async open() {
    this.#body.replaceChildren(text('p', 'Loading…'));
    this.#dialog.showModal();
    try {
      const experiments = await api('/api/prompts/experiments');
      if (!experiments.length) {
        this.#body.replaceChildren(text('p', 'No experiment yet: start one with POST /api/prompts/experiments.'));
        return;
      }
      const results = await Promise.all(experiments.map(e => api(`/api/prompts/experiments/${e.id}/results`)));
      this.#body.replaceChildren(...results.map(table));
    } catch (e) {
      this.#body.replaceChildren(text('p', describeError(e), 'error'));
    }
  }
}

function table(result) {
  const element = document.createElement('table');
  element.className = 'results';
  element.dataset.experiment = result.id;
  element.append(text('caption', `${result.name} (${result.status})`));
  const head = document.createElement('tr');
  for (const title of ['Variant', 'Prompt', 'Model', 'Weight', 'Turns', 'Feedback', 'Score', 'Score vs baseline (95 %)',
    'Blocked', 'Tokens in / out', 'Cost', 'Latency', 'First token']) {
    const cell = text('th', title);
    cell.scope = 'col';
    head.append(cell);
  }
  element.append(head);
  for (const v of result.variants) {
    const row = document.createElement('tr');
    row.dataset.variant = v.variant;
    const difference = v.scoreDifference;
    row.append(...[
      v.variant, `v${v.promptVersion}`, v.model ?? 'default', `${v.weight} %`, String(v.turns), String(v.feedback),
      percent(v.score),
      difference ? `${percent(difference.difference)} [${percent(difference.lower)}, ${percent(difference.upper)}]` : '–',
      String(v.moderationBlocks), `${v.inputTokens} / ${v.outputTokens}`, `$${Number(v.cost).toFixed(4)}`,
      ms(v.meanLatencyMs), ms(v.meanTimeToFirstTokenMs),
    ].map((value, i) => text(i === 0 ? 'th' : 'td', value)));
    row.firstChild.scope = 'row';
    element.append(row);
  }
  return element;
}

function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}
