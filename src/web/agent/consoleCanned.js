// Canned replies: "/" then a short code in the reply box lists matches; arrows move, Enter or Tab takes the highlighted one.
import { el } from './consoleView.js';
import { $, state } from './consoleState.js';

function cannedMatches() {
  const text = $('chat-text').value;
  if (!text.startsWith('/') || text.includes(' ')) return [];
  const code = text.slice(1).toLowerCase();
  return (state.settings.canned[state.caseView?.locale] ?? []).filter((reply) => reply.code.startsWith(code));
}

export function hideCanned() {
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

/** The reply box's keys: the canned list first, then Enter sends (Shift+Enter is a new line). */
export function wireCanned() {
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
}
