// Renders queue items, case facts, offers and transcript entries as DOM nodes (text only, never HTML from data).
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key in node) node[key] = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  return node;
}

export function money(minor, currency, locale) {
  if (minor === undefined || minor === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: currency ?? 'CNY' }).format(minor / 100);
}

const waited = (seconds, words) => `${words.waiting} ${Math.max(1, Math.round(seconds / 60))} ${words.minutes}`;

export function queueItem(item, words, locale, selected, onOpen) {
  return el('li', {},
    el('button', { type: 'button', class: `item ${selected ? 'selected' : ''}`, 'data-case': item.caseId, onclick: () => onOpen(item.caseId), 'aria-current': selected ? 'true' : 'false' },
      el('span', { class: `badge ${item.priority}` }, words.priorities[item.priority] ?? item.priority),
      el('span', { class: 'reason' }, words.reasons[item.reason] ?? item.reason),
      el('span', { class: 'sub' }, [waited(item.waitingSeconds, words), item.locale, item.tier, item.overdueMinor !== undefined ? money(item.overdueMinor, item.currency, locale) : undefined].filter(Boolean).join(' · ')),
    ),
  );
}

export function mineItem(caseId, selected, onOpen) {
  return el('li', {}, el('button', { type: 'button', class: `item ${selected ? 'selected' : ''}`, 'data-mine': caseId, onclick: () => onOpen(caseId), 'aria-current': selected ? 'true' : 'false' }, el('span', { class: 'reason' }, caseId)));
}

export function factList(target, pairs, words) {
  target.replaceChildren(...(pairs.length === 0 ? [el('dd', {}, words.empty)] : pairs.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value ?? '—')])));
}

export function accountFacts(view, words, locale) {
  const a = view.account;
  const facts = [[words.reason, words.reasons[view.handoff?.reason] ?? view.handoff?.reason ?? '—'], [words.priority, words.priorities[view.handoff?.priority] ?? '—'], [words.heldBy, view.handoff?.agentId ?? '—'], [words.status, view.status]];
  if (!a) return facts;
  return [
    ...facts,
    ['account', `${a.accountRef} (${a.product})`], ['borrower', a.borrowerName], ['tier', `${a.tier} · ${a.daysPastDue} d`],
    ['overdue', money(a.overdueMinor, a.currency, locale)], ['fees', money(a.feesMinor, a.currency, locale)], ['balance', money(a.balanceMinor, a.currency, locale)],
    ['regular', `${money(a.regularMonthlyMinor, a.currency, locale)} × ${a.remainingMonths}`], ['broken 12m', String(a.brokenArrangements12m)],
  ];
}

export function interviewFacts(view, locale) {
  const currency = view.account?.currency;
  return Object.entries(view.interview).map(([key, value]) => [key, key.endsWith('Minor') ? money(value, currency, locale) : String(value)]);
}

export function offerItem(offer, tag, words, locale, currency, onAgree) {
  const sum = offer.kind === 'settlement' ? money(offer.totalMinor, currency, locale) : `${money(offer.monthlyMinor, currency, locale)} × ${offer.months}`;
  return el('li', { class: 'offer' },
    el('div', {}, el('strong', {}, offer.id), ' ', el('span', { class: 'tag' }, tag)),
    el('div', { class: 'sub' }, `${sum} = ${money(offer.totalMinor, currency, locale)}${offer.waiver ? ` (−${money(offer.waiver.waivedMinor, currency, locale)})` : ''}`),
    el('button', { type: 'button', class: 'small', onclick: () => onAgree(offer.id) }, words.agree),
  );
}

export function transcriptEntry(entry, words) {
  const who = entry.actor === 'agent' && entry.actorId ? `${words.actor.agent} ${entry.actorId}` : (words.actor[entry.actor] ?? entry.actor);
  const time = new Date(entry.at).toLocaleTimeString();
  return el('li', { class: `entry ${entry.actor} ${entry.kind}` },
    el('span', { class: 'who' }, `${who} · ${time}`),
    el('span', { class: 'text' }, entry.kind === 'event' ? `⟨${entry.text}${entry.data ? ` ${JSON.stringify(entry.data).slice(0, 120)}` : ''}⟩` : entry.text),
  );
}
