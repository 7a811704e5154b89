// Export of one conversation as JSON or Markdown: the server builds the file, the page downloads it.

import { request } from './api.js';

/** The server's export (GET /api/conversations/{id}/export) of one conversation as a file's contents. */
export async function fetchExport(conversationId, format) {
  const response = await request(`/api/conversations/${encodeURIComponent(conversationId)}/export?format=${format}`);
  return response.blob();
}

export function download(filename, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function fileName(conversation, extension) {
  const slug = conversation.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'conversation';
  return `${slug}.${extension}`;
}
