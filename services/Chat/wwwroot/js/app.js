// Entry point: sign-up / log-in / log-out, then the conversation list and the chat pane.

import { logIn, logOut, refresh, session, signUp } from './api.js';
import { describeError } from './errors.js';
import { Conversations } from './conversations.js';
import { ChatPane } from './chat.js';
import { UsageMeter } from './usage.js';
import { ExperimentsView } from './experiments.js';

const $ = id => document.getElementById(id);
const usage = new UsageMeter();
const experiments = new ExperimentsView();
const chat = new ChatPane({
  onReplyFinished: () => usage.update(),
  onTitleChanged: c => conversations.replace(c),
  createConversation: () => conversations.create(),
});
const conversations = new Conversations({ onOpen: c => chat.open(c), onDeleted: id => chat.closeIf(id) });
let signingUp = false;

function show(signedIn) {
  $('auth').hidden = signedIn;
  $('app').hidden = !signedIn;
  $('account').hidden = !signedIn;
  if (signedIn) {
    conversations.load();
    usage.update();
    experiments.update();
  } else {
    chat.reset();
    conversations.reset();
    usage.hide();
    experiments.hide();
    $('password').value = '';
    $('email').focus();
  }
}

function setMode(up) {
  signingUp = up;
  $('auth-title').textContent = up ? 'Create an account' : 'Log in';
  $('auth-submit').textContent = up ? 'Sign up' : 'Log in';
  $('auth-switch').textContent = up ? 'I already have an account' : 'Create an account';
  $('auth-hint').hidden = !up;
  $('password').autocomplete = up ? 'new-password' : 'current-password';
  $('auth-error').hidden = true;
}

$('auth-switch').addEventListener('click', () => {
  setMode(!signingUp);
  $('email').focus();
});

$('auth-form').addEventListener('submit', async event => {
  event.preventDefault();
  const email = $('email').value.trim();
  const password = $('password').value;
  const error = $('auth-error');
  error.hidden = true;
  error.textContent = '';
  if (!email || !password) {
    error.textContent = 'Enter your e-mail address and a password.';
    error.hidden = false;
    return;
  }
  $('auth-submit').disabled = true;
  try {
    await (signingUp ? signUp(email, password) : logIn(email, password));
  } catch (e) {
    error.textContent = describeError(e);
    error.hidden = false;
  } finally {
    $('auth-submit').disabled = false;
  }
});

$('logout').addEventListener('click', () => logOut());

$('toggle-list').addEventListener('click', () => {
  const open = $('sidebar').classList.toggle('open');
  $('toggle-list').setAttribute('aria-expanded', String(open));
});

session.onChange(show);

// A reload keeps the session through the httpOnly cookie: ask for a fresh access token first.
refresh().catch(() => false).then(ok => {
  if (!ok) {
    setMode(false);
    show(false);
  }
});
