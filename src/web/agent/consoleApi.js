// The console's calls to /api/agent with the bearer token, and the live event stream.
export function createApi(token) {
  const call = async (method, path, body) => {
    const response = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data?.error?.message ?? `HTTP ${response.status}`);
    return data;
  };
  const cases = (caseId, action) => `/api/agent/cases/${encodeURIComponent(caseId)}${action ? `/${action}` : ''}`;
  return {
    me: () => call('GET', '/api/agent/me'),
    queue: () => call('GET', '/api/agent/queue'),
    view: (caseId) => call('GET', cases(caseId)),
    claim: (caseId) => call('POST', cases(caseId, 'claim'), {}),
    say: (caseId, text) => call('POST', cases(caseId, 'messages'), { text }),
    propose: (caseId, proposal) => call('POST', cases(caseId, 'offers'), proposal),
    agree: (caseId, offerId) => call('POST', cases(caseId, 'agreement'), { offerId }),
    handBack: (caseId) => call('POST', cases(caseId, 'handback'), {}),
    close: (caseId, outcome, note) => call('POST', cases(caseId, 'close'), note ? { outcome, note } : { outcome }),
    /** EventSource reconnects by itself; `onEvent(type, data)` gets every desk event. */
    stream(onEvent, onState) {
      const source = new EventSource(`/api/agent/events?access_token=${encodeURIComponent(token)}`);
      for (const type of ['queue.changed', 'transcript.appended', 'case.claimed', 'case.released']) {
        source.addEventListener(type, (event) => onEvent(type, JSON.parse(event.data)));
      }
      source.onopen = () => onState(true);
      source.onerror = () => onState(false);
      return () => source.close();
    },
  };
}
