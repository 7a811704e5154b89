// Export of one conversation as JSON or Markdown, downloaded as a file (built in the page, no server round-trip).

export function toJson(conversation, messages) {
  return JSON.stringify({
    id: conversation.id,
    title: conversation.title,
    createdAt: conversation.createdAt,
    exportedAt: new Date().toISOString(),
    messages: messages.map(m => ({
      id: m.id, role: m.role, content: m.content, status: m.status, createdAt: m.createdAt,
      model: m.model ?? null, inputTokens: m.inputTokens ?? null, outputTokens: m.outputTokens ?? null,
    })),
  }, null, 2);
}

export function toMarkdown(conversation, messages) {
  const lines = [`# ${conversation.title}`, '', `_Exported ${new Date().toISOString()}_`, ''];
  for (const m of messages) {
    lines.push(`## ${m.role === 'user' ? 'You' : 'Assistant'}`, '', m.content || `_(${m.status})_`, '');
  }
  return lines.join('\n');
}

export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
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
