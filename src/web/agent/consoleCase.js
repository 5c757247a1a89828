// The open case: header (who, why, priority, verified, plan state, timers), facts, plan, offers, transcript; its actions.
import {
  accountFacts,
  caseTimer,
  el,
  factList,
  interviewFacts,
  offerItem,
  outcomeText,
  transcriptEntry,
} from './consoleView.js';
import { renderPlan, surveyFact } from './consolePlan.js';
import { $, attempt, fail, markSeen, names, state } from './consoleState.js';
import { hideCanned } from './consoleCanned.js';
import { refresh, renderList } from './consoleList.js';

function resetForms() {
  for (const id of ['chat', 'note', 'propose', 'close', 'transfer']) $(id).reset();
  hideCanned();
}

export async function openCase(caseId, { focus }) {
  // Another case: the previous one's drafts go at once, before the new case arrives.
  if (caseId !== state.current) resetForms();
  const view = focus ? await attempt(() => state.api.view(caseId)) : await viewInBackground(caseId);
  if (!view) return;
  Object.assign(state, { current: caseId, caseView: view });
  sessionStorage.setItem(`xs.current.${state.me.id}`, caseId);
  const last = view.transcript.filter((entry) => entry.actor === 'borrower').at(-1);
  if (last) markSeen(caseId, last.at);
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

function renderHeader(view, summary, words) {
  const reason = view.handoff?.reason ?? summary?.reason;
  const priority = view.handoff?.priority ?? summary?.priority;
  $('case-title').textContent =
    [view.account?.borrowerName, view.account?.accountRef].filter(Boolean).join(' · ') || view.caseId;
  const verified = view.identityVerified;
  const status = summary && summary.status !== 'escalated' ? outcomeText(summary, words) : words.statuses[view.status];
  $('case-meta').replaceChildren(
    priority ? el('span', { class: `badge ${priority}` }, words.priorities[priority]) : '',
    ` ${words.reasons[reason] ?? ''} · ${status} · ${view.locale} · `,
    el('span', { class: verified ? 'verified' : 'not-verified' }, verified ? words.verified : words.notVerified),
    view.plan ? ' · ' : '',
    view.plan
      ? el('span', { class: `badge plan-${view.plan.state}` }, `${words.plan}: ${words.planStates[view.plan.state]}`)
      : '',
    ` · ${view.caseId}`,
  );
  const timer = summary ? caseTimer(summary, state.settings.targets, Date.now(), words) : undefined;
  $('case-timers').replaceChildren(timer ? el('span', { class: `timer ${timer.level}` }, timer.text) : '');
}

export function renderCase() {
  const view = state.caseView;
  $('no-case').hidden = Boolean(view);
  $('case-body').hidden = !view;
  if (!view || !state.words || !state.me) return;
  const words = state.words;
  const canAct =
    view.handoff?.agentId === state.me.id || (state.me.role === 'supervisor' && Boolean(view.handoff?.agentId));
  renderHeader(view, summaryOf(view.caseId), words);
  $('claim').hidden = view.status !== 'escalated' || Boolean(view.handoff?.agentId);
  for (const id of ['chat', 'propose', 'close', 'transfer'])
    $(id)
      .querySelectorAll('input, select, textarea, button')
      .forEach((c) => (c.disabled = !canAct));
  $('note')
    .querySelectorAll('input, button')
    .forEach((c) => (c.disabled = view.status !== 'escalated'));
  $('handback').disabled = !canAct;
  factList($('facts'), [...accountFacts(view, words, state.locale, names), ...surveyFact(view, words)], words);
  factList($('interview'), interviewFacts(view, words, state.locale), words);
  renderPlan($('plan-panel'), view, words, state.locale);
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

/** `doneKey` names the words said once the action succeeded; `focusAfter` the element that gets focus. */
export const act = (action, doneKey, focusAfter) => async () => {
  const caseId = state.current;
  const startedFrom = document.activeElement;
  $('alert').hidden = true;
  const result = await attempt(() => action(caseId), state.words[doneKey]);
  if (result) {
    await openCase(caseId, { focus: false });
    await refresh();
    // Focus moves on only if the agent has not gone on meanwhile (typing a note while a message was still sending).
    const movedOn = document.activeElement !== startedFrom && document.activeElement !== document.body;
    if (!movedOn) $(focusAfter ?? 'case-title').focus();
  }
  return result;
};

const agree = (offerId) => act((caseId) => state.api.agree(caseId, offerId), 'agreed')();

/** A live event for the open case: transcript entries are appended, anything else reloads the case. */
export function onCaseEvent(type, event) {
  if (event.caseId !== state.current || !state.caseView) return;
  if (type === 'transcript.appended') {
    state.caseView.transcript.push(...(event.entries ?? []));
    renderCase();
  } else {
    void openCase(state.current, { focus: false });
  }
}
