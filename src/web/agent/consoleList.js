// The left column: view tabs with counts, search and filters, the case list with unread marks and timers; new-case notices.
import { caseItem, el } from './consoleView.js';
import { $, isUnread, names, state, VIEWS } from './consoleState.js';
import { renderFloor } from './consoleFloor.js';
import { announce, titleWithCount } from './notify.js';

/** Set by console.js: what a click on a case in the list does. */
export const list = { open: async () => {} };

export function renderTabs() {
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

export async function switchView(view, focus) {
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
export async function refresh() {
  if (!state.api) return;
  const [listed, queue, mine] = await Promise.all([
    state.api.list(listParams()).catch(() => undefined),
    state.api.list({ view: 'queue' }).catch(() => undefined),
    state.api.list({ view: 'mine' }).catch(() => undefined),
  ]);
  if (listed) Object.assign(state, { cases: listed.cases, now: Date.parse(listed.now) });
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

export function renderList() {
  if (!state.api) return;
  const words = state.words;
  const ctx = { words, targets: state.settings.targets, now: state.now, names, unread: false };
  $('list-title').textContent = $('search').value.trim() ? words.searchButton : words.viewNames[state.view];
  const items = state.cases.map((item) =>
    caseItem(item, { ...ctx, unread: isUnread(item) }, item.caseId === state.current, (caseId) =>
      list.open(caseId, { focus: true }),
    ),
  );
  $('case-list').replaceChildren(...(items.length ? items : [el('li', { class: 'hint' }, words.noCases)]));
  const unread = state.mine.filter(isUnread).length;
  document.title = titleWithCount(words.title, state.queue.length + unread);
}
