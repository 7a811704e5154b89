// A fetch-based Server-Sent Events reader (EventSource cannot send the Authorization header). It follows one reply
// stream to its end (a `done` or `error` event); when the connection drops it reconnects with Last-Event-ID, so no token
// is lost or repeated.

import { authorization, refresh, toError } from './api.js';

// About half a minute of reconnection attempts, e.g. while a chat instance restarts.
const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 3000, 4000, 5000, 5000, 5000, 5000];

/**
 * Reads `url` until the final event. `onEvent({ type, data, id })` gets every event with `data` parsed as JSON;
 * `onReconnect(attempt)` is told about each reconnection. Resolves with the final event (type `ended` when the
 * server says the final event was already sent: read the stored message); rejects with ApiError when the
 * server refuses the stream, or an AbortError when `signal` aborts.
 */
export async function followStream(url, { onEvent, onReconnect = () => {}, signal }) {
  let lastEventId = null;
  let attempt = 0;
  for (;;) {
    let final = null;
    try {
      const headers = { Accept: 'text/event-stream', ...authorization() };
      if (lastEventId) headers['Last-Event-ID'] = lastEventId;
      const response = await fetch(url, { headers, signal, cache: 'no-store' });
      if (response.status === 401 && await refresh()) continue;
      if (!response.ok) throw await toError(response);
      // 204: the final event was sent before the connection dropped; the stored message has the outcome.
      if (response.status === 204) return { id: lastEventId, type: 'ended', data: {} };
      final = await readEvents(response.body, event => {
        if (event.id) lastEventId = event.id;
        attempt = 0;
        onEvent(event);
      });
    } catch (error) {
      if (signal?.aborted || error.name === 'AbortError' || error.status) throw error;
      // A network failure: fall through and reconnect.
    }
    if (final) return final;
    if (attempt >= RETRY_DELAYS_MS.length) throw new Error('The connection to the reply stream was lost.');
    onReconnect(attempt + 1);
    await delay(RETRY_DELAYS_MS[attempt++], signal);
  }
}

/** Parses the SSE body; returns the final event (done / error), or null when the body ended before one. */
async function readEvents(body, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = blank();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return null;
      buffer += value;
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (event.data.length > 0 || event.type !== 'message') {
            const complete = { id: event.id, type: event.type, data: parse(event.data.join('\n')) };
            dispatch(complete);
            if (complete.type === 'done' || complete.type === 'error') return complete;
          }
          event = blank();
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const data = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') event.data.push(data);
        else if (field === 'event') event.type = data;
        else if (field === 'id') event.id = data;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

function blank() {
  return { id: null, type: 'message', data: [] };
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return { text };
  }
}

function delay(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    }, { once: true });
  });
}
