// The console's calls to /api/agent with the bearer token, and the live event stream.
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function createApi(token) {
  const call = async (method, path, body) => {
    const response = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new ApiError(response.status, data?.error?.message ?? `HTTP ${response.status}`);
    return data;
  };
  const cases = (caseId, action) => `/api/agent/cases/${encodeURIComponent(caseId)}${action ? `/${action}` : ''}`;
  const query = (params) => new URLSearchParams(Object.entries(params).filter(([, value]) => value)).toString();
  return {
    me: () => call('GET', '/api/agent/me'),
    list: (params) => call('GET', `/api/agent/cases?${query(params)}`),
    staff: () => call('GET', '/api/agent/staff'),
    settings: () => call('GET', '/api/agent/settings'),
    floor: () => call('GET', '/api/agent/floor'),
    view: (caseId) => call('GET', cases(caseId)),
    claim: (caseId) => call('POST', cases(caseId, 'claim'), {}),
    say: (caseId, text) => call('POST', cases(caseId, 'messages'), { text }),
    note: (caseId, text) => call('POST', cases(caseId, 'notes'), { text }),
    transfer: (caseId, toAgentId, note) =>
      call('POST', cases(caseId, 'transfer'), { ...(toAgentId ? { toAgentId } : {}), ...(note ? { note } : {}) }),
    propose: (caseId, proposal) => call('POST', cases(caseId, 'offers'), proposal),
    agree: (caseId, offerId) => call('POST', cases(caseId, 'agreement'), { offerId }),
    handBack: (caseId) => call('POST', cases(caseId, 'handback'), {}),
    close: (caseId, outcome, note) => call('POST', cases(caseId, 'close'), note ? { outcome, note } : { outcome }),
    /** EventSource reconnects by itself; `onEvent(type, data)` gets every desk event. */
    stream(onEvent, onState) {
      const source = new EventSource(`/api/agent/events?access_token=${encodeURIComponent(token)}`);
      for (const type of [
        'queue.changed',
        'transcript.appended',
        'case.claimed',
        'case.released',
        'case.transferred',
      ]) {
        source.addEventListener(type, (event) => onEvent(type, JSON.parse(event.data)));
      }
      source.onopen = () => onState(true);
      source.onerror = () => onState(false);
      return () => source.close();
    },
  };
}
