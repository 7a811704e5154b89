// The conversation list: newest first with "Show older" paging, new, rename and delete.

import { api } from './api.js';
import { describeError } from './errors.js';

const $ = id => document.getElementById(id);

export class Conversations {
  #items = [];
  #next = null;
  #activeId = null;

  constructor({ onOpen, onDeleted }) {
    this.onOpen = onOpen;
    this.onDeleted = onDeleted;
    $('new-conversation').addEventListener('click', () => this.create());
    $('more-conversations').addEventListener('click', () => this.load(this.#next));
  }

  async load(cursor = null) {
    try {
      const query = cursor ? `?limit=30&cursor=${encodeURIComponent(cursor)}` : '?limit=30';
      const page = await api(`/api/conversations${query}`);
      this.#items = cursor ? [...this.#items, ...page.items] : page.items;
      this.#next = page.nextCursor;
      this.#render();
      if (!cursor && this.#items.length > 0 && !this.#activeId) this.open(this.#items[0]);
    } catch (e) {
      this.#error(e);
    }
  }

  async create() {
    try {
      const conversation = await api('/api/conversations', { method: 'POST', body: {} });
      this.#items.unshift(conversation);
      await this.open(conversation);
      document.getElementById('composer-input').focus();
    } catch (e) {
      this.#error(e);
    }
  }

  open(conversation) {
    this.#activeId = conversation.id;
    this.#render();
    $('sidebar').classList.remove('open');
    $('toggle-list').setAttribute('aria-expanded', 'false');
    return this.onOpen(conversation);
  }

  replace(conversation) {
    const index = this.#items.findIndex(c => c.id === conversation.id);
    if (index >= 0) this.#items[index] = conversation;
    this.#render();
  }

  reset() {
    this.#items = [];
    this.#next = null;
    this.#activeId = null;
    this.#render();
  }

  async #rename(conversation) {
    const title = window.prompt('New name for this conversation', conversation.title);
    if (title === null || !title.trim()) return;
    try {
      const updated = await api(`/api/conversations/${conversation.id}`, { method: 'PATCH', body: { title: title.trim() } });
      this.replace(updated);
      if (updated.id === this.#activeId) this.onOpen(updated, { keepMessages: true });
    } catch (e) {
      this.#error(e);
    }
  }

  async #delete(conversation) {
    if (!window.confirm(`Delete "${conversation.title}"? This cannot be undone.`)) return;
    try {
      await api(`/api/conversations/${conversation.id}`, { method: 'DELETE' });
      this.#items = this.#items.filter(c => c.id !== conversation.id);
      if (this.#activeId === conversation.id) this.#activeId = null;
      this.#render();
      this.onDeleted(conversation.id);
      $('new-conversation').focus();
    } catch (e) {
      this.#error(e);
    }
  }

  #render() {
    const list = $('conversations');
    list.replaceChildren(...this.#items.map(c => this.#row(c)));
    $('more-conversations').hidden = !this.#next;
  }

  #row(conversation) {
    const li = document.createElement('li');
    li.dataset.id = conversation.id;
    li.classList.toggle('active', conversation.id === this.#activeId);
    const open = button(conversation.title, 'open', () => this.open(conversation));
    if (conversation.id === this.#activeId) open.setAttribute('aria-current', 'true');
    const rename = button('Rename', 'icon', () => this.#rename(conversation));
    rename.setAttribute('aria-label', `Rename ${conversation.title}`);
    const remove = button('Delete', 'icon', () => this.#delete(conversation));
    remove.setAttribute('aria-label', `Delete ${conversation.title}`);
    li.append(open, rename, remove);
    return li;
  }

  #error(e) {
    const box = $('chat-error');
    box.textContent = describeError(e);
    box.hidden = !box.textContent;
  }
}

function button(text, className, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}
