// The agent console: log in, work the views, open a case, talk (canned replies), note, propose, transfer, agree, hand back or close.
import { createApi } from './consoleApi.js';
import {
  accountFacts,
  caseItem,
  caseTimer,
  el,
  factList,
  interviewFacts,
  offerItem,
  outcomeText,
  transcriptEntry,
} from './consoleView.js';
import { preferredLocale, translate } from './i18n.js';
import { announce, titleWithCount } from './notify.js';

const $ = (id) => document.getElementById(id);
const VIEWS = ['queue', 'mine', 'waiting', 'open', 'closed'];
const KINDS = ['installment', 'extend', 'freeze', 'grace', 'settlement'];
const OUTCOMES = [
  'resolved',
  'paidInFull',
  'disputeUpheld',
  'disputeRejected',
  'referredToSupport',
  'noResponse',
  'other',
];
const PRIORITIES = ['urgent', 'high', 'normal'];
const REASONS = [
  'vulnerability',
  'dispute',
  'declined',
  'counterOffersExhausted',
  'noAffordablePlan',
  'humanRequested',
  'identityFailed',
  'explanationRefused',
];

const state = {
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

const names = (agentId) => state.staff.find((member) => member.id === agentId)?.name ?? agentId;
const seenKey = (caseId) => `xs.seen.${state.me?.id}.${caseId}`;
const isUnread = (item) =>
  Boolean(item.lastBorrowerAt) &&
  item.caseId !== state.current &&
  item.lastBorrowerAt > (localStorage.getItem(seenKey(item.caseId)) ?? '');

function say(message) {
  $('status').textContent = message;
}

/** Errors show at the top, in the console's language; a conflict refreshes what the agent sees. */
function fail(error) {
  const status = error?.status ?? 0;
  $('alert').textContent = state.words.errors[status] ?? state.words.errors[0];
  $('alert').hidden = false;
  if (status === 409 && state.current) void openCase(state.current, { focus: false });
  void refresh();
}

async function attempt(action, done) {
  try {
    const result = await action();
    if (done) say(result?.delivered === false ? state.words.undelivered : done);
    return result;
  } catch (error) {
    fail(error);
    return undefined;
  }
}

function options(select, values, label, first) {
  const chosen = select.value;
  select.replaceChildren(
    ...(first ? [el('option', { value: '' }, first)] : []),
    ...values.map((value) => el('option', { value }, label(value))),
  );
  if ([...select.options].some((option) => option.value === chosen)) select.value = chosen;
}

function applyLocale() {
  state.words = translate(document, state.locale);
  $('language').value = state.locale;
  const words = state.words;
  options($('propose-kind'), KINDS, (kind) => words.kinds[kind]);
  options($('close-outcome'), OUTCOMES, (outcome) => words.outcomes[outcome]);
  options($('filter-priority'), PRIORITIES, (p) => words.priorities[p], words.any);
  options($('filter-reason'), REASONS, (r) => words.reasons[r], words.any);
  renderTransferTargets();
  renderList();
  renderCase();
}

async function login(token) {
  const api = createApi(token);
  const me = await api.me().catch(() => undefined);
  if (!me) {
    $('alert').textContent = state.words.loginFailed;
    $('alert').hidden = false;
    return;
  }
  $('alert').hidden = true;
  sessionStorage.setItem('xs.token', token);
  const [staff, settings] = await Promise.all([api.staff(), api.settings()]);
  Object.assign(state, { api, me, staff: staff.staff, settings });
  $('who').textContent = `${me.name} (${me.role})`;
  $('login').hidden = true;
  $('desk').hidden = false;
  $('logout').hidden = false;
  $('notify').hidden = !('Notification' in window) || Notification.permission !== 'default';
  $('floor').hidden = me.role !== 'supervisor';
  state.stop = api.stream(onEvent, (up) => say(up ? '' : state.words.offline));
  renderTabs();
  renderTransferTargets();
  await refresh();
  // A reload (or a new tab) comes back to the case the agent was working on.
  if (state.mine.length > 0) await switchView('mine', false);
  const last = sessionStorage.getItem(`xs.current.${me.id}`);
  if (last) await openCase(last, { focus: false });
  document.querySelector('#view-tabs [aria-pressed="true"]')?.focus();
}

function renderTabs() {
  const visible = VIEWS.filter((view) => view !== 'open' || state.me?.role === 'supervisor');
  const count = { queue: state.queue.length, mine: state.mine.length };
  $('view-tabs').replaceChildren(
    ...visible.map((view) =>
      el(
        'button',
        {
          type: 'button',
          class: 'tab',
          'data-view': view,
          'aria-pressed': String(view === state.view),
          onclick: () => switchView(view, true),
        },
        state.words.viewNames[view],
        count[view] !== undefined ? ` (${count[view]})` : '',
      ),
    ),
  );
}

async function switchView(view, focus) {
  state.view = view;
  $('search').value = '';
  await refresh();
  if (focus) document.querySelector(`#view-tabs [data-view="${view}"]`)?.focus();
}

function listParams() {
  return {
    view: state.view,
    q: $('search').value.trim(),
    priority: $('filter-priority').value,
    reason: $('filter-reason').value,
  };
}

/** Reloads the open view, and the queue and my cases for counts and notifications. */
async function refresh() {
  if (!state.api) return;
  const [list, queue, mine] = await Promise.all([
    state.api.list(listParams()).catch(() => undefined),
    state.api.list({ view: 'queue' }).catch(() => undefined),
    state.api.list({ view: 'mine' }).catch(() => undefined),
  ]);
  if (list) Object.assign(state, { cases: list.cases, now: Date.parse(list.now) });
  if (mine) state.mine = mine.cases;
  if (queue) noticeNewCases(queue.cases);
  if (state.me.role === 'supervisor') void renderFloor();
  renderTabs();
  renderList();
}

function noticeNewCases(queue) {
  const known = state.knownQueue;
  state.queue = queue;
  state.knownQueue = new Set(queue.map((item) => item.caseId));
  if (!known) return;
  for (const item of queue) if (!known.has(item.caseId)) announce(item, state.words, { muted: !$('sound').checked });
}

function renderList() {
  if (!state.api) return;
  const words = state.words;
  const ctx = { words, targets: state.settings.targets, now: state.now, names, unread: false };
  $('list-title').textContent = $('search').value.trim() ? words.searchButton : words.viewNames[state.view];
  const items = state.cases.map((item) =>
    caseItem(item, { ...ctx, unread: isUnread(item) }, item.caseId === state.current, (caseId) =>
      openCase(caseId, { focus: true }),
    ),
  );
  $('case-list').replaceChildren(...(items.length ? items : [el('li', { class: 'hint' }, words.noCases)]));
  const unread = state.mine.filter(isUnread).length;
  document.title = titleWithCount(words.title, state.queue.length + unread);
}

function resetForms() {
  for (const id of ['chat', 'note', 'propose', 'close', 'transfer']) $(id).reset();
  hideCanned();
}

async function openCase(caseId, { focus }) {
  const changed = caseId !== state.current;
  const view = focus ? await attempt(() => state.api.view(caseId)) : await viewInBackground(caseId);
  if (!view) return;
  if (changed) resetForms();
  Object.assign(state, { current: caseId, caseView: view });
  sessionStorage.setItem(`xs.current.${state.me.id}`, caseId);
  const last = view.transcript.filter((entry) => entry.actor === 'borrower').at(-1);
  if (last) localStorage.setItem(seenKey(caseId), last.at);
  renderList();
  renderCase();
  if (focus) $('case-title').focus();
}

/** A case reopened without the agent asking: one another agent now holds is closed quietly (any alert stays). */
async function viewInBackground(caseId) {
  try {
    return await state.api.view(caseId);
  } catch (error) {
    if (error?.status !== 403) return fail(error);
    if (state.current === caseId) {
      Object.assign(state, { current: undefined, caseView: undefined });
      sessionStorage.removeItem(`xs.current.${state.me.id}`);
      renderList();
      renderCase();
    }
    return undefined;
  }
}

function summaryOf(caseId) {
  return [...state.cases, ...state.queue, ...state.mine].find((item) => item.caseId === caseId);
}

function renderCase() {
  const view = state.caseView;
  $('no-case').hidden = Boolean(view);
  $('case-body').hidden = !view;
  if (!view || !state.words || !state.me) return;
  const words = state.words;
  const summary = summaryOf(view.caseId);
  const mine = view.handoff?.agentId === state.me.id;
  const supervisorOnHeld = state.me.role === 'supervisor' && Boolean(view.handoff?.agentId);
  const canAct = mine || supervisorOnHeld;
  const reason = view.handoff?.reason ?? summary?.reason;
  const priority = view.handoff?.priority ?? summary?.priority;
  $('case-title').textContent =
    [view.account?.borrowerName, view.account?.accountRef].filter(Boolean).join(' · ') || view.caseId;
  const verified = view.identityVerified;
  $('case-meta').replaceChildren(
    priority ? el('span', { class: `badge ${priority}` }, words.priorities[priority]) : '',
    ` ${words.reasons[reason] ?? ''} · ${summary && summary.status !== 'escalated' ? outcomeText(summary, words) : words.statuses[view.status]} · ${view.locale} · `,
    el('span', { class: verified ? 'verified' : 'not-verified' }, verified ? words.verified : words.notVerified),
    ` · ${view.caseId}`,
  );
  const timer = summary ? caseTimer(summary, state.settings.targets, Date.now(), words) : undefined;
  $('case-timers').replaceChildren(timer ? el('span', { class: `timer ${timer.level}` }, timer.text) : '');
  $('claim').hidden = view.status !== 'escalated' || Boolean(view.handoff?.agentId);
  for (const id of ['chat', 'propose', 'close', 'transfer'])
    $(id)
      .querySelectorAll('input, select, textarea, button')
      .forEach((c) => (c.disabled = !canAct));
  $('note')
    .querySelectorAll('input, button')
    .forEach((c) => (c.disabled = view.status !== 'escalated'));
  $('handback').disabled = !canAct;
  factList($('facts'), accountFacts(view, words, state.locale, names), words);
  factList($('interview'), interviewFacts(view, words, state.locale), words);
  const currency = view.account?.currency;
  $('offers').replaceChildren(
    ...view.offersProposed.map((offer) => offerItem(offer, words.proposedTag, words, state.locale, currency, agree)),
    ...view.offersShown.map((offer) => offerItem(offer, words.shown, words, state.locale, currency, agree)),
  );
  $('offers')
    .querySelectorAll('button')
    .forEach((button) => (button.disabled = !canAct));
  const offers = [...view.offersProposed, ...view.offersShown];
  const offerName = (id) => {
    const offer = offers.find((candidate) => candidate.id === id);
    return offer
      ? `${words.kinds[offer.kind] ?? offer.kind} ${offer.months ? `× ${offer.months}` : ''}`.trim()
      : (id ?? '');
  };
  $('transcript').replaceChildren(
    ...view.transcript.map((entry) => transcriptEntry(entry, { words, names, offerName })),
  );
  $('transcript').scrollTop = $('transcript').scrollHeight;
}

function renderTransferTargets() {
  if (!state.words) return;
  const others = state.staff.filter((member) => member.id !== state.me?.id).map((member) => member.id);
  options($('transfer-to'), ['', ...others], (id) =>
    id
      ? `${names(id)}${state.staff.find((m) => m.id === id)?.online ? '' : ` (${state.words.away})`}`
      : state.words.supervisorsQueue,
  );
}

async function renderFloor() {
  const floor = await state.api.floor().catch(() => undefined);
  if (!floor) return;
  const words = state.words;
  $('floor-agents').replaceChildren(
    ...floor.agents.map((agent) =>
      el('li', {}, `${agent.name} · ${agent.online ? words.online : words.away} · ${words.load} ${agent.load}`),
    ),
  );
  $('floor-today').replaceChildren(
    el('li', {}, `${words.agreements}: ${floor.today.agreements}`),
    ...Object.entries(floor.today.outcomes).map(([code, count]) =>
      el('li', {}, `${outcomeText({ outcome: code }, words)}: ${count}`),
    ),
    el('li', {}, `${words.avgFirstResponse}: ${floor.today.averageFirstResponseSeconds ?? '—'} ${words.seconds}`),
    ...floor.queue.map((item) =>
      el(
        'li',
        {},
        `${words.priorities[item.priority]} · ${words.reasons[item.reason]} · ${words.waiting} ${Math.floor(item.waitingSeconds / 60)} ${words.minutes}`,
      ),
    ),
  );
}

function onEvent(type, event) {
  void refresh();
  if (event.caseId !== state.current || !state.caseView) return;
  if (type === 'transcript.appended') {
    state.caseView.transcript.push(...(event.entries ?? []));
    renderCase();
  } else {
    void openCase(state.current, { focus: false });
  }
}

/** `doneKey` names the words said once the action succeeded; `focusAfter` the element that gets focus. */
const act = (action, doneKey, focusAfter) => async () => {
  const caseId = state.current;
  $('alert').hidden = true;
  const result = await attempt(() => action(caseId), state.words[doneKey]);
  if (result) {
    await openCase(caseId, { focus: false });
    await refresh();
    $(focusAfter ?? 'case-title').focus();
  }
  return result;
};

const agree = (offerId) => act((caseId) => state.api.agree(caseId, offerId), 'agreed')();

// Canned replies: "/" then a short code in the reply box lists matches; Enter or Tab takes the highlighted one.
function cannedMatches() {
  const text = $('chat-text').value;
  if (!text.startsWith('/') || text.includes(' ')) return [];
  const code = text.slice(1).toLowerCase();
  return (state.settings.canned[state.caseView?.locale] ?? []).filter((reply) => reply.code.startsWith(code));
}

function hideCanned() {
  $('canned').hidden = true;
  $('chat-text').removeAttribute('aria-activedescendant');
}

function showCanned() {
  const matches = cannedMatches();
  if (matches.length === 0) return hideCanned();
  state.cannedIndex = Math.min(state.cannedIndex, matches.length - 1);
  $('canned').replaceChildren(
    ...matches.map((reply, i) =>
      el(
        'li',
        {
          id: `canned-${reply.code}`,
          role: 'option',
          'aria-selected': String(i === state.cannedIndex),
          class: 'canned-item',
          onmousedown: (event) => {
            event.preventDefault();
            pickCanned(reply);
          },
        },
        `/${reply.code} · ${reply.title}`,
      ),
    ),
  );
  $('canned').hidden = false;
  $('chat-text').setAttribute('aria-activedescendant', `canned-${matches[state.cannedIndex].code}`);
}

function pickCanned(reply) {
  $('chat-text').value = reply.text;
  hideCanned();
  $('chat-text').focus();
}

function wire() {
  $('language').addEventListener('change', () => {
    state.locale = $('language').value;
    localStorage.setItem('xs.locale', state.locale);
    applyLocale();
  });
  $('sound').checked = localStorage.getItem('xs.sound') !== 'off';
  $('sound').addEventListener('change', () => localStorage.setItem('xs.sound', $('sound').checked ? 'on' : 'off'));
  $('notify').addEventListener('click', async () => {
    await Notification.requestPermission();
    $('notify').hidden = Notification.permission !== 'default';
  });
  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void login($('token').value.trim());
  });
  $('logout').addEventListener('click', () => {
    sessionStorage.clear();
    state.stop?.();
    location.reload();
  });
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void refresh();
  });
  $('claim').addEventListener(
    'click',
    act((caseId) => state.api.claim(caseId), 'claimed', 'chat-text'),
  );
  $('handback').addEventListener(
    'click',
    act((caseId) => state.api.handBack(caseId), 'handedBack'),
  );
  $('chat').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('chat-text').value.trim();
    if (!text) return;
    if (await act((caseId) => state.api.say(caseId, text), 'sent', 'chat-text')()) $('chat-text').value = '';
  });
  $('chat-text').addEventListener('input', () => {
    state.cannedIndex = 0;
    showCanned();
  });
  $('chat-text').addEventListener('keydown', (event) => {
    const matches = $('canned').hidden ? [] : cannedMatches();
    if (matches.length > 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      state.cannedIndex = (state.cannedIndex + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
      return showCanned();
    }
    if (matches.length > 0 && (event.key === 'Enter' || event.key === 'Tab') && !event.isComposing) {
      event.preventDefault();
      return pickCanned(matches[state.cannedIndex]);
    }
    if (event.key === 'Escape') return hideCanned();
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $('chat').requestSubmit();
    }
  });
  $('note').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('note-text').value.trim();
    if (text && (await act((caseId) => state.api.note(caseId, text), 'noteAdded', 'note-text')()))
      $('note-text').value = '';
  });
  $('transfer').addEventListener('submit', (event) => {
    event.preventDefault();
    void act(
      (caseId) => state.api.transfer(caseId, $('transfer-to').value, $('transfer-note').value.trim()),
      'transferred',
    )();
  });
  $('propose').addEventListener('submit', (event) => {
    event.preventDefault();
    const months = $('propose-months').value;
    const discount = $('propose-discount').value;
    const proposal = {
      kind: $('propose-kind').value,
      ...(months ? { months: Number(months) } : {}),
      ...(discount ? { settlementDiscount: Number(discount) / 100 } : {}),
      ...($('propose-waive').checked ? { waiveFees: true } : {}),
    };
    void act((caseId) => state.api.propose(caseId, proposal), 'proposed')();
  });
  $('close').addEventListener('submit', (event) => {
    event.preventDefault();
    void act((caseId) => state.api.close(caseId, $('close-outcome').value, $('close-note').value.trim()), 'closed')();
  });
  // Timers move on their own between events.
  setInterval(() => {
    if (!state.api) return;
    state.now = Date.now();
    renderList();
    renderCase();
  }, 30_000);
}

wire();
applyLocale();
const saved = sessionStorage.getItem('xs.token');
if (saved) void login(saved);
else $('token').focus();
