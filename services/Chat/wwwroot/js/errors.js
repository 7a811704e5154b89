// Turns API problems and stream error codes into sentences a user can act on.

/** A message for an ApiError (status + RFC 9457 problem) or any other failure. */
export function describeError(error) {
  if (!error || error.name === 'AbortError') return '';
  const problem = error.problem ?? {};
  const type = String(problem.type ?? '');
  const detail = problem.detail ? ` ${problem.detail}` : '';
  switch (error.status) {
    case 429:
      return `You are sending too fast.${wait(error.retryAfter)}${detail}`.trim();
    case 402:
      return `You have used up your quota.${detail} It resets later, or ask your workspace admin for a bigger plan.`.trim();
    case 403:
      return type.includes('generation-disabled')
        ? 'Replies are disabled for this workspace by an administrator.'
        : `This is not allowed.${detail}`;
    case 422:
      return type.includes('moderation') ? blocked(problem.detail) : `The message was not accepted.${detail}`;
    case 503:
      return type.includes('generation-unavailable')
        ? 'New replies are paused for now; please try again later.'
        : `The service is unavailable right now; please try again shortly.${detail}`;
    case 401:
      return problem.detail || 'Please log in again.';
    case 404:
      return 'That conversation no longer exists.';
    case 400:
      return validation(problem) || 'The request was not valid.';
    default:
      if (error.status >= 500) return 'Something went wrong on our side; please try again.';
      return error.message || 'Something went wrong; please try again.';
  }
}

/** A message for the `error` event of a reply stream, or a stored failed/blocked reply. */
export function describeStreamError(code, message) {
  switch (code) {
    case 'cancelled':
      return 'Stopped.';
    case 'moderation_blocked':
    case 'blocked':
    case 'policy_violation':
      return blocked(message);
    case 'provider_unavailable':
      return 'The AI provider is unavailable right now; please try again in a moment.';
    case 'timeout':
      return 'The AI provider took too long to answer; please try again.';
    case 'rate_limited':
      return 'The AI provider is busy; please try again in a moment.';
    case 'quota_exceeded':
    case 'budget_exhausted':
      return 'The reply stopped because your quota is used up.';
    default:
      return message ? `The reply failed: ${message}` : 'The reply failed; please try again.';
  }
}

function blocked(reason) {
  return `This message was blocked by the content policy.${reason ? ` ${reason}` : ''}`;
}

function wait(retryAfter) {
  const seconds = Number(retryAfter);
  return Number.isFinite(seconds) && seconds > 0 ? ` Please wait ${seconds} s and try again.` : ' Please wait a moment.';
}

function validation(problem) {
  const errors = problem.errors ?? {};
  const first = Object.values(errors).flat()[0];
  return first || problem.detail || problem.title;
}
