// The approval card: a tool call that waits for a person (stream event approval_required). Approve or deny posts the
// decision; the reply goes on (or tells why not) in the same stream.

import { api } from './api.js';
import { describeError } from './errors.js';

export function approvalCard(replyId, { tool, callId, risk, description, arguments: args }) {
  const card = document.createElement('div');
  card.className = 'approval';
  card.setAttribute('role', 'group');
  const title = document.createElement('strong');
  title.textContent = `The assistant wants to use “${tool}”${risk === 'critical' ? ' (needs an administrator)' : ''}`;
  const what = document.createElement('p');
  what.textContent = description;
  const detail = document.createElement('p');
  detail.className = 'approval-arguments';
  detail.textContent = args ? `With: ${args}` : 'Without arguments.';
  const status = document.createElement('p');
  status.className = 'approval-status';
  const decide = async approve => {
    for (const b of card.querySelectorAll('button')) b.disabled = true;
    try {
      await api(`/api/replies/${replyId}/approvals/${encodeURIComponent(callId)}`, { method: 'POST', body: { approve } });
      status.textContent = approve ? 'Approved.' : 'Denied.';
    } catch (e) {
      status.textContent = describeError(e);
      for (const b of card.querySelectorAll('button')) b.disabled = false;
    }
  };
  const approve = document.createElement('button');
  approve.type = 'button';
  approve.textContent = 'Approve';
  approve.addEventListener('click', () => decide(true));
  const deny = document.createElement('button');
  deny.type = 'button';
  deny.textContent = 'Deny';
  deny.addEventListener('click', () => decide(false));
  card.append(title, what, detail, approve, deny, status);
  return card;
}
