// The agent console's entry: language, log in, and the wiring of every control to its part (list, case, canned replies).
import { createApi } from './consoleApi.js';
import { act, onCaseEvent, openCase, renderCase } from './consoleCase.js';
import { wireCanned } from './consoleCanned.js';
import { list, refresh, renderList, renderTabs, switchView } from './consoleList.js';
import { $, after, KINDS, names, OUTCOMES, PRIORITIES, REASONS, say, state } from './consoleState.js';
import { el } from './consoleView.js';
import { translate } from './i18n.js';

after.conflict = () => openCase(state.current, { focus: false });
after.refresh = refresh;
list.open = openCase;

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

function renderTransferTargets() {
  if (!state.words) return;
  const others = state.staff.filter((member) => member.id !== state.me?.id).map((member) => member.id);
  options($('transfer-to'), ['', ...others], (id) =>
    id
      ? `${names(id)}${state.staff.find((m) => m.id === id)?.online ? '' : ` (${state.words.away})`}`
      : state.words.supervisorsQueue,
  );
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
  state.stop = api.stream(
    (type, event) => {
      void refresh();
      onCaseEvent(type, event);
    },
    (up) => say(up ? '' : state.words.offline),
  );
  renderTabs();
  renderTransferTargets();
  await refresh();
  // A reload (or a new tab) comes back to the case the agent was working on.
  if (state.mine.length > 0) await switchView('mine', false);
  const last = sessionStorage.getItem(`xs.current.${me.id}`);
  if (last) await openCase(last, { focus: false });
  document.querySelector('#view-tabs [aria-pressed="true"]')?.focus();
}

const submit = (id, handle) =>
  $(id).addEventListener('submit', (event) => {
    event.preventDefault();
    void handle();
  });

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
  submit('login-form', () => login($('token').value.trim()));
  $('logout').addEventListener('click', () => {
    sessionStorage.clear();
    state.stop?.();
    location.reload();
  });
  submit('search-form', refresh);
  $('claim').addEventListener(
    'click',
    act((caseId) => state.api.claim(caseId), 'claimed', 'chat-text'),
  );
  $('handback').addEventListener(
    'click',
    act((caseId) => state.api.handBack(caseId), 'handedBack'),
  );
  submit('chat', async () => {
    const text = $('chat-text').value.trim();
    if (text && (await act((caseId) => state.api.say(caseId, text), 'sent', 'chat-text')())) $('chat-text').value = '';
  });
  wireCanned();
  submit('note', async () => {
    const text = $('note-text').value.trim();
    if (text && (await act((caseId) => state.api.note(caseId, text), 'noteAdded', 'note-text')()))
      $('note-text').value = '';
  });
  submit(
    'transfer',
    act((caseId) => state.api.transfer(caseId, $('transfer-to').value, $('transfer-note').value.trim()), 'transferred'),
  );
  submit('propose', () => {
    const months = $('propose-months').value;
    const discount = $('propose-discount').value;
    const proposal = {
      kind: $('propose-kind').value,
      ...(months ? { months: Number(months) } : {}),
      ...(discount ? { settlementDiscount: Number(discount) / 100 } : {}),
      ...($('propose-waive').checked ? { waiveFees: true } : {}),
    };
    return act((caseId) => state.api.propose(caseId, proposal), 'proposed')();
  });
  submit(
    'close',
    act((caseId) => state.api.close(caseId, $('close-outcome').value, $('close-note').value.trim()), 'closed'),
  );
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
