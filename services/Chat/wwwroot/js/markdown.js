// A small, safe Markdown renderer: it builds DOM nodes and only ever sets text (never innerHTML), so model output can
// not inject markup or script. Supported: fenced code, headings, lists, block quotes, paragraphs, `code`, **bold**,
// *italic*, and [links](https://...) limited to http(s) and mailto.

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/** Renders `text` into a DocumentFragment. */
export function renderMarkdown(text) {
  const fragment = document.createDocumentFragment();
  const lines = String(text ?? '').replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = line.match(/^\s*(```|~~~)\s*([\w+-]*)\s*$/);
    if (fence) {
      const code = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith(fence[1])) code.push(lines[i++]);
      i++;
      const pre = el('pre');
      const codeEl = el('code', code.join('\n'));
      if (fence[2]) codeEl.dataset.language = fence[2];
      pre.append(codeEl);
      fragment.append(pre);
      continue;
    }
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    if (heading) {
      const level = Math.min(heading[1].length + 2, 6);
      fragment.append(inline(el(`h${level}`), heading[2]));
      i++;
      continue;
    }
    if (/^\s*([-*+]|\d+[.)])\s+/.test(line)) {
      const ordered = /^\s*\d+[.)]\s+/.test(line);
      const list = el(ordered ? 'ol' : 'ul');
      while (i < lines.length && /^\s*([-*+]|\d+[.)])\s+/.test(lines[i])) {
        list.append(inline(el('li'), lines[i].replace(/^\s*([-*+]|\d+[.)])\s+/, '')));
        i++;
      }
      fragment.append(list);
      continue;
    }
    if (/^\s*>/.test(line)) {
      const quote = [];
      while (i < lines.length && /^\s*>/.test(lines[i])) quote.push(lines[i++].replace(/^\s*>\s?/, ''));
      const block = el('blockquote');
      block.append(renderMarkdown(quote.join('\n')));
      fragment.append(block);
      continue;
    }
    if (line.trim() === '') {
      i++;
      continue;
    }
    const paragraph = [];
    while (i < lines.length && lines[i].trim() !== '' && !/^(\s*(```|~~~)|#{1,6}\s|\s*([-*+]|\d+[.)])\s+|\s*>)/.test(lines[i])) {
      paragraph.push(lines[i++]);
    }
    const p = el('p');
    paragraph.forEach((text, n) => {
      if (n > 0) p.append(el('br'));
      inline(p, text);
    });
    fragment.append(p);
  }
  return fragment;
}

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*)|(\[[^\]]+\]\([^)\s]+\))/;

/** Appends `text` to `parent` with inline formats applied; everything else stays plain text. */
function inline(parent, text) {
  let rest = text;
  while (rest.length > 0) {
    const match = rest.match(INLINE);
    if (!match) {
      parent.append(document.createTextNode(rest));
      break;
    }
    if (match.index > 0) parent.append(document.createTextNode(rest.slice(0, match.index)));
    const token = match[0];
    if (match[1]) parent.append(el('code', token.slice(1, -1)));
    else if (match[2]) parent.append(inline(el('strong'), token.slice(2, -2)));
    else if (match[3]) parent.append(inline(el('em'), token.slice(1, -1)));
    else parent.append(link(token));
    rest = rest.slice(match.index + token.length);
  }
  return parent;
}

function link(token) {
  const [, label, url] = token.match(/^\[([^\]]+)\]\(([^)\s]+)\)$/);
  if (!SAFE_URL.test(url)) return document.createTextNode(token);
  const a = el('a', label);
  a.href = url;
  a.rel = 'noopener noreferrer nofollow';
  a.target = '_blank';
  return a;
}

function el(tag, text) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}
