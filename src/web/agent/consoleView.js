// Renders case list items, case facts, offers and transcript entries as DOM nodes (text only, never HTML from data).
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key in node) node[key] = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat())
    if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  return node;
}

export function money(minor, currency, locale) {
  if (minor === undefined || minor === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: currency ?? 'CNY' }).format(minor / 100);
}

export const minutesSince = (iso, now) => Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));

/** green under half the target, amber up to it, red past it. */
export function slaLevel(minutes, targetMinutes) {
  if (targetMinutes === undefined) return 'ok';
  return minutes > targetMinutes ? 'late' : minutes >= targetMinutes / 2 ? 'soon' : 'ok';
}

/** The timer that matters for a case: time to the first answer while unanswered, else since the borrower's unanswered message. */
export function caseTimer(item, targets, now, words) {
  const target = targets?.[item.priority];
  if (item.status !== 'escalated') return undefined;
  if (!item.firstResponseAt) {
    const minutes = minutesSince(item.queuedAt, now);
    return {
      text: `${words.waiting} ${minutes} ${words.minutes}`,
      level: slaLevel(minutes, target?.firstResponseMinutes),
    };
  }
  if (item.lastBorrowerAt && item.lastBorrowerAt > (item.lastAgentAt ?? '')) {
    const minutes = minutesSince(item.lastBorrowerAt, now);
    return {
      text: `${words.sinceBorrower} ${minutes} ${words.minutes}`,
      level: slaLevel(minutes, target?.replyMinutes),
    };
  }
  return undefined;
}

export function caseItem(item, ctx, selected, onOpen) {
  const { words, targets, now, unread, names } = ctx;
  const timer = caseTimer(item, targets, now, words);
  const title = [item.borrowerName, item.accountRef].filter(Boolean).join(' · ') || item.caseId;
  const ended = item.status === 'agreed' || item.status === 'closed';
  return el(
    'li',
    {},
    el(
      'button',
      {
        type: 'button',
        class: `item ${selected ? 'selected' : ''}`,
        'data-case': item.caseId,
        onclick: () => onOpen(item.caseId),
        'aria-current': selected ? 'true' : 'false',
      },
      el('span', { class: `badge ${item.priority}` }, words.priorities[item.priority] ?? item.priority),
      el(
        'span',
        { class: 'reason' },
        words.reasons[item.reason] ?? item.reason,
        unread
          ? el('span', { class: 'unread', title: words.unread }, ' ●', el('span', { class: 'sr' }, words.unread))
          : undefined,
      ),
      el(
        'span',
        { class: 'sub' },
        [
          title,
          item.tier,
          ended ? outcomeText(item, words) : item.agentId ? `${words.heldBy} ${names(item.agentId)}` : undefined,
          item.reference,
        ]
          .filter(Boolean)
          .join(' · '),
      ),
      timer ? el('span', { class: `sub timer ${timer.level}` }, timer.text) : undefined,
      item.identityVerified === false
        ? el('span', { class: 'badge unverified', 'data-unverified': '' }, words.notVerified)
        : undefined,
    ),
  );
}

export function outcomeText(item, words) {
  const code = item.outcome?.startsWith('closed:') ? item.outcome.slice('closed:'.length) : item.outcome;
  return words.outcomes[code] ?? words.statuses[item.status] ?? item.status;
}

export function factList(target, pairs, words) {
  target.replaceChildren(
    // A list needs its term: an empty one says so as a term (a lone <dd> breaks the list for screen readers).
    ...(pairs.length === 0
      ? [el('dt', {}, words.empty), el('dd', {}, '—')]
      : pairs.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value ?? '—')])),
  );
}

