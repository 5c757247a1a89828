// The console's shared state and the small helpers every part uses: elements by id, staff names, unread marks, alerts.
import { preferredLocale } from './i18n.js';

export const $ = (id) => document.getElementById(id);

export const VIEWS = ['queue', 'mine', 'waiting', 'open', 'closed'];
export const KINDS = ['installment', 'extend', 'freeze', 'grace', 'settlement'];
export const OUTCOMES = [
  'resolved',
  'paidInFull',
  'disputeUpheld',
  'disputeRejected',
  'referredToSupport',
  'noResponse',
  'other',
];
export const PRIORITIES = ['urgent', 'high', 'normal'];
export const REASONS = [
  'vulnerability',
  'dispute',
  'declined',
  'counterOffersExhausted',
  'noAffordablePlan',
  'humanRequested',
  'identityFailed',
  'explanationRefused',
];

export const state = {
  api: undefined,
  me: undefined,
  words: undefined,
  locale: preferredLocale(localStorage.getItem('xs.locale'), navigator.languages ?? [navigator.language]),
  view: 'queue',
  cases: [],
  queue: [],
  mine: [],
  now: Date.now(),
  staff: [],
  settings: { canned: {}, targets: {} },
  current: undefined,
  caseView: undefined,
  knownQueue: undefined,
  stop: undefined,
  cannedIndex: 0,
};

/** What other parts do after a failure (set by console.js: reopen the case, reload the lists). */
export const after = { conflict: async () => {}, refresh: async () => {} };

export const names = (agentId) => state.staff.find((member) => member.id === agentId)?.name ?? agentId;
const seenKey = (caseId) => `xs.seen.${state.me?.id}.${caseId}`;
export const markSeen = (caseId, at) => localStorage.setItem(seenKey(caseId), at);
export const isUnread = (item) =>
  Boolean(item.lastBorrowerAt) &&
  item.caseId !== state.current &&
  item.lastBorrowerAt > (localStorage.getItem(seenKey(item.caseId)) ?? '');

export function say(message) {
  $('status').textContent = message;
}

/** Errors show at the top, in the console's language; a conflict refreshes what the agent sees. */
export function fail(error) {
  const status = error?.status ?? 0;
  $('alert').textContent = state.words.errors[status] ?? state.words.errors[0];
  $('alert').hidden = false;
  if (status === 409 && state.current) void after.conflict();
  void after.refresh();
}

export async function attempt(action, done) {
  try {
    const result = await action();
    if (done) say(result?.delivered === false ? state.words.undelivered : done);
    return result;
  } catch (error) {
    fail(error);
    return undefined;
  }
}
