// Calls the flow APIs with the token typed on the page; an error carries the server's message and status.
const tokenInput = () => document.getElementById('token');

export function savedToken() {
  return sessionStorage.getItem('xs-flows-token') ?? '';
}

export function keepToken() {
  sessionStorage.setItem('xs-flows-token', tokenInput().value.trim());
}

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { authorization: `Bearer ${tokenInput().value.trim()}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(answer?.error?.message ?? `HTTP ${response.status}`);
    error.status = response.status;
    error.body = answer;
    throw error;
  }
  return answer;
}