export function accountFacts(view, words, locale, names) {
  const a = view.account;
  const facts = [
    [words.status, words.statuses[view.status] ?? view.status],
    [words.heldBy, view.handoff?.agentId ? names(view.handoff.agentId) : '—'],
  ];
  if (view.agreement) facts.push([words.reference, view.agreement.reference]);
  if (!a) return facts;
  return [
    ...facts,
    [words.tier, `${a.tier} · ${a.daysPastDue} ${words.days}`],
    [words.overdue, money(a.overdueMinor, a.currency, locale)],
    [words.fees, money(a.feesMinor, a.currency, locale)],
    [words.balance, money(a.balanceMinor, a.currency, locale)],
    [words.regular, `${money(a.regularMonthlyMinor, a.currency, locale)} × ${a.remainingMonths}`],
    [words.broken, String(a.brokenArrangements12m)],
    // The lender's payments for the account, newest first (the five latest).
    ...(view.payments ?? [])
      .slice(-5)
      .reverse()
      .map((p) => [
        words.paymentReceived,
        `${money(p.amountMinor, p.currency, locale)} · ${new Date(p.paidAt).toLocaleDateString(locale)}`,
      ]),
  ];
}

export function interviewFacts(view, words, locale) {
  const currency = view.account?.currency;
  return Object.entries(view.interview).map(([key, value]) => [
    words.interviewKeys[key] ?? key,
    key.endsWith('Minor') ? money(value, currency, locale) : (words.values[value] ?? String(value)),
  ]);
}

export function offerItem(offer, tag, words, locale, currency, onAgree) {
  const sum =
    offer.kind === 'settlement'
      ? money(offer.totalMinor, currency, locale)
      : `${money(offer.monthlyMinor, currency, locale)} × ${offer.months}`;
  return el(
    'li',
    { class: 'offer' },
    el('div', {}, el('strong', {}, words.kinds[offer.kind] ?? offer.kind), ' ', el('span', { class: 'tag' }, tag)),
    el(
      'div',
      { class: 'sub' },
      `${sum} = ${money(offer.totalMinor, currency, locale)}${offer.waiver ? ` (−${money(offer.waiver.waivedMinor, currency, locale)})` : ''}`,
    ),
    el('button', { type: 'button', class: 'small', onclick: () => onAgree(offer.id) }, words.agree),
  );
}

/** What an event entry means, in words: notes, offers chosen, outcomes (never the raw data). */
function eventText(entry, words, names, offerName) {
  const data = entry.data ?? {};
  if (entry.text === 'note.added') return String(data.note ?? '');
  const base = words.events[entry.text] ?? entry.text;
  if (entry.text === 'offer.chosen' || entry.text === 'offer.proposed')
    return `${base}: ${offerName(data.offerId ?? data.offer?.id)}`;
  if (entry.text === 'case.closed')
    return `${base}: ${words.outcomes[data.outcome] ?? data.outcome ?? ''}${data.note ? ` — ${data.note}` : ''}`;
  if (entry.text === 'case.transferred')
    return `${base}: ${data.to === 'supervisors' ? words.supervisorsQueue : names(data.to)}`;
  if (entry.text === 'case.escalated') return `${base}: ${words.reasons[data.reason] ?? data.reason ?? ''}`;
  if (entry.text === 'agreement.recorded') return `${base}: ${data.reference ?? ''}`;
  if (entry.text === 'survey.rated') return `${base}: ${data.rating}/5`;
  if (entry.text === 'promise.made' && data.byDate) return `${base}: ${data.byDate}`;
  if (entry.text === 'survey.commented') return `${base}: ${data.comment ?? ''}`;
  return base;
}

export function transcriptEntry(entry, ctx) {
  const { words, names, offerName } = ctx;
  const note = entry.text === 'note.added';
  const who =
    entry.actor === 'agent' && entry.actorId ? names(entry.actorId) : (words.actor[entry.actor] ?? entry.actor);
  const time = new Date(entry.at).toLocaleTimeString();
  const chosenByTap = entry.actor === 'borrower' && !entry.text && entry.data?.value?.offerId;
  const text =
    entry.kind === 'event'
      ? eventText(entry, words, names, offerName)
      : chosenByTap
        ? `${words.events['offer.chosen']}: ${offerName(entry.data.value.offerId)}`
        : entry.text;
  return el(
    'li',
    { class: `entry ${entry.actor} ${note ? 'note' : entry.kind}` },
    el('span', { class: 'who' }, `${note ? `${words.noteLabel} · ` : ''}${who} · ${time}`),
    el('span', { class: 'text' }, text),
  );
}
