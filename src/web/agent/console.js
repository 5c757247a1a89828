// The agent console: log in with a token, watch the queue live, open a case, talk, propose, agree, hand back or close.
import { createApi } from './consoleApi.js';
import { accountFacts, factList, interviewFacts, mineItem, offerItem, queueItem, transcriptEntry } from './consoleView.js';
import { translate } from './i18n.js';

const $ = (id) => document.getElementById(id);
const state = { api: undefined, me: undefined, locale: localStorage.getItem('xs.locale') ?? 'zh-CN', words: undefined, queue: [], mine: [], current: undefined, view: undefined, stop: undefined };

function say(message, isError = false) {
  $('status').textContent = message;
  $('status').classList.toggle('error', isError);
}

async function attempt(action, done) {
  try {
    const result = await action();
    if (done) say(result?.delivered === false ? state.words.undelivered : done, result?.delivered === false);
    return result;
  } catch (error) {
    say(error.message, true);
    return undefined;
  }
}

function applyLocale() {
  state.words = translate(document, state.locale);
  $('language').value = state.locale;
  renderQueue();
  renderCase();
}

async function login(token) {
  const api = createApi(token);
  const me = await api.me().catch(() => undefined);
  if (!me) return say(state.words.loginFailed, true);
  sessionStorage.setItem('xs.token', token);
  Object.assign(state, { api, me, mine: JSON.parse(sessionStorage.getItem(`xs.mine.${me.id}`) ?? '[]') });
  $('who').textContent = `${me.name} (${me.role})`;
  $('login').hidden = true;
  $('desk').hidden = false;
  $('logout').hidden = false;
  state.stop = api.stream(onEvent, (up) => say(up ? '' : state.words.offline, !up));
  await refreshQueue();
  $('queue-list').querySelector('button')?.focus();
}

function rememberMine(caseId, held) {
  state.mine = held ? [...new Set([caseId, ...state.mine])] : state.mine.filter((id) => id !== caseId);
  sessionStorage.setItem(`xs.mine.${state.me.id}`, JSON.stringify(state.mine));
}

async function refreshQueue() {
  const answer = await attempt(() => state.api.queue());
  if (answer) state.queue = answer.cases;
  renderQueue();
}

function renderQueue() {
  if (!state.api) return;
  $('queue-count').textContent = `(${state.queue.length})`;
  $('queue-list').replaceChildren(...state.queue.map((item) => queueItem(item, state.words, state.locale, item.caseId === state.current, openCase)));
  $('mine-list').replaceChildren(...state.mine.map((caseId) => mineItem(caseId, caseId === state.current, openCase)));
}

async function openCase(caseId) {
  state.current = caseId;
  const view = await attempt(() => state.api.view(caseId));
  if (view) state.view = view;
  renderQueue();
  renderCase();
}

function renderCase() {
  const view = state.view;
  $('no-case').hidden = Boolean(view);
  $('case-body').hidden = !view;
  if (!view || !state.words) return;
  const words = state.words;
  const mine = view.handoff?.agentId === state.me.id;
  $('case-title').textContent = view.caseId;
  $('case-meta').textContent = `${view.status} · ${view.locale} · ${view.channelId}`;
  $('claim').hidden = view.status !== 'escalated' || mine;
  for (const id of ['chat', 'propose', 'close']) $(id).querySelectorAll('input, select, textarea, button').forEach((c) => (c.disabled = !mine));
  $('handback').disabled = !mine;
  factList($('facts'), accountFacts(view, words, state.locale), words);
  factList($('interview'), interviewFacts(view, state.locale), words);
  const currency = view.account?.currency;
  $('offers').replaceChildren(
    ...view.offersProposed.map((offer) => offerItem(offer, words.proposedTag, words, state.locale, currency, agree)),
    ...view.offersShown.map((offer) => offerItem(offer, words.shown, words, state.locale, currency, agree)),
  );
  $('offers').querySelectorAll('button').forEach((button) => (button.disabled = !mine));
  $('transcript').replaceChildren(...view.transcript.map((entry) => transcriptEntry(entry, words)));
  $('transcript').scrollTop = $('transcript').scrollHeight;
}

function onEvent(type, event) {
  if (type === 'queue.changed' || type === 'case.claimed' || type === 'case.released') void refreshQueue();
  if (event.caseId !== state.current || !state.view) return;
  if (type === 'transcript.appended') {
    state.view.transcript.push(...(event.entries ?? []));
    renderCase();
  } else {
    void openCase(state.current);
  }
}

/** `doneKey` names the words said once the action succeeded. */
const act = (action, doneKey, after) => async () => {
  const caseId = state.current;
  const result = await attempt(() => action(caseId), state.words[doneKey]);
  if (result) {
    after?.(caseId, result);
    await openCase(caseId);
  }
};

const agree = (offerId) => act((caseId) => state.api.agree(caseId, offerId), 'agreed', (caseId) => rememberMine(caseId, false))();

function wire() {
  $('language').addEventListener('change', () => {
    state.locale = $('language').value;
    localStorage.setItem('xs.locale', state.locale);
    applyLocale();
  });
  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void login($('token').value.trim());
  });
  $('logout').addEventListener('click', () => {
    sessionStorage.removeItem('xs.token');
    state.stop?.();
    location.reload();
  });
  $('claim').addEventListener('click', act((caseId) => state.api.claim(caseId), 'claimed', (caseId) => rememberMine(caseId, true)));
  $('handback').addEventListener('click', act((caseId) => state.api.handBack(caseId), 'handedBack', (caseId) => rememberMine(caseId, false)));
  $('chat').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('chat-text').value.trim();
    if (!text) return;
    await act((caseId) => state.api.say(caseId, text), 'sent', () => ($('chat-text').value = ''))();
    $('chat-text').focus();
  });
  $('chat-text').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $('chat').requestSubmit();
    }
  });
  $('propose').addEventListener('submit', (event) => {
    event.preventDefault();
    const months = $('propose-months').value;
    const discount = $('propose-discount').value;
    const proposal = { kind: $('propose-kind').value, ...(months ? { months: Number(months) } : {}), ...(discount ? { settlementDiscount: Number(discount) / 100 } : {}), ...($('propose-waive').checked ? { waiveFees: true } : {}) };
    void act((caseId) => state.api.propose(caseId, proposal), 'proposed')();
  });
  $('close').addEventListener('submit', (event) => {
    event.preventDefault();
    void act((caseId) => state.api.close(caseId, $('close-outcome').value, $('close-note').value.trim()), 'closed', (caseId) => rememberMine(caseId, false))();
  });
}

wire();
applyLocale();
const saved = sessionStorage.getItem('xs.token');
if (saved) void login(saved);
else $('token').focus();
