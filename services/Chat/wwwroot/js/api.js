// Talks to the chat origin. The access token lives only in this module's memory; the refresh token is in an httpOnly
// cookie that only /web/session endpoints receive.

const SESSION_HEADER = { 'X-Chatbot-Web': '1' };
let accessToken = null;
let refreshTimer = null;
let refreshing = null;
const listeners = new Set();

/** An HTTP answer that was not a success: status, problem details (RFC 9457) when the body had them, Retry-After. */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || problem?.title || `Request failed with status ${status}.`);
    this.status = status;
    this.problem = problem ?? {};
    this.retryAfter = retryAfter;
  }
}

export const session = {
  get signedIn() { return accessToken !== null; },
  get token() { return accessToken; },
  /** The roles in the access token (a JWT the page only reads to decide what to show; the server decides access). */
  get roles() {
    try {
      const payload = JSON.parse(atob(accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return [payload.role ?? []].flat();
    } catch {
      return [];
    }
  },
  /** Called with true/false when the session starts or ends. */
  onChange(listener) { listeners.add(listener); },
};

export async function logIn(email, password) {
  const response = await fetch('/web/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  await accept(response);
}

export async function signUp(email, password) {
  const response = await fetch('/api/account/register', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw await toError(response);
  await logIn(email, password);
}

/** Trades the cookie for a new access token; false when there is no valid session. */
export function refresh() {
  refreshing ??= (async () => {
    try {
      const response = await fetch('/web/session/refresh', { method: 'POST', headers: SESSION_HEADER });
      if (response.status === 401) {
        end();
        return false;
      }
      await accept(response);
      return true;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

export async function logOut() {
  try {
    await fetch('/web/session', { method: 'DELETE', headers: SESSION_HEADER });
  } finally {
    end();
  }
}

/** fetch() with the access token; a 401 triggers one refresh and one retry. Throws ApiError on failure. */
export async function api(path, options = {}) {
  const response = await request(path, options);
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/** The successful response of fetch() with the access token (one refresh and retry on 401); throws ApiError otherwise. */
export async function request(path, { method = 'GET', body, headers = {}, signal } = {}) {
  const send = () => fetch(path, {
    method, signal,
    headers: { ...headers, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...authorization() },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  let response = await send();
  if (response.status === 401 && await refresh()) response = await send();
  if (!response.ok) throw await toError(response);
  return response;
}

export function authorization() {
  return accessToken ? { Authorization: `Bearer ${accessToken}` } : {};
}

export async function toError(response) {
  let problem = null;
  try {
    const text = await response.text();
    problem = text ? JSON.parse(text) : null;
  } catch {
    problem = null;
  }
  return new ApiError(response.status, problem, response.headers.get('Retry-After'));
}

async function accept(response) {
  if (!response.ok) throw await toError(response);
  const { accessToken: token, expiresIn } = await response.json();
  const wasSignedIn = accessToken !== null;
  accessToken = token;
  clearTimeout(refreshTimer);
  // Refresh a minute before the access token expires (at least 10 s from now).
  refreshTimer = setTimeout(() => refresh().catch(() => {}), Math.max(10, (expiresIn || 300) - 60) * 1000);
  if (!wasSignedIn) listeners.forEach(l => l(true));
}

function end() {
  const wasSignedIn = accessToken !== null;
  accessToken = null;
  clearTimeout(refreshTimer);
  if (wasSignedIn) listeners.forEach(l => l(false));
}
