// The chat pane: messages of the open conversation, the composer, streaming replies, stop and export.

import { api } from './api.js';
import { approvalCard } from './approval.js';
import { describeError, describeStreamError } from './errors.js';
import { download, fetchExport, fileName } from './export.js';
import { feedbackBar } from './feedback.js';
import { renderMarkdown } from './markdown.js';
import { followStream } from './sse.js';

const $ = id => document.getElementById(id);
const DEFAULT_TITLE = 'New conversation';
const OPEN_STATUSES = new Set(['pending', 'streaming']);

export class ChatPane {
  #conversation = null;
  #messages = [];
  #reply = null; // { replyId, controller }

  constructor({ onReplyFinished, onTitleChanged, createConversation }) {
    this.onReplyFinished = onReplyFinished;
    this.createConversation = createConversation;
    this.onTitleChanged = onTitleChanged;
    $('composer').addEventListener('submit', event => {
      event.preventDefault();
      this.send();
    });
    $('composer-input').addEventListener('keydown', event => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.send();
      } else if (event.key === 'Escape' && this.#reply) {
        event.preventDefault();
        this.stop();
      }
    });
    $('stop').addEventListener('click', () => this.stop());
    $('export-json').addEventListener('click', () => this.#export('json'));
    $('export-md').addEventListener('click', () => this.#export('md'));
  }

  async open(conversation, { keepMessages = false } = {}) {
    const switching = this.#conversation?.id !== conversation.id;
    this.#conversation = conversation;
    $('conversation-title').textContent = conversation.title;
    $('export-json').disabled = $('export-md').disabled = false;
    if (keepMessages && !switching) return;
    this.#detachReply();
    this.#error('');
    this.#messages = [];
    $('messages').replaceChildren();
    try {
      const page = await api(`/api/conversations/${conversation.id}/messages?limit=100`);
      if (this.#conversation?.id !== conversation.id) return;
      this.#messages = page.items.reverse();
      $('messages').replaceChildren(...this.#messages.map(m => this.#view(m)));
      this.#scroll();
      const last = this.#messages.at(-1);
      if (last?.role === 'assistant' && OPEN_STATUSES.has(last.status)) this.#follow(last);
    } catch (e) {
      this.#error(describeError(e));
    }
  }

  closeIf(id) {
    if (this.#conversation?.id === id) this.reset();
  }

  reset() {
    this.#detachReply();
    this.#conversation = null;
    this.#messages = [];
    $('messages').replaceChildren();
    $('conversation-title').textContent = 'No conversation';
    $('export-json').disabled = $('export-md').disabled = true;
    this.#error('');
  }

  async send() {
    const input = $('composer-input');
    const content = input.value.trim();
    if (!content || this.#reply) return;
    this.#error('');
    if (!this.#conversation) {
      await this.createConversation();
      if (!this.#conversation) return;
    }
    const conversation = this.#conversation;
    $('send').disabled = true;
    try {
      const accepted = await api(`/api/conversations/${conversation.id}/messages`, {
        method: 'POST', body: { content }, headers: { 'Idempotency-Key': crypto.randomUUID() },
      });
      input.value = '';
      const now = new Date().toISOString();
      const user = { id: accepted.messageId, role: 'user', content, status: 'completed', createdAt: now };
      const reply = { id: accepted.replyId, role: 'assistant', content: '', status: 'pending', createdAt: now };
      this.#messages.push(user, reply);
      $('messages').append(this.#view(user), this.#view(reply));
      this.#scroll();
      if (conversation.title === DEFAULT_TITLE) this.#autoTitle(conversation, content);
      await this.#follow(reply, accepted.streamUrl);
    } catch (e) {
      this.#error(describeError(e));
    } finally {
      $('send').disabled = false;
    }
  }

  async stop() {
    if (!this.#reply) return;
    try {
      await api(`/api/replies/${this.#reply.replyId}/cancel`, { method: 'POST' });
    } catch (e) {
      this.#reply?.controller.abort();
      this.#error(describeError(e));
    }
  }

  async #follow(message, streamUrl = `/api/replies/${message.id}/stream`) {
    const controller = new AbortController();
    this.#reply = { replyId: message.id, controller };
    $('stop').hidden = false;
    const view = this.#find(message.id);
    let pending = false;
    const paint = () => {
      pending = false;
      this.#paint(view, message);
    };
    try {
      const final = await followStream(streamUrl, {
        signal: controller.signal,
        onReconnect: attempt => this.#status(`Connection lost; reconnecting (attempt ${attempt})…`),
        onEvent: ({ type, data }) => {
          if (type === 'queued') {
            message.queue = data;
          } else if (type === 'token') {
            message.queue = null;
            message.content += data.text ?? '';
            message.status = 'streaming';
          } else if (type === 'approval_required') {
            view.after(approvalCard(message.id, data));
          } else if (type === 'reset') {
            message.content = '';
          } else if (type === 'done') {
            message.status = 'completed';
            Object.assign(message, { model: data.model, inputTokens: data.inputTokens, outputTokens: data.outputTokens });
          } else if (type === 'error') {
            message.status = data.code === 'cancelled' ? 'cancelled' : (data.code === 'moderation_blocked' ? 'blocked' : 'failed');
            message.failure = describeStreamError(data.code, data.message);
          }
          if (type === 'done' || type === 'error') paint();
          else if (!pending) {
            pending = true;
            requestAnimationFrame(paint);
          }
          this.#scroll();
        },
      });
      if (final.type === 'ended' && this.#conversation) this.open(this.#conversation);
      this.#status('Reply finished.');
    } catch (e) {
      if (e.name !== 'AbortError') {
        message.status = 'failed';
        message.failure = e.status ? describeError(e) : (e.message || 'The reply failed.');
        this.#paint(view, message);
      }
    } finally {
      if (this.#reply?.controller === controller) {
        this.#reply = null;
        $('stop').hidden = true;
      }
      this.onReplyFinished();
    }
  }

  #detachReply() {
    this.#reply?.controller.abort();
    this.#reply = null;
    $('stop').hidden = true;
  }

  async #autoTitle(conversation, content) {
    const title = content.replace(/\s+/g, ' ').slice(0, 60);
    try {
      const updated = await api(`/api/conversations/${conversation.id}`, { method: 'PATCH', body: { title } });
      if (this.#conversation?.id === updated.id) {
        this.#conversation = updated;
        $('conversation-title').textContent = updated.title;
      }
      this.onTitleChanged(updated);
    } catch {
      // The default title stays; nothing the user must know.
    }
  }

  #view(message) {
    const article = document.createElement('article');
    article.className = `message ${message.role}`;
    article.dataset.id = message.id;
    article.dataset.role = message.role;
    const heading = document.createElement('h3');
    heading.className = 'visually-hidden';
    heading.textContent = message.role === 'user' ? 'You said' : 'Assistant replied';
    const body = document.createElement('div');
    body.className = 'body';
    const meta = document.createElement('div');
    meta.className = 'meta';
    const notice = document.createElement('div');
    notice.className = 'notice';
    article.append(heading, body, notice, meta);
    if (message.role === 'assistant') article.append(feedbackBar(message, text => this.#error(text)));
    this.#paint(article, message);
    return article;
  }

  #paint(article, message) {
    if (!article) return;
    article.dataset.status = message.status;
    const body = article.querySelector('.body');
    if (message.role === 'user') body.textContent = message.content;
    else body.replaceChildren(renderMarkdown(message.content));
    const failure = message.failure ?? storedFailure(message);
    const notice = article.querySelector('.notice');
    notice.textContent = failure ?? '';
    notice.hidden = !failure;
    const feedback = article.querySelector('.feedback');
    if (feedback) feedback.hidden = message.status !== 'completed';
    const meta = article.querySelector('.meta');
    meta.textContent = message.role === 'assistant' && message.status === 'completed' && message.model
      ? `${message.model} · ${(message.inputTokens ?? 0) + (message.outputTokens ?? 0)} tokens`
      : (OPEN_STATUSES.has(message.status) && message.role === 'assistant' ? (queueText(message.queue) ?? 'Writing…') : '');
  }

  #find(id) {
    return $('messages').querySelector(`[data-id="${CSS.escape(id)}"]`);
  }

  async #export(kind) {
    const conversation = this.#conversation;
    if (!conversation) return;
    this.#error('');
    try {
      const blob = await fetchExport(conversation.id, kind === 'json' ? 'json' : 'markdown');
      download(fileName(conversation, kind === 'json' ? 'json' : 'md'), blob);
    } catch (e) {
      this.#error(describeError(e));
    }
  }

  #scroll() {
    const box = $('messages');
    box.scrollTop = box.scrollHeight;
  }

  #error(text) {
    const box = $('chat-error');
    box.textContent = text;
    box.hidden = !text;
  }

  #status(text) {
    $('status').textContent = text;
  }
}

/** A reply waiting for a model slot: "Queued, position 3 (about 12 s)…"; null once it is not waiting. */
function queueText(queue) {
  if (!queue?.position) return null;
  const wait = queue.estimatedWaitMs ? ` (about ${Math.max(1, Math.round(queue.estimatedWaitMs / 1000))} s)` : '';
  return `Queued, position ${queue.position}${wait}…`;
}

function storedFailure(message) {
  if (message.status === 'failed') return describeStreamError(null, message.failureReason);
  if (message.status === 'blocked') return describeStreamError('blocked', message.failureReason);
  if (message.status === 'cancelled') return 'Stopped.';
  return null;
}
